#pragma once
#include <QWizard>

#include "model/filing/FilingDraft.h"
#include "model/filing/FilingEvaluator.h"

namespace gongji {

class CitizenView;
class FilingTargetsModel;
class AuthorizerPage;
class CommitmentPage;
class NoticePage;
class TargetsPage;
class ConfirmPage;
class DonePage;

// The counter filing of docs/domain.md §6, one page per step. The wizard owns the draft and the
// latest verdict; pages read and change them through it and ask the model layer for every
// decision. Embedded in the main window, so finishing or cancelling starts the next filing
// instead of closing anything.
class FilingWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId { AuthorizerPageId, CommitmentPageId, NoticePageId, TargetsPageId, ConfirmPageId, DonePageId };

    FilingWizard(const QString &connection, const QString &clerk, QWidget *parent = nullptr);

    QString connection() const { return m_connection; }
    QString clerk() const { return m_clerk; }
    // "zh_CN" or "en", from the default locale that main() sets with the translation.
    static QString language();

    FilingDraft &draft() { return m_draft; }
    const AuthorizerVerdict &authorizer() const { return m_authorizer; }
    // Takes over a looked-up authorizer; a different person than before drops the commitment
    // and the targets, which were given for the previous one.
    void setAuthorizer(const QString &idType, const QString &idNumber, const AuthorizerVerdict &verdict);

    // Checks the whole draft and refreshes the targets model; false when storage failed.
    bool evaluate();
    void setVerdict(const FilingVerdict &verdict);
    const FilingVerdict &verdict() const { return m_verdict; }
    FilingTargetsModel *targetsModel() const { return m_targetsModel; }

    QString filingNumber() const { return m_filingNumber; }
    void setFilingNumber(const QString &number);

    // True when leaving now would throw away something the clerk typed.
    bool hasUnsavedData() const;
    // Starts a fresh filing; with askFirst, confirms first when data would be lost.
    bool startNewFiling(bool askFirst = true);
    // Shows a storage failure; used by the pages.
    void showStorageError(const QString &message);

    // What the citizen's screen shows of this filing; the pages move it on.
    CitizenView *citizenView() const { return m_citizen; }

    AuthorizerPage *authorizerPage() const { return m_authorizerPage; }
    TargetsPage *targetsPage() const { return m_targetsPage; }

public slots:
    void accept() override; // "Start next filing" on the done page
    void reject() override; // Esc / Cancel

signals:
    void filingStored(const QString &number);

private:
    void resetDraft();

    QString m_connection;
    QString m_clerk;
    FilingDraft m_draft;
    AuthorizerVerdict m_authorizer;
    FilingVerdict m_verdict;
    QString m_filingNumber;
    FilingTargetsModel *m_targetsModel;
    CitizenView *m_citizen;
    AuthorizerPage *m_authorizerPage;
    CommitmentPage *m_commitmentPage;
    NoticePage *m_noticePage;
    TargetsPage *m_targetsPage;
    ConfirmPage *m_confirmPage;
    DonePage *m_donePage;
};

} // namespace gongji
