#pragma once
#include <QString>
#include <optional>

#include "model/domain/Person.h"

namespace gongji {

// A person named on the command line as TYPE:NUMBER (ID type code of docs/domain.md §3 and the
// number), e.g. 01:110101199003071234, looked up in the registry.
class PersonArgument
{
public:
    struct Found
    {
        std::optional<Person> person;
        QString error; // what is wrong and what to do; empty when found
    };

    // What is wrong with the shape of `text`, or empty. `what` names it: "--authorizer", "the person".
    static QString usageProblem(const QString &text, const QString &what);
    // Checks the number as the counter does and looks the person up. Throws StorageError.
    static Found find(const QString &connection, const QString &text, const QString &what);
    // "张伟 (01 330102********1236)": for output, with the number masked as on every screen.
    static QString describe(const Person &person);
};

} // namespace gongji
