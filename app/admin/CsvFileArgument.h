#pragma once
#include <QCommandLineParser>
#include <QString>
#include <QTextStream>

namespace gongji {

// The one CSV file a batch command reads (import-registry, check-filings, check-kinship).
class CsvFileArgument
{
public:
    // What is wrong with the positional arguments, or empty. `what` names the file: "registry".
    static QString usageProblem(const QCommandLineParser &parser, const QString &what);
    static QString path(const QCommandLineParser &parser) { return parser.positionalArguments().constFirst(); }
    // "Read FILE as GB18030 (GBK)." on stderr, so that stdout stays the result alone; nothing
    // when the file could not be read. `encoding` as CsvEncodings::name gives it.
    static void reportEncoding(const QCommandLineParser &parser, const QString &encoding, QTextStream &err);
    // The words of the command descriptions for the encodings a file may come in.
    static QString encodingsAccepted();
};

} // namespace gongji
