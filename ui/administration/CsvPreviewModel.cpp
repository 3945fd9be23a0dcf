#include "ui/administration/CsvPreviewModel.h"

#include <QColor>

#include "model/csv/CsvReader.h"
#include "model/domain/IdNumber.h"

namespace gongji {

CsvPreviewModel::CsvPreviewModel(QObject *parent) : QAbstractTableModel(parent) {}

CsvPreviewModel::~CsvPreviewModel() = default;

void CsvPreviewModel::forget()
{
    m_reader.reset();
    m_file.close();
    m_header.clear();
    m_rows = 0;
    m_pageStarts.clear();
    m_pageLines.clear();
    m_errorLines.clear();
    m_kept[0] = m_kept[1] = Page();
}

void CsvPreviewModel::load(const QString &path)
{
    beginResetModel();
    forget();
    m_file.setFileName(path);
    if (m_file.open(QIODevice::ReadOnly)) {
        m_reader = std::make_unique<CsvReader>(&m_file);
        if (m_reader->readHeader()) {
            m_header = m_reader->header();
            // One pass that keeps two numbers per page: a million-row registry costs some 60 KB.
            QStringList fields;
            while (m_reader->readRecord(fields)) {
                if (m_rows % pageRows == 0) {
                    m_pageStarts.append(m_reader->recordPosition());
                    m_pageLines.append(m_reader->recordLine());
                }
                ++m_rows;
            }
        }
    }
    endResetModel();
}

void CsvPreviewModel::clear()
{
    beginResetModel();
    forget();
    endResetModel();
}

void CsvPreviewModel::setErrorLines(const QSet<int> &lines)
{
    m_errorLines = lines;
    if (m_rows > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), {Qt::BackgroundRole});
}

const CsvPreviewModel::Page &CsvPreviewModel::pageOf(int row) const
{
    const int number = row / pageRows;
    for (const Page &page : m_kept)
        if (page.number == number)
            return page;
    Page &page = m_kept[m_nextToReplace];
    m_nextToReplace = 1 - m_nextToReplace;
    page = Page();
    page.number = number;
    if (m_reader && m_reader->seekRecord(m_pageStarts.at(number), m_pageLines.at(number))) {
        QStringList fields;
        while (page.rows.size() < pageRows && m_reader->readRecord(fields)) {
            page.rows.append(fields);
            page.lines.append(m_reader->recordLine());
        }
    }
    return page;
}

const QStringList *CsvPreviewModel::record(int row, int *line) const
{
    if (row < 0 || row >= m_rows)
        return nullptr;
    const Page &page = pageOf(row);
    const int at = row % pageRows;
    if (at >= page.rows.size())
        return nullptr; // the file changed since it was loaded
    if (line)
        *line = page.lines.at(at);
    return &page.rows.at(at);
}

int CsvPreviewModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : m_rows; }

int CsvPreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_header.size());
}

QVariant CsvPreviewModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::BackgroundRole))
        return {};
    int line = 0;
    const QStringList *fields = record(index.row(), &line);
    if (!fields)
        return {};
    if (role == Qt::DisplayRole) {
        if (index.column() >= fields->size())
            return QString();
        // The preview is a list like any other: ID numbers masked, the file keeps them whole.
        if (index.column() < m_header.size() && m_header.at(index.column()) == QLatin1String("id_number"))
            return IdNumber::mask(fields->at(index.column()));
        return fields->at(index.column());
    }
    if (m_errorLines.contains(line))
        return QColor(0xfd, 0xec, 0xec);
    return {};
}

QVariant CsvPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (orientation == Qt::Horizontal)
        return section < m_header.size() ? m_header.at(section) : QVariant();
    int line = 0;
    return record(section, &line) ? QVariant(line) : QVariant();
}

} // namespace gongji
