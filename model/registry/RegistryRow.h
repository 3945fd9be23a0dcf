#pragma once
#include <QDate>
#include <QStringList>

#include "model/domain/Person.h"

namespace gongji {

// One data row of a registry CSV file (docs/domain.md §10), checked field by field.
class RegistryRow
{
public:
    // Checks `fields` and fills `person`; returns the problems, one message each (none: the row
    // is good). `today` is asked once per file by the caller: the clock costs more than a row.
    static QStringList read(QStringList fields, const QDate &today, Person &person);
};

} // namespace gongji
