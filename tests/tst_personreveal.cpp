// The person card of the household screen shows the ID number masked; 显示完整号码 asks why,
// reveals it through IdReveal (one audited id_reveal entry, masked detail) and shows it on that
// card until another person is shown. A disabled clerk's reveal is refused and nothing is shown.
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QTimer>

#include "TestDatabase.h"
#include "ui/administration/CsvPreviewModel.h"
#include "model/accounts/ClerkAccounts.h"
#include "model/accounts/PasswordHash.h"
#include "model/domain/IdNumber.h"
#include "ui/household/HouseholdScreen.h"
#include "model/storage/AuditLog.h"
#include "ui/widgets/PersonCard.h"

using namespace gongji;

class TestPersonReveal : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void maskedUntilRevealedThenMaskedForTheNextPerson();
    void cancelledQuestionRevealsNothing();
    void disabledClerkIsRefused();
    void registryPreviewShowsNumbersMasked();

private:
    PersonCard *card() const { return m_screen->findChild<PersonCard *>(QStringLiteral("householdCard")); }
    QString shown() const { return card()->findChild<QLabel *>(QStringLiteral("cardDocument"))->text(); }
    QPushButton *revealButton() const { return card()->findChild<QPushButton *>(QStringLiteral("revealButton")); }
    QList<AuditEntry> reveals() const
    {
        return AuditLog(m_db->connection()).entries({{}, QStringLiteral("id_reveal"), {}, {}}, 10);
    }
    // Presses the reveal button and answers the question with `purpose` (empty: Cancel).
    void clickRevealAndAnswer(const QString &purpose);

    TestDatabase *m_db = nullptr;
    HouseholdScreen *m_screen = nullptr;
    Person m_father;
    Person m_son;
};

void TestPersonReveal::initTestCase() { PasswordHash::setCost(PasswordHash::Cost::TestOnlyMinimum); }

void TestPersonReveal::init()
{
    m_db = new TestDatabase;
    QVERIFY(m_db->isOpen());
    m_father = m_db->addPerson(QStringLiteral("王建国"),
                               TestDatabase::residentId(QStringLiteral("330102"), QDate(1978, 4, 16), 131));
    m_son = m_db->addPerson(QStringLiteral("王子涵"),
                            TestDatabase::residentId(QStringLiteral("330102"), QDate(2004, 5, 1), 153));
    m_screen = new HouseholdScreen(m_db->connection(), QStringLiteral("tester"));
    m_screen->resize(1200, 700);
    m_screen->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_screen));
}

void TestPersonReveal::cleanup()
{
    delete m_screen;
    m_screen = nullptr;
    delete m_db;
    m_db = nullptr;
}

void TestPersonReveal::clickRevealAndAnswer(const QString &purpose)
{
    bool answered = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        if (purpose.isEmpty()) {
            dialog->reject();
        } else {
            auto *text = dialog->findChild<QComboBox *>();
            QVERIFY(text && text->isEditable());
            text->lineEdit()->selectAll();
            QTest::keyClicks(text->lineEdit(), purpose);
            QTest::keyClick(text->lineEdit(), Qt::Key_Return);
        }
        answered = true;
    });
    QTest::mouseClick(revealButton(), Qt::LeftButton);
    QVERIFY(answered);
}

void TestPersonReveal::maskedUntilRevealedThenMaskedForTheNextPerson()
{
    QVERIFY(m_screen->openPerson(m_father.id));
    const QString masked = IdNumber::mask(m_father.idNumber);
    QVERIFY(shown().endsWith(masked));
    QVERIFY(!shown().contains(m_father.idNumber));
    QVERIFY(revealButton()->isVisible());
    QCOMPARE(revealButton()->text(), QStringLiteral("Show full number"));
    QVERIFY(reveals().isEmpty());

    clickRevealAndAnswer(QStringLiteral("compare with the card"));
    QVERIFY2(shown().endsWith(m_father.idNumber), qPrintable(shown()));
    QVERIFY(card()->isRevealed());
    QVERIFY(!revealButton()->isVisible());
    const QList<AuditEntry> entries = reveals();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().actor, QStringLiteral("tester"));
    QCOMPARE(entries.first().subject, QString::number(m_father.id));
    QCOMPARE(entries.first().detail.value(QStringLiteral("masked")).toString(), masked);
    QCOMPARE(entries.first().detail.value(QStringLiteral("purpose")).toString(),
             QStringLiteral("compare with the card"));

    // Another person: masked again, and nothing more recorded.
    QVERIFY(m_screen->openPerson(m_son.id));
    QVERIFY(shown().endsWith(IdNumber::mask(m_son.idNumber)));
    QVERIFY(!card()->isRevealed());
    QVERIFY(revealButton()->isVisible());
    m_screen->goBack();
    QVERIFY(shown().endsWith(masked));
    QCOMPARE(reveals().size(), 1);
}

void TestPersonReveal::cancelledQuestionRevealsNothing()
{
    QVERIFY(m_screen->openPerson(m_father.id));
    clickRevealAndAnswer(QString());
    QVERIFY(shown().endsWith(IdNumber::mask(m_father.idNumber)));
    QVERIFY(reveals().isEmpty());
}

void TestPersonReveal::disabledClerkIsRefused()
{
    QVERIFY(m_screen->openPerson(m_father.id));
    QVERIFY(
        ClerkAccounts(m_db->connection()).setActive(QStringLiteral("supervisor"), QStringLiteral("tester"), false).ok);
    QVERIFY(!card()->reveal(QStringLiteral("compare with the card")));
    QVERIFY(shown().endsWith(IdNumber::mask(m_father.idNumber)));
    auto *message = card()->findChild<QLabel *>(QStringLiteral("revealMessage"));
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(QStringLiteral("disabled")), qPrintable(message->text()));
    QVERIFY(reveals().isEmpty());
}

void TestPersonReveal::registryPreviewShowsNumbersMasked()
{
    // The registry import's preview of a file is a list like any other.
    CsvPreviewModel preview;
    QAbstractItemModelTester tester(&preview, QAbstractItemModelTester::FailureReportingMode::QtTest);
    preview.load(QStringLiteral(GONGJI_TEST_DATA "/registry-good.csv"));
    QVERIFY(preview.rowCount() > 0);
    QCOMPARE(preview.headerData(2, Qt::Horizontal).toString(), QStringLiteral("id_number"));
    QCOMPARE(preview.index(0, 2).data().toString(), IdNumber::mask(QStringLiteral("330102198003151236")));
    QCOMPARE(preview.index(0, 0).data().toString(), QStringLiteral("张伟"));
}

QTEST_MAIN(TestPersonReveal)
#include "tst_personreveal.moc"
