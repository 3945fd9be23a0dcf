#pragma once
#include <QCommandLineParser>
#include <QString>

namespace gongji {

// The one CSV file a batch command reads (import-registry, check-filings, check-kinship).
class CsvFileArgument
{
public:
    // What is wrong with the positional arguments, or empty. `what` names the file: "registry".
    static QString usageProblem(const QCommandLineParser &parser, const QString &what);
    static QString path(const QCommandLineParser &parser) { return parser.positionalArguments().constFirst(); }
};

} // namespace gongji
