#include "PasswordPolicyCommand.h"

#include "model/accounts/ClerkAccounts.h"
#include "model/storage/StorageError.h"

namespace gongji {

PasswordPolicyCommand::PasswordPolicyCommand()
    : m_minLength(QStringLiteral("min-length"), QStringLiteral("At least N characters (8 or more)."),
                  QStringLiteral("N"))
    , m_minClasses(
          QStringLiteral("min-classes"),
          QStringLiteral("Characters of at least N of the 4 kinds: lower-case, upper-case, digits, other (1-4)."),
          QStringLiteral("N"))
    , m_maxAge(QStringLiteral("max-age-days"),
               QStringLiteral("A password older than N days must be changed at the next sign-in (0: never)."),
               QStringLiteral("N"))
    , m_history(QStringLiteral("history"),
                QStringLiteral("None of the last N passwords of an account again (0: no check)."), QStringLiteral("N"))
{}

QString PasswordPolicyCommand::summary() const
{
    return QStringLiteral("Show or set the clerks' password policy; setting needs a supervisor's sign-in.");
}

QString PasswordPolicyCommand::description() const
{
    return QStringLiteral("Without options shows the policy every account's password must meet. With options a\n"
                          "supervisor (the global --clerk LOGIN) sets a new one; options not given keep their value.\n"
                          "The default meets level-2 practice: 8 characters, 3 of the 4 kinds, changed every 90\n"
                          "days, none of the last 5 again. The policy applies to new passwords (init, add-clerk,\n"
                          "reset-password, change-password and the desk); an account whose password is older than\n"
                          "the maximum age must change it at its next sign-in (in gongji-admin: change-password).\n"
                          "Audited. Exit code 1 when a value is out of range, 4 when the sign-in fails; nothing is\n"
                          "changed then.");
}

void PasswordPolicyCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addOptions({m_minLength, m_minClasses, m_maxAge, m_history});
}

QString PasswordPolicyCommand::checkUsage(const QCommandLineParser &parser) const
{
    if (!parser.positionalArguments().isEmpty())
        return QStringLiteral("password-policy takes only options, found \"%1\".")
            .arg(parser.positionalArguments().join(QLatin1Char(' ')));
    for (const QCommandLineOption *option : {&m_minLength, &m_minClasses, &m_maxAge, &m_history}) {
        bool number = false;
        if (parser.isSet(*option))
            parser.value(*option).toInt(&number);
        if (parser.isSet(*option) && !number)
            return QStringLiteral("--%1 needs a whole number, found \"%2\".")
                .arg(option->names().constFirst(), parser.value(*option));
    }
    return {};
}

bool PasswordPolicyCommand::setsSomething(const QCommandLineParser &parser) const
{
    return parser.isSet(m_minLength) || parser.isSet(m_minClasses) || parser.isSet(m_maxAge) || parser.isSet(m_history);
}

std::optional<ClerkRole> PasswordPolicyCommand::requiredRole(const QCommandLineParser &parser) const
{
    return setsSomething(parser) ? std::optional<ClerkRole>(ClerkRole::Supervisor) : std::nullopt;
}

int PasswordPolicyCommand::run(const QCommandLineParser &parser, const AdminContext &context)
{
    ClerkAccounts accounts(context.connection);
    PasswordPolicy policy = accounts.policy();
    if (setsSomething(parser)) {
        const auto take = [&](const QCommandLineOption &option, int &field) {
            if (parser.isSet(option))
                field = parser.value(option).toInt();
        };
        take(m_minLength, policy.minLength);
        take(m_minClasses, policy.minClasses);
        take(m_maxAge, policy.maxAgeDays);
        take(m_history, policy.historyCount);
        const ClerkAccounts::Result result = accounts.setPolicy(context.actor, policy);
        if (!result.ok) {
            context.err << result.error << " Nothing was changed.\n";
            return exitCodeFor(result.failure);
        }
        context.out << "The new password policy applies from now on:\n";
    }
    context.out << "min-length: " << policy.minLength << '\n'
                << "min-classes: " << policy.minClasses << " of 4 (lower-case, upper-case, digits, other)\n"
                << "max-age-days: " << policy.maxAgeDays << (policy.maxAgeDays == 0 ? " (never expires)" : "") << '\n'
                << "history: " << policy.historyCount << '\n';
    return ExitOk;
}

} // namespace gongji
