#include "SetQuotaCommand.h"

#include "PersonArgument.h"
#include "model/domain/Money.h"
#include "model/filing/QuotaChange.h"
#include "model/office/OfficeSettings.h"
#include "model/printing/SummaryPrintJob.h"
#include "model/storage/BindingStore.h"
#include "model/storage/FilingStore.h"

namespace gongji {

namespace {
const QString kAuthorizer = QStringLiteral("authorizer");
const QString kTarget = QStringLiteral("target");
const QString kQuota = QStringLiteral("quota");
const QString kPdf = QStringLiteral("pdf");

QString yuan(const std::optional<qint64> &fen)
{
    return fen ? Money::formatYuan(*fen) + QStringLiteral(" yuan") : QStringLiteral("none");
}
} // namespace

QString SetQuotaCommand::usage() const
{
    return QStringLiteral("--authorizer TYPE:NUMBER --target TYPE:NUMBER --quota YUAN [--pdf OUT.pdf]");
}

QString SetQuotaCommand::summary() const
{
    return QStringLiteral("Change the quota (调整额度) set aside on an active mutual-aid binding.");
}

QString SetQuotaCommand::description() const
{
    return QStringLiteral("Changes the quota (共济额度) of the active mutual-aid binding in which the authorizer\n"
                          "lets the target use their personal account, as the household screen does: in one\n"
                          "transaction the new quota is checked against the rule set in force for the authorizer\n"
                          "today, the binding is changed, the change is kept and an audit entry is written.\n"
                          "The money inside a quota is set aside for that target only. --quota is in yuan with at\n"
                          "most 2 decimals (e.g. 1500 or 1500.5); 0 removes the quota where the target does not\n"
                          "need one.\n\n"
                          "Refused (exit code 1, nothing changed), with the code:\n"
                          "  QUOTA_REQUIRED         the target is insured beyond the rule set's quota_required_beyond\n"
                          "                         boundary and the quota is 0;\n"
                          "  QUOTA_EXCEEDS_BALANCE  the quotas would set aside more than the balance above the\n"
                          "                         reserve floor (the message says what is still free);\n"
                          "  QUOTA_NOT_ALLOWED      the rule set in force sets nothing aside (quota_required_beyond\n"
                          "                         none).\n"
                          "Also exit code 1 when a number is not valid, a person is not in the registry, or the pair\n"
                          "has no active mutual-aid binding.\n\n"
                          "With --pdf the confirmation summary (个人账户家庭共济额度调整确认单) is written there,\n"
                          "as `print` writes the other summaries, and the print is audited.\n\n"
                          "Persons are given as ID type code and number, e.g. 01:110101199003071234.\n"
                          "Needs a clerk's sign-in (the global --clerk LOGIN, see gongji-admin --help); the\n"
                          "signed-in account is recorded as the clerk who changed the quota.");
}

void SetQuotaCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addOption({kAuthorizer, QStringLiteral("The authorizer (授权人): ID type code and number."),
                      QStringLiteral("TYPE:NUMBER")});
    parser.addOption(
        {kTarget, QStringLiteral("The target (共济对象): ID type code and number."), QStringLiteral("TYPE:NUMBER")});
    parser.addOption({kQuota, QStringLiteral("The new quota in yuan (0: none)."), QStringLiteral("YUAN")});
    parser.addOption(
        {kPdf, QStringLiteral("Also write the confirmation summary to this PDF file."), QStringLiteral("OUT.pdf")});
}

QString SetQuotaCommand::checkUsage(const QCommandLineParser &parser) const
{
    for (const QString &option : {kAuthorizer, kTarget}) {
        if (!parser.isSet(option))
            return QStringLiteral("say whose binding with --%1 TYPE:NUMBER.").arg(option);
        const QString problem = PersonArgument::usageProblem(parser.value(option), QStringLiteral("--") + option);
        if (!problem.isEmpty())
            return problem;
    }
    if (!parser.isSet(kQuota))
        return QStringLiteral("give the new quota in yuan with --quota YUAN (0 removes it).");
    if (!Money::parseYuan(parser.value(kQuota).trimmed()))
        return QStringLiteral("--quota takes yuan with at most 2 decimals and a \".\" (e.g. 1500.50), found \"%1\".")
            .arg(parser.value(kQuota));
    if (parser.isSet(kPdf) && parser.value(kPdf).isEmpty())
        return QStringLiteral("say where the PDF goes with --pdf OUT.pdf.");
    return {};
}

int SetQuotaCommand::run(const QCommandLineParser &parser, const AdminContext &context)
{
    const PersonArgument::Found a
        = PersonArgument::find(context.connection, parser.value(kAuthorizer), QStringLiteral("--authorizer"));
    const PersonArgument::Found t
        = PersonArgument::find(context.connection, parser.value(kTarget), QStringLiteral("--target"));
    if (!a.person || !t.person) {
        for (const QString &error : {a.error, t.error}) {
            if (!error.isEmpty())
                context.err << error << '\n';
        }
        context.err << "Nothing was changed.\n";
        return ExitInputRefused;
    }
    BindingStore bindings(context.connection);
    const std::optional<MutualAidBinding> binding = bindings.activeOfPair(a.person->id, t.person->id);
    if (!binding) {
        context.err << "There is no active mutual-aid binding in which " << PersonArgument::describe(*a.person)
                    << " authorizes " << PersonArgument::describe(*t.person) << "; nothing was changed.\n"
                    << "Run household " << parser.value(kAuthorizer) << " to see the bindings.\n";
        return ExitInputRefused;
    }

    const QuotaChange::Result changed
        = QuotaChange(context.connection)
              .change(binding->id, Money::parseYuan(parser.value(kQuota).trimmed()), context.actor);
    if (!changed.ok) {
        context.err << changed.error << '\n';
        return exitCodeFor(changed.failure);
    }
    const std::optional<Filing> filing = FilingStore(context.connection).findById(binding->filingId);
    context.out << "Changed the quota (调整额度) of mutual-aid binding " << binding->id;
    if (filing)
        context.out << " of filing " << filing->number;
    context.out << " (change " << changed.changeId << "):\n  authorizer: " << PersonArgument::describe(*a.person)
                << "\n  target:     " << PersonArgument::describe(*t.person) << ", " << binding->relationship
                << "\n  quota before: " << yuan(changed.beforeFen) << "\n  quota after:  " << yuan(changed.afterFen)
                << "\n  still free for quotas: " << Money::formatYuan(changed.freeFen)
                << " yuan\n  clerk: " << context.actor << '\n';
    if (parser.isSet(kPdf)) {
        const SummaryPrintJob job(context.connection, OfficeSettings::load(), QStringLiteral("zh_CN"), context.actor);
        const SummaryPrintJob::Result printed
            = job.toPdf(PrintRecord::Document::QuotaChange, QString::number(changed.changeId), parser.value(kPdf));
        if (!printed.ok) {
            context.err << "The quota was changed, but the summary was not written: " << printed.error << '\n'
                        << "Print it again with: print --quota-change " << changed.changeId << " --pdf OUT.pdf\n";
            return ExitStorage;
        }
        context.out << "Summary written to " << parser.value(kPdf) << '\n';
    }
    return ExitOk;
}

} // namespace gongji
