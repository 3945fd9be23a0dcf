#include "ui/administration/RulesWindow.h"

#include <QCloseEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include "ui/administration/ImpactDialog.h"
#include "ui/administration/RuleSetForm.h"
#include "model/domain/IdType.h"
#include "model/itemmodels/RuleSetListModel.h"
#include "model/rules/RuleImpact.h"
#include "model/rules/RuleSetChange.h"

namespace gongji {

namespace {

const char *noticeStyle = "QLabel { background:#fff4e0; color:#7a4300; border:1px solid #e8c48a; "
                          "border-radius:3px; padding:6px 10px; }";
const char *problemStyle = "QLabel { background:#fdecec; color:#b01e1e; border:1px solid #eab2b2; "
                           "border-radius:3px; padding:6px 10px; }";

// A fresh set starts from the national rules of 2024 (近亲属, same province) and today.
RuleSet freshRuleSet()
{
    RuleSet set;
    set.effectiveFrom = QDate::currentDate();
    set.relationships
        = QStringList{QStringLiteral("spouse"),  QStringLiteral("child"),       QStringLiteral("parent"),
                      QStringLiteral("sibling"), QStringLiteral("grandparent"), QStringLiteral("grandchild")};
    set.idTypes = QStringList(IdType::allCodes());
    set.scope = QStringLiteral("same_province");
    set.payable = QStringList{QStringLiteral("medical_self_pay"), QStringLiteral("pharmacy"),
                              QStringLiteral("resident_premium"), QStringLiteral("ltc_premium")};
    return set;
}

} // namespace

RulesWindow::RulesWindow(const QString &connection, const QString &actor, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_connection(connection)
    , m_actor(actor)
    , m_model(new RuleSetListModel(connection, this))
{
    setWindowTitle(tr("Rule sets"));
    setObjectName(QStringLiteral("rulesWindow"));
    auto *splitter = new QSplitter(this);
    splitter->addWidget(createListPanel());
    splitter->addWidget(createFormPanel());
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("rulesStatus"));
    layout->addWidget(m_status);
    resize(1340, 780);
    splitter->setSizes({500, 840});

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &RulesWindow::currentRowChanged);
    if (m_model->rowCount() > 0)
        m_table->setCurrentIndex(m_model->index(0, 0));
    else
        showNothing();
}

QWidget *RulesWindow::createListPanel()
{
    auto *panel = new QWidget(this);
    m_filter = new QLineEdit(panel);
    m_filter->setObjectName(QStringLiteral("rulesFilter"));
    m_filter->setPlaceholderText(tr("Region code or its start, e.g. 33 or 330100"));
    m_filter->setClearButtonEnabled(true);
    auto *filterLabel = new QLabel(tr("&Look up region:"), panel);
    filterLabel->setBuddy(m_filter);
    m_table = new QTableView(panel);
    m_table->setObjectName(QStringLiteral("rulesTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // The title gets the room; the source note is read in full in the form.
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(RuleSetListModel::TitleColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(RuleSetListModel::SourceColumn, QHeaderView::Fixed);
    m_table->setColumnWidth(RuleSetListModel::SourceColumn, 110);
    m_table->setTextElideMode(Qt::ElideRight);
    m_newButton = new QPushButton(tr("&New rule set"), panel);
    m_newButton->setObjectName(QStringLiteral("newRuleSetButton"));
    m_versionButton = new QPushButton(tr("New &version"), panel);
    m_versionButton->setObjectName(QStringLiteral("newVersionButton"));
    m_versionButton->setToolTip(
        tr("Copies the selected set with a later start; the selected set ends the day before."));
    m_deleteButton = new QPushButton(tr("&Delete"), panel);
    m_deleteButton->setObjectName(QStringLiteral("deleteRuleSetButton"));

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(filterLabel);
    filterRow->addWidget(m_filter, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_newButton);
    buttons->addWidget(m_versionButton);
    buttons->addStretch(1);
    buttons->addWidget(m_deleteButton);
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 6, 0);
    layout->addLayout(filterRow);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        // The filter resets the model: keep the set being looked at selected when it stays listed.
        const QSignalBlocker quiet(m_table->selectionModel());
        m_model->setRegionFilter(text);
        const int row = m_mode == Mode::Existing ? m_model->rowOfId(m_shownId) : -1;
        if (row >= 0)
            m_table->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                                       QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_table->viewport()->update();
        updateActions();
    });
    connect(m_newButton, &QPushButton::clicked, this, &RulesWindow::newRuleSet);
    connect(m_versionButton, &QPushButton::clicked, this, &RulesWindow::newVersion);
    connect(m_deleteButton, &QPushButton::clicked, this, &RulesWindow::removeSelected);
    return panel;
}

QWidget *RulesWindow::createFormPanel()
{
    auto *panel = new QWidget(this);
    m_heading = new QLabel(panel);
    m_heading->setObjectName(QStringLiteral("ruleHeading"));
    QFont big = m_heading->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_heading->setFont(big);
    m_heading->setWordWrap(true);
    m_readOnlyNotice = new QLabel(tr("Filings were checked against this rule set: it is read-only. "
                                     "To change the rules, make a new version."),
                                  panel);
    m_readOnlyNotice->setObjectName(QStringLiteral("ruleReadOnlyNotice"));
    m_readOnlyNotice->setWordWrap(true);
    m_readOnlyNotice->setStyleSheet(QLatin1String(noticeStyle));
    m_readOnlyNotice->hide();
    m_form = new RuleSetForm(panel);
    m_form->setObjectName(QStringLiteral("ruleForm"));
    auto *scroll = new QScrollArea(panel);
    scroll->setWidget(m_form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_problems = new QLabel(panel);
    m_problems->setObjectName(QStringLiteral("ruleProblems"));
    m_problems->setWordWrap(true);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problems->setStyleSheet(QLatin1String(problemStyle));
    m_problems->hide();
    m_revertButton = new QPushButton(tr("&Revert"), panel);
    m_revertButton->setObjectName(QStringLiteral("revertButton"));
    m_saveButton = new QPushButton(tr("&Save…"), panel);
    m_saveButton->setObjectName(QStringLiteral("saveRuleSetButton"));
    m_saveButton->setToolTip(tr("Shows the impact on existing bindings before anything is stored."));
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_revertButton);
    buttons->addWidget(m_saveButton);
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(6, 0, 0, 0);
    layout->addWidget(m_heading);
    layout->addWidget(m_readOnlyNotice);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_problems);
    layout->addLayout(buttons);

    connect(m_form, &RuleSetForm::edited, this, [this] {
        m_dirty = true;
        m_status->clear();
        updateActions();
    });
    connect(m_revertButton, &QPushButton::clicked, this, &RulesWindow::revert);
    connect(m_saveButton, &QPushButton::clicked, this, &RulesWindow::save);
    return panel;
}

qint64 RulesWindow::selectedId() const
{
    // The current row, not the selection: a mouse press makes a row current before selecting it.
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? m_model->data(current, RuleSetListModel::IdRole).toLongLong() : 0;
}

bool RulesWindow::selectRuleSet(qint64 id)
{
    const int row = m_model->rowOfId(id);
    if (row < 0)
        return false;
    m_table->setCurrentIndex(m_model->index(row, 0));
    return m_shownId == id && m_mode == Mode::Existing;
}

void RulesWindow::currentRowChanged()
{
    if (m_restoring)
        return;
    const qint64 id = selectedId();
    if (!confirmDiscard()) {
        // Back to the row of the edit that was kept.
        m_restoring = true;
        const int row = m_mode == Mode::Existing ? m_model->rowOfId(m_shownId) : -1;
        if (row >= 0)
            m_table->setCurrentIndex(m_model->index(row, 0));
        else
            m_table->selectionModel()->clear();
        m_restoring = false;
        return;
    }
    if (id > 0)
        showExisting(id);
}

void RulesWindow::showExisting(qint64 id)
{
    const int row = m_model->rowOfId(id);
    if (row < 0) {
        showNothing();
        return;
    }
    const RuleSet &set = m_model->ruleSetAt(row);
    m_shownId = id;
    m_form->setRuleSet(set);
    m_form->setRegionEditable(true);
    setMode(Mode::Existing, QStringLiteral("%1  %2").arg(set.region, set.title));
}

void RulesWindow::showNothing()
{
    m_shownId = 0;
    m_form->setRuleSet(freshRuleSet());
    setMode(Mode::Nothing, tr("No rule set selected"));
}

void RulesWindow::setMode(Mode mode, const QString &heading)
{
    m_mode = mode;
    m_dirty = false;
    m_heading->setText(heading);
    m_problems->hide();
    m_status->clear();
    updateActions();
}

void RulesWindow::updateActions()
{
    const bool referenced = m_mode == Mode::Existing && m_model->isReferenced(m_shownId);
    const bool editable
        = m_mode == Mode::Creating || m_mode == Mode::Versioning || (m_mode == Mode::Existing && !referenced);
    m_readOnlyNotice->setVisible(referenced);
    m_form->setEditable(editable);
    m_saveButton->setEnabled(editable && (m_dirty || m_mode != Mode::Existing));
    m_revertButton->setEnabled(m_dirty || m_mode == Mode::Creating || m_mode == Mode::Versioning);
    const qint64 selected = selectedId();
    m_versionButton->setEnabled(selected > 0);
    m_deleteButton->setEnabled(selected > 0 && !m_model->isReferenced(selected));
    m_deleteButton->setToolTip(selected > 0 && m_model->isReferenced(selected)
                                   ? tr("Filings were checked against this rule set: it cannot be deleted.")
                                   : QString());
}

void RulesWindow::closeEvent(QCloseEvent *event)
{
    if (confirmDiscard())
        event->accept();
    else
        event->ignore();
}

bool RulesWindow::confirmDiscard()
{
    if (!m_dirty && m_mode != Mode::Creating && m_mode != Mode::Versioning)
        return true;
    const auto answer = QMessageBox::question(this, tr("Discard changes?"),
                                              tr("The rule set being edited has not been saved. Discard the changes?"),
                                              QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
    return answer == QMessageBox::Discard;
}

void RulesWindow::newRuleSet()
{
    if (!confirmDiscard())
        return;
    m_restoring = true;
    m_table->selectionModel()->clear(); // current index too: clicking the same row again shows it
    m_restoring = false;
    m_shownId = 0;
    m_form->setRuleSet(freshRuleSet());
    m_form->setRegionEditable(true);
    setMode(Mode::Creating, tr("New rule set"));
    m_form->focusFirstField();
}

void RulesWindow::newVersion()
{
    const qint64 baseId = selectedId();
    const int row = m_model->rowOfId(baseId);
    if (row < 0 || !confirmDiscard())
        return;
    const RuleSet base = m_model->ruleSetAt(row);
    RuleSet next = base;
    next.id = 0;
    // A version starts after its base, and not in the past by default: today's filings keep theirs.
    next.effectiveFrom = qMax(QDate::currentDate().addDays(1), base.effectiveFrom.addDays(1));
    if (next.effectiveTo.isValid() && next.effectiveTo < next.effectiveFrom)
        next.effectiveTo = QDate();
    m_shownId = baseId;
    m_form->setRuleSet(next);
    m_form->setRegionEditable(false);
    setMode(Mode::Versioning,
            tr("New version of %1 %2: the current one ends the day before the new start").arg(base.region, base.title));
    m_form->focusFirstField();
}

void RulesWindow::revert()
{
    if (m_mode == Mode::Existing)
        showExisting(m_shownId);
    else if (m_mode == Mode::Versioning && m_model->rowOfId(m_shownId) >= 0)
        showExisting(m_shownId);
    else
        showNothing();
}

void RulesWindow::showProblems(const QStringList &problems)
{
    QStringList lines{QStringLiteral("<b>%1</b>").arg(tr("Not saved:").toHtmlEscaped())};
    for (const QString &problem : problems)
        lines << QStringLiteral("• ") + problem.toHtmlEscaped();
    m_problems->setText(lines.join(QStringLiteral("<br>")));
    m_problems->setVisible(!problems.isEmpty());
}

bool RulesWindow::confirmImpact(const RuleSet &candidate)
{
    RuleSetChange change(m_connection);
    QList<RuleSet> proposed;
    qint64 changedId = -1; // unsaved sets take a negative id in the report
    QString what;
    if (m_mode == Mode::Versioning) {
        proposed = change.proposedAfterNewVersion(m_shownId, candidate);
        what = tr("New version from %1").arg(candidate.effectiveFrom.toString(Qt::ISODate));
    } else {
        proposed = m_model->allSets();
        if (m_mode == Mode::Existing) {
            changedId = candidate.id;
            proposed.removeIf([&](const RuleSet &set) { return set.id == candidate.id; });
            what = tr("Changed rule set %1 %2").arg(candidate.region, candidate.title);
        } else {
            what = tr("New rule set %1 %2").arg(candidate.region, candidate.title);
        }
        RuleSet placed = candidate;
        placed.id = changedId;
        proposed.append(placed);
    }
    // Judged on the day the change takes effect: a version starting next month is weighed
    // against the bindings as they are then governed, not against today's rules.
    const QDate day = qMax(QDate::currentDate(), candidate.effectiveFrom);
    const RuleImpact::Report report = RuleImpact(m_connection).report(proposed, {changedId}, day);
    ImpactDialog dialog(report, tr("%1. Active bindings judged as on %2.").arg(what, day.toString(Qt::ISODate)), this);
    return dialog.exec() == QDialog::Accepted;
}

void RulesWindow::save()
{
    RuleSet candidate = m_form->ruleSet();
    RuleSetChange change(m_connection);
    const QStringList problems
        = change.check(candidate, m_mode == Mode::Versioning ? QList<qint64>{m_shownId} : QList<qint64>{});
    if (!problems.isEmpty()) {
        showProblems(problems);
        return;
    }
    m_problems->hide();
    if (!confirmImpact(candidate)) {
        m_status->setText(tr("Not saved: cancelled after the impact report."));
        return;
    }
    RuleSetChange::Result result;
    if (m_mode == Mode::Versioning)
        result = change.newVersion(m_shownId, candidate, m_actor);
    else if (m_mode == Mode::Existing)
        result = change.update(candidate, m_actor);
    else
        result = change.add(candidate, m_actor);
    if (!result.ok) {
        showProblems(result.errors);
        return;
    }
    m_dirty = false;
    m_mode = Mode::Nothing; // nothing left to discard while the list is read again
    m_model->reload();
    if (m_model->rowOfId(result.id) < 0)
        m_filter->clear(); // the saved set must be seen
    selectRuleSet(result.id);
    m_status->setText(
        tr("Saved: %1 %2 (%3).").arg(candidate.region, candidate.title, RuleSetListModel::periodText(candidate)));
}

void RulesWindow::removeSelected()
{
    const qint64 id = selectedId();
    const int row = m_model->rowOfId(id);
    if (row < 0)
        return;
    const RuleSet set = m_model->ruleSetAt(row);
    const auto answer = QMessageBox::question(this, tr("Delete rule set?"),
                                              tr("Delete the rule set %1 %2 (%3)? No filing refers to it.")
                                                  .arg(set.region, set.title, RuleSetListModel::periodText(set)),
                                              QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    const RuleSetChange::Result result = RuleSetChange(m_connection).remove(id, m_actor);
    if (!result.ok) {
        showProblems(result.errors);
        return;
    }
    m_dirty = false;
    m_mode = Mode::Nothing;
    m_model->reload();
    if (m_model->rowCount() > 0)
        m_table->setCurrentIndex(m_model->index(qMin(row, m_model->rowCount() - 1), 0));
    else
        showNothing();
    m_status->setText(tr("Deleted: %1 %2.").arg(set.region, set.title));
}

} // namespace gongji
