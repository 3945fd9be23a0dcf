#include "RevokeKinshipCommand.h"

#include "PersonArgument.h"
#include "filing/BindingRevocation.h"
#include "storage/BindingStore.h"
#include "storage/KinshipStore.h"

namespace gongji {

RevokeKinshipCommand::RevokeKinshipCommand()
    : m_holder(QStringLiteral("holder"), QStringLiteral("The account holder: ID type code and number."),
               QStringLiteral("TYPE:NUMBER"))
    , m_member(QStringLiteral("member"), QStringLiteral("The member: ID type code and number."),
               QStringLiteral("TYPE:NUMBER"))
    , m_reason(QStringLiteral("reason"), QStringLiteral("Why the binding ends (recorded and audited)."),
               QStringLiteral("TEXT"))
    , m_requestedBy(QStringLiteral("requested-by"),
                    QStringLiteral("Who asks for the revocation: holder or member (default: holder)."),
                    QStringLiteral("WHO"), QStringLiteral("holder"))
{
}

QString RevokeKinshipCommand::usage() const
{
    return QStringLiteral("--holder TYPE:NUMBER --member TYPE:NUMBER --reason TEXT "
                          "[--requested-by holder|member]");
}

QString RevokeKinshipCommand::summary() const
{
    return QStringLiteral("End (解除) the active kinship-account binding of a holder and a member.");
}

QString RevokeKinshipCommand::description() const
{
    return QStringLiteral(
        "Ends the active kinship-account binding (亲情账户: the holder may show the member's\n"
        "e-voucher; no money moves), as the household screen does: in one transaction the\n"
        "binding is ended with the clerk, the time, who asked and the reason, and an audit\n"
        "entry is written. What was ended is printed, with the numbers masked.\n\n"
        "Persons are given as ID type code and number, e.g. 01:110101199003071234.\n"
        "For mutual aid (共济) use revoke.\n\n"
        "Needs a clerk's sign-in (the global --clerk LOGIN, see gongji-admin --help); the\n"
        "signed-in account is recorded as the clerk who ended the binding.\n\n"
        "The exit code is 1 and nothing is changed when a number is not valid, a person is not\n"
        "in the registry, or the pair has no active kinship-account binding.");
}

void RevokeKinshipCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addOptions({m_holder, m_member, m_reason, m_requestedBy});
}

QString RevokeKinshipCommand::checkUsage(const QCommandLineParser &parser) const
{
    if (!parser.positionalArguments().isEmpty())
        return QStringLiteral("revoke-kinship takes only options, found \"%1\"; give the persons with --holder "
                              "and --member.").arg(parser.positionalArguments().join(QLatin1Char(' ')));
    for (const QCommandLineOption *option : {&m_holder, &m_member}) {
        const QString what = QStringLiteral("--") + option->names().constFirst();
        if (!parser.isSet(*option))
            return QStringLiteral("%1 is missing; give it as TYPE:NUMBER, e.g. 01:110101199003071234.").arg(what);
        const QString problem = PersonArgument::usageProblem(parser.value(*option), what);
        if (!problem.isEmpty())
            return problem;
    }
    if (parser.value(m_reason).trimmed().isEmpty())
        return QStringLiteral("--reason needs a text; a revocation records why the binding ends.");
    const QString requestedBy = parser.value(m_requestedBy);
    if (requestedBy != QLatin1String("holder") && requestedBy != QLatin1String("member"))
        return QStringLiteral("--requested-by must be holder or member, found \"%1\".").arg(requestedBy);
    return {};
}

int RevokeKinshipCommand::run(const QCommandLineParser &parser, const AdminContext &context)
{
    const PersonArgument::Found holder =
        PersonArgument::find(context.connection, parser.value(m_holder), QStringLiteral("The holder"));
    const PersonArgument::Found member =
        PersonArgument::find(context.connection, parser.value(m_member), QStringLiteral("The member"));
    if (!holder.person || !member.person) {
        for (const PersonArgument::Found *found : {&holder, &member})
            if (!found->error.isEmpty())
                context.err << found->error << '\n';
        context.err << "Nothing was changed.\n";
        return ExitInputRefused;
    }
    const Person &h = *holder.person;
    const Person &m = *member.person;

    KinshipStore store(context.connection);
    std::optional<KinshipBinding> binding;
    for (const KinshipBinding &candidate : store.activeByHolder(h.id))
        if (candidate.memberId == m.id)
            binding = candidate;
    if (!binding) {
        context.err << "There is no active kinship-account binding in which " << PersonArgument::describe(h)
                    << " holds " << PersonArgument::describe(m) << "; nothing was changed.\n";
        if (store.activePairExists(m.id, h.id))
            context.err << "There is one the other way round: swap --holder and --member to end it.\n";
        BindingStore mutualAid(context.connection);
        if (mutualAid.activePairExists(h.id, m.id) || mutualAid.activePairExists(m.id, h.id))
            context.err << "They share a mutual-aid binding (共济): end that with revoke.\n";
        context.err << "Run household " << parser.value(m_holder) << " to see the bindings.\n";
        return ExitInputRefused;
    }

    const QString clerk = context.actor;
    const QString reason = parser.value(m_reason).trimmed();
    const QString requestedBy = parser.value(m_requestedBy);
    const BindingRevocation::Result revoked =
        BindingRevocation(context.connection).revokeKinship(binding->id, requestedBy, reason, clerk);
    if (!revoked.ok) {
        context.err << revoked.error << '\n';
        // Ended by another counter in between: the input no longer applies; otherwise storing failed.
        const std::optional<KinshipBinding> now = store.findById(binding->id);
        return now && now->status != QLatin1String("active") ? ExitInputRefused : ExitStorage;
    }
    context.out << "Ended the kinship-account binding (亲情账户) " << binding->number << ":\n  holder: "
                << PersonArgument::describe(h) << "\n  member: " << PersonArgument::describe(m) << ", "
                << binding->relationship << "\n  requested by " << requestedBy << ", reason: " << reason
                << ", clerk: " << clerk << '\n';
    return ExitOk;
}

} // namespace gongji
