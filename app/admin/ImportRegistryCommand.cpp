#include "ImportRegistryCommand.h"

#include <QFileInfo>

#include "CsvFileArgument.h"
#include "model/registry/RegistryImport.h"

namespace gongji {

QString ImportRegistryCommand::usage() const { return QStringLiteral("FILE.csv"); }

QString ImportRegistryCommand::summary() const
{
    return QStringLiteral("Import the insured registry from a CSV file (all rows or none).");
}

QString ImportRegistryCommand::description() const
{
    return QStringLiteral("Imports the insured registry from a CSV file whose first row is exactly:\n  ")
        + RegistryImport::expectedHeader()
        + QStringLiteral("\nEvery row is checked (ID type and number, sex and birth date against the number,\n"
                         "insurance type 310/390, employment, status, 6-digit pooling region, balance in yuan,\n"
                         "public_medical 0/1, no person twice) and stored as it is read, in one transaction.\n"
                         "If any row is wrong, each problem is printed to stderr as \"line L: reason\" (the\n"
                         "first 1000; the rest are counted), nothing is stored and the exit code is 1.\n"
                         "Otherwise the transaction is committed, persons matched by ID type and number,\n"
                         "and \"N added, M updated, K unchanged\" is printed. A person "
                         "who is now\nterminated or deceased, or insured outside the scope of the rule set, "
                         "loses their\nbindings in the same transaction; a second line then says how many "
                         "ended.\n\n")
        + CsvFileArgument::encodingsAccepted()
        + QStringLiteral("\n\nNeeds a supervisor's sign-in (the global --clerk LOGIN, see gongji-admin "
                         "--help),\nwho is named in the audit log.");
}

void ImportRegistryCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(QStringLiteral("FILE.csv"),
                                 QStringLiteral("The registry CSV file (UTF-8 or GB18030)."));
}

QString ImportRegistryCommand::checkUsage(const QCommandLineParser &parser) const
{
    return CsvFileArgument::usageProblem(parser, QStringLiteral("registry"));
}

int ImportRegistryCommand::run(const QCommandLineParser &parser, const AdminContext &context)
{
    const QString path = CsvFileArgument::path(parser);
    // Read, checked and stored in one pass and one transaction: a bad row anywhere stores nothing.
    const RegistryImport::Result stored = RegistryImport(context.connection).importFile(path, context.actor);
    CsvFileArgument::reportEncoding(parser, stored.encoding, context.err);
    if (!stored.ok) {
        for (const RegistryImport::RowError &error : stored.rowErrors)
            context.err << "line " << error.line << ": " << error.message << '\n';
        if (stored.moreErrors > 0)
            context.err << "... and " << stored.moreErrors << " more problem(s) after the first "
                        << stored.rowErrors.size() << ", not listed.\n";
        if (!stored.error.isEmpty())
            context.err << stored.error << '\n';
        if (stored.failure != FailureKind::Input)
            return exitCodeFor(stored.failure);
        if (stored.problemCount() > 0)
            context.err << "Nothing was imported: " << stored.problemCount()
                        << " problem(s). Correct the file and run the import again.\n";
        else
            context.err << "Nothing was imported.\n";
        return ExitInputRefused;
    }
    context.out << stored.added << " added, " << stored.updated << " updated, " << stored.unchanged << " unchanged\n";
    if (stored.bindingsEnded > 0)
        context.out << stored.bindingsEnded
                    << " binding(s) ended automatically: the person is now terminated or "
                       "deceased, or insured outside the rule set's scope.\n";
    return ExitOk;
}

} // namespace gongji
