#include "RevocationOptions.h"

#include "PersonArgument.h"

namespace gongji {

RevocationOptions::RevocationOptions(const QString &command, const Role &first, const Role &second)
    : m_command(command)
    , m_firstRequester(first.who)
    , m_secondRequester(second.who)
    , m_firstRole(EndRequesters::keyword(first.who))
    , m_secondRole(EndRequesters::keyword(second.who))
    , m_first(m_firstRole, first.help, QStringLiteral("TYPE:NUMBER"))
    , m_second(m_secondRole, second.help, QStringLiteral("TYPE:NUMBER"))
    , m_reason(QStringLiteral("reason"), QStringLiteral("Why the binding ends (recorded and audited)."),
               QStringLiteral("TEXT"))
    , m_requestedBy(
          QStringLiteral("requested-by"),
          QStringLiteral("Who asks for the revocation: %1 or %2 (default: %1).").arg(m_firstRole, m_secondRole),
          QStringLiteral("WHO"), m_firstRole)
{}

QString RevocationOptions::usage() const
{
    return QStringLiteral("--%1 TYPE:NUMBER --%2 TYPE:NUMBER --reason TEXT [--requested-by %1|%2]")
        .arg(m_firstRole, m_secondRole);
}

void RevocationOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOptions({m_first, m_second, m_reason, m_requestedBy});
}

QString RevocationOptions::usageProblem(const QCommandLineParser &parser) const
{
    if (!parser.positionalArguments().isEmpty())
        return QStringLiteral("%1 takes only options, found \"%2\"; give the persons with --%3 and --%4.")
            .arg(m_command, parser.positionalArguments().join(QLatin1Char(' ')), m_firstRole, m_secondRole);
    for (const QCommandLineOption *option : {&m_first, &m_second}) {
        const QString what = QStringLiteral("--") + option->names().constFirst();
        if (!parser.isSet(*option))
            return QStringLiteral("%1 is missing; give it as TYPE:NUMBER, e.g. 01:110101199003071234.").arg(what);
        const QString problem = PersonArgument::usageProblem(parser.value(*option), what);
        if (!problem.isEmpty())
            return problem;
    }
    if (reason(parser).isEmpty())
        return QStringLiteral("--reason needs a text; a revocation records why the binding ends.");
    const QString who = parser.value(m_requestedBy);
    if (who != m_firstRole && who != m_secondRole)
        return QStringLiteral("--requested-by must be %1 or %2, found \"%3\".").arg(m_firstRole, m_secondRole, who);
    return {};
}

EndRequester RevocationOptions::requestedBy(const QCommandLineParser &parser) const
{
    return parser.value(m_requestedBy) == m_secondRole ? m_secondRequester : m_firstRequester;
}

std::optional<std::pair<Person, Person>>
RevocationOptions::findPersons(const QCommandLineParser &parser, const QString &connection, QTextStream &err) const
{
    const PersonArgument::Found first
        = PersonArgument::find(connection, parser.value(m_first), QStringLiteral("The ") + m_firstRole);
    const PersonArgument::Found second
        = PersonArgument::find(connection, parser.value(m_second), QStringLiteral("The ") + m_secondRole);
    if (first.person && second.person)
        return std::pair(*first.person, *second.person);
    for (const PersonArgument::Found *found : {&first, &second})
        if (!found->error.isEmpty())
            err << found->error << '\n';
    err << "Nothing was changed.\n";
    return std::nullopt;
}

} // namespace gongji
