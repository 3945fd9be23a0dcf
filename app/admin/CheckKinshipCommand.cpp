#include "CheckKinshipCommand.h"

#include "BatchReport.h"
#include "CsvFileArgument.h"
#include "JsonText.h"

namespace gongji {

CheckKinshipCommand::CheckKinshipCommand()
    : m_commit(QStringLiteral("commit"),
               QStringLiteral("Store the accepted rows as kinship-account bindings. Without it nothing is "
                              "written."))
{}

QString CheckKinshipCommand::usage() const { return QStringLiteral("[--commit] FILE.csv"); }

QString CheckKinshipCommand::summary() const
{
    return QStringLiteral("Check a kinship-account CSV row by row; with --commit, store the accepted rows.");
}

QString CheckKinshipCommand::description() const
{
    return QStringLiteral("Checks batch kinship-account bindings (亲情账户: the holder may show the member's\n"
                          "e-voucher; no money moves) from a CSV file whose first row is exactly:\n  ")
        + KinshipBatch::expectedHeader()
        + QStringLiteral("\nrelationship is what the member is to the holder (spouse, child, parent, sibling,\n"
                         "grandparent, grandchild, parent_in_law, other); filed_on is YYYY-MM-DD;\n"
                         "face_verified (needed for a member aged 16 or over) and household_register_seen\n"
                         "(needed under 16) are yes or no.\n\n"
                         "Rows are checked in file order with the same rules as the counter (at most 5 members\n"
                         "per holder; a member may have several holders); a later row sees the earlier accepted\n"
                         "rows as if they were stored. For every data row one JSON object is printed on stdout:\n"
                         "  {\"row\": 1, \"verdict\": \"accepted\", \"codes\": [], \"binding_no\": null}\n"
                         "verdict is accepted or refused (codes: the refusal codes). binding_no is set for\n"
                         "stored rows.\n\n"
                         "With --commit each accepted row is stored as its own binding through the same path\n"
                         "as the counter, which checks it again. --commit needs a clerk's sign-in (the global\n"
                         "--clerk LOGIN, see gongji-admin --help), who is recorded as the clerk of the\n"
                         "bindings; checking alone needs none.\n\n"
                         "A malformed row (wrong number of columns, a date that is not YYYY-MM-DD or lies in\n"
                         "the future, a flag other than yes/no, an unknown relationship keyword, an empty name)\n"
                         "is not a verdict: each is printed to stderr with its line, no row is checked, nothing\n"
                         "is stored and the exit code is 1. The exit code is 0 when the file was processed,\n"
                         "whatever the verdicts.\n\n")
        + CsvFileArgument::encodingsAccepted();
}

void CheckKinshipCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addOption(m_commit);
    parser.addPositionalArgument(QStringLiteral("FILE.csv"),
                                 QStringLiteral("The kinship-account CSV file (UTF-8 or GB18030)."));
}

QString CheckKinshipCommand::checkUsage(const QCommandLineParser &parser) const
{
    return CsvFileArgument::usageProblem(parser, QStringLiteral("kinship"));
}

int CheckKinshipCommand::run(const QCommandLineParser &parser, const AdminContext &context)
{
    KinshipBatch::Options options;
    options.commit = parser.isSet(m_commit);
    options.clerk = context.actor;
    const KinshipBatch::Result result = KinshipBatch(context.connection).run(CsvFileArgument::path(parser), options);
    CsvFileArgument::reportEncoding(parser, result.encoding, context.err);
    return reportBatch(result, context, &CheckKinshipCommand::jsonLine, "binding_no");
}

std::optional<ClerkRole> CheckKinshipCommand::requiredRole(const QCommandLineParser &parser) const
{
    return parser.isSet(m_commit) ? std::optional<ClerkRole>(ClerkRole::Clerk) : std::nullopt;
}

QString CheckKinshipCommand::jsonLine(const KinshipBatch::RowResult &row)
{
    return QStringLiteral("{\"row\": %1, \"verdict\": %2, \"codes\": %3, \"binding_no\": %4}")
        .arg(QString::number(row.row), JsonText::string(row.verdict), JsonText::array(row.codes),
             JsonText::stringOrNull(row.bindingNumber));
}

} // namespace gongji
