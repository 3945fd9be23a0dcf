#include "ui/household/QuotaDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "model/domain/IdNumber.h"
#include "model/domain/Money.h"
#include "model/domain/Relationship.h"
#include "model/filing/QuotaChange.h"
#include "model/storage/StorageError.h"
#include "ui/household/KindBanner.h"
#include "ui/widgets/FindingLabel.h"

namespace gongji {

namespace {
const char *errorStyle = "color:#b01e1e; font-weight:bold;";

QString who(const Person &person) { return QStringLiteral("%1  %2").arg(person.name, IdNumber::mask(person.idNumber)); }
} // namespace

QuotaDialog::QuotaDialog(const QString &connection, const QString &clerk, const Person &shown,
                         const HouseholdBinding &binding, QWidget *parent)
    : QDialog(parent)
    , m_connection(connection)
    , m_clerk(clerk)
    , m_binding(binding)
{
    setObjectName(QStringLiteral("quotaDialog"));
    setWindowTitle(tr("Change quota (调整额度)"));
    const bool shownGives = binding.direction == HouseholdBinding::Direction::Outgoing;
    const Person &authorizer = shownGives ? shown : binding.counterpart;
    const Person &target = shownGives ? binding.counterpart : shown;

    auto *banner = new KindBanner(binding.kind, this);
    banner->setDetail(tr("Money inside the quota is set aside for this target only; the authorizer cannot use it "
                         "while the binding lasts."));
    const QString relationship = Relationship::isKnown(binding.relationship) ? Relationship::label(binding.relationship)
                                                                             : binding.relationship;
    auto *summary = new QLabel(this);
    summary->setObjectName(QStringLiteral("quotaSummary"));
    summary->setTextFormat(Qt::RichText);
    summary->setWordWrap(true);
    summary->setText(tr("<b>%1</b> → <b>%2</b><br>Relationship: %3 · Number: %4<br>Quota now: %5")
                         .arg(who(authorizer).toHtmlEscaped(), who(target).toHtmlEscaped(),
                              relationship.toHtmlEscaped(), binding.number.toHtmlEscaped(),
                              binding.quotaFen ? tr("%1 yuan").arg(Money::formatYuan(*binding.quotaFen)) : tr("none")));

    m_quota = new QLineEdit(this);
    m_quota->setObjectName(QStringLiteral("quotaAmount"));
    m_quota->setMaxLength(18);
    m_quota->setPlaceholderText(tr("yuan, e.g. 1500.50; 0: none"));
    if (binding.quotaFen)
        m_quota->setText(Money::formatYuan(*binding.quotaFen));
    m_quota->selectAll();
    m_findings = new FindingLabel(this);
    m_findings->setObjectName(QStringLiteral("quotaFindings"));
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("quotaError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QLatin1String(errorStyle));
    m_error->hide();

    auto *form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignRight);
    auto *label = new QLabel(tr("New &quota (yuan):"), this);
    label->setBuddy(m_quota);
    form->addRow(label, m_quota);
    form->addRow(QString(), m_findings);

    m_buttons = new QDialogButtonBox(this);
    QPushButton *confirm = m_buttons->addButton(tr("&Change quota"), QDialogButtonBox::AcceptRole);
    confirm->setObjectName(QStringLiteral("confirmQuota"));
    confirm->setDefault(true);
    m_buttons->addButton(QDialogButtonBox::Cancel);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QuotaDialog::accept);
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
    resize(560, sizeHint().height());
    m_quota->setFocus();
}

void QuotaDialog::accept()
{
    m_findings->clearFindings();
    m_error->hide();
    const QString text = m_quota->text().trimmed();
    const std::optional<qint64> quota = text.isEmpty() ? std::optional<qint64>(0) : Money::parseYuan(text);
    if (!quota) {
        m_findings->setMessage(
            tr("Type the quota in yuan with at most 2 decimals and a \".\", e.g. 1500.50; 0 for none."));
        m_quota->setFocus();
        return;
    }
    QuotaChange::Result result;
    try {
        result = QuotaChange(m_connection).change(m_binding.bindingId, quota, m_clerk);
    } catch (const StorageError &error) {
        result.error = error.userMessage();
    }
    if (!result.ok) {
        if (!result.findings.isEmpty()) {
            m_findings->setFindings(result.findings); // beside the field, with the code
        } else {
            m_error->setText(result.error);
            m_error->show();
        }
        m_quota->setFocus();
        m_quota->selectAll();
        return;
    }
    m_changeId = result.changeId;
    QDialog::accept();
}

} // namespace gongji
