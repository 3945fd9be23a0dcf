#include "model/citizen/CitizenView.h"

#include "model/domain/IdNumber.h"
#include "model/domain/Money.h"
#include "model/filing/CommitmentLetter.h"
#include "model/filing/FilingDraft.h"
#include "model/filing/FilingEvaluator.h"
#include "model/printing/SummaryText.h"

namespace gongji {

namespace {
// The citizen's screen speaks Simplified Chinese whatever the clerk chose (see docs/citizen-screen.md).
const QString kChinese = QStringLiteral("zh_CN");
} // namespace

CitizenView::CitizenView(QObject *parent) : QObject(parent) {}

QString CitizenView::serviceTitle() const
{
    switch (m_service) {
    case Service::Filing:
        return QStringLiteral("个人账户家庭共济备案");
    case Service::Revocation:
        return QStringLiteral("解除家庭共济关系");
    case Service::Kinship:
        return QStringLiteral("医保电子凭证亲情账户绑定");
    }
    return {};
}

QString CitizenView::serviceKey() const
{
    switch (m_service) {
    case Service::Filing:
        return QStringLiteral("filing");
    case Service::Revocation:
        return QStringLiteral("revocation");
    case Service::Kinship:
        return QStringLiteral("kinship");
    }
    return {};
}

void CitizenView::setOffice(const QString &office)
{
    m_office = office;
    emit changed();
}

QString CitizenView::personMaskedId() const { return IdNumber::mask(m_person.idNumber); }

QString CitizenView::letterText() { return CommitmentLetter::letterText(kChinese); }

QString CitizenView::pledgeSentence() { return CommitmentLetter::pledgeSentence(); }

QString CitizenView::noticeText() { return CommitmentLetter::noticeText(kChinese); }

QString CitizenView::relationshipLabel(const QString &keyword)
{
    return SummaryText::relationshipLabel(keyword, kChinese);
}

CitizenView::Line CitizenView::lineFor(const QString &name, const QString &idNumber, const QString &relationship,
                                       Tone tone)
{
    Line line;
    line.name = name;
    line.maskedId = IdNumber::mask(idNumber);
    line.relationship = relationshipLabel(relationship);
    line.tone = tone;
    // Plain words, never the refusal's detail: TARGET_BOUND_ELSEWHERE names someone else.
    switch (tone) {
    case Tone::Accepted:
        line.verdict = QStringLiteral("可以办理");
        break;
    case Tone::Check:
        line.verdict = QStringLiteral("请与工作人员核对关系");
        break;
    case Tone::Refused:
        line.verdict = QStringLiteral("不能办理，请听工作人员说明");
        break;
    }
    return line;
}

void CitizenView::moveTo(Stage stage)
{
    m_stage = stage;
    if (stage != Stage::Done)
        m_rating = RatingState::Closed;
    emit changed();
}

void CitizenView::showIdle()
{
    m_person = {};
    m_personRole.clear();
    m_balance.clear();
    m_pledgeAt = {};
    m_lines.clear();
    m_number.clear();
    clearSignature();
    moveTo(Stage::Idle);
}

void CitizenView::showPerson(Service service, const Person &person, const QString &role, bool withBalance)
{
    const bool samePerson = m_person.id == person.id && m_service == service;
    m_service = service;
    m_person = person;
    m_personRole = role;
    m_balance = withBalance ? Money::formatYuan(person.balanceFen) + QStringLiteral(" 元") : QString();
    if (!samePerson) { // what was given for someone else does not carry over
        m_pledgeAt = {};
        m_lines.clear();
        clearSignature();
    }
    m_number.clear();
    moveTo(Stage::Person);
}

void CitizenView::showCommitment() { moveTo(Stage::Commitment); }

void CitizenView::tickPledge()
{
    if (m_stage != Stage::Commitment || pledgeTicked())
        return;
    m_pledgeAt = QDateTime::currentDateTimeUtc();
    emit pledgeAcknowledged(m_pledgeAt);
    emit changed();
}

void CitizenView::setSignature(const QList<QPolygonF> &strokes, double aspect)
{
    Signature signature;
    signature.strokes = strokes;
    signature.aspect = aspect;
    signature.signedAt = QDateTime::currentDateTimeUtc(); // the last stroke's time
    if (signature.isEmpty()) {
        clearSignature();
        return;
    }
    m_signature = signature;
    emit signatureChanged();
}

void CitizenView::clearSignature()
{
    if (!m_signature)
        return;
    m_signature.reset();
    emit signatureChanged();
}

void CitizenView::showNotice() { moveTo(Stage::Notice); }

void CitizenView::showFilingTargets(const FilingDraft &draft, const FilingVerdict &verdict)
{
    QList<Line> lines;
    for (int row = 0; row < draft.targets.size(); ++row) {
        const TargetEntry &target = draft.targets.at(row);
        const TargetVerdict result = verdict.targets.value(row);
        const Tone tone = result.refused() ? Tone::Refused : result.hasWarnings() ? Tone::Check : Tone::Accepted;
        lines << lineFor(target.name, target.idNumber, target.relationship, tone);
    }
    showLines(lines);
}

void CitizenView::showLines(const QList<Line> &lines)
{
    m_lines = lines;
    moveTo(Stage::Entries);
}

void CitizenView::showReview() { moveTo(Stage::Review); }

void CitizenView::showDone(Service service, const QString &number)
{
    m_service = service;
    showDone(number);
}

void CitizenView::showDone(const QString &number)
{
    m_number = number;
    m_rating = RatingState::Open;
    m_stage = Stage::Done;
    emit changed();
}

void CitizenView::rate(int level, const QString &reason, const QString &detail)
{
    if (m_stage != Stage::Done || m_rating != RatingState::Open)
        return;
    m_rating = RatingState::Given;
    emit ratingGiven(serviceKey(), m_number, level, reason, detail);
    emit changed();
}

void CitizenView::skipRating()
{
    if (m_rating != RatingState::Open)
        return;
    m_rating = RatingState::Skipped;
    emit changed();
}

} // namespace gongji
