#include "ui/administration/ImpactDialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QTableWidget>
#include <QVBoxLayout>

#include "model/domain/Relationship.h"
#include "model/domain/RefusalCode.h"

namespace gongji {

namespace {

QTableWidget *table(const QStringList &headers, int rows, QWidget *parent)
{
    auto *widget = new QTableWidget(rows, int(headers.size()), parent);
    widget->setHorizontalHeaderLabels(headers);
    widget->setEditTriggers(QAbstractItemView::NoEditTriggers);
    widget->setSelectionBehavior(QAbstractItemView::SelectRows);
    widget->setAlternatingRowColors(true);
    widget->verticalHeader()->hide();
    widget->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    widget->horizontalHeader()->setStretchLastSection(true);
    return widget;
}

// Screen and export show a name as 王*明 / 王*: enough for the supervisor to recognise a case,
// not a list of who is bound to whom.
QString maskName(const QString &name)
{
    if (name.size() <= 1)
        return name;
    if (name.size() == 2)
        return name.left(1) + QLatin1Char('*');
    return name.left(1) + QString(name.size() - 2, QLatin1Char('*')) + name.right(1);
}

QTableWidgetItem *cell(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setToolTip(text);
    return item;
}

} // namespace

ImpactDialog::ImpactDialog(const RuleImpact::Report &report, const QString &change, QWidget *parent)
    : QDialog(parent)
    , m_report(report)
{
    for (RuleImpact::Row &row : m_report.rows) {
        row.authorizerName = maskName(row.authorizerName);
        row.targetName = maskName(row.targetName);
    }
    setWindowTitle(tr("Impact on existing bindings"));
    setObjectName(QStringLiteral("impactDialog"));

    auto *heading = new QLabel(change, this);
    heading->setWordWrap(true);
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    auto *summary = new QLabel(this);
    summary->setObjectName(QStringLiteral("impactSummary"));
    summary->setWordWrap(true);
    summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    const bool refusals = !m_report.rows.isEmpty();
    summary->setText(refusals ? m_report.summary()
                              : tr("No active binding governed by this change would be refused today (%1 checked).")
                                    .arg(m_report.bindingsChecked));
    summary->setStyleSheet(refusals ? QStringLiteral("color:#b01e1e") : QStringLiteral("color:#1d6b2f"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(summary);
    if (refusals) {
        auto *explain = new QLabel(tr("These bindings stay in force: saving does not end them. They would be "
                                      "refused if filed again under the new rules."),
                                   this);
        explain->setWordWrap(true);
        layout->addWidget(explain);
        layout->addWidget(new QLabel(tr("Refusals by code:"), this));
        layout->addWidget(createCounts());
        layout->addWidget(new QLabel(tr("Bindings that would be refused:"), this));
        layout->addWidget(createRows(), 1);
    }

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *exportButton = buttons->addButton(tr("&Export CSV…"), QDialogButtonBox::ActionRole);
    exportButton->setObjectName(QStringLiteral("impactExportButton"));
    exportButton->setEnabled(refusals);
    QPushButton *save = buttons->addButton(refusals ? tr("&Save anyway") : tr("&Save"), QDialogButtonBox::AcceptRole);
    save->setObjectName(QStringLiteral("impactSaveButton"));
    QPushButton *cancel = buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    cancel->setObjectName(QStringLiteral("impactCancelButton"));
    // With refusals listed, Enter must not save by accident: Cancel is the default then.
    (refusals ? cancel : save)->setDefault(true);
    connect(exportButton, &QPushButton::clicked, this, &ImpactDialog::chooseExportFile);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(refusals ? QSize(900, 560) : QSize(520, 180));
}

QTableWidget *ImpactDialog::createCounts()
{
    auto *counts = table({tr("Code"), tr("Bindings"), tr("Meaning")}, int(m_report.countsByCode.size()), this);
    counts->setObjectName(QStringLiteral("impactCounts"));
    int row = 0;
    for (auto it = m_report.countsByCode.cbegin(); it != m_report.countsByCode.cend(); ++it, ++row) {
        counts->setItem(row, 0, cell(it.key()));
        auto *number = cell(QString::number(it.value()));
        number->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        counts->setItem(row, 1, number);
        counts->setItem(row, 2, cell(RefusalCodes::message(RefusalCodes::fromName(it.key()))));
    }
    counts->setFixedHeight(counts->horizontalHeader()->sizeHint().height() + counts->rowHeight(0) * row
                           + 2 * counts->frameWidth());
    return counts;
}

QTableWidget *ImpactDialog::createRows()
{
    auto *rows = table({tr("Binding"), tr("Authorizer"), tr("ID number"), tr("Target"), tr("ID number"),
                        tr("Relationship"), tr("Codes")},
                       int(m_report.rows.size()), this);
    rows->setObjectName(QStringLiteral("impactRows"));
    for (int i = 0; i < m_report.rows.size(); ++i) {
        const RuleImpact::Row &r = m_report.rows.at(i);
        rows->setItem(i, 0, cell(QString::number(r.bindingId)));
        rows->setItem(i, 1, cell(r.authorizerName));
        rows->setItem(i, 2, cell(r.authorizerId));
        rows->setItem(i, 3, cell(r.targetName));
        rows->setItem(i, 4, cell(r.targetId));
        rows->setItem(i, 5, cell(Relationship::label(r.relationship)));
        rows->setItem(i, 6, cell(r.codes.join(QStringLiteral(", "))));
    }
    return rows;
}

bool ImpactDialog::exportCsv(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_report.toCsv()) < 0 || !file.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

void ImpactDialog::chooseExportFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export impact report"),
                                                      QDir::home().filePath(QStringLiteral("rule-impact.csv")),
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportCsv(path, &error))
        QMessageBox::warning(this, tr("Export impact report"), error);
}

} // namespace gongji
