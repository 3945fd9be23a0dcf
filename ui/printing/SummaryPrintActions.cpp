#include "ui/printing/SummaryPrintActions.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPaintEngine>
#include <QPrintDialog>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QToolButton>

#include "model/office/OfficeSettings.h"
#include "model/printing/SummaryPainter.h"

namespace gongji {

namespace {

QAction *makeAction(const QString &text, const QKeySequence &shortcut, const QString &toolTip, QWidget *parent)
{
    auto *action = new QAction(text, parent);
    action->setShortcut(shortcut);
    // Only while the focus is in the owning page: the wizard and the household screen each have a set.
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    // A tool button shows the words without the mnemonic ("(&P)" in Chinese) or the ellipsis.
    QString plain = text;
    plain.remove(QRegularExpression(QStringLiteral("\\(&.\\)"))).remove(QLatin1Char('&')).remove(QChar(0x2026));
    action->setIconText(plain.trimmed());
    action->setToolTip(toolTip + QStringLiteral(" (") + shortcut.toString(QKeySequence::NativeText)
                       + QStringLiteral(")"));
    action->setEnabled(false);
    parent->addAction(action);
    return action;
}

} // namespace

SummaryPrintActions::SummaryPrintActions(const QString &connection, const QString &clerk, const QString &language,
                                         QWidget *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_clerk(clerk)
    , m_language(language)
    , m_parent(parent)
{
    m_print
        = makeAction(tr("&Print…"), QKeySequence(Qt::CTRL | Qt::Key_P), tr("Print the confirmation summary"), parent);
    m_print->setObjectName(QStringLiteral("printSummary"));
    m_preview = makeAction(tr("Print pre&view…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P),
                           tr("Show the confirmation summary as it will be printed"), parent);
    m_preview->setObjectName(QStringLiteral("previewSummary"));
    m_pdf = makeAction(tr("Save as P&DF…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S),
                       tr("Save the confirmation summary as a PDF file"), parent);
    m_pdf->setObjectName(QStringLiteral("pdfSummary"));
    connect(m_print, &QAction::triggered, this, &SummaryPrintActions::print);
    connect(m_preview, &QAction::triggered, this, &SummaryPrintActions::preview);
    connect(m_pdf, &QAction::triggered, this, &SummaryPrintActions::savePdf);
}

QString SummaryPrintActions::formLanguage()
{
    return QLocale().language() == QLocale::English ? QStringLiteral("en") : QStringLiteral("zh_CN");
}

void SummaryPrintActions::setFiling(const QString &filingNumber)
{
    setDocument(PrintRecord::Document::Filing, filingNumber.trimmed());
}

void SummaryPrintActions::setRevocation(qint64 bindingId)
{
    setDocument(PrintRecord::Document::Revocation, bindingId > 0 ? QString::number(bindingId) : QString());
}

void SummaryPrintActions::setKinship(const QString &kinshipNumber)
{
    setDocument(PrintRecord::Document::Kinship, kinshipNumber.trimmed());
}

void SummaryPrintActions::setQuotaChange(qint64 changeId)
{
    setDocument(PrintRecord::Document::QuotaChange, changeId > 0 ? QString::number(changeId) : QString());
}

void SummaryPrintActions::setBinding(const std::optional<HouseholdBinding> &binding)
{
    if (!binding)
        clear();
    else if (binding->kind == HouseholdBinding::Kind::Kinship)
        setKinship(binding->number);
    else if (binding->isActive())
        setFiling(binding->number);
    else
        setRevocation(binding->bindingId);
}

void SummaryPrintActions::clear() { setDocument(PrintRecord::Document::Filing, {}); }

void SummaryPrintActions::setDocument(PrintRecord::Document document, const QString &key)
{
    m_document = document;
    m_key = key;
    m_lastError.clear();
    for (QAction *action : actions())
        action->setEnabled(!m_key.isEmpty());
}

QWidget *SummaryPrintActions::createButtonRow(QWidget *parent) const
{
    auto *row = new QWidget(parent);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addStretch(1);
    for (QAction *action : actions()) {
        auto *button = new QToolButton(row);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        layout->addWidget(button);
    }
    layout->addStretch(1);
    return row;
}

QMenu *SummaryPrintActions::createMenu(const QString &title, QWidget *parent) const
{
    auto *menu = new QMenu(title, parent);
    menu->addActions(actions());
    return menu;
}

PrintableSummary SummaryPrintActions::buildUnstamped() const { return job().build(m_document, m_key); }

SummaryPrintJob SummaryPrintActions::job() const
{
    // Read each time: the office details may have been changed in the settings dialog meanwhile.
    return SummaryPrintJob(m_connection, OfficeSettings::load(), m_language, m_clerk);
}

bool SummaryPrintActions::savePdfTo(const QString &path)
{
    if (!hasDocument()) {
        m_lastError = tr("There is no summary to save: no filing or binding is selected.");
        emit failed(m_lastError);
        return false;
    }
    const SummaryPrintJob::Result result = job().toPdf(m_document, m_key, path);
    return finish(result, QDir::toNativeSeparators(path));
}

bool SummaryPrintActions::printTo(QPagedPaintDevice *device)
{
    if (!hasDocument()) {
        m_lastError = tr("There is no summary to print: no filing or binding is selected.");
        emit failed(m_lastError);
        return false;
    }
    const SummaryPrintJob::Result result = job().toDevice(m_document, m_key, device);
    return finish(result, tr("the printer"));
}

bool SummaryPrintActions::finish(const SummaryPrintJob::Result &result, const QString &where)
{
    if (!result.ok) {
        m_lastError = result.stamp.isRecorded()
            // The audit already holds this attempt: say so, so that nobody wonders about the count.
            ? tr("The summary could not be printed (the attempt is recorded as print no. %1): %2")
                  .arg(result.stamp.copy)
                  .arg(result.error)
            : tr("The summary could not be printed: %1").arg(result.error);
        emit failed(m_lastError);
        return false;
    }
    m_lastError.clear();
    emit done(result.stamp.isReprint()
                  ? tr("Summary %1 sent to %2 as reprint no. %3.").arg(m_key, where).arg(result.stamp.copy - 1)
                  : tr("Summary %1 sent to %2.").arg(m_key, where));
    return true;
}

QPrintPreviewDialog *SummaryPrintActions::createPreviewDialog()
{
    const PrintableSummary check = buildUnstamped();
    if (!check.isValid()) {
        m_lastError = tr("The summary cannot be shown: %1").arg(check.error());
        emit failed(m_lastError);
        return nullptr;
    }
    auto *dialog = new QPrintPreviewDialog(m_parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Print preview: %1").arg(check.title()));
    SummaryPainter::applyPageLayout(dialog->printer());
    connect(dialog, &QPrintPreviewDialog::paintRequested, this, &SummaryPrintActions::paintPreview);
    return dialog;
}

void SummaryPrintActions::paintPreview(QPrinter *printer)
{
    // The dialog's own Print button asks for the same signal with the real printer: that print
    // must be audited and stamped like any other. While previewing, Qt paints on a picture engine.
    if (printer->paintEngine() && printer->paintEngine()->type() != QPaintEngine::Picture) {
        if (!printTo(printer))
            showError(tr("Print"));
        return;
    }
    QString error;
    if (!SummaryPainter::paint(buildUnstamped(), printer, &error)) {
        m_lastError = tr("The summary cannot be shown: %1").arg(error);
        emit failed(m_lastError);
    }
}

void SummaryPrintActions::print()
{
    if (!hasDocument())
        return;
    QPrinter printer(QPrinter::HighResolution);
    SummaryPainter::applyPageLayout(&printer); // before the dialog, so that it shows A4 and the margins
    printer.setDocName(m_key);
    QPrintDialog dialog(&printer, m_parent);
    dialog.setWindowTitle(tr("Print confirmation summary"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (!printTo(&printer))
        showError(tr("Print"));
}

void SummaryPrintActions::preview()
{
    if (!hasDocument())
        return;
    QPrintPreviewDialog *dialog = createPreviewDialog();
    if (!dialog) {
        showError(tr("Print preview"));
        return;
    }
    dialog->exec();
}

void SummaryPrintActions::savePdf()
{
    if (!hasDocument())
        return;
    QString path = QFileDialog::getSaveFileName(m_parent, tr("Save confirmation summary as PDF"), suggestedFileName(),
                                                tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QStringLiteral(".pdf"), Qt::CaseInsensitive))
        path += QStringLiteral(".pdf");
    if (!savePdfTo(path))
        showError(tr("Save as PDF"));
}

void SummaryPrintActions::showError(const QString &title) const { QMessageBox::warning(m_parent, title, m_lastError); }

QString SummaryPrintActions::suggestedFileName() const
{
    QString name = m_key;
    if (m_document == PrintRecord::Document::Revocation)
        name = QStringLiteral("revocation-") + m_key;
    else if (m_document == PrintRecord::Document::QuotaChange)
        name = QStringLiteral("quota-change-") + m_key;
    return QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
        .filePath(name + QStringLiteral(".pdf"));
}

} // namespace gongji
