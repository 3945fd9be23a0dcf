#include "ui/recovery/DamagedDatabaseDialog.h"

#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace gongji {

namespace {

QString shownTime(const QDateTime &when) { return when.toString(QStringLiteral("yyyy-MM-dd HH:mm")); }

QLabel *paragraph(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setFixedWidth(520);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

DamagedDatabaseDialog::DamagedDatabaseDialog(const QString &databasePath, const QString &problem, QWidget *parent)
    : QDialog(parent)
    , m_folder(databasePath)
    , m_chooser([this](QWidget *owner, const QString &folder) {
        return QFileDialog::getOpenFileName(owner, tr("Choose a backup"), folder,
                                            tr("Gongji Desk backups (*.sqlite);;All files (*)"));
    })
{
    setWindowTitle(tr("The database is damaged"));

    QStringList refused;
    {
        // Each candidate is read through by the integrity check.
        QApplication::setOverrideCursor(Qt::WaitCursor);
        m_offered = m_folder.newestIntact(&refused);
        QApplication::restoreOverrideCursor();
    }

    auto *icon = new QLabel(this);
    const int size = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxCritical, nullptr, this).pixmap(size, size));
    icon->setAlignment(Qt::AlignTop);

    auto *heading = new QLabel(tr("Gongji Desk cannot work with its database."), this);
    QFont bold = heading->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    heading->setFont(bold);
    heading->setWordWrap(true);

    auto *what = paragraph(problem, this);
    what->setObjectName(QStringLiteral("damageProblem"));
    auto *kept = paragraph(tr("The damaged file has not been changed. If you restore a backup, it is kept beside "
                              "the restored one (its name ends in .damaged- and the time) for the office "
                              "administrator."),
                           this);
    auto *backups = paragraph(backupText(refused), this);
    backups->setObjectName(QStringLiteral("backupState"));

    m_outcome = paragraph(QString(), this);
    m_outcome->setObjectName(QStringLiteral("restoreOutcome"));
    m_outcome->setStyleSheet(QStringLiteral("color: #b01e1e"));
    m_outcome->hide();

    auto *text = new QVBoxLayout;
    text->addWidget(heading);
    text->addWidget(what);
    text->addWidget(backups);
    text->addWidget(kept);
    text->addWidget(m_outcome);
    text->addStretch(1);
    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    top->addLayout(text, 1);

    // Restore · Choose another · Quit: Enter restores the offered backup, Esc quits.
    auto *buttons = new QHBoxLayout;
    if (!m_offered.path.isEmpty()) {
        m_restoreButton = new QPushButton(tr("&Restore the backup of %1").arg(shownTime(m_offered.taken)), this);
        m_restoreButton->setObjectName(QStringLiteral("restoreOffered"));
        m_restoreButton->setDefault(true);
        connect(m_restoreButton, &QPushButton::clicked, this, [this] { restore(m_offered.path); });
        buttons->addWidget(m_restoreButton);
    }
    auto *choose = new QPushButton(tr("&Choose another backup…"), this);
    choose->setObjectName(QStringLiteral("chooseBackup"));
    connect(choose, &QPushButton::clicked, this, &DamagedDatabaseDialog::chooseAnother);
    buttons->addWidget(choose);
    buttons->addStretch(1);
    auto *quit = new QPushButton(tr("&Quit"), this);
    quit->setObjectName(QStringLiteral("quit"));
    connect(quit, &QPushButton::clicked, this, &QDialog::reject);
    buttons->addWidget(quit);
    if (!m_restoreButton)
        quit->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addSpacing(8);
    layout->addLayout(buttons);
    // Wrapped paragraphs: the dialog takes the height their text needs, like a message box.
    layout->setSizeConstraint(QLayout::SetFixedSize);
    (m_restoreButton ? m_restoreButton : quit)->setFocus();
}

QString DamagedDatabaseDialog::backupText(const QStringList &refused) const
{
    const QString folder = QDir::toNativeSeparators(m_folder.folder());
    const QString who = tr("Call the office administrator: with a backup file (for example from another "
                           "computer or a USB stick) they can put it in place with \"gongji-admin --db %1 restore "
                           "FILE\", or you can choose it here.")
                            .arg(QDir::toNativeSeparators(m_folder.databasePath()));
    if (!m_offered.path.isEmpty()) {
        QString text = tr("The newest backup that passes the integrity check was made on %1 (%2). Filings and "
                          "changes stored after that time are not in it: enter them again from their signed "
                          "summaries.")
                           .arg(shownTime(m_offered.taken), QDir::toNativeSeparators(m_offered.path));
        if (!refused.isEmpty())
            text += QLatin1Char(' ')
                + tr("%n newer backup(s) failed the check and are not offered.", nullptr, int(refused.size()));
        return text;
    }
    if (!refused.isEmpty())
        return tr("None of the %n backup(s) in %1 passes the integrity check.", nullptr, int(refused.size()))
                   .arg(folder)
            + QLatin1Char(' ') + who;
    return tr("There is no backup of this database in %1.").arg(folder) + QLatin1Char(' ') + who;
}

void DamagedDatabaseDialog::chooseAnother()
{
    const QString start
        = QFileInfo(m_folder.folder()).isDir() ? m_folder.folder() : QFileInfo(m_folder.databasePath()).absolutePath();
    const QString chosen = m_chooser(this, start);
    if (!chosen.isEmpty())
        restore(chosen);
}

void DamagedDatabaseDialog::restore(const QString &backupPath)
{
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const DatabaseBackup::Result result = m_folder.restoreDamaged(backupPath);
    QApplication::restoreOverrideCursor();
    if (!result.ok) {
        // Nothing was changed: the clerk may choose another backup or quit.
        m_outcome->setText(result.error);
        m_outcome->show();
        return;
    }
    m_restoredFrom = backupPath;
    m_keptAside = result.keptAside;
    accept();
}

} // namespace gongji
