#include "ui/administration/RegistryImportDialog.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSet>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

#include "ui/administration/CsvPreviewModel.h"
#include "model/registry/RegistryImport.h"

namespace gongji {

RegistryImportDialog::RegistryImportDialog(const QString &connection, const QString &actor, QWidget *parent)
    : QDialog(parent)
    , m_connection(connection)
    , m_actor(actor)
    , m_previewModel(new CsvPreviewModel(this))
{
    setWindowTitle(tr("Import the insured registry"));
    setObjectName(QStringLiteral("registryImportDialog"));

    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("importPath"));
    m_path->setPlaceholderText(tr("Path of a registry CSV file"));
    m_path->setClearButtonEnabled(true);
    auto *pathLabel = new QLabel(tr("CSV &file:"), this);
    pathLabel->setBuddy(m_path);
    m_browse = new QPushButton(tr("&Browse…"), this);
    m_browse->setObjectName(QStringLiteral("importBrowseButton"));
    m_check = new QPushButton(tr("C&heck file"), this);
    m_check->setObjectName(QStringLiteral("importCheckButton"));
    auto *columns = new QLabel(tr("UTF-8 or GB18030 (GBK, as Excel saves it on Chinese Windows), a header row "
                                  "with the columns: %1")
                                   .arg(RegistryImport::expectedHeader()),
                               this);
    columns->setWordWrap(true);
    columns->setTextInteractionFlags(Qt::TextSelectableByMouse);
    columns->setStyleSheet(QStringLiteral("color:#5a6672"));

    m_preview = new QTableView(this);
    m_preview->setObjectName(QStringLiteral("importPreview"));
    m_preview->setModel(m_previewModel);
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->setAlternatingRowColors(true);
    m_preview->setWordWrap(false);
    m_preview->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_preview->verticalHeader()->setToolTip(tr("Line in the file"));
    auto *previewLabel
        = new QLabel(tr("Rows of the file (numbered by line; read a page at a time as you scroll):"), this);
    m_encoding = new QLabel(this);
    m_encoding->setObjectName(QStringLiteral("importEncoding"));
    m_encoding->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_errorsLabel = new QLabel(this);
    m_errors = new QTableWidget(0, 2, this);
    m_errors->setObjectName(QStringLiteral("importErrors"));
    m_errors->setHorizontalHeaderLabels({tr("Line"), tr("Problem")});
    m_errors->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_errors->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_errors->verticalHeader()->hide();
    m_errors->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_errors->horizontalHeader()->setStretchLastSection(true);
    m_errors->setWordWrap(false); // one line per problem; the tooltip holds a long one in full
    for (QTableView *table : std::initializer_list<QTableView *>{m_preview, m_errors})
        table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("importSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("importProgress"));
    m_progress->setVisible(false);
    m_import = new QPushButton(tr("&Import"), this);
    m_import->setObjectName(QStringLiteral("importButton"));
    m_import->setEnabled(false);
    m_cancel = new QPushButton(tr("&Cancel import"), this);
    m_cancel->setObjectName(QStringLiteral("importCancelButton"));
    m_cancel->setEnabled(false);
    m_close = new QPushButton(tr("Close"), this);
    m_close->setObjectName(QStringLiteral("importCloseButton"));

    // Enter in the path checks the file and nothing more: no button may catch it as a default.
    for (QPushButton *button : {m_browse, m_check, m_import, m_cancel, m_close})
        button->setAutoDefault(false);

    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(pathLabel);
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(m_browse);
    pathRow->addWidget(m_check);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1); // keeps the buttons their size while the progress bar is hidden
    buttons->addWidget(m_progress, 3);
    buttons->addWidget(m_import);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_close);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(pathRow);
    layout->addWidget(columns);
    auto *previewRow = new QHBoxLayout;
    previewRow->addWidget(previewLabel, 1);
    previewRow->addWidget(m_encoding);
    layout->addLayout(previewRow);
    layout->addWidget(m_preview, 3);
    layout->addWidget(m_errorsLabel);
    layout->addWidget(m_errors, 2);
    layout->addWidget(m_summary);
    layout->addLayout(buttons);
    m_errorsLabel->hide();
    m_errors->hide();

    connect(m_browse, &QPushButton::clicked, this, &RegistryImportDialog::browse);
    connect(m_check, &QPushButton::clicked, this, [this] { checkFile(m_path->text()); });
    connect(m_path, &QLineEdit::returnPressed, this, [this] { checkFile(m_path->text()); });
    connect(m_path, &QLineEdit::textEdited, this, [this] {
        m_ready = false; // a different path must be checked again before it is imported
        m_import->setEnabled(false);
    });
    connect(m_import, &QPushButton::clicked, this, &RegistryImportDialog::startImport);
    connect(m_cancel, &QPushButton::clicked, this, &RegistryImportDialog::requestCancel);
    connect(m_close, &QPushButton::clicked, this, &RegistryImportDialog::reject);
    resize(1100, 680);
}

void RegistryImportDialog::browse()
{
    const QString start = m_path->text().isEmpty() ? QDir::homePath() : QFileInfo(m_path->text()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose a registry CSV file"), start,
                                                      tr("CSV files (*.csv);;All files (*)"));
    if (!path.isEmpty()) {
        m_path->setText(QDir::toNativeSeparators(path));
        checkFile(path);
    }
}

void RegistryImportDialog::checkFile(const QString &path)
{
    const QString file = QDir::fromNativeSeparators(path.trimmed());
    m_path->setText(QDir::toNativeSeparators(file));
    m_ready = false;
    m_progress->hide();
    m_previewModel->load(file);
    // Read once, row by row: nothing of the file is kept but its first problems.
    const RegistryImport::Result parsed = RegistryImport(m_connection).check(file);

    QSet<int> errorLines;
    m_errors->setRowCount(int(parsed.rowErrors.size()));
    for (int row = 0; row < parsed.rowErrors.size(); ++row) {
        const RegistryImport::RowError &error = parsed.rowErrors.at(row);
        auto *line = new QTableWidgetItem(QString::number(error.line));
        line->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_errors->setItem(row, 0, line);
        auto *message = new QTableWidgetItem(error.message);
        message->setToolTip(error.message);
        m_errors->setItem(row, 1, message);
        errorLines.insert(error.line);
    }
    m_previewModel->setErrorLines(errorLines);
    m_encoding->setText(parsed.encoding.isEmpty() ? QString() : tr("Read as %1").arg(parsed.encoding));
    const bool rowErrors = !parsed.rowErrors.isEmpty();
    if (parsed.moreErrors > 0)
        m_errorsLabel->setText(tr("%1 problem(s); the first %2, on %3 line(s), are listed. Nothing is imported "
                                  "until the file is corrected:")
                                   .arg(parsed.problemCount())
                                   .arg(parsed.rowErrors.size())
                                   .arg(errorLines.size()));
    else
        m_errorsLabel->setText(tr("%1 problem(s) on %2 line(s). Nothing is imported until the file is corrected:")
                                   .arg(parsed.rowErrors.size())
                                   .arg(errorLines.size()));
    m_errorsLabel->setVisible(rowErrors);
    m_errors->setVisible(rowErrors);

    if (!parsed.error.isEmpty())
        showSummary(parsed.error, false);
    else if (rowErrors)
        showSummary(tr("The file has errors; correct them and check the file again."), false);
    else
        showSummary(tr("%1 person(s) in the file, no errors. Ready to import.").arg(parsed.rows), true);
    m_ready = parsed.ok;
    m_checkedPath = file;
    m_checkedRows = parsed.rows;
    m_import->setEnabled(m_ready);
}

void RegistryImportDialog::startImport()
{
    if (!m_ready || m_importing)
        return;
    setBusy(true);
    // On this thread, in the database's one transaction; the progress callback keeps the window
    // responsive so Cancel can be pressed.
    QElapsedTimer sinceRepaint;
    sinceRepaint.start();
    const RegistryImport::Result result
        = RegistryImport(m_connection).importFile(m_checkedPath, m_actor, [this, &sinceRepaint](int done, int total) {
              // The rows are known from the check; the import learns them only at the end.
              if (total == 0)
                  total = m_checkedRows;
              if (done == 0 || done == total || sinceRepaint.elapsed() > 40) {
                  m_progress->setRange(0, qMax(total, done));
                  m_progress->setValue(done);
                  sinceRepaint.restart();
                  QApplication::processEvents();
              }
              emit progressed(done, total);
              return !m_cancelRequested;
          });
    setBusy(false);
    m_ready = false;
    m_import->setEnabled(false);
    if (result.cancelled) {
        m_progress->hide();
        showSummary(tr("Import cancelled. Nothing was stored: the registry is as it was before."), false);
        m_ready = true; // the checked file may be imported after all
        m_import->setEnabled(true);
        return;
    }
    if (!result.ok) {
        m_progress->hide();
        QStringList problems;
        for (const RegistryImport::RowError &error : result.rowErrors)
            problems << tr("line %1: %2").arg(error.line).arg(error.message);
        if (result.moreErrors > 0)
            problems << tr("and %1 more problem(s)").arg(result.moreErrors);
        showSummary(tr("Nothing was imported. %1")
                        .arg(result.error.isEmpty() ? problems.join(QLatin1Char('\n')) : result.error),
                    false);
        return;
    }
    showSummary(tr("Imported: %1 added, %2 updated, %3 unchanged. %4 binding(s) ended automatically "
                   "(person terminated, deceased or moved out of the rule's scope).")
                    .arg(result.added)
                    .arg(result.updated)
                    .arg(result.unchanged)
                    .arg(result.bindingsEnded),
                true);
    emit imported();
}

void RegistryImportDialog::requestCancel()
{
    m_cancelRequested = true;
    m_cancel->setEnabled(false);
    m_summary->setText(tr("Cancelling…"));
}

void RegistryImportDialog::setBusy(bool busy)
{
    m_importing = busy;
    m_cancelRequested = false;
    for (QWidget *widget : std::initializer_list<QWidget *>{m_path, m_browse, m_check, m_import, m_close})
        widget->setEnabled(!busy);
    m_cancel->setEnabled(busy);
    if (busy) {
        m_progress->setValue(0);
        m_progress->show();
        m_summary->setText(tr("Importing…"));
    }
}

void RegistryImportDialog::showSummary(const QString &text, bool good)
{
    m_summary->setText(text);
    m_summary->setStyleSheet(good ? QStringLiteral("color:#1d6b2f; font-weight:bold")
                                  : QStringLiteral("color:#b01e1e"));
}

void RegistryImportDialog::reject()
{
    // Closing mid-import would leave the transaction to a window that is gone: cancel instead.
    if (m_importing) {
        requestCancel();
        return;
    }
    QDialog::reject();
}

} // namespace gongji
