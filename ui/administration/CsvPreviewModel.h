#pragma once
#include <QAbstractTableModel>
#include <QFile>
#include <QList>
#include <QSet>
#include <QStringList>
#include <memory>

namespace gongji {

class CsvReader;

// Every record of a CSV file as read (no validation), for the import preview, without holding
// the file: loading reads it once to count its records and note where each page of them starts;
// a page is read again from there when the view shows it, and only the last two pages read are
// kept. Rows are headed by their line number in the file, so they match the lines of the errors.
class CsvPreviewModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit CsvPreviewModel(QObject *parent = nullptr);
    ~CsvPreviewModel() override;

    static constexpr int pageRows = 256;

    // An unreadable file gives an empty preview; a file that stops being readable (a broken
    // record, say) shows the records before it.
    void load(const QString &path);
    void clear();
    // Lines with errors are tinted.
    void setErrorLines(const QSet<int> &lines);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Page
    {
        int number = -1;
        QList<QStringList> rows;
        QList<int> lines;
    };
    void forget();
    // The page holding `row`, read from the file when it is not one of the two kept.
    const Page &pageOf(int row) const;
    // The record at `row` and its line; nullptr when the file no longer gives it.
    const QStringList *record(int row, int *line = nullptr) const;

    QStringList m_header;
    int m_rows = 0;
    QList<qint64> m_pageStarts; // device position of each page's first record
    QList<int> m_pageLines; // and its line
    QSet<int> m_errorLines;
    mutable QFile m_file;
    mutable std::unique_ptr<CsvReader> m_reader;
    mutable Page m_kept[2];
    mutable int m_nextToReplace = 0;
};

} // namespace gongji
