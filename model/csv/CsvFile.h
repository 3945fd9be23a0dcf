#pragma once
#include <QFile>
#include <QString>
#include <QStringList>
#include <optional>

#include "model/csv/CsvReader.h"

namespace gongji {

// An interchange file (docs/domain.md §10) opened for reading with its header row checked: how every
// CSV intake (registry import, filings, kinship bindings) starts.
class CsvFile
{
public:
    // Opens `path` and reads its header row. False, with error() saying what is wrong and what
    // to do, when the file cannot be read, is empty or not UTF-8, or its header is not
    // `expectedHeader`; `wrongHeader` is the caller's message for that (%1 expected, %2 found).
    bool open(const QString &path, const QString &expectedHeader, const QString &wrongHeader);
    // The same for a file that may have one of several headers (optional trailing columns);
    // `wrongHeader` gets them joined by " or " as %1. headerIndex() says which one it has.
    bool open(const QString &path, const QStringList &acceptedHeaders, const QString &wrongHeader);
    int headerIndex() const { return m_headerIndex; }
    // The records after the header; only after open() returned true.
    CsvReader &reader() { return *m_reader; }
    QString error() const { return m_error; }
    qint64 size() const { return m_file.size(); }

private:
    QFile m_file;
    std::optional<CsvReader> m_reader;
    QString m_error;
    int m_headerIndex = -1;
};

} // namespace gongji
