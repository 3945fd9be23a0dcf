#include "RevokeCommand.h"

#include "PersonArgument.h"
#include "model/domain/Money.h"
#include "model/filing/BindingRevocation.h"
#include "model/storage/BindingStore.h"
#include "model/storage/FilingStore.h"
#include "model/storage/KinshipStore.h"

namespace gongji {

RevokeCommand::RevokeCommand()
    : m_options(QStringLiteral("revoke"),
                {EndRequester::Authorizer, QStringLiteral("The authorizer (授权人): ID type code and number.")},
                {EndRequester::Target, QStringLiteral("The target (共济对象): ID type code and number.")})
{}

QString RevokeCommand::usage() const { return m_options.usage(); }

QString RevokeCommand::summary() const
{
    return QStringLiteral("End (解除) the active mutual-aid binding of an authorizer and a target.");
}

QString RevokeCommand::description() const
{
    return QStringLiteral("Ends the active mutual-aid binding (共济) in which the authorizer lets the target use\n"
                          "their personal account, as the household screen does: in one transaction the binding\n"
                          "is ended with the clerk, the time, who asked and the reason, and an audit entry is\n"
                          "written. What was ended is printed, with the numbers masked. A later filing for the\n"
                          "same pair waits for the rule set's cooldown_days.\n\n"
                          "Persons are given as ID type code and number, e.g. 01:110101199003071234.\n"
                          "For a kinship account (亲情账户) use revoke-kinship.\n\n"
                          "Needs a clerk's sign-in (the global --clerk LOGIN, see gongji-admin --help); the\n"
                          "signed-in account is recorded as the clerk who ended the binding.\n\n"
                          "The exit code is 1 and nothing is changed when a number is not valid, a person is not\n"
                          "in the registry, or the pair has no active mutual-aid binding (the message then says\n"
                          "whether there is one the other way round or a kinship account between them).");
}

void RevokeCommand::addOptions(QCommandLineParser &parser) const { m_options.addTo(parser); }

QString RevokeCommand::checkUsage(const QCommandLineParser &parser) const { return m_options.usageProblem(parser); }

int RevokeCommand::run(const QCommandLineParser &parser, const AdminContext &context)
{
    const std::optional<std::pair<Person, Person>> persons
        = m_options.findPersons(parser, context.connection, context.err);
    if (!persons)
        return ExitInputRefused;
    const auto &[a, t] = *persons;

    BindingStore bindings(context.connection);
    const std::optional<MutualAidBinding> binding = bindings.activeOfPair(a.id, t.id);
    if (!binding) {
        context.err << "There is no active mutual-aid binding in which " << PersonArgument::describe(a)
                    << " authorizes " << PersonArgument::describe(t) << "; nothing was changed.\n";
        // The usual mix-ups, said plainly rather than left to guess.
        if (const std::optional<QDateTime> ended = bindings.lastEndOfPair(a.id, t.id))
            context.err << "Their last mutual-aid binding ended at "
                        << ended->toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")) << ".\n";
        if (bindings.activePairExists(t.id, a.id))
            context.err << "There is one the other way round: swap --authorizer and --target to end it.\n";
        KinshipStore kinship(context.connection);
        if (kinship.activePairExists(a.id, t.id) || kinship.activePairExists(t.id, a.id))
            context.err << "They share a kinship account (亲情账户): end that with revoke-kinship.\n";
        context.err << "Run household " << m_options.firstText(parser) << " to see the bindings.\n";
        return ExitInputRefused;
    }

    const QString clerk = context.actor;
    const QString reason = m_options.reason(parser);
    const EndRequester requestedBy = m_options.requestedBy(parser);
    const BindingRevocation::Result revoked
        = BindingRevocation(context.connection).revoke(binding->id, requestedBy, reason, clerk);
    if (!revoked.ok) {
        context.err << revoked.error << '\n';
        return exitCodeFor(revoked.failure);
    }
    const std::optional<Filing> filing = FilingStore(context.connection).findById(binding->filingId);
    context.out << "Ended the mutual-aid binding (共济) " << binding->id;
    if (filing)
        context.out << " of filing " << filing->number;
    context.out << ":\n  authorizer: " << PersonArgument::describe(a)
                << "\n  target:     " << PersonArgument::describe(t) << ", " << binding->relationship
                << "\n  requested by " << EndRequesters::keyword(requestedBy) << ", reason: " << reason
                << ", clerk: " << clerk << '\n';
    if (binding->quotaFen)
        context.out << "  quota freed: " << Money::formatYuan(*binding->quotaFen) << " yuan (共济额度 released)\n";
    return ExitOk;
}

} // namespace gongji
