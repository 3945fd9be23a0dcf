#pragma once
#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QTextStream>
#include <optional>

#include "model/domain/EndRequester.h"
#include "model/domain/Person.h"

namespace gongji {

// The options revoke and revoke-kinship share: the two persons of the pair (--authorizer and
// --target, or --holder and --member), --reason, and --requested-by (one of the two roles,
// the first by default). Checking them and finding the persons is the same for both.
class RevocationOptions
{
public:
    struct Role
    {
        EndRequester who; // Authorizer: the option --authorizer and the default of --requested-by
        QString help; // its line in --help
    };
    RevocationOptions(const QString &command, const Role &first, const Role &second);

    // "--authorizer TYPE:NUMBER --target TYPE:NUMBER --reason TEXT [--requested-by authorizer|target]"
    QString usage() const;
    void addTo(QCommandLineParser &parser) const;
    // What is wrong with the command line, or empty.
    QString usageProblem(const QCommandLineParser &parser) const;
    // Both persons from the registry; when either is missing, every problem and "Nothing was
    // changed." are written to `err` and nothing is returned. Throws StorageError.
    std::optional<std::pair<Person, Person>> findPersons(const QCommandLineParser &parser, const QString &connection,
                                                         QTextStream &err) const;

    QString firstText(const QCommandLineParser &parser) const { return parser.value(m_first); }
    QString reason(const QCommandLineParser &parser) const { return parser.value(m_reason).trimmed(); }
    // After usageProblem() found nothing wrong: one of the two roles.
    EndRequester requestedBy(const QCommandLineParser &parser) const;

private:
    QString m_command;
    EndRequester m_firstRequester;
    EndRequester m_secondRequester;
    QString m_firstRole; // its keyword: the option's name
    QString m_secondRole;
    QCommandLineOption m_first;
    QCommandLineOption m_second;
    QCommandLineOption m_reason;
    QCommandLineOption m_requestedBy;
};

} // namespace gongji
