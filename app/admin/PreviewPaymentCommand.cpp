#include "PreviewPaymentCommand.h"

#include "JsonText.h"
#include "PersonArgument.h"
#include "model/domain/IdNumber.h"
#include "model/domain/Money.h"
#include "model/payment/PaymentPreview.h"

namespace gongji {

QString PreviewPaymentCommand::summary() const
{
    return QStringLiteral("Show who would pay an own-share amount: own account, authorizers, cash.");
}

QString PreviewPaymentCommand::description() const
{
    return QStringLiteral("For a target (ID type code and number, e.g. 01:110101199003071234) and an own-share\n"
                          "cost in yuan (e.g. 1234.50: digits, at most 2 decimals), shows who would pay what\n"
                          "today, as the household screen does: the target's own personal account first (employees\n"
                          "only), then each active authorizer (共济) in the rule set's payment_order, each only\n"
                          "with its balance above the reserve_floor, and the rest in cash. One JSON line per\n"
                          "payer, in paying order, cash last:\n"
                          "  {\"payer\": \"own_account\", \"name\": \"张伟\", \"id_number\": \"330102********1236\", "
                          "\"amount\": \"12.34\"}\n"
                          "payer is own_account, authorizer or cash; id_number is masked; name and id_number are\n"
                          "null for cash; amount is in yuan. Nothing is paid or changed.\n\n"
                          "The exit code is 1 when the number is not valid or nobody with it is in the registry.");
}

void PreviewPaymentCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(QStringLiteral("TYPE:NUMBER"),
                                 QStringLiteral("The target's ID type code and number, e.g. 01:110101199003071234."));
    parser.addPositionalArgument(QStringLiteral("AMOUNT"), QStringLiteral("The own-share cost in yuan, e.g. 1234.50."));
}

QString PreviewPaymentCommand::checkUsage(const QCommandLineParser &parser) const
{
    const QStringList arguments = parser.positionalArguments();
    if (arguments.size() != 2)
        return QStringLiteral("give the target as TYPE:NUMBER and the amount in yuan, e.g. "
                              "01:110101199003071234 1234.50; found %1 argument(s).")
            .arg(arguments.size());
    const QString problem = PersonArgument::usageProblem(arguments.at(0), QStringLiteral("the target"));
    if (!problem.isEmpty())
        return problem;
    if (!Money::parseYuan(arguments.at(1)))
        return QStringLiteral("the amount \"%1\" is not an amount in yuan; write digits with at most 2 "
                              "decimals and no sign or separators, e.g. 1234.50.")
            .arg(arguments.at(1));
    return {};
}

int PreviewPaymentCommand::run(const QCommandLineParser &parser, const AdminContext &context)
{
    const QString target = parser.positionalArguments().at(0);
    // Looked up here first for the same messages as the other commands; a read failure throws.
    const PersonArgument::Found found = PersonArgument::find(context.connection, target, QStringLiteral("The target"));
    if (!found.person) {
        context.err << found.error << '\n';
        return ExitInputRefused;
    }
    const qint64 amount = *Money::parseYuan(parser.positionalArguments().at(1));
    const PaymentPreview::Result preview
        = PaymentPreview(context.connection).preview(found.person->idType, found.person->idNumber, amount);
    if (!preview.ok) {
        context.err << preview.error << '\n';
        return ExitStorage; // the person was found and the amount is valid: reading failed
    }
    for (const PaymentShare &share : preview.shares) {
        const bool person = share.person.has_value();
        context.out << QStringLiteral("{\"payer\": %1, \"name\": %2, \"id_number\": %3, \"amount\": %4}\n")
                           .arg(JsonText::string(PaymentShare::payerKeyword(share.payer)),
                                person ? JsonText::string(share.person->name) : QStringLiteral("null"),
                                person ? JsonText::string(IdNumber::mask(share.person->idNumber))
                                       : QStringLiteral("null"),
                                JsonText::string(Money::formatYuan(share.amountFen)));
    }
    return ExitOk;
}

} // namespace gongji
