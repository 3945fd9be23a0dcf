// The counter filing wizard driven by keyboard and mouse, offscreen, on a real database.
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QMainWindow>
#include <QMessageBox>
#include <QStatusBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include "ui/MainWindow.h"
#include "WidgetTest.h"
#include "TestDatabase.h"
#include "model/storage/ClerkStore.h"
#include "model/filing/CommitmentLetter.h"
#include "model/filing/FilingSubmission.h"
#include "ui/filing/FilingWizard.h"
#include "model/itemmodels/FilingTargetsModel.h"
#include "model/itemmodels/RelationshipListModel.h"
#include "model/storage/BindingStore.h"
#include "model/storage/FilingStore.h"
#include "ui/widgets/FindingLabel.h"
#include "ui/widgets/IdNumberEdit.h"
#include "model/domain/IdNumber.h"
#include "model/storage/PersonStore.h"
#include "model/domain/Money.h"

using namespace gongji;

class TestFilingWizard : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void idNumberEditTakesAReaderBurst();
    void enterInIdFieldLooksUp();
    void unknownAuthorizerIsShownBesideTheField();
    void commitmentGate();
    void refusedTargetBlocksSubmit();
    void goodFilingLandsInDatabase();
    void ageWarningNeedsExplicitConfirmation();
    void recheckAtSubmissionRefusesAndStays();
    void anotherAuthorizerDropsTargetsAndCommitment();
    void tabOrderFollowsTheForm();
    void quotaBesideTheTarget_data();
    void quotaBesideTheTarget();
    void noQuotaFieldWhereNothingIsSetAside();
    void secondSpouseIsRefusedBesideTheRelationship();
    void periodTypedOrLeftEmptyByKeyboard();
    void escapeAsksBeforeDiscarding();
    void mainWindowNamesDatabaseAndClerk();

private:
    template<typename T> T *child(const char *name) const { return WidgetTest::child<T>(m_wizard, name); }
    QAbstractButton *nextButton() const
    {
        return m_wizard->button(m_wizard->currentId() == FilingWizard::ConfirmPageId ? QWizard::CommitButton
                                                                                     : QWizard::NextButton);
    }
    void lookUpAuthorizer(const QString &number);
    void passCommitmentAndNotice(const QString &authorizerNumber = {});
    void addTarget(const QString &relationship, const QString &name, const QString &number);
    // Answers the next modal message box with `button`; returns how many boxes were answered.
    void answerMessageBox(QMessageBox::StandardButton button);

    TestDatabase *m_db = nullptr;
    FilingWizard *m_wizard = nullptr;
    Person m_authorizer;
    QString m_childNumber;
    QString m_spouseNumber;
    QString m_youngParentNumber;
    QString m_unknownNumber;
    int m_boxesAnswered = 0;
};

void TestFilingWizard::init()
{
    m_db = new TestDatabase;
    QVERIFY(m_db->isOpen());
    m_authorizer = m_db->addPerson(QStringLiteral("王建国"),
                                   TestDatabase::residentId(QStringLiteral("330102"), QDate(1965, 3, 1), 131));
    m_childNumber = TestDatabase::residentId(QStringLiteral("330102"), QDate(1992, 7, 9), 122);
    m_db->addPerson(QStringLiteral("王小明"), m_childNumber, QStringLiteral("390"));
    m_spouseNumber = TestDatabase::residentId(QStringLiteral("330106"), QDate(1966, 11, 20), 242);
    m_db->addPerson(QStringLiteral("李秀英"), m_spouseNumber);
    m_youngParentNumber = TestDatabase::residentId(QStringLiteral("330102"), QDate(1970, 1, 1), 262);
    m_db->addPerson(QStringLiteral("赵丽"), m_youngParentNumber, QStringLiteral("390"));
    m_unknownNumber = TestDatabase::residentId(QStringLiteral("330102"), QDate(1990, 1, 1), 351);

    m_wizard = new FilingWizard(m_db->connection(), QStringLiteral("tester"));
    m_wizard->resize(1100, 720);
    m_wizard->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_wizard));
    m_boxesAnswered = 0;
}

void TestFilingWizard::cleanup()
{
    delete m_wizard;
    m_wizard = nullptr;
    delete m_db;
    m_db = nullptr;
}

void TestFilingWizard::lookUpAuthorizer(const QString &number)
{
    auto *id = child<IdNumberEdit>("authorizerId");
    id->setFocus();
    id->clear();
    QTest::keyClicks(id, number); // a card reader: a burst of keys …
    QTest::keyClick(id, Qt::Key_Return); // … and Enter
}

void TestFilingWizard::passCommitmentAndNotice(const QString &authorizerNumber)
{
    lookUpAuthorizer(authorizerNumber.isEmpty() ? m_authorizer.idNumber : authorizerNumber);
    QTest::keyClick(child<IdNumberEdit>("authorizerId"), Qt::Key_Return); // Enter again: next
    QCOMPARE(m_wizard->currentId(), int(FilingWizard::CommitmentPageId));
    child<QCheckBox>("pledgeCheck")->click();
    child<QCheckBox>("paperSignedCheck")->click();
    m_wizard->next();
    QCOMPARE(m_wizard->currentId(), int(FilingWizard::NoticePageId));
    m_wizard->next();
    QCOMPARE(m_wizard->currentId(), int(FilingWizard::TargetsPageId));
}

void TestFilingWizard::addTarget(const QString &relationship, const QString &name, const QString &number)
{
    auto *relationships = child<QComboBox>("targetRelationship");
    const int row = relationships->findData(relationship, RelationshipListModel::KeywordRole);
    QVERIFY2(row >= 0, qPrintable(relationship));
    relationships->setCurrentIndex(row);
    child<QLineEdit>("targetName")->setText(name); // Chinese: setText, not keyClicks (Qt 6.4)
    auto *id = child<IdNumberEdit>("targetId");
    id->setFocus();
    QTest::keyClicks(id, number);
    QTest::keyClick(id, Qt::Key_Return); // Enter in the number adds
}

void TestFilingWizard::answerMessageBox(QMessageBox::StandardButton button)
{
    WidgetTest::answerNextMessageBox(this, button, &m_boxesAnswered);
}

void TestFilingWizard::idNumberEditTakesAReaderBurst()
{
    IdNumberEdit edit;
    QSignalSpy submitted(&edit, &IdNumberEdit::submitted);
    QTest::keyClicks(&edit, QStringLiteral("33010220080721153x"));
    QCOMPARE(edit.text(), QStringLiteral("33010220080721153X")); // upper-cased as typed
    QKeyEvent enter(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier);
    QApplication::sendEvent(&edit, &enter);
    QCOMPARE(submitted.count(), 1);
    QVERIFY(enter.isAccepted()); // the wizard does not also see it as "next page"

    // Pasted with separators: only letters and digits stay.
    edit.clear();
    edit.insert(QStringLiteral(" 3301 0220-0807 2115 3X "));
    QCOMPARE(edit.text(), QStringLiteral("33010220080721153X"));
    QVERIFY(!edit.placeholderText().isEmpty());
}

void TestFilingWizard::enterInIdFieldLooksUp()
{
    QCOMPARE(m_wizard->currentId(), int(FilingWizard::AuthorizerPageId));
    QVERIFY(!nextButton()->isEnabled());
    lookUpAuthorizer(m_authorizer.idNumber.toLower()); // a lower-case x is fine too
    // Enter looked the person up and stayed on the page.
    QCOMPARE(m_wizard->currentId(), int(FilingWizard::AuthorizerPageId));
    QCOMPARE(child<QLabel>("cardName")->text(), QStringLiteral("王建国"));
    QVERIFY(nextButton()->isEnabled());
    QVERIFY(child<QLabel>("authorizerFindings")->isHidden());

    // Changing the number drops the card: Next may not go on with a stale person.
    QTest::keyClick(child<IdNumberEdit>("authorizerId"), Qt::Key_Backspace);
    QVERIFY(!nextButton()->isEnabled());
    QVERIFY(child<QLabel>("cardName")->text() != QStringLiteral("王建国"));

    lookUpAuthorizer(m_authorizer.idNumber);
    QTest::keyClick(child<IdNumberEdit>("authorizerId"), Qt::Key_Return);
    QCOMPARE(m_wizard->currentId(), int(FilingWizard::CommitmentPageId));
}

void TestFilingWizard::unknownAuthorizerIsShownBesideTheField()
{
    lookUpAuthorizer(m_unknownNumber);
    auto *findings = child<QLabel>("authorizerFindings");
    QVERIFY(findings->isVisible());
    QVERIFY(findings->text().contains(QLatin1String("PERSON_NOT_FOUND")));
    QVERIFY(!nextButton()->isEnabled());

    // A resident (390) is found but may not authorize.
    lookUpAuthorizer(m_childNumber);
    QCOMPARE(child<QLabel>("cardName")->text(), QStringLiteral("王小明"));
    QVERIFY(findings->text().contains(QLatin1String("AUTHORIZER_NOT_EMPLOYEE")));
    QVERIFY(!findings->text().contains(QLatin1String("COMMITMENT_MISSING")));
    QVERIFY(!nextButton()->isEnabled());
    QTest::keyClick(child<IdNumberEdit>("authorizerId"), Qt::Key_Return);
    QCOMPARE(m_wizard->currentId(), int(FilingWizard::AuthorizerPageId));
}

void TestFilingWizard::commitmentGate()
{
    lookUpAuthorizer(m_authorizer.idNumber);
    m_wizard->next();
    QCOMPARE(m_wizard->currentId(), int(FilingWizard::CommitmentPageId));
    auto *pledge = child<QCheckBox>("pledgeCheck");
    auto *paper = child<QCheckBox>("paperSignedCheck");
    QCOMPARE(pledge->text(), CommitmentLetter::pledgeSentence());
    QCOMPARE(pledge->text(), QStringLiteral("本人承诺添加的共济对象身份真实有效！"));
    QVERIFY(!child<QWidget>("commitmentText")->property("plainText").toString().isEmpty());

    QVERIFY(!nextButton()->isEnabled());
    pledge->click();
    QVERIFY(!nextButton()->isEnabled());
    paper->click();
    QVERIFY(nextButton()->isEnabled());
    pledge->click();
    QVERIFY(!nextButton()->isEnabled());
    m_wizard->next(); // refused while incomplete
    QCOMPARE(m_wizard->currentId(), int(FilingWizard::CommitmentPageId));
    QVERIFY(!m_wizard->draft().commitmentAcknowledged);

    QTest::keyClick(pledge, Qt::Key_Space);
    QVERIFY(pledge->isChecked());
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    QTest::keyClick(pledge, Qt::Key_Return); // Enter advances
    QCOMPARE(m_wizard->currentId(), int(FilingWizard::NoticePageId));
    QVERIFY(m_wizard->draft().commitmentAcknowledged);
    QCOMPARE(m_wizard->draft().commitmentVersion, CommitmentLetter::version());
    QVERIFY(m_wizard->draft().commitmentAt >= before);
    QCOMPARE(m_wizard->draft().commitmentAt.timeSpec(), Qt::UTC);

    // The notice is read, then Enter goes on to the targets.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QCOMPARE(m_wizard->currentId(), int(FilingWizard::TargetsPageId));
}

void TestFilingWizard::refusedTargetBlocksSubmit()
{
    passCommitmentAndNotice();
    addTarget(QStringLiteral("child"), QStringLiteral("王小明"), m_childNumber);
    addTarget(QStringLiteral("spouse"), QStringLiteral("无此人"), m_unknownNumber);
    QCOMPARE(m_wizard->targetsModel()->rowCount(), 2);
    QVERIFY(m_wizard->targetsModel()->index(1, 0).data(FilingTargetsModel::RefusedRole).toBool());
    // The refusal is shown beside the ID number field, which keeps the entry for correction.
    auto *idFindings = child<QLabel>("targetIdFindings");
    QVERIFY(idFindings->isVisible());
    QVERIFY(idFindings->text().contains(QLatin1String("PERSON_NOT_FOUND")));
    QCOMPARE(child<IdNumberEdit>("targetId")->text(), m_unknownNumber);

    m_wizard->next();
    QCOMPARE(m_wizard->currentId(), int(FilingWizard::ConfirmPageId));
    QVERIFY(!nextButton()->isEnabled());
    auto *blocked = child<QLabel>("confirmBlocked");
    QVERIFY(blocked->isVisible());
    QVERIFY(blocked->text().contains(QStringLiteral("无此人")));
    QVERIFY(blocked->text().contains(QLatin1String("PERSON_NOT_FOUND")));
    m_wizard->next();
    QCOMPARE(m_wizard->currentId(), int(FilingWizard::ConfirmPageId));
    QCOMPARE(FilingStore(m_db->connection()).count(), 0);

    // Back, delete the refused row with Del, and the filing can go.
    m_wizard->back();
    auto *table = child<QTableView>("targetsTable");
    table->setFocus();
    table->selectRow(1);
    QTest::keyClick(table, Qt::Key_Delete);
    QCOMPARE(m_wizard->targetsModel()->rowCount(), 1);
    m_wizard->next();
    QVERIFY(nextButton()->isEnabled());
    QVERIFY(child<QLabel>("confirmBlocked")->isHidden());
}

void TestFilingWizard::goodFilingLandsInDatabase()
{
    passCommitmentAndNotice();
    QVERIFY(!nextButton()->isEnabled()); // no target yet
    addTarget(QStringLiteral("child"), QStringLiteral("王小明"), m_childNumber);
    addTarget(QStringLiteral("spouse"), QStringLiteral("李秀英"), m_spouseNumber);
    // Enter in an entry field moves to the next field; it never leaves the page mid-entry.
    auto *relationship = child<QComboBox>("targetRelationship");
    relationship->setFocus();
    QTest::keyClick(relationship, Qt::Key_Return);
    QCOMPARE(m_wizard->currentId(), int(FilingWizard::TargetsPageId));
    QCOMPARE(QApplication::focusWidget(), child<QComboBox>("targetIdType"));
    QCOMPARE(m_wizard->targetsModel()->rowCount(), 2);
    QVERIFY(child<IdNumberEdit>("targetId")->text().isEmpty()); // accepted: the form is clear
    // Birth date and sex come from the number, read-only.
    auto *id = child<IdNumberEdit>("targetId");
    QTest::keyClicks(id, m_childNumber);
    QCOMPARE(child<QLineEdit>("targetBirthDate")->text(), QStringLiteral("1992-07-09"));
    QVERIFY(!child<QLineEdit>("targetSex")->text().isEmpty());
    QVERIFY(child<QLineEdit>("targetBirthDate")->isReadOnly());
    id->clear();
    QVERIFY(child<QLineEdit>("targetBirthDate")->text().isEmpty());

    // Enter on the empty number field goes on to the confirmation.
    QTest::keyClick(child<IdNumberEdit>("targetId"), Qt::Key_Return);
    QCOMPARE(m_wizard->currentId(), int(FilingWizard::ConfirmPageId));
    QVERIFY(nextButton()->isEnabled());
    QVERIFY(child<QCheckBox>("warningsCheck")->isHidden());
    nextButton()->click();
    QCOMPARE(m_wizard->currentId(), int(FilingWizard::DonePageId));

    const QString number = child<QLabel>("filingNumber")->text();
    QVERIFY(number.startsWith(QLatin1String("GJ")));
    FilingStore filings(m_db->connection());
    QCOMPARE(filings.count(), 1);
    const auto filing = filings.findByNumber(number);
    QVERIFY(filing.has_value());
    QCOMPARE(filing->clerk, QStringLiteral("tester"));
    QCOMPARE(filing->authorizerId, m_authorizer.id);
    QCOMPARE(filing->commitmentVersion, CommitmentLetter::version());
    BindingStore bindings(m_db->connection());
    QCOMPARE(bindings.countActive(), 2);
    QCOMPARE(bindings.byFiling(filing->id).size(), 2);

    // Enter starts the next filing with nothing left over.
    QTest::keyClick(child<QLabel>("filingNumber"), Qt::Key_Return);
    QCOMPARE(m_wizard->currentId(), int(FilingWizard::AuthorizerPageId));
    QVERIFY(m_wizard->draft().targets.isEmpty());
    QVERIFY(m_wizard->draft().authorizerIdNumber.isEmpty());
    QVERIFY(child<IdNumberEdit>("authorizerId")->text().isEmpty());
    QCOMPARE(m_wizard->targetsModel()->rowCount(), 0);
    QVERIFY(!m_wizard->hasUnsavedData());
}

void TestFilingWizard::ageWarningNeedsExplicitConfirmation()
{
    passCommitmentAndNotice();
    addTarget(QStringLiteral("parent"), QStringLiteral("赵丽"), m_youngParentNumber);
    QCOMPARE(m_wizard->targetsModel()->rowCount(), 1);
    QVERIFY(m_wizard->targetsModel()->index(0, 0).data(FilingTargetsModel::WarningRole).toBool());
    QVERIFY(child<QLabel>("targetStatus")->text().contains(QLatin1String("AGE_IMPLAUSIBLE")));

    m_wizard->next();
    auto *check = child<QCheckBox>("warningsCheck");
    QVERIFY(check->isVisible());
    QVERIFY(check->text().contains(QStringLiteral("赵丽")));
    QVERIFY(!nextButton()->isEnabled());
    check->click();
    QVERIFY(nextButton()->isEnabled());
    nextButton()->click();
    QCOMPARE(m_wizard->currentId(), int(FilingWizard::DonePageId));
    const auto filing = FilingStore(m_db->connection()).findByNumber(m_wizard->filingNumber());
    QVERIFY(filing.has_value());
    const QList<MutualAidBinding> stored = BindingStore(m_db->connection()).byFiling(filing->id);
    QCOMPARE(stored.size(), 1);
    QVERIFY(stored.first().ageWarningConfirmed);
}

void TestFilingWizard::recheckAtSubmissionRefusesAndStays()
{
    passCommitmentAndNotice();
    addTarget(QStringLiteral("child"), QStringLiteral("王小明"), m_childNumber);
    m_wizard->next();
    QCOMPARE(m_wizard->currentId(), int(FilingWizard::ConfirmPageId));
    QVERIFY(nextButton()->isEnabled());

    // Meanwhile another counter files the same child for the mother; the Zhejiang rule set
    // allows one authorizer per target.
    FilingDraft other;
    other.authorizerIdType = QStringLiteral("01");
    other.authorizerIdNumber = m_spouseNumber;
    other.commitmentAcknowledged = true;
    other.commitmentVersion = CommitmentLetter::version();
    other.commitmentAt = QDateTime::currentDateTimeUtc();
    other.filedOn = QDate::currentDate();
    other.clerk = QStringLiteral("supervisor");
    other.targets << TargetEntry{
        QStringLiteral("child"), QStringLiteral("01"), m_childNumber, QStringLiteral("王小明"), {}, false};
    QVERIFY(FilingSubmission(m_db->connection()).submit(other).stored());

    nextButton()->click();
    QCOMPARE(m_wizard->currentId(), int(FilingWizard::ConfirmPageId)); // stays
    auto *result = child<QLabel>("confirmResult");
    QVERIFY(result->isVisible());
    QVERIFY(result->text().contains(QLatin1String("TARGET_BOUND_ELSEWHERE")));
    QVERIFY(m_wizard->targetsModel()->index(0, 0).data(FilingTargetsModel::RefusedRole).toBool());
    QVERIFY(!nextButton()->isEnabled());
    QCOMPARE(FilingStore(m_db->connection()).count(), 1); // only the other counter's
}

void TestFilingWizard::anotherAuthorizerDropsTargetsAndCommitment()
{
    passCommitmentAndNotice();
    addTarget(QStringLiteral("child"), QStringLiteral("王小明"), m_childNumber);
    QCOMPARE(m_wizard->draft().targets.size(), 1);

    // Back to the first page: the same person again keeps everything …
    while (m_wizard->currentId() != FilingWizard::AuthorizerPageId)
        m_wizard->back();
    QTest::keyClick(child<IdNumberEdit>("authorizerId"), Qt::Key_Return);
    QCOMPARE(m_wizard->currentId(), int(FilingWizard::CommitmentPageId));
    QVERIFY(m_wizard->draft().commitmentAcknowledged);
    QCOMPARE(m_wizard->draft().targets.size(), 1);

    // … another person starts over: the commitment and the targets were given for the first.
    m_wizard->back();
    lookUpAuthorizer(m_spouseNumber);
    QCOMPARE(child<QLabel>("cardName")->text(), QStringLiteral("李秀英"));
    QTest::keyClick(child<IdNumberEdit>("authorizerId"), Qt::Key_Return);
    QCOMPARE(m_wizard->currentId(), int(FilingWizard::CommitmentPageId));
    QVERIFY(!m_wizard->draft().commitmentAcknowledged);
    QVERIFY(!nextButton()->isEnabled());
    QVERIFY(m_wizard->draft().targets.isEmpty());
    QCOMPARE(m_wizard->targetsModel()->rowCount(), 0);
}

void TestFilingWizard::tabOrderFollowsTheForm()
{
    QCOMPARE(QApplication::focusWidget(), child<IdNumberEdit>("authorizerId"));
    passCommitmentAndNotice();
    auto *relationship = child<QComboBox>("targetRelationship");
    QCOMPARE(QApplication::focusWidget(), relationship);
    const char *expected[] = {"targetIdType", "targetName", "targetValidUntil", "targetId"};
    for (const char *name : expected) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget()->objectName(), QLatin1String(name));
    }
    // Then the proofs seen, then Add.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QVERIFY(qobject_cast<QCheckBox *>(QApplication::focusWidget()));
    while (qobject_cast<QCheckBox *>(QApplication::focusWidget()))
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget()->objectName(), QLatin1String("addTargetButton"));
}

void TestFilingWizard::secondSpouseIsRefusedBesideTheRelationship()
{
    // 王建国 and 李秀英 were bound as spouses by an earlier filing.
    FilingDraft earlier = TestDatabase::childFiling(
        m_authorizer, *PersonStore(m_db->connection()).findByDocument("01", m_spouseNumber), QStringLiteral("tester"));
    earlier.targets.first().relationship = QStringLiteral("spouse");
    const SubmissionResult stored = FilingSubmission(m_db->connection()).submit(earlier);
    QVERIFY(stored.stored());

    passCommitmentAndNotice();
    addTarget(QStringLiteral("spouse"), QStringLiteral("赵丽"), m_youngParentNumber);
    QVERIFY(m_wizard->targetsModel()->index(0, 0).data(FilingTargetsModel::RefusedRole).toBool());
    auto *findings = child<FindingLabel>("targetRelationshipFindings");
    QVERIFY(findings->isVisible());
    const QString text = findings->text();
    QVERIFY2(text.contains(QLatin1String("SPOUSE_ALREADY_BOUND")), qPrintable(text));
    QVERIFY2(text.contains(stored.filingNumber), qPrintable(text)); // which binding
    QVERIFY2(text.contains(IdNumber::mask(m_spouseNumber)), qPrintable(text)); // the other person, masked
    QVERIFY2(!text.contains(m_spouseNumber), qPrintable(text));
    QCOMPARE(QApplication::focusWidget(), child<QComboBox>("targetRelationship")); // where to correct it
}

void TestFilingWizard::periodTypedOrLeftEmptyByKeyboard()
{
    passCommitmentAndNotice();
    auto *relationships = child<QComboBox>("targetRelationship");
    relationships->setCurrentIndex(
        relationships->findData(QStringLiteral("child"), RelationshipListModel::KeywordRole));
    auto *name = child<QLineEdit>("targetName");
    name->setText(QStringLiteral("王小明"));
    name->setFocus();
    // Enter would skip the optional period to the number; its Alt key reaches it.
    QTest::keyClick(name, Qt::Key_U, Qt::AltModifier);
    auto *until = child<QLineEdit>("targetValidUntil");
    QCOMPARE(QApplication::focusWidget(), until);
    QTest::keyClicks(until, QDate::currentDate().toString(Qt::ISODate)); // not after the filing date
    QTest::keyClick(until, Qt::Key_Return);
    auto *id = child<IdNumberEdit>("targetId");
    QCOMPARE(QApplication::focusWidget(), id);
    QTest::keyClicks(id, m_childNumber);
    QTest::keyClick(id, Qt::Key_Return);
    auto *periodFindings = child<FindingLabel>("targetValidUntilFindings");
    QVERIFY(periodFindings->isVisible());
    QVERIFY2(periodFindings->text().contains(QLatin1String("PERIOD_INVALID")), qPrintable(periodFindings->text()));
    QCOMPARE(QApplication::focusWidget(), until);

    // The keyboard empties the field: open-ended, and the corrected row replaces the refused one.
    QTest::keyClick(until, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(until, Qt::Key_Backspace);
    QTest::keyClick(until, Qt::Key_Return);
    QTest::keyClick(id, Qt::Key_Return);
    QCOMPARE(m_wizard->targetsModel()->rowCount(), 1);
    QVERIFY(!m_wizard->targetsModel()->index(0, 0).data(FilingTargetsModel::RefusedRole).toBool());
    QCOMPARE(m_wizard->targetsModel()->index(0, FilingTargetsModel::ValidUntilColumn).data().toString(),
             FilingTargetsModel::tr("open-ended"));

    // A second target until a year from now, typed the same way.
    const QDate end = QDate::currentDate().addYears(1);
    relationships->setCurrentIndex(
        relationships->findData(QStringLiteral("spouse"), RelationshipListModel::KeywordRole));
    name->setText(QStringLiteral("李秀英"));
    name->setFocus();
    QTest::keyClick(name, Qt::Key_U, Qt::AltModifier);
    QCOMPARE(QApplication::focusWidget(), until);
    QTest::keyClicks(until, end.toString(Qt::ISODate));
    QTest::keyClick(until, Qt::Key_Return);
    QTest::keyClicks(id, m_spouseNumber);
    QTest::keyClick(id, Qt::Key_Return);
    QCOMPARE(m_wizard->targetsModel()->rowCount(), 2);
    QCOMPARE(m_wizard->targetsModel()->index(1, FilingTargetsModel::ValidUntilColumn).data().toString(),
             end.toString(Qt::ISODate));

    QTest::keyClick(id, Qt::Key_Return); // empty number: on to the confirmation
    QCOMPARE(m_wizard->currentId(), int(FilingWizard::ConfirmPageId));
    nextButton()->click();
    QCOMPARE(m_wizard->currentId(), int(FilingWizard::DonePageId));
    const auto filing = FilingStore(m_db->connection()).findByNumber(m_wizard->filingNumber());
    QVERIFY(filing.has_value());
    const QList<MutualAidBinding> stored = BindingStore(m_db->connection()).byFiling(filing->id);
    QCOMPARE(stored.size(), 2);
    QVERIFY(!stored.at(0).validUntil.isValid());
    QCOMPARE(stored.at(1).validUntil, end);
}

void TestFilingWizard::escapeAsksBeforeDiscarding()
{
    auto *id = child<IdNumberEdit>("authorizerId");
    // Nothing typed: Esc has nothing to lose and asks nothing.
    QTest::keyClick(id, Qt::Key_Escape);
    QCOMPARE(m_boxesAnswered, 0);

    id->setFocus();
    QTest::keyClicks(id, m_authorizer.idNumber.left(10));
    answerMessageBox(QMessageBox::Cancel);
    QTest::keyClick(id, Qt::Key_Escape);
    QCOMPARE(m_boxesAnswered, 1);
    QCOMPARE(id->text(), m_authorizer.idNumber.left(10)); // kept

    lookUpAuthorizer(m_authorizer.idNumber);
    m_wizard->next();
    QCOMPARE(m_wizard->currentId(), int(FilingWizard::CommitmentPageId));
    answerMessageBox(QMessageBox::Discard);
    QTest::keyClick(child<QCheckBox>("pledgeCheck"), Qt::Key_Escape);
    QCOMPARE(m_boxesAnswered, 2);
    QCOMPARE(m_wizard->currentId(), int(FilingWizard::AuthorizerPageId));
    QVERIFY(id->text().isEmpty());
    QVERIFY(m_wizard->draft().authorizerIdNumber.isEmpty());
    QVERIFY(m_wizard->isVisible()); // embedded: cancelling never hides the working area
}

void TestFilingWizard::mainWindowNamesDatabaseAndClerk()
{
    m_wizard->hide(); // only the main window's own wizard here
    MainWindow window(m_db->connection(), m_db->path(),
                      *ClerkStore(m_db->connection()).findByLogin(QString::fromLatin1(TestDatabase::clerk)));
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QCOMPARE(window.windowTitle(), MainWindow::tr("Gongji Desk"));
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("statusDatabase"))->text().contains(m_db->path()));
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("statusClerk"))->text().contains(QLatin1String("tester")));
    QCOMPARE(window.centralWidget()->findChild<FilingWizard *>(), window.wizard());

    // Ctrl+N on a half-typed filing asks first; Cancel keeps it.
    auto *id = window.wizard()->findChild<IdNumberEdit *>(QStringLiteral("authorizerId"));
    QCOMPARE(QApplication::focusWidget(), id); // ready for the first card read
    QTest::keyClicks(id, QStringLiteral("330102"));
    answerMessageBox(QMessageBox::Cancel);
    QTest::keyClick(id, Qt::Key_N, Qt::ControlModifier);
    QCOMPARE(m_boxesAnswered, 1);
    QCOMPARE(id->text(), QStringLiteral("330102"));
    window.activateWindow(); // back from the message box
    QVERIFY(QTest::qWaitForWindowActive(&window));
    answerMessageBox(QMessageBox::Discard);
    QTest::keyClick(id, Qt::Key_N, Qt::ControlModifier);
    QCOMPARE(m_boxesAnswered, 2);
    QVERIFY(id->text().isEmpty());
}

// A 南京 authorizer (5000.00 yuan) under the national cross-province set, which needs a quota for
// a target insured in another province: the quota field is there, and each quota code is shown
// beside it.
void TestFilingWizard::quotaBesideTheTarget_data()
{
    QTest::addColumn<QString>("quota");
    QTest::addColumn<QString>("finding"); // beside the quota field; empty: the row is accepted

    QTest::newRow("QUOTA_REQUIRED: left empty") << ""
                                                << "QUOTA_REQUIRED";
    QTest::newRow("QUOTA_REQUIRED: 0") << "0"
                                       << "QUOTA_REQUIRED";
    QTest::newRow("QUOTA_EXCEEDS_BALANCE") << "5000.01"
                                           << "QUOTA_EXCEEDS_BALANCE";
    QTest::newRow("malformed: not sent to the rules") << "1,000"
                                                      << "Type the quota in yuan";
    QTest::newRow("accepted") << "1200.5"
                              << "";
}

void TestFilingWizard::quotaBesideTheTarget()
{
    QFETCH(QString, quota);
    QFETCH(QString, finding);
    const Person nanjing
        = m_db->addPerson(QStringLiteral("吴近"), TestDatabase::residentId("320102", QDate(1968, 1, 1), 171),
                          QStringLiteral("310"), QStringLiteral("320100"));
    passCommitmentAndNotice(nanjing.idNumber);
    auto *quotaField = child<QLineEdit>("targetQuota");
    QVERIFY(quotaField->isVisible());
    // The keyboard path: name, Enter (past the optional period) to the quota, Enter, the number,
    // Enter adds.
    child<QLineEdit>("targetName")->setText(QStringLiteral("王小明"));
    child<QLineEdit>("targetName")->setFocus();
    QTest::keyClick(child<QLineEdit>("targetName"), Qt::Key_Return);
    QCOMPARE(QApplication::focusWidget(), quotaField);
    QTest::keyClicks(quotaField, quota);
    QTest::keyClick(quotaField, Qt::Key_Return);
    auto *id = child<IdNumberEdit>("targetId");
    QCOMPARE(QApplication::focusWidget(), id);
    QTest::keyClicks(id, m_childNumber);
    QTest::keyClick(id, Qt::Key_Return);

    auto *findings = child<QLabel>("targetQuotaFindings");
    if (!finding.isEmpty()) {
        QVERIFY(findings->isVisible());
        QVERIFY2(findings->text().contains(finding), qPrintable(findings->text()));
        QCOMPARE(QApplication::focusWidget(), quotaField); // where the clerk corrects it
        QVERIFY(child<QLabel>("targetIdFindings")->text().isEmpty());
        if (finding.startsWith(QLatin1String("QUOTA_EXCEEDS")))
            QVERIFY2(findings->text().contains(QStringLiteral("still free: 5000.00 yuan")),
                     qPrintable(findings->text()));
        const bool sent = finding.startsWith(QLatin1String("QUOTA_"));
        QCOMPARE(m_wizard->targetsModel()->rowCount(), sent ? 1 : 0);
        return;
    }
    QVERIFY(findings->text().isEmpty());
    QCOMPARE(m_wizard->targetsModel()->rowCount(), 1);
    QVERIFY(!m_wizard->targetsModel()->index(0, 0).data(FilingTargetsModel::RefusedRole).toBool());
    QCOMPARE(m_wizard->targetsModel()->index(0, FilingTargetsModel::QuotaColumn).data().toString(),
             QStringLiteral("1200.50"));
    m_wizard->next();
    QCOMPARE(m_wizard->currentId(), int(FilingWizard::ConfirmPageId));
    QVERIFY(child<QLabel>("confirmSummary")->text().contains(QStringLiteral("1200.50")));
    nextButton()->click();
    const QList<MutualAidBinding> stored = BindingStore(m_db->connection()).activeByAuthorizer(nanjing.id);
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.first().quotaFen, std::optional<qint64>(120050));
}

void TestFilingWizard::noQuotaFieldWhereNothingIsSetAside()
{
    passCommitmentAndNotice(); // 杭州: 浙江 sets nothing aside
    QVERIFY(!child<QLineEdit>("targetQuota")->isVisible());
    addTarget(QStringLiteral("child"), QStringLiteral("王小明"), m_childNumber);
    QVERIFY(m_wizard->targetsModel()->index(0, FilingTargetsModel::QuotaColumn).data().toString().isEmpty());
}

QTEST_MAIN(TestFilingWizard)
#include "tst_filingwizard.moc"
