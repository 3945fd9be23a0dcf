#pragma once
#include <QList>
#include <QObject>
#include <QString>
#include <optional>

#include "model/domain/HouseholdBinding.h"
#include "model/printing/PrintRecord.h"
#include "model/printing/PrintableSummary.h"
#include "model/printing/SummaryPrintJob.h"

class QAction;
class QMenu;
class QPagedPaintDevice;
class QPrintPreviewDialog;
class QPrinter;
class QWidget;

namespace gongji {

// Print…, Print preview… and Save as PDF… for one confirmation summary: a filing's
// (备案确认单), an ended binding's (解除确认单) or a kinship binding's (亲情账户绑定确认单).
// Prints and PDFs go through SummaryPrintJob, so each is audited and a reprint says 补打; the
// preview paints an unstamped build and records nothing, since it repaints at will.
//
// The actions are added to the parent widget, so their shortcuts (Ctrl+P, Ctrl+Shift+P,
// Ctrl+Shift+S) work while the focus is inside it; they are disabled until a document is set.
class SummaryPrintActions : public QObject
{
    Q_OBJECT
public:
    // language: of the printed form, "zh_CN" or "en"; usually formLanguage().
    SummaryPrintActions(const QString &connection, const QString &clerk, const QString &language, QWidget *parent);

    // The form in Chinese, unless the desk runs in English (--lang en, QLocale's default).
    static QString formLanguage();

    void setFiling(const QString &filingNumber);
    void setRevocation(qint64 bindingId);
    void setKinship(const QString &kinshipNumber);
    void setQuotaChange(qint64 changeId); // 额度调整确认单
    // A binding of the household screen: an active mutual-aid binding reprints its filing's
    // summary, an ended one its revocation summary, a kinship binding its confirmation; none clears.
    void setBinding(const std::optional<HouseholdBinding> &binding);
    void clear();
    bool hasDocument() const { return !m_key.isEmpty(); }
    // The file the save dialog offers: names the document (revocation-<id>, the filing or QQ number).
    QString suggestedFileName() const;

    QAction *printAction() const { return m_print; }
    QAction *previewAction() const { return m_preview; }
    QAction *pdfAction() const { return m_pdf; }
    QList<QAction *> actions() const { return {m_print, m_preview, m_pdf}; }
    // The three actions as tool buttons in a row, for a page without a tool bar.
    QWidget *createButtonRow(QWidget *parent) const;
    // The three actions as a menu, e.g. for a "Reprint summary" button.
    QMenu *createMenu(const QString &title, QWidget *parent) const;

    // A preview dialog for the current document, not yet shown (deleted on close); nullptr with
    // lastError() set when the document cannot be built.
    QPrintPreviewDialog *createPreviewDialog();
    QString lastError() const { return m_lastError; }

public slots:
    void print(); // the print dialog, then printTo()
    void preview(); // modal
    void savePdf(); // the file dialog, then savePdfTo()
    // Audited; false with lastError() set. Emit done() or failed(); no message box.
    bool savePdfTo(const QString &path);
    bool printTo(QPagedPaintDevice *device);

signals:
    void done(const QString &message); // for a status bar: what was printed or saved
    void failed(const QString &error);

private:
    void setDocument(PrintRecord::Document document, const QString &key);
    PrintableSummary buildUnstamped() const;
    SummaryPrintJob job() const;
    bool finish(const SummaryPrintJob::Result &result, const QString &where);
    void paintPreview(QPrinter *printer);
    void showError(const QString &title) const;

    QString m_connection;
    QString m_clerk;
    QString m_language;
    QWidget *m_parent;
    PrintRecord::Document m_document = PrintRecord::Document::Filing;
    QString m_key; // filing number, binding id or kinship number; empty: nothing to print
    QString m_lastError;
    QAction *m_print;
    QAction *m_preview;
    QAction *m_pdf;
};

} // namespace gongji
