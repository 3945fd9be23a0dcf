#pragma once
#include <QDialog>
#include <QList>

#include "model/domain/Person.h"

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;
class QTableWidget;

namespace gongji {

class CsvPreviewModel;

// Registry CSV import (docs/domain.md §10) for the supervisor: choose a file, see its first rows and
// every error by line, then import in one transaction with progress and Cancel (cancel rolls
// back: the registry stays as it was). Automatic ends of bindings are reported at the end.
class RegistryImportDialog : public QDialog
{
    Q_OBJECT
public:
    RegistryImportDialog(const QString &connection, const QString &actor, QWidget *parent = nullptr);

    // Checks the file at `path` (as if typed and confirmed).
    void checkFile(const QString &path);
    void startImport();
    bool isImporting() const { return m_importing; }

    static constexpr int previewRows = 50;

signals:
    // Before each row is stored and at the end: rows done of all.
    void progressed(int done, int total);
    // The registry changed (not emitted after a cancel or a failure).
    void imported();

public slots:
    void reject() override;

private:
    void browse();
    void requestCancel();
    void setBusy(bool busy);
    void showSummary(const QString &text, bool good);

    QString m_connection;
    QString m_actor;
    QString m_checkedPath;
    bool m_ready = false;
    bool m_importing = false;
    bool m_cancelRequested = false;
    QLineEdit *m_path;
    QPushButton *m_browse;
    QPushButton *m_check;
    CsvPreviewModel *m_previewModel;
    QTableView *m_preview;
    QLabel *m_errorsLabel;
    QTableWidget *m_errors;
    QLabel *m_summary;
    QLabel *m_encoding; // what the checked file was read as
    QProgressBar *m_progress;
    QPushButton *m_import;
    QPushButton *m_cancel;
    QPushButton *m_close;
};

} // namespace gongji
