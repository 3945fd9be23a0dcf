#pragma once
#include <QDate>
#include <QString>

#include "model/storage/Database.h"

namespace gongji {

// Opens the database as gongji-desk and gongji-admin do at start: Database::open (the
// connection, the checks, the schema brought up to date), then the day's automatic steps that
// belong to the rules rather than to storage: the bindings whose authorization period was over
// before `today` are ended (BindingExpiry), so the first program to open the database after that
// day does it. On failure the connection is removed and the error says what to do.
class DatabaseStartup
{
public:
    static Database::OpenResult open(const QString &where,
                                     const QString &connection = Database::defaultConnectionName(),
                                     const Database::Options &options = {}, const QDate &today = QDate::currentDate());
};

} // namespace gongji
