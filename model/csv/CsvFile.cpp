#include "model/csv/CsvFile.h"

#include <QCoreApplication>
#include <QDir>

namespace gongji {

namespace {

// lupdate takes the context from this declaration.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(CsvFile)
};

} // namespace

bool CsvFile::open(const QString &path, const QString &expectedHeader, const QString &wrongHeader)
{
    return open(path, QStringList{expectedHeader}, wrongHeader);
}

bool CsvFile::open(const QString &path, const QStringList &acceptedHeaders, const QString &wrongHeader)
{
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadOnly)) {
        m_error = Text::tr("Cannot read %1: %2. Check the file name and that you may read it.")
                      .arg(QDir::toNativeSeparators(path), m_file.errorString());
        return false;
    }
    m_reader.emplace(&m_file);
    if (!m_reader->readHeader()) {
        m_error = m_reader->error();
        return false;
    }
    const QString found = m_reader->header().join(QLatin1Char(','));
    m_headerIndex = int(acceptedHeaders.indexOf(found));
    if (m_headerIndex < 0) {
        m_error = wrongHeader.arg(acceptedHeaders.join(Text::tr(" or ")), found);
        return false;
    }
    return true;
}

} // namespace gongji
