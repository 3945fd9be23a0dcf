#include "AccountCommand.h"

namespace gongji {

void AccountCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(QStringLiteral("LOGIN"), QStringLiteral("The account's login."));
}

QString AccountCommand::checkUsage(const QCommandLineParser &parser) const
{
    const QStringList arguments = parser.positionalArguments();
    if (arguments.size() != 1)
        return QStringLiteral("give exactly one LOGIN, the account's, found %1 arguments.").arg(arguments.size());
    return {};
}

QString AccountCommand::login(const QCommandLineParser &parser)
{
    return parser.positionalArguments().constFirst().trimmed();
}

int AccountCommand::report(const AdminContext &context, const Outcome &outcome, const QString &done)
{
    if (!outcome.ok) {
        context.err << outcome.error << " Nothing was changed.\n";
        return exitCodeFor(outcome.failure);
    }
    context.out << done << '\n';
    return ExitOk;
}

} // namespace gongji
