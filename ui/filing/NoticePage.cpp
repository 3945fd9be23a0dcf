#include "ui/filing/NoticePage.h"

#include <QLabel>
#include <QTextBrowser>
#include <QTextDocument>
#include <QVBoxLayout>

#include "model/citizen/CitizenView.h"
#include "model/domain/Money.h"
#include "model/domain/Relationship.h"
#include "model/filing/CommitmentLetter.h"
#include "ui/filing/FilingWizard.h"

namespace gongji {

NoticePage::NoticePage(FilingWizard *wizard) : QWizardPage(wizard), m_wizard(wizard)
{
    setTitle(tr("Operation notice"));
    setSubTitle(tr("Explain to the authorizer what mutual aid is, who pays first and how to revoke it."));

    m_notice = new QTextBrowser(this);
    m_notice->setObjectName(QStringLiteral("noticeText"));
    // The notice's text is laid out when the page is first reached, not at start-up.
    QFont noticeFont = m_notice->font();
    noticeFont.setPointSizeF(noticeFont.pointSizeF() * 1.1);
    m_notice->setFont(noticeFont);
    auto *noticeLabel = new QLabel(tr("Operation noti&ce:"), this);
    noticeLabel->setBuddy(m_notice);

    m_rules = new QLabel(this);
    m_rules->setObjectName(QStringLiteral("ruleSummary"));
    m_rules->setWordWrap(true);
    m_rules->setTextFormat(Qt::RichText);
    m_rules->setFrameShape(QFrame::StyledPanel);
    m_rules->setMargin(8);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(noticeLabel);
    layout->addWidget(m_notice, 1);
    layout->addWidget(m_rules);
}

void NoticePage::initializePage()
{
    if (m_notice->document()->isEmpty())
        m_notice->setPlainText(CommitmentLetter::noticeText(FilingWizard::language()));
    m_wizard->citizenView()->showNotice();
    const auto &ruleSet = m_wizard->authorizer().ruleSet;
    if (!ruleSet) {
        m_rules->clear();
        m_rules->hide();
        return;
    }
    QStringList relationships;
    for (const QString &keyword : ruleSet->relationships)
        relationships << Relationship::label(keyword);
    const QString order = ruleSet->paymentOrder == QLatin1String("by_binding_order")
        ? tr("in the order the bindings were made")
        : tr("highest balance first");
    const QString limit = ruleSet->maxAuthorizersPerTarget
        ? tr("at most %n authorizer(s) per target", nullptr, *ruleSet->maxAuthorizersPerTarget)
        : tr("no limit of authorizers per target");
    QStringList lines;
    lines << tr("<b>Rules in force:</b> %1").arg(ruleSet->title.toHtmlEscaped())
          << tr("Relatives allowed: %1").arg(relationships.join(QStringLiteral("、")).toHtmlEscaped())
          << tr("Where targets must be insured: %1").arg(RuleSet::scopeLabel(ruleSet->scope).toHtmlEscaped())
          << tr("Several authorizers pay %1; %2.").arg(order, limit)
          << tr("Reserve kept in the authorizer's account: %1 yuan").arg(Money::formatYuan(ruleSet->reserveFloorFen));
    m_rules->setText(lines.join(QStringLiteral("<br>")));
    m_rules->show();
    m_notice->setFocus();
}

} // namespace gongji
