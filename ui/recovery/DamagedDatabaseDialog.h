#pragma once
#include <QDialog>

#include <functional>

#include "model/storage/BackupFolder.h"

class QLabel;
class QPushButton;

namespace gongji {

// Shown at start when the database file is damaged: says what is wrong, offers the newest
// backup that passes the integrity check, another backup chosen by the clerk, or quitting.
// Without any usable backup it says who can help and how. Accepted once a backup is in place
// (the damaged file kept beside it); rejected (Quit, Esc) leaves everything as it was.
class DamagedDatabaseDialog : public QDialog
{
    Q_OBJECT
public:
    // Chooses a backup file, starting in `folder`; returns an empty path when cancelled.
    using BackupChooser = std::function<QString(QWidget *parent, const QString &folder)>;

    // `problem`: what Database::open said. Checks the backups of `databasePath` (each check
    // reads the whole file: a moment on a large database).
    DamagedDatabaseDialog(const QString &databasePath, const QString &problem, QWidget *parent = nullptr);

    // A file dialog unless replaced (tests).
    void setBackupChooser(BackupChooser chooser) { m_chooser = std::move(chooser); }

    QString offeredBackup() const { return m_offered.path; }
    QString restoredFrom() const { return m_restoredFrom; }
    QString keptAside() const { return m_keptAside; }

private:
    void restore(const QString &backupPath);
    void chooseAnother();
    QString backupText(const QStringList &refused) const;

    BackupFolder m_folder;
    BackupFolder::Backup m_offered;
    BackupChooser m_chooser;
    QLabel *m_outcome = nullptr;
    QPushButton *m_restoreButton = nullptr;
    QString m_restoredFrom;
    QString m_keptAside;
};

} // namespace gongji
