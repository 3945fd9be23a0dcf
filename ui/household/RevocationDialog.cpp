#include "ui/household/RevocationDialog.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

#include "model/domain/IdNumber.h"
#include "model/domain/Relationship.h"
#include "model/filing/BindingRevocation.h"
#include "ui/household/KindBanner.h"
#include "model/storage/StorageError.h"

namespace gongji {

namespace {
const char *errorStyle = "color:#b01e1e; font-weight:bold;";
// Row of "Other reason": free text is then required.
constexpr int otherReasonRow = 4;

QString who(const Person &person) { return QStringLiteral("%1  %2").arg(person.name, IdNumber::mask(person.idNumber)); }
} // namespace

RevocationDialog::RevocationDialog(const QString &connection, const QString &clerk, const Person &shown,
                                   const HouseholdBinding &binding, QWidget *parent)
    : QDialog(parent)
    , m_connection(connection)
    , m_clerk(clerk)
    , m_binding(binding)
{
    setObjectName(QStringLiteral("revocationDialog"));
    const bool mutualAid = binding.kind == HouseholdBinding::Kind::MutualAid;
    setWindowTitle(mutualAid ? tr("End mutual-aid binding (解除共济)") : tr("End kinship-account binding (解除亲情)"));

    // Who is who: the person shown is the giver when the binding goes out from them.
    const bool shownGives = binding.direction == HouseholdBinding::Direction::Outgoing;
    const Person &giver = shownGives ? shown : binding.counterpart;
    const Person &receiver = shownGives ? binding.counterpart : shown;

    auto *banner = new KindBanner(binding.kind, this);
    banner->setDetail(mutualAid ? tr("Ending this binding stops the authorizer's account paying for the target.")
                                : tr("Ending this binding stops the holder showing the member's e-voucher."));

    const QString relationship = Relationship::isKnown(binding.relationship) ? Relationship::label(binding.relationship)
                                                                             : binding.relationship;
    auto *summary = new QLabel(this);
    summary->setObjectName(QStringLiteral("revocationSummary"));
    summary->setTextFormat(Qt::RichText);
    summary->setWordWrap(true);
    summary->setText(tr("<b>%1</b> → <b>%2</b><br>Relationship: %3 · Number: %4 · Since %5")
                         .arg(who(giver).toHtmlEscaped(), who(receiver).toHtmlEscaped(), relationship.toHtmlEscaped(),
                              binding.number.toHtmlEscaped(),
                              binding.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd"))));

    m_fromGiver = new QRadioButton((mutualAid ? tr("&Authorizer %1") : tr("&Holder %1")).arg(giver.name), this);
    m_fromGiver->setObjectName(QStringLiteral("requestedByGiver"));
    m_fromReceiver = new QRadioButton((mutualAid ? tr("&Target %1") : tr("&Member %1")).arg(receiver.name), this);
    m_fromReceiver->setObjectName(QStringLiteral("requestedByReceiver"));
    m_requesters = new QButtonGroup(this);
    m_requesters->addButton(m_fromGiver);
    m_requesters->addButton(m_fromReceiver);
    auto *requesterBox = new QWidget(this);
    auto *requesterLayout = new QHBoxLayout(requesterBox);
    requesterLayout->setContentsMargins(0, 0, 0, 0);
    requesterLayout->addWidget(m_fromGiver);
    requesterLayout->addWidget(m_fromReceiver);
    requesterLayout->addStretch(1);

    m_reasons = new QComboBox(this);
    m_reasons->setObjectName(QStringLiteral("revocationReason"));
    m_reasons->addItem(tr("— choose a reason —"));
    m_reasons->addItem(tr("At the applicant's own wish"));
    m_reasons->addItem(tr("Family relationship changed (e.g. divorce)"));
    m_reasons->addItem(mutualAid ? tr("Another relative will authorize instead")
                                 : tr("Another relative will hold instead"));
    m_reasons->addItem(tr("Other reason (give details)"));
    Q_ASSERT(m_reasons->count() == otherReasonRow + 1);
    m_details = new QLineEdit(this);
    m_details->setObjectName(QStringLiteral("revocationDetails"));
    m_details->setMaxLength(200);
    m_details->setPlaceholderText(tr("Details, as the applicant states them"));

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("revocationError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QLatin1String(errorStyle));
    m_error->hide();

    auto *form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignRight);
    auto *requesterLabel = new QLabel(tr("Requested by:"), this);
    form->addRow(requesterLabel, requesterBox);
    auto *reasonLabel = new QLabel(tr("&Reason:"), this);
    reasonLabel->setBuddy(m_reasons);
    form->addRow(reasonLabel, m_reasons);
    auto *detailLabel = new QLabel(tr("&Details:"), this);
    detailLabel->setBuddy(m_details);
    form->addRow(detailLabel, m_details);

    m_buttons = new QDialogButtonBox(this);
    QPushButton *confirm = m_buttons->addButton(tr("&End binding"), QDialogButtonBox::AcceptRole);
    confirm->setObjectName(QStringLiteral("confirmRevocation"));
    confirm->setDefault(true); // Enter confirms once who and why are given; never cancels by surprise
    m_buttons->addButton(QDialogButtonBox::Cancel);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RevocationDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(banner);
    layout->addSpacing(6);
    layout->addWidget(summary);
    layout->addSpacing(6);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    setTabOrder(m_fromGiver, m_fromReceiver);
    setTabOrder(m_fromReceiver, m_reasons);
    setTabOrder(m_reasons, m_details);
    connect(m_requesters, &QButtonGroup::buttonToggled, this, &RevocationDialog::updateButtons);
    connect(m_reasons, &QComboBox::currentIndexChanged, this, &RevocationDialog::updateButtons);
    connect(m_details, &QLineEdit::textChanged, this, &RevocationDialog::updateButtons);
    updateButtons();
    resize(560, sizeHint().height());
    m_fromGiver->setFocus();
}

std::optional<EndRequester> RevocationDialog::requestedBy() const
{
    const bool mutualAid = m_binding.kind == HouseholdBinding::Kind::MutualAid;
    if (m_fromGiver->isChecked())
        return mutualAid ? EndRequester::Authorizer : EndRequester::Holder;
    if (m_fromReceiver->isChecked())
        return mutualAid ? EndRequester::Target : EndRequester::Member;
    return std::nullopt;
}

QString RevocationDialog::reason() const
{
    const QString details = m_details->text().trimmed();
    const int row = m_reasons->currentIndex();
    if (row <= 0)
        return details;
    if (row == otherReasonRow)
        return details;
    return details.isEmpty() ? m_reasons->currentText() : tr("%1: %2").arg(m_reasons->currentText(), details);
}

void RevocationDialog::updateButtons()
{
    // Confirm only once the clerk said who asks and why; "other" needs the words.
    const int row = m_reasons->currentIndex();
    const bool reasonGiven = row > 0 && (row != otherReasonRow || !m_details->text().trimmed().isEmpty());
    for (QAbstractButton *button : m_buttons->buttons()) {
        if (m_buttons->buttonRole(button) == QDialogButtonBox::AcceptRole)
            button->setEnabled(requestedBy().has_value() && reasonGiven);
    }
}

void RevocationDialog::accept()
{
    const std::optional<EndRequester> requester = requestedBy();
    if (!requester) // the button waits for the choice; a stray accept() must not pass
        return;
    BindingRevocation revocation(m_connection);
    BindingRevocation::Result result;
    try {
        result = m_binding.kind == HouseholdBinding::Kind::MutualAid
            ? revocation.revoke(m_binding.bindingId, *requester, reason(), m_clerk)
            : revocation.revokeKinship(m_binding.bindingId, *requester, reason(), m_clerk);
    } catch (const StorageError &error) {
        result.error = error.userMessage();
    }
    if (!result.ok) {
        m_error->setText(result.error);
        m_error->show();
        return;
    }
    QDialog::accept();
}

} // namespace gongji
