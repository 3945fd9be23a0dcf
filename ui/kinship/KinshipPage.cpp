#include "ui/kinship/KinshipPage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include "model/domain/IdNumber.h"
#include "model/domain/IdType.h"
#include "model/domain/Relationship.h"
#include "ui/household/BindingKindDelegate.h"
#include "ui/household/KindBanner.h"
#include "ui/household/KindStyle.h"
#include "ui/printing/SummaryPrintActions.h"
#include "model/itemmodels/HouseholdBindingsModel.h"
#include "model/itemmodels/IdTypeListModel.h"
#include "model/itemmodels/RelationshipListModel.h"
#include "ui/kinship/KinshipEnterFilter.h"
#include "model/kinship/KinshipSubmission.h"
#include "model/storage/HouseholdStore.h"
#include "model/storage/KinshipStore.h"
#include "model/storage/PersonStore.h"
#include "model/storage/StorageError.h"
#include "ui/widgets/FindingLabel.h"
#include "ui/widgets/IdNumberEdit.h"
#include "ui/widgets/ShorthandComboBox.h"

namespace gongji {

namespace {
QLabel *buddyLabel(const QString &text, QWidget *buddy, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setBuddy(buddy);
    return label;
}
} // namespace

KinshipPage::KinshipPage(const QString &connection, const QString &clerk, QWidget *parent)
    : QWidget(parent)
    , m_connection(connection)
    , m_clerk(clerk)
    , m_holderTypes(new IdTypeListModel(this))
    , m_memberTypes(new IdTypeListModel(this))
    , m_relationships(new RelationshipListModel(this))
    , m_members(new HouseholdBindingsModel(HouseholdBindingsModel::Section::KinshipMembers, this))
{
    setObjectName(QStringLiteral("kinshipPage"));
    m_relationships->setKeywords(Relationship::allKeywords());

    auto *banner = new KindBanner(HouseholdBinding::Kind::Kinship, this);
    banner->setDetail(tr("New kinship-account binding: a holder may show a relative's medical-insurance e-voucher."));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(banner);
    layout->addWidget(createHolderBox());
    layout->addWidget(createMemberBox());
    layout->addLayout(createActions());
    layout->addWidget(new QLabel(tr("The holder's kinship members now:"), this));
    layout->addWidget(createMemberList(), 1);

    setUpKeyboard();
    connectFields();
    showHolder();
}

QGroupBox *KinshipPage::createHolderBox()
{
    m_holderType = new ShorthandComboBox(IdTypeListModel::ShorthandsRole, this);
    m_holderType->setObjectName(QStringLiteral("holderIdType"));
    m_holderType->setModel(m_holderTypes);
    m_holderId = new IdNumberEdit(this);
    m_holderId->setObjectName(QStringLiteral("holderId"));
    m_holderId->setMinimumWidth(260);
    m_lookUp = new QPushButton(tr("&Look up"), this);
    m_lookUp->setObjectName(QStringLiteral("lookUpHolder"));
    m_holderFindings = new FindingLabel(this);
    m_holderFindings->setObjectName(QStringLiteral("holderFindings"));
    m_holderCard = new QLabel(this);
    m_holderCard->setObjectName(QStringLiteral("holderCard"));
    m_holderCard->setTextFormat(Qt::RichText);
    m_holderCard->setWordWrap(true);

    auto *holderBox = new QGroupBox(tr("Holder (持有人): who will show the member's e-voucher"), this);
    auto *holderGrid = new QGridLayout(holderBox);
    holderGrid->setHorizontalSpacing(12);
    holderGrid->addWidget(buddyLabel(tr("ID &type:"), m_holderType, this), 0, 0, Qt::AlignRight);
    holderGrid->addWidget(m_holderType, 0, 1);
    holderGrid->addWidget(buddyLabel(tr("&ID number:"), m_holderId, this), 1, 0, Qt::AlignRight);
    holderGrid->addWidget(m_holderId, 1, 1);
    holderGrid->addWidget(m_lookUp, 1, 2);
    holderGrid->addWidget(m_holderFindings, 0, 3, 2, 1, Qt::AlignTop);
    holderGrid->addWidget(m_holderCard, 2, 1, 1, 3);
    holderGrid->setColumnStretch(3, 1);
    return holderBox;
}

QGroupBox *KinshipPage::createMemberBox()
{
    m_relationship = new ShorthandComboBox(RelationshipListModel::ShorthandsRole, this);
    m_relationship->setObjectName(QStringLiteral("memberRelationship"));
    m_relationship->setModel(m_relationships);
    m_memberType = new ShorthandComboBox(IdTypeListModel::ShorthandsRole, this);
    m_memberType->setObjectName(QStringLiteral("memberIdType"));
    m_memberType->setModel(m_memberTypes);
    m_memberName = new QLineEdit(this);
    m_memberName->setObjectName(QStringLiteral("memberName"));
    m_memberName->setMaxLength(50);
    m_memberId = new IdNumberEdit(this);
    m_memberId->setObjectName(QStringLiteral("memberId"));
    m_memberAge = new QLabel(this);
    m_memberAge->setObjectName(QStringLiteral("memberAge"));
    // The age that decides between the two checks is the rule's, not the widget's.
    const QString age = ruleInForce() ? QString::number(ruleInForce()->faceVerificationAge) : QStringLiteral("—");
    m_faceVerified = new QCheckBox(tr("Face &verification done (member %1 or over)").arg(age), this);
    m_faceVerified->setObjectName(QStringLiteral("faceVerifiedCheck"));
    m_registerSeen = new QCheckBox(tr("Household re&gister (户口簿) seen (member under %1)").arg(age), this);
    m_registerSeen->setObjectName(QStringLiteral("registerSeenCheck"));
    m_relationshipFindings = new FindingLabel(this);
    m_nameFindings = new FindingLabel(this);
    m_nameFindings->setObjectName(QStringLiteral("memberNameFindings"));
    m_memberFindings = new FindingLabel(this);
    m_memberFindings->setObjectName(QStringLiteral("memberFindings"));
    m_checkFindings = new FindingLabel(this);
    m_checkFindings->setObjectName(QStringLiteral("checkFindings"));
    for (QWidget *field : std::initializer_list<QWidget *>{m_relationship, m_memberType, m_memberName, m_memberId})
        field->setFixedWidth(340);

    auto *memberBox = new QGroupBox(tr("Member (成员): whose e-voucher the holder may show"), this);
    auto *grid = new QGridLayout(memberBox);
    grid->setHorizontalSpacing(12);
    grid->setVerticalSpacing(6);
    int row = 0;
    auto addField = [&](const QString &label, QWidget *field, FindingLabel *findings) {
        grid->addWidget(buddyLabel(label, field, this), row, 0, Qt::AlignRight | Qt::AlignVCenter);
        grid->addWidget(field, row, 1);
        if (findings)
            grid->addWidget(findings, row, 2);
        ++row;
    };
    addField(tr("&Relationship to the holder:"), m_relationship, m_relationshipFindings);
    addField(tr("ID t&ype:"), m_memberType, nullptr);
    addField(tr("Na&me:"), m_memberName, m_nameFindings);
    addField(tr("ID n&umber:"), m_memberId, m_memberFindings);
    grid->addWidget(m_memberAge, row++, 1, 1, 2);
    auto *checks = new QVBoxLayout;
    checks->addWidget(m_faceVerified);
    checks->addWidget(m_registerSeen);
    grid->addWidget(new QLabel(tr("Checks:"), this), row, 0, Qt::AlignRight | Qt::AlignTop);
    grid->addLayout(checks, row, 1);
    grid->addWidget(m_checkFindings, row++, 2, Qt::AlignTop);
    grid->setColumnStretch(2, 1);
    return memberBox;
}

QHBoxLayout *KinshipPage::createActions()
{
    m_submit = new QPushButton(tr("Su&bmit kinship binding"), this);
    m_submit->setObjectName(QStringLiteral("submitKinship"));
    m_next = new QPushButton(tr("&Next member"), this);
    m_next->setObjectName(QStringLiteral("nextKinship"));
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("kinshipResult"));
    m_result->setTextFormat(Qt::RichText);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setWordWrap(true);
    // The binding just stored gets its confirmation (亲情账户绑定确认单) printed at once.
    m_print = new SummaryPrintActions(m_connection, m_clerk, SummaryPrintActions::formLanguage(), this);
    m_printButton = new QPushButton(tr("Print &confirmation"), this);
    m_printButton->setObjectName(QStringLiteral("printKinship"));
    m_printButton->setMenu(m_print->createMenu(tr("Print confirmation"), m_printButton));
    m_printButton->setEnabled(false);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_submit);
    actions->addWidget(m_next);
    actions->addWidget(m_printButton);
    actions->addSpacing(16);
    actions->addWidget(m_result, 1);
    return actions;
}

QTableView *KinshipPage::createMemberList()
{
    m_memberList = new QTableView(this);
    m_memberList->setObjectName(QStringLiteral("holderMembersList"));
    m_memberList->setModel(m_members);
    m_memberList->setItemDelegate(new BindingKindDelegate(m_memberList));
    m_memberList->setSelectionMode(QAbstractItemView::NoSelection);
    m_memberList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_memberList->setFocusPolicy(Qt::NoFocus); // to look at; revoking is on the household screen
    m_memberList->verticalHeader()->hide();
    m_memberList->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_memberList->horizontalHeader()->setStretchLastSection(true);
    return m_memberList;
}

void KinshipPage::setUpKeyboard()
{
    setTabOrder(m_holderType, m_holderId);
    setTabOrder(m_holderId, m_lookUp);
    setTabOrder(m_lookUp, m_relationship);
    setTabOrder(m_relationship, m_memberType);
    setTabOrder(m_memberType, m_memberName);
    setTabOrder(m_memberName, m_memberId);
    setTabOrder(m_memberId, m_faceVerified);
    setTabOrder(m_faceVerified, m_registerSeen);
    setTabOrder(m_registerSeen, m_submit);
    setTabOrder(m_submit, m_next);

    // Enter moves through the form like Tab; on a tick box it submits.
    auto *enter = new KinshipEnterFilter(this);
    for (QWidget *w : std::initializer_list<QWidget *>{m_holderType, m_relationship, m_memberType, m_memberName})
        enter->moveOnEnter(w);
    enter->submitOnEnter(m_faceVerified);
    enter->submitOnEnter(m_registerSeen);
    connect(enter, &KinshipEnterFilter::submitRequested, this, &KinshipPage::submit);

    // A typed code ("01", "fm") picks the entry and goes on to the field to type next.
    auto goOn = [this](QComboBox *box, QWidget *next) {
        connect(static_cast<ShorthandComboBox *>(box), &ShorthandComboBox::shorthandCompleted, next,
                [next] { next->setFocus(); });
    };
    goOn(m_holderType, m_holderId);
    goOn(m_relationship, m_memberName);
    goOn(m_memberType, m_memberName);
}

void KinshipPage::connectFields()
{
    connect(m_holderId, &IdNumberEdit::submitted, this, &KinshipPage::lookUpHolder);
    connect(m_lookUp, &QPushButton::clicked, this, &KinshipPage::lookUpHolder);
    connect(m_holderType, &QComboBox::currentIndexChanged, this, [this] { m_holderId->setIdType(holderType()); });
    connect(m_memberType, &QComboBox::currentIndexChanged, this, [this] {
        m_memberId->setIdType(memberType());
        updateMemberAge();
    });
    connect(m_holderId, &QLineEdit::textEdited, this, [this] {
        // A different number is a different holder: the card must not keep the old one.
        m_holder.reset();
        showHolder();
    });
    connect(m_memberId, &QLineEdit::textChanged, this, &KinshipPage::updateMemberAge);
    connect(m_memberId, &IdNumberEdit::submitted, this, [this] {
        updateMemberAge();
        (m_registerSeen->property("applies").toBool() ? m_registerSeen : m_faceVerified)->setFocus();
    });
    connect(m_submit, &QPushButton::clicked, this, &KinshipPage::submit);
    connect(m_next, &QPushButton::clicked, this, &KinshipPage::startNext);
}

std::optional<KinshipRule> KinshipPage::ruleInForce() const
{
    try {
        return KinshipStore(m_connection).ruleOn(QDate::currentDate());
    } catch (const StorageError &) {
        return std::nullopt; // only hints depend on it; the submission reports the failure
    }
}

QString KinshipPage::holderType() const { return m_holderType->currentData(IdTypeListModel::CodeRole).toString(); }

QString KinshipPage::memberType() const { return m_memberType->currentData(IdTypeListModel::CodeRole).toString(); }

void KinshipPage::setHolder(const Person &holder)
{
    m_holderType->setCurrentIndex(qMax(0, m_holderTypes->rowOf(holder.idType)));
    m_holderId->setText(holder.idNumber);
    lookUpHolder();
}

void KinshipPage::lookUpHolder()
{
    m_holderFindings->clearFindings();
    m_holder.reset();
    if (m_holderId->text().isEmpty()) {
        m_holderFindings->setMessage(tr("Type or read the holder's ID number."));
        showHolder();
        m_holderId->setFocus();
        return;
    }
    const IdCheck id = IdNumber::check(holderType(), m_holderId->text());
    if (!id.isValid()) {
        m_holderFindings->setFindings({Finding{id.error, Finding::Field::AuthorizerId, id.detail}});
        showHolder();
        m_holderId->setFocus();
        return;
    }
    try {
        m_holder = PersonStore(m_connection).findByDocument(id.type, id.number);
    } catch (const StorageError &error) {
        QMessageBox::critical(this, tr("Database error"), error.userMessage());
        return;
    }
    if (!m_holder)
        m_holderFindings->setFindings({Finding{RefusalCode::PersonNotFound, Finding::Field::AuthorizerId, {}}});
    showHolder();
    if (m_holder) {
        emit holderShown(*m_holder);
        m_relationship->setFocus();
    } else {
        m_holderId->selectAll();
    }
}

void KinshipPage::showHolder()
{
    if (!m_holder) {
        m_holderCard->setText(tr("<span style=\"color:#80888f\">No holder looked up yet.</span>"));
        m_members->setHousehold(Household());
        return;
    }
    QStringList members;
    try {
        const Household household{*m_holder, HouseholdStore(m_connection).bindingsOf(m_holder->id)};
        m_members->setHousehold(household);
        for (int row = 0; row < m_members->rowCount(); ++row)
            members << m_members->bindingAt(row).counterpart.name;
    } catch (const StorageError &error) {
        QMessageBox::critical(this, tr("Database error"), error.userMessage());
    }
    const std::optional<KinshipRule> rule = ruleInForce();
    const QString color = KindStyle::color(HouseholdBinding::Kind::Kinship).name();
    m_holderCard->setText(tr("<b style=\"font-size:large\">%1</b> &nbsp; %2 &nbsp; %3<br>"
                             "<span style=\"color:%4\">Kinship members now: %5 of at most %6</span> %7")
                              .arg(m_holder->name.toHtmlEscaped(), IdNumber::mask(m_holder->idNumber),
                                   Person::statusLabel(m_holder->status).toHtmlEscaped(), color)
                              .arg(members.size())
                              .arg(rule ? QString::number(rule->maxMembersPerHolder) : QStringLiteral("—"))
                              .arg(members.join(QStringLiteral("、")).toHtmlEscaped()));
}

void KinshipPage::updateMemberAge()
{
    // A hint on which check applies; the evaluator decides.
    const IdCheck id = IdNumber::check(memberType(), m_memberId->text());
    const std::optional<KinshipRule> rule = ruleInForce();
    bool minor = false;
    if (rule && id.isValid() && id.birthDate.isValid()) {
        const QDate today = QDate::currentDate();
        const int age = KinshipRule::ageOn(id.birthDate, today);
        minor = !rule->needsFaceVerification(id.birthDate, today);
        m_memberAge->setText(minor ? tr("Born %1, aged %2: the household register must be seen.")
                                         .arg(id.birthDate.toString(Qt::ISODate))
                                         .arg(age)
                                   : tr("Born %1, aged %2: face verification must be done.")
                                         .arg(id.birthDate.toString(Qt::ISODate))
                                         .arg(age));
    } else {
        m_memberAge->clear();
    }
    m_registerSeen->setProperty("applies", minor);
    QFont bold = m_faceVerified->font();
    bold.setBold(id.isValid() && !minor);
    m_faceVerified->setFont(bold);
    bold.setBold(id.isValid() && minor);
    m_registerSeen->setFont(bold);
}

void KinshipPage::clearFindings()
{
    for (FindingLabel *label :
         {m_holderFindings, m_relationshipFindings, m_nameFindings, m_memberFindings, m_checkFindings})
        label->clearFindings();
}

void KinshipPage::showFindings(const Findings &findings)
{
    Findings holder, relationship, name, member, checks;
    for (const Finding &finding : findings) {
        switch (finding.field) {
        case Finding::Field::AuthorizerId:
        case Finding::Field::AuthorizerName:
            holder << finding;
            break;
        case Finding::Field::Relationship:
            relationship << finding;
            break;
        case Finding::Field::TargetName:
            name << finding;
            break;
        case Finding::Field::TargetId:
        case Finding::Field::TargetIdType:
            member << finding;
            break;
        default:
            checks << finding;
            break;
        }
    }
    m_holderFindings->setFindings(holder);
    m_relationshipFindings->setFindings(relationship);
    m_nameFindings->setFindings(name);
    m_memberFindings->setFindings(member);
    m_checkFindings->setFindings(checks);
    if (!holder.isEmpty())
        m_holderId->setFocus();
    else if (!relationship.isEmpty())
        m_relationship->setFocus();
    else if (!name.isEmpty())
        m_memberName->setFocus();
    else if (!member.isEmpty())
        m_memberId->setFocus();
    else
        m_faceVerified->setFocus();
}

QString KinshipPage::submit()
{
    clearFindings();
    m_result->clear();
    m_printButton->setEnabled(false);
    if (!m_holder) {
        m_holderFindings->setMessage(tr("Look up the holder first (Enter in the ID number)."));
        m_holderId->setFocus();
        return {};
    }
    if (m_memberName->text().trimmed().isEmpty()) {
        m_nameFindings->setMessage(tr("Type the member's name as on the ID document."));
        m_memberName->setFocus();
        return {};
    }
    if (m_memberId->text().isEmpty()) {
        m_memberFindings->setMessage(tr("Type or read the member's ID number."));
        m_memberId->setFocus();
        return {};
    }
    KinshipDraft draft;
    draft.holderIdType = m_holder->idType;
    draft.holderIdNumber = m_holder->idNumber;
    draft.memberIdType = memberType();
    draft.memberIdNumber = m_memberId->text();
    draft.memberName = m_memberName->text().trimmed();
    draft.relationship = m_relationship->currentData(RelationshipListModel::KeywordRole).toString();
    draft.faceVerified = m_faceVerified->isChecked();
    draft.householdRegisterSeen = m_registerSeen->isChecked();
    draft.filedOn = QDate::currentDate();
    draft.clerk = m_clerk;
    const KinshipSubmission::Result result = KinshipSubmission(m_connection).submit(draft);
    if (!result.stored()) {
        if (!result.error.isEmpty())
            m_result->setText(
                QStringLiteral("<span style=\"color:#b01e1e\">%1</span>").arg(result.error.toHtmlEscaped()));
        else
            m_result->setText(QStringLiteral("<span style=\"color:#b01e1e\">%1</span>")
                                  .arg(tr("Not stored: correct what is shown beside the fields.").toHtmlEscaped()));
        showFindings(result.verdict.findings);
        return {};
    }
    const QString color = KindStyle::color(HouseholdBinding::Kind::Kinship).name();
    m_result->setText(
        tr("<span style=\"color:%1\">Kinship binding stored. Number: <b style=\"font-size:x-large\">%2</b></span>")
            .arg(color, result.number.toHtmlEscaped()));
    showHolder();
    m_print->setKinship(result.number);
    m_printButton->setEnabled(true);
    emit kinshipStored(result.number, m_holder->id);
    m_next->setFocus();
    return result.number;
}

void KinshipPage::startNext()
{
    // Same holder, next member: the common case is a parent adding several children.
    m_memberName->clear();
    m_memberId->clear();
    m_faceVerified->setChecked(false);
    m_registerSeen->setChecked(false);
    m_relationship->setCurrentIndex(0);
    m_memberType->setCurrentIndex(qMax(0, m_memberTypes->rowOf(IdType::ResidentId)));
    clearFindings();
    m_result->clear();
    if (m_holder)
        m_relationship->setFocus();
    else
        m_holderId->setFocus();
}

bool KinshipPage::hasUnsavedData() const
{
    return !m_memberName->text().trimmed().isEmpty() || !m_memberId->text().isEmpty();
}

} // namespace gongji
