#include "ui/administration/CsvPreviewModel.h"

#include <QColor>
#include <QFile>

#include "model/domain/IdNumber.h"
#include "model/csv/CsvReader.h"

namespace gongji {

CsvPreviewModel::CsvPreviewModel(QObject *parent) : QAbstractTableModel(parent) {}

void CsvPreviewModel::load(const QString &path, int maxRows)
{
    beginResetModel();
    m_header.clear();
    m_rows.clear();
    m_lines.clear();
    m_errorLines.clear();
    QFile file(path);
    if (file.open(QIODevice::ReadOnly)) {
        CsvReader reader(&file);
        if (reader.readHeader()) {
            m_header = reader.header();
            QStringList fields;
            while (m_rows.size() < maxRows && reader.readRecord(fields)) {
                m_rows.append(fields);
                m_lines.append(reader.recordLine());
            }
        }
    }
    endResetModel();
}

void CsvPreviewModel::clear()
{
    beginResetModel();
    m_header.clear();
    m_rows.clear();
    m_lines.clear();
    m_errorLines.clear();
    endResetModel();
}

void CsvPreviewModel::setErrorLines(const QSet<int> &lines)
{
    m_errorLines = lines;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), {Qt::BackgroundRole});
}

int CsvPreviewModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

int CsvPreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_header.size());
}

QVariant CsvPreviewModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const QStringList &fields = m_rows.at(index.row());
    if (role == Qt::DisplayRole) {
        if (index.column() >= fields.size())
            return QString();
        // The preview is a list like any other: ID numbers masked, the file keeps them whole.
        if (index.column() < m_header.size() && m_header.at(index.column()) == QLatin1String("id_number"))
            return IdNumber::mask(fields.at(index.column()));
        return fields.at(index.column());
    }
    if (role == Qt::BackgroundRole && m_errorLines.contains(m_lines.at(index.row())))
        return QColor(0xfd, 0xec, 0xec);
    return {};
}

QVariant CsvPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (orientation == Qt::Horizontal)
        return section < m_header.size() ? m_header.at(section) : QVariant();
    return section < m_lines.size() ? QVariant(m_lines.at(section)) : QVariant();
}

} // namespace gongji
