#include "HouseholdCommand.h"

#include <QJsonDocument>

#include "PersonArgument.h"
#include "model/household/HouseholdJson.h"
#include "model/filing/RelationshipAgreement.h"
#include "model/storage/HouseholdStore.h"

namespace gongji {

QString HouseholdCommand::summary() const
{
    return QStringLiteral("Show a person and every binding, mutual aid and kinship, as JSON.");
}

QString HouseholdCommand::description() const
{
    return QStringLiteral(
        "Looks a person up by ID type and number, e.g. 01:110101199003071234, and prints as JSON\n"
        "the person and every binding that touches them, active and ended, of both kinds:\n"
        "  {\"person\": {\"name\", \"id_type\", \"id_number\", \"insurance_type\", \"status\",\n"
        "              \"pooling_region\", \"balance\" (employees only, yuan)},\n"
        "   \"bindings\": [{\"kind\": \"mutual_aid\" (共济) or \"kinship\" (亲情),\n"
        "                 \"direction\": \"authorizes\", \"authorized_by\", \"holds\" or \"held_by\",\n"
        "                 \"binding_id\", \"number\" (filing or kinship binding number),\n"
        "                 \"relationship\" (what the target or member is to the other side),\n"
        "                 \"other\": the person on the other side, \"status\": \"active\" or \"ended\",\n"
        "                 \"started_at\", \"ended_at\" (UTC; null while active), and for ended\n"
        "                 bindings \"ended_by\", \"end_requested_by\", \"end_reason\"}]}\n"
        "ID numbers are masked (first 6 and last 4 shown), as on every screen. Nothing is\n"
        "changed. The exit code is 1 when the number is not valid for its type or nobody with\n"
        "it is in the registry.");
}

void HouseholdCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(QStringLiteral("TYPE:NUMBER"),
                                 QStringLiteral("The person's ID type code and number, e.g. 01:110101199003071234."));
}

QString HouseholdCommand::checkUsage(const QCommandLineParser &parser) const
{
    const QStringList arguments = parser.positionalArguments();
    if (arguments.isEmpty())
        return QStringLiteral("the person is missing; give TYPE:NUMBER, e.g. 01:110101199003071234.");
    if (arguments.size() > 1)
        return QStringLiteral("give exactly one person, found %1 arguments.").arg(arguments.size());
    return PersonArgument::usageProblem(arguments.constFirst(), QStringLiteral("the person"));
}

int HouseholdCommand::run(const QCommandLineParser &parser, const AdminContext &context)
{
    const PersonArgument::Found found = PersonArgument::find(
        context.connection, parser.positionalArguments().constFirst(), QStringLiteral("The person"));
    if (!found.person) {
        context.err << found.error << '\n';
        return ExitInputRefused;
    }
    Household household{*found.person, HouseholdStore(context.connection).bindingsOf(found.person->id)};
    RelationshipAgreement(context.connection).review(household);
    context.out << QString::fromUtf8(QJsonDocument(HouseholdJson::toJson(household)).toJson(QJsonDocument::Indented));
    return ExitOk;
}

} // namespace gongji
