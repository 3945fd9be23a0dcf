#include "RevokeKinshipCommand.h"

#include "PersonArgument.h"
#include "model/filing/BindingRevocation.h"
#include "model/storage/BindingStore.h"
#include "model/storage/KinshipStore.h"

namespace gongji {

RevokeKinshipCommand::RevokeKinshipCommand()
    : m_options(QStringLiteral("revoke-kinship"),
                {EndRequester::Holder, QStringLiteral("The account holder: ID type code and number.")},
                {EndRequester::Member, QStringLiteral("The member: ID type code and number.")})
{}

QString RevokeKinshipCommand::usage() const { return m_options.usage(); }

QString RevokeKinshipCommand::summary() const
{
    return QStringLiteral("End (解除) the active kinship-account binding of a holder and a member.");
}

QString RevokeKinshipCommand::description() const
{
    return QStringLiteral("Ends the active kinship-account binding (亲情账户: the holder may show the member's\n"
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

void RevokeKinshipCommand::addOptions(QCommandLineParser &parser) const { m_options.addTo(parser); }

QString RevokeKinshipCommand::checkUsage(const QCommandLineParser &parser) const
{
    return m_options.usageProblem(parser);
}

int RevokeKinshipCommand::run(const QCommandLineParser &parser, const AdminContext &context)
{
    const std::optional<std::pair<Person, Person>> persons
        = m_options.findPersons(parser, context.connection, context.err);
    if (!persons)
        return ExitInputRefused;
    const auto &[h, m] = *persons;

    KinshipStore store(context.connection);
    const std::optional<KinshipBinding> binding = store.activeOfPair(h.id, m.id);
    if (!binding) {
        context.err << "There is no active kinship-account binding in which " << PersonArgument::describe(h)
                    << " holds " << PersonArgument::describe(m) << "; nothing was changed.\n";
        if (store.activePairExists(m.id, h.id))
            context.err << "There is one the other way round: swap --holder and --member to end it.\n";
        BindingStore mutualAid(context.connection);
        if (mutualAid.activePairExists(h.id, m.id) || mutualAid.activePairExists(m.id, h.id))
            context.err << "They share a mutual-aid binding (共济): end that with revoke.\n";
        context.err << "Run household " << m_options.firstText(parser) << " to see the bindings.\n";
        return ExitInputRefused;
    }

    const QString clerk = context.actor;
    const QString reason = m_options.reason(parser);
    const EndRequester requestedBy = m_options.requestedBy(parser);
    const BindingRevocation::Result revoked
        = BindingRevocation(context.connection).revokeKinship(binding->id, requestedBy, reason, clerk);
    if (!revoked.ok) {
        context.err << revoked.error << '\n';
        return exitCodeFor(revoked.failure);
    }
    context.out << "Ended the kinship-account binding (亲情账户) " << binding->number
                << ":\n  holder: " << PersonArgument::describe(h) << "\n  member: " << PersonArgument::describe(m)
                << ", " << binding->relationship << "\n  requested by " << EndRequesters::keyword(requestedBy)
                << ", reason: " << reason << ", clerk: " << clerk << '\n';
    return ExitOk;
}

} // namespace gongji
