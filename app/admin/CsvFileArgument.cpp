#include "CsvFileArgument.h"

namespace gongji {

QString CsvFileArgument::usageProblem(const QCommandLineParser &parser, const QString &what)
{
    const qsizetype count = parser.positionalArguments().size();
    if (count == 0)
        return QStringLiteral("the %1 file is missing; give the path of the CSV file.").arg(what);
    if (count > 1)
        return QStringLiteral("give exactly one %1 file, found %2 arguments.").arg(what).arg(count);
    return {};
}

} // namespace gongji
