#include "ui/administration/AuditLogDialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

#include "model/export/AuditCsv.h"
#include "model/itemmodels/AuditLogModel.h"
#include "model/storage/AuditLog.h"
#include "model/storage/StorageError.h"

namespace gongji {

namespace {
// A date edit at its minimum shows "any": no bound on that side.
const QDate anyDate(2000, 1, 1);

QDateEdit *createDateEdit(QWidget *parent, const QString &objectName)
{
    auto *edit = new QDateEdit(parent);
    edit->setObjectName(objectName);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    edit->setCalendarPopup(true);
    edit->setMinimumDate(anyDate);
    edit->setMaximumDate(QDate(2999, 12, 31));
    edit->setDate(anyDate);
    return edit;
}

QDate boundOf(const QDateEdit *edit) { return edit->date() == edit->minimumDate() ? QDate() : edit->date(); }
} // namespace

AuditLogDialog::AuditLogDialog(const QString &connection, const QString &actor, QWidget *parent)
    : QDialog(parent)
    , m_connection(connection)
    , m_actor(actor)
    , m_model(new AuditLogModel(connection, actor, this))
{
    setWindowTitle(tr("Audit log"));
    setObjectName(QStringLiteral("auditLogDialog"));

    m_clerk = new QComboBox(this);
    m_clerk->setObjectName(QStringLiteral("auditClerk"));
    m_clerk->setMinimumWidth(140);
    m_action = new QComboBox(this);
    m_action->setObjectName(QStringLiteral("auditAction"));
    m_action->setMinimumWidth(200);
    m_from = createDateEdit(this, QStringLiteral("auditFrom"));
    m_to = createDateEdit(this, QStringLiteral("auditTo"));
    const QString anyText = tr("any day");
    m_from->setSpecialValueText(anyText);
    m_to->setSpecialValueText(anyText);
    m_from->setToolTip(
        tr("First day shown; at its lowest date it shows “any day” (no limit); All days clears both dates"));
    m_to->setToolTip(
        tr("Last day shown, included; at its lowest date it shows “any day” (no limit); All days clears both dates"));

    auto *clerkLabel = new QLabel(tr("C&lerk:"), this);
    clerkLabel->setBuddy(m_clerk);
    auto *actionLabel = new QLabel(tr("&Action:"), this);
    actionLabel->setBuddy(m_action);
    auto *fromLabel = new QLabel(tr("&From:"), this);
    fromLabel->setBuddy(m_from);
    auto *toLabel = new QLabel(tr("&To:"), this);
    toLabel->setBuddy(m_to);
    auto *today = new QPushButton(tr("T&oday"), this);
    today->setObjectName(QStringLiteral("auditToday"));
    today->setToolTip(tr("Only today's entries"));
    auto *allDays = new QPushButton(tr("All &days"), this);
    allDays->setObjectName(QStringLiteral("auditAllDays"));

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("auditTable"));
    m_table->setModel(m_model);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(true);
    header->resizeSection(AuditLogModel::TimeColumn, 160);
    header->resizeSection(AuditLogModel::ClerkColumn, 110);
    header->resizeSection(AuditLogModel::ActionColumn, 190);
    header->resizeSection(AuditLogModel::SubjectColumn, 170);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("auditStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_export = new QPushButton(tr("&Export CSV…"), this);
    m_export->setObjectName(QStringLiteral("auditExport"));
    m_export->setToolTip(tr("Save the entries the filter selects as a CSV file for a spreadsheet (UTF-8)"));
    m_close = new QPushButton(tr("Close"), this);
    m_close->setObjectName(QStringLiteral("auditClose"));
    for (QPushButton *button : {today, allDays, m_export, m_close})
        button->setAutoDefault(false);

    auto *filters = new QHBoxLayout;
    filters->addWidget(clerkLabel);
    filters->addWidget(m_clerk);
    filters->addSpacing(12);
    filters->addWidget(actionLabel);
    filters->addWidget(m_action);
    filters->addSpacing(12);
    filters->addWidget(fromLabel);
    filters->addWidget(m_from);
    filters->addWidget(toLabel);
    filters->addWidget(m_to);
    filters->addWidget(today);
    filters->addWidget(allDays);
    filters->addStretch(1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_export);
    buttons->addWidget(m_close);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);

    setTabOrder(m_clerk, m_action);
    setTabOrder(m_action, m_from);
    setTabOrder(m_from, m_to);
    setTabOrder(m_to, today);
    setTabOrder(today, allDays);
    setTabOrder(allDays, m_table);
    setTabOrder(m_table, m_export);
    setTabOrder(m_export, m_close);

    loadChoices();
    applyFilter();

    connect(m_clerk, &QComboBox::currentIndexChanged, this, &AuditLogDialog::applyFilter);
    connect(m_action, &QComboBox::currentIndexChanged, this, &AuditLogDialog::applyFilter);
    connect(m_from, &QDateEdit::dateChanged, this, &AuditLogDialog::applyFilter);
    connect(m_to, &QDateEdit::dateChanged, this, &AuditLogDialog::applyFilter);
    connect(today, &QPushButton::clicked, this, [this] {
        m_from->setDate(QDate::currentDate());
        m_to->setDate(QDate::currentDate());
    });
    connect(allDays, &QPushButton::clicked, this, [this] {
        m_from->setDate(anyDate);
        m_to->setDate(anyDate);
    });
    connect(m_model, &AuditLogModel::failed, this, [this](const QString &message) { showStatus(message, false); });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] { showStatus({}, true); });
    connect(m_export, &QPushButton::clicked, this, &AuditLogDialog::chooseExportFile);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    m_clerk->setFocus();
    resize(1100, 640);
}

void AuditLogDialog::loadChoices()
{
    QStringList actors;
    QStringList actions;
    // Only a supervisor sees the log's logins and actions; the model says why not otherwise.
    if (m_model->setFilter({})) {
        try {
            AuditLog log(m_connection);
            actors = log.actors();
            actions = log.actions();
        } catch (const StorageError &error) {
            showStatus(error.userMessage(), false);
        }
    }
    m_clerk->addItem(tr("All clerks"), QString());
    for (const QString &login : actors)
        m_clerk->addItem(login, login);
    m_action->addItem(tr("All actions"), QString());
    for (const QString &action : actions) {
        const QString label = AuditLogModel::actionLabel(action);
        m_action->addItem(label == action ? action : QStringLiteral("%1 (%2)").arg(label, action), action);
    }
}

AuditFilter AuditLogDialog::filter() const
{
    AuditFilter filter;
    filter.actor = m_clerk->currentData().toString();
    filter.action = m_action->currentData().toString();
    filter.from = boundOf(m_from);
    filter.to = boundOf(m_to);
    return filter;
}

void AuditLogDialog::applyFilter()
{
    const AuditFilter chosen = filter();
    if (chosen.from.isValid() && chosen.to.isValid() && chosen.to < chosen.from) {
        showStatus(tr("The last day is before the first day: change From or To."), false);
        return;
    }
    const bool ok = m_model->setFilter(chosen);
    m_export->setEnabled(ok);
    if (!ok) {
        showStatus(m_model->error(), false);
        return;
    }
    showStatus({}, true);
    if (m_model->rowCount() > 0)
        m_table->selectRow(0);
}

void AuditLogDialog::showStatus(const QString &text, bool good)
{
    QString message = text;
    if (message.isEmpty() && good) {
        const int rows = m_model->rowCount();
        if (rows == 0)
            message = tr("No entries match the filter.");
        else if (m_model->canFetchMore({}))
            message = tr("Newest %1 entries shown; scroll down for older ones.").arg(rows);
        else
            message = tr("%1 entries, newest first.").arg(rows);
    }
    m_status->setText(message);
    m_status->setStyleSheet(good ? QStringLiteral("color:#5a6672") : QStringLiteral("color:#b3261e"));
}

void AuditLogDialog::chooseExportFile()
{
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty())
        folder = QDir::homePath();
    const QString name
        = QStringLiteral("audit-log-%1.csv").arg(QDate::currentDate().toString(QStringLiteral("yyyyMMdd")));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the audit log"), QDir(folder).filePath(name),
                                                      tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportTo(path);
}

bool AuditLogDialog::exportTo(const QString &path)
{
    // A million entries take a few seconds (measured: 4 s, 74 MB): say so while it runs.
    showStatus(tr("Exporting…"), true);
    QApplication::setOverrideCursor(Qt::WaitCursor);
    QApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
    const AuditCsv::Result result = AuditCsv(m_connection).exportTo(m_actor, filter(), path);
    QApplication::restoreOverrideCursor();
    if (!result.ok) {
        showStatus(result.error, false);
        return false;
    }
    showStatus(tr("%1 entries exported to %2.").arg(result.rows).arg(QDir::toNativeSeparators(path)), true);
    // The export is itself an entry: show it when the filter lets it through.
    m_model->reload();
    return true;
}

} // namespace gongji
