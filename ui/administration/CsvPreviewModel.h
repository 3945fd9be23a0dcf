#pragma once
#include <QAbstractTableModel>
#include <QList>
#include <QSet>
#include <QStringList>

namespace gongji {

// The first records of a CSV file as read (no validation), for the import preview. Rows are
// headed by their line number in the file, so they match the line numbers of the errors.
class CsvPreviewModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit CsvPreviewModel(QObject *parent = nullptr);

    // Reads at most `maxRows` records; an unreadable file gives an empty preview.
    void load(const QString &path, int maxRows);
    void clear();
    // Lines with errors are tinted.
    void setErrorLines(const QSet<int> &lines);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QStringList m_header;
    QList<QStringList> m_rows;
    QList<int> m_lines;
    QSet<int> m_errorLines;
};

} // namespace gongji
