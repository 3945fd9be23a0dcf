#pragma once
#include <QString>

namespace gongji {

// How gongji-desk opens its database at start: Database::open, and when the local file is
// damaged, DamagedDatabaseDialog to put a backup in its place, then open again. Once open, a
// local file gets its daily automatic backup at the clean close of the program (BackupFolder).
class StartupDatabase
{
public:
    // True when `where` is open on `connection`. False after a message saying why (or after the
    // clerk chose Quit in the damage dialog): the program should end.
    static bool openOrRecover(const QString &where, const QString &connection);
};

} // namespace gongji
