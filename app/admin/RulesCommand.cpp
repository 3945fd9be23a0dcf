#include "RulesCommand.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>

#include "model/rules/RuleSetExchange.h"

namespace gongji {

RulesCommand::RulesCommand()
    : m_region(QStringLiteral("region"), QStringLiteral("export: only the rule sets of this region (6 digits)."),
               QStringLiteral("CODE"))
    , m_dryRun(QStringLiteral("dry-run"),
               QStringLiteral("import: check the file and print the impact report; write nothing."))
{}

QString RulesCommand::usage() const
{
    return QStringLiteral("export [--region CODE] FILE.json | import [--dry-run] FILE.json");
}

QString RulesCommand::summary() const
{
    return QStringLiteral("Export rule sets to a JSON file, or import them from one (all or none).");
}

QString RulesCommand::description() const
{
    return QStringLiteral(
        "Exchanges the regional rule sets (docs/domain.md §5) as a UTF-8 JSON file: an array with one\n"
        "object per set, in the format of the shipped defaults (resources/rules/):\n"
        "  region (6 digits: 000000 national, XX0000 a province, or a pooling region),\n"
        "  effective_from and effective_to (YYYY-MM-DD; effective_to null while open), title,\n"
        "  source_note, relationships, id_types, scope (same_pooling_region, same_province or\n"
        "  nationwide), max_authorizers_per_target and max_targets_per_authorizer (null:\n"
        "  unlimited), allow_mutual, exclude_public_medical, reserve_floor (yuan),\n"
        "  payment_order (by_balance_desc or by_binding_order), cooldown_days, payable,\n"
        "  max_period_months (longest authorization period; null or missing: unlimited),\n"
        "  quota_required_beyond (none or province: a target insured in another province needs\n"
        "  a quota, 共济额度; missing in older files: none).\n\n"
        "rules export [--region CODE] FILE.json\n"
        "  Writes every stored set (or those of one region), ordered by region and start, to\n"
        "  FILE.json (\"-\": stdout). The file is replaced only once it is completely written.\n\n"
        "rules import [--dry-run] FILE.json\n"
        "  Validates every set first and stores all of them or none, in one transaction with\n"
        "  an audit entry. A set identical to a stored one changes nothing, so export, import\n"
        "  into a fresh database and export again give the same file. A set whose period\n"
        "  overlaps a different stored set of the same region is a conflict: every conflict and\n"
        "  invalid set is printed to stderr, nothing is imported and the exit code is 1.\n"
        "  An import needs a supervisor's sign-in (the global --clerk LOGIN, see\n"
        "  gongji-admin --help), who is named in the audit log.\n"
        "  With --dry-run nothing is written: it prints what would be added and the impact\n"
        "  report, i.e. the active bindings that the new sets would refuse today, with the\n"
        "  refusal codes and counts per code (names shown, ID numbers masked).");
}

void RulesCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addOptions({m_region, m_dryRun});
    parser.addPositionalArgument(QStringLiteral("export|import"), QStringLiteral("What to do."));
    parser.addPositionalArgument(QStringLiteral("FILE.json"), QStringLiteral("The rule-set file (UTF-8 JSON)."));
}

QString RulesCommand::checkUsage(const QCommandLineParser &parser) const
{
    const QStringList arguments = parser.positionalArguments();
    const QString action = arguments.value(0);
    if (action != QLatin1String("export") && action != QLatin1String("import"))
        return arguments.isEmpty() ? QStringLiteral("say what to do: rules export FILE.json or rules import FILE.json.")
                                   : QStringLiteral("unknown rules action \"%1\"; use export or import.").arg(action);
    if (arguments.size() != 2)
        return QStringLiteral("rules %1 needs exactly one file, found %2.").arg(action).arg(arguments.size() - 1);
    if (action == QLatin1String("import") && parser.isSet(m_region))
        return QStringLiteral("--region is for export; an import takes every set in the file.");
    if (action == QLatin1String("export") && parser.isSet(m_dryRun))
        return QStringLiteral("--dry-run is for import; an export changes nothing in the database.");
    static const QRegularExpression sixDigits(QStringLiteral("^[0-9]{6}$"));
    if (parser.isSet(m_region) && !sixDigits.match(parser.value(m_region)).hasMatch())
        return QStringLiteral("--region \"%1\" is not a region code; give 6 digits, e.g. 330000 or 000000.")
            .arg(parser.value(m_region));
    return {};
}

std::optional<ClerkRole> RulesCommand::requiredRole(const QCommandLineParser &parser) const
{
    const bool import = parser.positionalArguments().value(0) == QLatin1String("import");
    return import && !parser.isSet(m_dryRun) ? std::optional<ClerkRole>(ClerkRole::Supervisor) : std::nullopt;
}

int RulesCommand::run(const QCommandLineParser &parser, const AdminContext &context)
{
    const QStringList arguments = parser.positionalArguments();
    if (arguments.at(0) == QLatin1String("export"))
        return exportSets(arguments.at(1), parser.value(m_region), context);
    return importSets(arguments.at(1), parser.isSet(m_dryRun), context);
}

int RulesCommand::exportSets(const QString &path, const QString &region, const AdminContext &context) const
{
    const QByteArray json = RuleSetExchange(context.connection).exportJson(region);
    const qsizetype count = QJsonDocument::fromJson(json).array().size();
    if (count == 0 && !region.isEmpty()) {
        context.err << "No rule set of region " << region << " is stored; nothing was written.\n";
        return ExitInputRefused;
    }
    if (path == QLatin1String("-")) {
        context.out << QString::fromUtf8(json);
        return ExitOk;
    }
    // QSaveFile: a failed write leaves an existing file as it was.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
        context.err << "Cannot write " << QDir::toNativeSeparators(path) << ": " << file.errorString()
                    << ". Check the folder and that you may write there; nothing was written.\n";
        return ExitInputRefused;
    }
    context.out << count << " rule set(s) written to " << QDir::toNativeSeparators(path) << ".\n";
    return ExitOk;
}

int RulesCommand::importSets(const QString &path, bool dryRun, const AdminContext &context) const
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        context.err << "Cannot read " << QDir::toNativeSeparators(path) << ": " << file.errorString()
                    << ". Check the file name and that you may read it. Nothing was imported.\n";
        return ExitInputRefused;
    }
    const RuleSetExchange::ImportResult result
        = RuleSetExchange(context.connection).importJson(file.readAll(), context.actor, dryRun);
    if (!result.ok) {
        for (const QString &error : result.errors)
            context.err << error << '\n';
        context.err << (dryRun ? "Dry run: the import would be refused: " : "Nothing was imported: ")
                    << result.errors.size()
                    << " problem(s). Correct the file (or the stored sets in the rules editor) and run the "
                       "import again.\n";
        return exitCodeFor(result.failure);
    }
    if (!dryRun) {
        context.out << result.added << " added, " << result.identical << " identical (unchanged)\n";
        return ExitOk;
    }
    context.out << "Dry run: " << result.added << " would be added, " << result.identical
                << " identical (unchanged); nothing was written.\n"
                << result.impact.summary() << '\n';
    for (const RuleImpact::Row &row : result.impact.rows)
        context.out << "  binding " << row.bindingId << ": " << row.authorizerName << " (" << row.authorizerId
                    << ") -> " << row.targetName << " (" << row.targetId << "), " << row.relationship << ": "
                    << row.codes.join(QStringLiteral(", ")) << '\n';
    return ExitOk;
}

} // namespace gongji
