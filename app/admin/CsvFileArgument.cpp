#include "CsvFileArgument.h"

#include <QFileInfo>

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

void CsvFileArgument::reportEncoding(const QCommandLineParser &parser, const QString &encoding, QTextStream &err)
{
    if (!encoding.isEmpty())
        err << "Read " << QFileInfo(path(parser)).fileName() << " as " << encoding << ".\n";
}

QString CsvFileArgument::encodingsAccepted()
{
    return QStringLiteral("The file may be UTF-8 (with or without BOM) or GB18030/GBK, as Excel saves it on\n"
                          "Chinese Windows, with CRLF or LF line ends; the encoding is decided from the bytes\n"
                          "and said on stderr (\"Read FILE as GB18030 (GBK).\").");
}

} // namespace gongji
