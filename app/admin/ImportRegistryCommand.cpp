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
        + QStringLiteral("\nEvery row is checked first (ID type and number, sex and birth date against the "
                         "number,\ninsurance type 310/390, employment, status, 6-digit pooling region, "
                         "balance in yuan,\npublic_medical 0/1, no person twice). If any row is wrong, each "
                         "problem is printed\nto stderr as \"line L: reason\", nothing is stored and the exit "
                         "code is 1.\nOtherwise all rows are stored in one transaction, persons matched by "
                         "ID type and\nnumber, and \"N added, M updated, K unchanged\" is printed. A person "
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
    RegistryImport import(context.connection);
    QList<Person> persons;
    const RegistryImport::Result parsed = import.parse(path, persons);
    CsvFileArgument::reportEncoding(parser, parsed.encoding, context.err);
    if (!parsed.ok) {
        for (const RegistryImport::RowError &error : parsed.rowErrors)
            context.err << "line " << error.line << ": " << error.message << '\n';
        if (!parsed.fileError.isEmpty())
            context.err << parsed.fileError << '\n';
        if (!parsed.rowErrors.isEmpty())
            context.err << "Nothing was imported: " << parsed.rowErrors.size()
                        << " problem(s). Correct the file and run the import again.\n";
        else
            context.err << "Nothing was imported.\n";
        return ExitInputRefused;
    }
    const RegistryImport::Result stored = import.store(persons, context.actor, QFileInfo(path).fileName());
    if (!stored.ok) {
        context.err << stored.fileError << '\n';
        return ExitStorage;
    }
    context.out << stored.added << " added, " << stored.updated << " updated, " << stored.unchanged << " unchanged\n";
    if (stored.bindingsEnded > 0)
        context.out << stored.bindingsEnded
                    << " binding(s) ended automatically: the person is now terminated or "
                       "deceased, or insured outside the rule set's scope.\n";
    return ExitOk;
}

} // namespace gongji
