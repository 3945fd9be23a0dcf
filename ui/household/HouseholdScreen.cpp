#include "ui/household/HouseholdScreen.h"

#include <QAbstractItemView>
#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

#include "model/domain/IdNumber.h"
#include "model/domain/IdType.h"
#include "model/filing/RelationshipAgreement.h"
#include "ui/household/BindingTabs.h"
#include "ui/household/DiagramLegend.h"
#include "ui/household/HouseholdDiagram.h"
#include "ui/household/PersonSearchPanel.h"
#include "ui/household/QuotaDialog.h"
#include "ui/household/RevocationDialog.h"
#include "model/itemmodels/IdTypeListModel.h"
#include "ui/payment/PaymentPreviewDialog.h"
#include "ui/printing/SummaryPrintActions.h"
#include "model/storage/HouseholdStore.h"
#include "model/storage/PersonStore.h"
#include "model/storage/RuleSetStore.h"
#include "model/storage/StorageError.h"
#include "ui/widgets/FindingLabel.h"
#include "ui/widgets/IdNumberEdit.h"
#include "ui/widgets/PersonCard.h"
#include "ui/widgets/ShorthandComboBox.h"

namespace gongji {

namespace {
enum StackPage { HouseholdPage, SearchPage };
}

HouseholdScreen::HouseholdScreen(const QString &connection, const QString &clerk, QWidget *parent)
    : QWidget(parent)
    , m_connection(connection)
    , m_clerk(clerk)
    , m_idTypes(new IdTypeListModel(this))
{
    setObjectName(QStringLiteral("householdScreen"));
    m_search = new PersonSearchPanel(connection, this);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(createHouseholdPage());
    m_stack->addWidget(m_search);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 6);
    layout->addWidget(createLookupBar());
    layout->addWidget(m_stack, 1);

    connect(m_search, &PersonSearchPanel::personChosen, this, &HouseholdScreen::openPerson);
    connect(m_search, &PersonSearchPanel::cancelled, this, [this] {
        m_stack->setCurrentIndex(HouseholdPage);
        m_name->setFocus();
    });
    // From the lookup straight into the lists: the page was built first, so link the chains.
    setTabOrder(findChild<QPushButton *>(QStringLiteral("householdSearchName")), m_backButton);
    setTabOrder(m_backButton, m_lists);
    auto *back = new QShortcut(QKeySequence::Back, this);
    connect(back, &QShortcut::activated, this, &HouseholdScreen::goBack);
    updateActions();
}

QWidget *HouseholdScreen::createLookupBar()
{
    auto *bar = new QWidget(this);
    m_idType = new ShorthandComboBox(IdTypeListModel::ShorthandsRole, bar);
    m_idType->setObjectName(QStringLiteral("householdIdType"));
    m_idType->setModel(m_idTypes);
    // Not as wide as the longest English type name: the row must fit a 1280-pixel screen. The
    // list that opens still shows every name whole.
    m_idType->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_idType->setMinimumContentsLength(20);
    m_idType->view()->setMinimumWidth(m_idType->view()->sizeHintForColumn(0) + 24);
    m_idNumber = new IdNumberEdit(bar);
    connect(static_cast<ShorthandComboBox *>(m_idType), &ShorthandComboBox::shorthandCompleted, this,
            [this] { m_idNumber->setFocus(); });
    m_idNumber->setObjectName(QStringLiteral("householdId"));
    m_idNumber->setMinimumWidth(250);
    auto *lookUp = new QPushButton(tr("&Look up"), bar);
    lookUp->setObjectName(QStringLiteral("householdLookUp"));
    m_name = new QLineEdit(bar);
    m_name->setObjectName(QStringLiteral("householdName"));
    m_name->setMaxLength(50);
    m_name->setPlaceholderText(tr("start of the name"));
    m_name->setMinimumWidth(140);
    auto *byName = new QPushButton(tr("Sear&ch by name"), bar);
    byName->setObjectName(QStringLiteral("householdSearchName"));
    m_backButton = new QPushButton(tr("&Back"), bar);
    m_backButton->setObjectName(QStringLiteral("householdBack"));
    m_backButton->setToolTip(tr("Back to the person shown before (Alt+Left)"));
    m_lookupMessage = new FindingLabel(bar);
    m_lookupMessage->setObjectName(QStringLiteral("lookupMessage"));

    auto *typeLabel = new QLabel(tr("ID &type:"), bar);
    typeLabel->setBuddy(m_idType);
    auto *numberLabel = new QLabel(tr("&ID number:"), bar);
    numberLabel->setBuddy(m_idNumber);
    auto *nameLabel = new QLabel(tr("or na&me:"), bar);
    nameLabel->setBuddy(m_name);

    // The message under the row, its full width: beside it, it would be one word a line.
    auto *lines = new QVBoxLayout(bar);
    lines->setContentsMargins(0, 0, 0, 4);
    auto *row = new QHBoxLayout;
    lines->addLayout(row);
    lines->addWidget(m_lookupMessage);
    row->addWidget(typeLabel);
    row->addWidget(m_idType);
    row->addWidget(numberLabel);
    row->addWidget(m_idNumber);
    row->addWidget(lookUp);
    row->addSpacing(18);
    row->addWidget(nameLabel);
    row->addWidget(m_name);
    row->addWidget(byName);
    row->addStretch(1);
    row->addWidget(m_backButton);

    connect(m_idNumber, &IdNumberEdit::submitted, this, &HouseholdScreen::lookUpByNumber);
    connect(lookUp, &QPushButton::clicked, this, &HouseholdScreen::lookUpByNumber);
    connect(m_name, &QLineEdit::returnPressed, this, &HouseholdScreen::searchByName);
    connect(byName, &QPushButton::clicked, this, &HouseholdScreen::searchByName);
    connect(m_backButton, &QPushButton::clicked, this, &HouseholdScreen::goBack);
    connect(m_idType, &QComboBox::currentIndexChanged, this,
            [this] { m_idNumber->setIdType(m_idType->currentData(IdTypeListModel::CodeRole).toString()); });
    setTabOrder(m_idType, m_idNumber);
    setTabOrder(m_idNumber, lookUp);
    setTabOrder(lookUp, m_name);
    setTabOrder(m_name, byName);
    return bar;
}

QWidget *HouseholdScreen::createHouseholdPage()
{
    auto *page = new QWidget(this);
    m_card = new PersonCard(page);
    m_card->setObjectName(QStringLiteral("householdCard"));
    m_card->setTitle(tr("Person in the registry"));
    m_card->enableReveal(m_connection, m_clerk); // masked number; 显示完整号码 reveals it, audited
    m_lists = new BindingTabs(page);
    m_revoke = new QPushButton(tr("&Revoke (解除)…"), page);
    m_revoke->setObjectName(QStringLiteral("revokeButton"));
    m_revoke->setToolTip(tr("End the binding selected in the list (Del)"));
    m_quota = new QPushButton(tr("Change &quota (调整额度)…"), page);
    m_quota->setObjectName(QStringLiteral("quotaButton"));
    m_quota->setToolTip(tr("Change the quota set aside on the mutual-aid binding selected in the list"));
    m_payment = new QPushButton(tr("Pa&yment order preview…"), page);
    m_payment->setObjectName(QStringLiteral("paymentButton"));
    m_kinship = new QPushButton(tr("Add &kinship member…"), page);
    m_kinship->setObjectName(QStringLiteral("kinshipButton"));
    m_kinship->setToolTip(tr("Bind a kinship-account member with this person as holder"));
    // Reprint (补打): an active mutual-aid binding's filing summary, an ended one's revocation
    // summary, a kinship binding's confirmation; printed copies are audited and marked 补打.
    m_print = new SummaryPrintActions(m_connection, m_clerk, SummaryPrintActions::formLanguage(), this);
    m_reprint = new QPushButton(tr("Re&print summary"), page);
    m_reprint->setObjectName(QStringLiteral("reprintButton"));
    m_reprint->setToolTip(tr("Print, preview or save as PDF the summary of the binding selected in the list"));
    m_reprint->setMenu(m_print->createMenu(tr("Reprint summary"), m_reprint));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_revoke);
    buttons->addWidget(m_quota);
    buttons->addWidget(m_reprint);
    buttons->addStretch(1);
    buttons->addWidget(m_payment);
    buttons->addWidget(m_kinship);

    auto *left = new QWidget(page);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 6, 0);
    leftLayout->addWidget(m_card);
    leftLayout->addWidget(m_lists, 1);
    leftLayout->addLayout(buttons);

    m_diagram = new HouseholdDiagram(page);
    m_diagramTitle = new QLabel(tr("Household &diagram"), page);
    m_diagramTitle->setBuddy(m_diagram);
    QFont titleFont = m_diagramTitle->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_diagramTitle->setFont(titleFont);
    m_secondStep = new QCheckBox(tr("Show the &2nd step"), page);
    m_secondStep->setObjectName(QStringLiteral("secondStepCheck"));
    m_secondStep->setToolTip(tr("Also the people bound to the people bound to this person"));
    m_showEnded = new QCheckBox(tr("Show &ended bindings"), page);
    m_showEnded->setObjectName(QStringLiteral("showEndedCheck"));
    m_showEnded->setChecked(true);
    auto *hint = new QLabel(tr("Click a person, or choose with the arrow keys and press Enter, to open them."), page);
    hint->setStyleSheet(QStringLiteral("color: palette(mid);"));
    hint->setWordWrap(true);

    // The title above its two switches: side by side they would not leave the lists room on a
    // 1280-pixel screen in English.
    auto *switches = new QHBoxLayout;
    switches->addWidget(m_secondStep);
    switches->addWidget(m_showEnded);
    switches->addStretch(1);
    auto *diagramHeader = new QVBoxLayout;
    diagramHeader->addWidget(m_diagramTitle);
    diagramHeader->addLayout(switches);
    auto *right = new QWidget(page);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(6, 0, 0, 0);
    rightLayout->addLayout(diagramHeader);
    rightLayout->addWidget(new DiagramLegend(right));
    rightLayout->addWidget(m_diagram, 1);
    rightLayout->addWidget(hint);

    auto *splitter = new QSplitter(Qt::Horizontal, page);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 5);
    splitter->setStretchFactor(1, 6);
    splitter->setSizes({640, 740}); // room for the five list tabs; the diagram takes the rest
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    setTabOrder(m_lists, m_revoke);
    setTabOrder(m_revoke, m_quota);
    setTabOrder(m_quota, m_reprint);
    setTabOrder(m_reprint, m_payment);
    setTabOrder(m_payment, m_kinship);
    setTabOrder(m_kinship, m_secondStep);
    setTabOrder(m_secondStep, m_showEnded);
    setTabOrder(m_showEnded, m_diagram);

    connect(m_lists, &BindingTabs::counterpartActivated, this, &HouseholdScreen::openPerson);
    connect(m_lists, &BindingTabs::selectionChanged, this, &HouseholdScreen::updateActions);
    connect(m_lists, &BindingTabs::revokeRequested, this, &HouseholdScreen::revokeSelected);
    connect(m_diagram, &HouseholdDiagram::personActivated, this, &HouseholdScreen::openPerson);
    connect(m_secondStep, &QCheckBox::toggled, this, &HouseholdScreen::refreshDiagram);
    connect(m_showEnded, &QCheckBox::toggled, this, &HouseholdScreen::refreshDiagram);
    connect(m_revoke, &QPushButton::clicked, this, &HouseholdScreen::revokeSelected);
    connect(m_quota, &QPushButton::clicked, this, &HouseholdScreen::changeQuotaOfSelected);
    connect(m_payment, &QPushButton::clicked, this, &HouseholdScreen::showPaymentPreview);
    connect(m_kinship, &QPushButton::clicked, this, [this] {
        if (m_household)
            emit kinshipRequested(m_household->person);
    });
    return page;
}

void HouseholdScreen::focusLookup()
{
    m_idNumber->setFocus();
    m_idNumber->selectAll();
}

std::optional<Person> HouseholdScreen::currentPerson() const
{
    return m_household ? std::optional<Person>(m_household->person) : std::nullopt;
}

void HouseholdScreen::showError(const QString &message) { QMessageBox::critical(this, tr("Database error"), message); }

void HouseholdScreen::lookUpByNumber()
{
    m_lookupMessage->clearFindings();
    const QString type = m_idType->currentData(IdTypeListModel::CodeRole).toString();
    if (m_idNumber->text().isEmpty()) {
        m_lookupMessage->setMessage(tr("Type or read an ID number, or type the start of a name."));
        m_idNumber->setFocus();
        return;
    }
    const IdCheck id = IdNumber::check(type, m_idNumber->text());
    if (!id.isValid()) {
        m_lookupMessage->setFindings({Finding{id.error, Finding::Field::None, id.detail}});
        m_idNumber->selectAll();
        return;
    }
    std::optional<Person> person;
    try {
        person = PersonStore(m_connection).findByDocument(id.type, id.number);
    } catch (const StorageError &error) {
        showError(error.userMessage());
        return;
    }
    if (!person) {
        m_lookupMessage->setFindings({Finding{RefusalCode::PersonNotFound, Finding::Field::None, {}}});
        m_idNumber->selectAll();
        return;
    }
    openPerson(person->id);
    m_idNumber->setFocus();
    m_idNumber->selectAll(); // the next card read replaces the number
}

void HouseholdScreen::searchByName()
{
    m_lookupMessage->clearFindings();
    const QString prefix = m_name->text().trimmed();
    if (prefix.isEmpty()) {
        m_lookupMessage->setMessage(tr("Type the start of a name."));
        m_name->setFocus();
        return;
    }
    int rows = 0;
    try {
        rows = m_search->search(prefix);
    } catch (const StorageError &error) {
        showError(error.userMessage());
        return;
    }
    if (rows == 0) {
        m_lookupMessage->setMessage(tr("Nobody in the registry has a name starting with “%1”.").arg(prefix));
        m_name->selectAll();
        return;
    }
    if (rows == 1) {
        openPerson(m_search->personIdAt(0));
        return;
    }
    m_stack->setCurrentIndex(SearchPage);
    m_search->view()->setFocus();
}

bool HouseholdScreen::openPerson(qint64 personId)
{
    const std::optional<qint64> previous = m_household ? std::optional<qint64>(m_household->person.id) : std::nullopt;
    if (!display(personId, previous == personId))
        return false;
    if (previous && *previous != personId)
        m_back.append(*previous);
    updateActions();
    return true;
}

void HouseholdScreen::reload()
{
    if (m_household)
        display(m_household->person.id, true);
}

void HouseholdScreen::goBack()
{
    if (m_back.isEmpty())
        return;
    const qint64 id = m_back.takeLast();
    display(id, false);
    updateActions();
}

bool HouseholdScreen::display(qint64 personId, bool samePerson)
{
    Household household;
    std::optional<RuleSet> rules;
    try {
        // The person and every binding in one statement: one round trip to an office server.
        std::optional<Household> found = HouseholdStore(m_connection).findById(personId);
        if (!found) {
            m_lookupMessage->setFindings({Finding{RefusalCode::PersonNotFound, Finding::Field::None, {}}});
            return false;
        }
        household = std::move(*found);
        RelationshipAgreement(m_connection).review(household);
        rules = RuleSetStore(m_connection).resolve(household.person.poolingRegion, QDate::currentDate());
    } catch (const StorageError &error) {
        showError(error.userMessage());
        return false;
    }
    m_household = household;
    m_lookupMessage->clearFindings();
    m_card->setPerson(household.person, rules);
    m_lists->setHousehold(household, samePerson);
    m_stack->setCurrentIndex(HouseholdPage);
    refreshDiagram();
    updateActions();
    return true;
}

void HouseholdScreen::refreshDiagram()
{
    if (!m_household) {
        m_diagram->clearHousehold();
        return;
    }
    const qint64 selected = m_diagram->selectedPersonId();
    QList<Household> neighbours;
    if (m_secondStep->isChecked()) {
        // Each neighbour's own bindings: one indexed query per person, only on request.
        QSet<qint64> seen;
        try {
            for (const HouseholdBinding &b : m_household->bindings) {
                if ((!m_showEnded->isChecked() && !b.isActive()) || seen.contains(b.counterpart.id))
                    continue;
                seen.insert(b.counterpart.id);
                neighbours.append(Household{b.counterpart, HouseholdStore(m_connection).bindingsOf(b.counterpart.id)});
            }
        } catch (const StorageError &error) {
            showError(error.userMessage());
        }
    }
    m_diagram->setHouseholds(*m_household, neighbours, m_showEnded->isChecked());
    if (selected && m_diagram->personItem(selected))
        m_diagram->selectPerson(selected);
}

void HouseholdScreen::updateActions()
{
    const bool shown = m_household.has_value();
    const std::optional<HouseholdBinding> active = shown ? m_lists->selectedActiveBinding() : std::nullopt;
    m_revoke->setEnabled(active.has_value());
    m_quota->setEnabled(active && active->kind == HouseholdBinding::Kind::MutualAid);
    m_print->setBinding(shown ? m_lists->selectedBinding() : std::nullopt);
    m_reprint->setEnabled(m_print->hasDocument());
    m_payment->setEnabled(shown);
    m_kinship->setEnabled(shown);
    m_backButton->setEnabled(!m_back.isEmpty());
}

void HouseholdScreen::revokeSelected()
{
    const std::optional<HouseholdBinding> binding = m_lists->selectedActiveBinding();
    if (!m_household || !binding)
        return;
    RevocationDialog dialog(m_connection, m_clerk, m_household->person, *binding, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString name = binding->counterpart.name;
    reload();
    // The revocation summary (解除确认单) is what the citizen signs now: the print button points at it.
    HouseholdBinding ended = *binding;
    ended.status = BindingStatus::Ended;
    m_print->setBinding(ended);
    m_reprint->setEnabled(m_print->hasDocument());
    emit bindingRevoked(tr("%1 with %2 ended. Print its summary with \"Reprint summary\".")
                            .arg(HouseholdBinding::kindLabel(binding->kind), name));
    emit revoked(binding->kind, binding->bindingId);
}

void HouseholdScreen::changeQuotaOfSelected()
{
    const std::optional<HouseholdBinding> binding = m_lists->selectedActiveBinding();
    if (!m_household || !binding || binding->kind != HouseholdBinding::Kind::MutualAid)
        return;
    QuotaDialog dialog(m_connection, m_clerk, m_household->person, *binding, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    reload();
    // The change's own summary (额度调整确认单) is what the citizen signs now.
    m_print->setQuotaChange(dialog.changeId());
    m_reprint->setEnabled(m_print->hasDocument());
    emit quotaChanged(
        tr("Quota of %1 changed. Print its summary with \"Reprint summary\".").arg(binding->counterpart.name));
}

void HouseholdScreen::showPaymentPreview()
{
    if (!m_household)
        return;
    PaymentPreviewDialog dialog(m_connection, m_household->person, this);
    dialog.exec();
}

} // namespace gongji
