#pragma once
#include <QString>

namespace gongji {

// Schema by version number (PRAGMA user_version). Each step runs in its own transaction;
// later issues append steps, never edit old ones.
class Migrations
{
public:
    static int latestVersion();
    // Brings the database from `currentVersion` to `targetVersion`; throws StorageError.
    // (A lower target makes a database as an earlier release left it: for the upgrade tests.)
    static void migrate(const QString &connection, int currentVersion, int targetVersion = latestVersion());
};

} // namespace gongji
