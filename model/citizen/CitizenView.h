#pragma once
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

#include <optional>

#include "model/domain/Signature.h"
#include "model/domain/Person.h"

namespace gongji {

struct FilingDraft;
struct FilingVerdict;

// What the citizen's screen (客户屏) shows now: the clerk's pages tell it where the service is,
// the citizen's window draws it. Always Simplified Chinese whatever the clerk's language, and
// only what the citizen may see: ID numbers masked, no balance but the authorizer's own, a
// verdict in plain words without the refusal's details (they may name another person).
class CitizenView : public QObject
{
    Q_OBJECT
public:
    enum class Stage { Idle, Person, Commitment, Notice, Entries, Review, Done };
    enum class Service { Filing, Revocation, Kinship };
    enum class Tone { Accepted, Check, Refused };

    // One person of the service as the citizen checks it: a target, a member, a binding to end.
    struct Line
    {
        QString name;
        QString maskedId;
        QString relationship; // 父母, 配偶 …
        QString verdict; // plain words
        Tone tone = Tone::Accepted;
    };

    explicit CitizenView(QObject *parent = nullptr);

    Stage stage() const { return m_stage; }
    Service service() const { return m_service; }
    // 家庭共济备案 / 解除共济关系 / 亲情账户绑定
    QString serviceTitle() const;
    QString office() const { return m_office; }
    void setOffice(const QString &office);

    QString personName() const { return m_person.name; }
    QString personMaskedId() const;
    QString personRole() const { return m_personRole; }
    // "8650.40 元" for an authorizer's own account; empty where no balance may be shown.
    QString personBalance() const { return m_balance; }

    static QString letterText();
    static QString pledgeSentence();
    static QString noticeText();
    bool pledgeTicked() const { return m_pledgeAt.isValid(); }
    QDateTime pledgeAt() const { return m_pledgeAt; }

    QList<Line> lines() const { return m_lines; }
    QString number() const { return m_number; }
    // "filing" / "revocation" / "kinship": the service as ratings store it.
    QString serviceKey() const;

    // After the number: the rating (好差评). Open until the citizen rates or skips; a new
    // citizen (showIdle, showPerson) closes it unrated, so it never holds up the queue.
    enum class RatingState { Closed, Open, Given, Skipped };
    RatingState ratingState() const { return m_rating; }

    // The clerk's side moves the screen on.
    void showIdle();
    // `role` 授权人 / 持有人 / 申请人; the balance only for a filing's authorizer (their own).
    void showPerson(Service service, const Person &person, const QString &role, bool withBalance);
    void showCommitment();
    void showNotice();
    void showFilingTargets(const FilingDraft &draft, const FilingVerdict &verdict);
    void showLines(const QList<Line> &lines);
    // The list to check before the clerk submits.
    void showReview();
    void showDone(const QString &number);
    // A revocation or kinship binding ends on the screen with its number, for a service of its own.
    void showDone(Service service, const QString &number);

    // The citizen's side: the authorizer ticks the pledge on the screen (touch or mouse), and
    // signs (finger, pen or mouse) while checking the list; clearing lets them sign again.
    void tickPledge();
    void setSignature(const QList<QPolygonF> &strokes, double aspect);
    void clearSignature();
    std::optional<Signature> signature() const { return m_signature; }
    void rate(int level, const QString &reason, const QString &detail);
    void skipRating();

    static Line lineFor(const QString &name, const QString &idNumber, const QString &relationship, Tone tone);
    static QString relationshipLabel(const QString &keyword);

signals:
    void changed();
    // The authorizer ticked the pledge at `at` (UTC); the filing records it as citizen_screen.
    void pledgeAcknowledged(const QDateTime &at);
    void signatureChanged();
    // The citizen rated the service `reference` (the number shown); the clerk's side stores it.
    void ratingGiven(const QString &service, const QString &reference, int level, const QString &reason,
                     const QString &detail);

private:
    void moveTo(Stage stage);

    Stage m_stage = Stage::Idle;
    Service m_service = Service::Filing;
    QString m_office;
    Person m_person;
    QString m_personRole;
    QString m_balance;
    QDateTime m_pledgeAt;
    QList<Line> m_lines;
    std::optional<Signature> m_signature;
    RatingState m_rating = RatingState::Closed;
    QString m_number;
};

} // namespace gongji
