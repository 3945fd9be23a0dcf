#include "CheckFilingsCommand.h"

#include "BatchReport.h"
#include "CsvFileArgument.h"
#include "JsonText.h"

namespace gongji {

CheckFilingsCommand::CheckFilingsCommand()
    : m_commit(QStringLiteral("commit"),
               QStringLiteral("Store the accepted rows as filings. Without it nothing is written."))
    , m_acceptWarnings(QStringLiteral("accept-warnings"),
                       QStringLiteral("Count rows whose only findings are warnings "
                                      "(AGE_IMPLAUSIBLE, RELATIONSHIP_UNUSUAL) as accepted, recorded as confirmed."))
{}

QString CheckFilingsCommand::usage() const { return QStringLiteral("[--commit] [--accept-warnings] FILE.csv"); }

QString CheckFilingsCommand::summary() const
{
    return QStringLiteral("Check a filings CSV row by row; with --commit, store the accepted rows.");
}

QString CheckFilingsCommand::description() const
{
    return QStringLiteral("Checks batch mutual-aid filings (e.g. collected by an employer) from a CSV file\n"
                          "whose first row is exactly:\n  ")
        + FilingBatch::expectedHeader()
        + QStringLiteral("\nfiled_on is YYYY-MM-DD, commitment yes or no. The header may go on with the optional\n"
                         "columns ")
        + FilingBatch::optionalColumns().join(QLatin1Char(','))
        + QStringLiteral(" (all of them or none): valid_until is the last day of the\n"
                         "authorization period, YYYY-MM-DD, or empty for no end; quota is the money set aside\n"
                         "for the target (共济额度) in yuan with \".\" and at most 2 decimals, or empty for none\n"
                         "(QUOTA_REQUIRED, QUOTA_EXCEEDS_BALANCE, QUOTA_NOT_ALLOWED: see docs/quota.md).\n\n"
                         "Rows are checked in file order with the same rules as the counter; a later row sees\n"
                         "the earlier accepted rows as if they were stored. For every data row one JSON object\n"
                         "is printed on stdout, for example:\n"
                         "  {\"row\": 1, \"verdict\": \"accepted\", \"codes\": [], \"warnings\": [], "
                         "\"filing_no\": null}\n"
                         "verdict is accepted, refused (codes: the refusal codes) or needs_confirmation (only\n"
                         "warnings, and --accept-warnings not given). filing_no is set for stored rows.\n"
                         "A row whose relationship disagrees with another binding (SPOUSE_ALREADY_BOUND,\n"
                         "RELATIONSHIP_CONFLICT, RELATIONSHIP_UNUSUAL) also has \"conflicts\": for each, the code,\n"
                         "the binding's filing_no (or the earlier row of this file), authorizer, target,\n"
                         "relationship, and the other person's name and masked ID number.\n\n"
                         "With --commit the accepted rows are stored, one filing per authorizer and filed_on,\n"
                         "through the same path as the counter, which checks them again. --commit needs a\n"
                         "clerk's sign-in (the global --clerk LOGIN, see gongji-admin --help), who is recorded\n"
                         "as the clerk of the filings; checking alone needs none.\n\n"
                         "A malformed row (wrong number of columns, a date that is not YYYY-MM-DD or lies in\n"
                         "the future, commitment other than yes/no, an unknown relationship keyword, an empty\n"
                         "name) is not a verdict: each is printed to stderr with its line, no row is checked,\n"
                         "nothing is stored and the exit code is 1. The exit code is 0 when the file was\n"
                         "processed, whatever the verdicts.\n\n")
        + CsvFileArgument::encodingsAccepted();
}

void CheckFilingsCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addOptions({m_commit, m_acceptWarnings});
    parser.addPositionalArgument(QStringLiteral("FILE.csv"),
                                 QStringLiteral("The filings CSV file (UTF-8 or GB18030)."));
}

QString CheckFilingsCommand::checkUsage(const QCommandLineParser &parser) const
{
    return CsvFileArgument::usageProblem(parser, QStringLiteral("filings"));
}

int CheckFilingsCommand::run(const QCommandLineParser &parser, const AdminContext &context)
{
    FilingBatch::Options options;
    options.commit = parser.isSet(m_commit);
    options.acceptWarnings = parser.isSet(m_acceptWarnings);
    options.clerk = context.actor;
    const FilingBatch::Result result = FilingBatch(context.connection).run(CsvFileArgument::path(parser), options);
    CsvFileArgument::reportEncoding(parser, result.encoding, context.err);
    return reportBatch(result, context, &CheckFilingsCommand::jsonLine, "filing_no");
}

std::optional<ClerkRole> CheckFilingsCommand::requiredRole(const QCommandLineParser &parser) const
{
    return parser.isSet(m_commit) ? std::optional<ClerkRole>(ClerkRole::Clerk) : std::nullopt;
}

QString CheckFilingsCommand::jsonLine(const FilingBatch::RowResult &row)
{
    QString line = QStringLiteral("{\"row\": %1, \"verdict\": %2, \"codes\": %3, \"warnings\": %4, "
                                  "\"filing_no\": %5")
                       .arg(QString::number(row.row), JsonText::string(row.verdict), JsonText::array(row.codes),
                            JsonText::array(row.warnings), JsonText::stringOrNull(row.filingNumber));
    // Only rows whose relationship disagrees with another binding carry the key, so that
    // every other line stays as it always was.
    if (!row.conflicts.isEmpty()) {
        QStringList conflicts;
        for (const Finding &finding : row.conflicts) {
            const ConflictingBinding &c = *finding.conflict;
            conflicts << QStringLiteral("{\"code\": %1, \"filing_no\": %2, \"row\": %3, \"authorizer\": %4, "
                                        "\"target\": %5, \"relationship\": %6, \"other_name\": %7, "
                                        "\"other_id_number\": %8}")
                             .arg(JsonText::string(RefusalCodes::name(finding.code)),
                                  JsonText::stringOrNull(c.filingNumber),
                                  c.batchRow > 0 ? QString::number(c.batchRow) : QStringLiteral("null"),
                                  JsonText::string(c.authorizerName), JsonText::string(c.targetName),
                                  JsonText::string(c.relationship), JsonText::string(c.otherName),
                                  JsonText::string(c.otherIdNumber));
        }
        line += QStringLiteral(", \"conflicts\": [") + conflicts.join(QStringLiteral(", ")) + QLatin1Char(']');
    }
    return line + QLatin1Char('}');
}

} // namespace gongji
