// The clerk's keyboard path, offscreen on the demo database: no two visible widgets share a
// mnemonic (zh_CN and English), a one-target filing in few keystrokes sent to the window as a
// keyboard sends them, typed codes in the list boxes, and the focus after signing in.
#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTabBar>
#include <QTest>
#include <QTimer>
#include <QTranslator>

#include "TestDatabase.h"
#include "model/itemmodels/IdTypeListModel.h"
#include "model/itemmodels/RelationshipListModel.h"
#include "model/registry/DemoDatabase.h"
#include "model/rules/RuleImpact.h"
#include "model/storage/BindingStore.h"
#include "model/storage/ClerkStore.h"
#include "model/storage/FilingStore.h"
#include "model/storage/PersonStore.h"
#include "ui/DeskPages.h"
#include "ui/MainWindow.h"
#include "ui/accounts/DeskSession.h"
#include "ui/accounts/FirstSupervisorDialog.h"
#include "ui/accounts/IdleLockDialog.h"
#include "ui/accounts/SessionLock.h"
#include "ui/accounts/SignInDialog.h"
#include "ui/administration/AuditLogDialog.h"
#include "ui/citizen/CitizenScreenDialog.h"
#include "ui/administration/ClerkAccountsDialog.h"
#include "ui/administration/ImpactDialog.h"
#include "ui/administration/RegistryImportDialog.h"
#include "ui/administration/RulesWindow.h"
#include "ui/administration/StatisticsDialog.h"
#include "ui/filing/FilingWizard.h"
#include "ui/household/HouseholdScreen.h"
#include "ui/household/RevocationDialog.h"
#include "ui/kinship/KinshipPage.h"
#include "ui/payment/PaymentPreviewDialog.h"
#include "ui/printing/OfficeSettingsDialog.h"
#include "ui/recovery/DamagedDatabaseDialog.h"
#include "ui/settings/DatabaseSettingsDialog.h"
#include "ui/widgets/IdNumberEdit.h"
#include "ui/widgets/ShorthandComboBox.h"

using namespace gongji;

namespace {
const QString kAuthorizerNumber = QStringLiteral("330102197804161317"); // 王建国 in the demo registry
const QString kMotherNumber = QStringLiteral("330105195211082269"); // 张桂兰, not yet bound to him
const QString kMotherName = QStringLiteral("张桂兰");

// The letter of a text's mnemonic ("设置(&S)" → "S"), empty without one.
QString mnemonicOf(const QString &text)
{
    const QKeySequence sequence = QKeySequence::mnemonic(text);
    return sequence.isEmpty() ? QString() : sequence.toString().section(QLatin1Char('+'), -1).toUpper();
}

QString describe(const QObject *object, const QString &text)
{
    return QStringLiteral("%1 \"%2\"")
        .arg(object->objectName().isEmpty() ? QString::fromLatin1(object->metaObject()->className())
                                            : object->objectName(),
             text);
}
} // namespace

class TestKeyboardPath : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void mnemonicsAreUniqueOnEverySurface_data();
    void mnemonicsAreUniqueOnEverySurface();
    void oneTargetFilingKeystrokes();
    void shorthandPicksTheEntry_data();
    void shorthandPicksTheEntry();
    void mainWindowHasFocusAfterSignIn();

private:
    void setLanguage(const QString &language);
    // Every mnemonic letter used more than once among the widgets visible in `window` now, and
    // in each of its menus; "surface: S: a, b".
    QStringList clashes(const QString &surface, QWidget *window) const;
    QStringList menuClashes(const QString &surface, QMenu *menu) const;
    QStringList walkMainWindow();
    QStringList walkDialogs();
    // One key through the window system, as a keyboard sends it (shortcut map first).
    void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier, const QString &text = QString());
    std::unique_ptr<MainWindow> openMainWindow(const char *login);

    TestDatabase *m_db = nullptr;
    QList<QTranslator *> m_translators;
    MainWindow *m_window = nullptr;
    int m_keystrokes = 0;
};

void TestKeyboardPath::init()
{
    // The demo goes only into a database without accounts; its own clerk and supervisor work here.
    m_db = new TestDatabase(QStringLiteral("test"), TestDatabase::Accounts::None);
    QVERIFY(m_db->isOpen());
    QString error;
    QVERIFY2(DemoDatabase::loadIfEmpty(m_db->connection(), &error), qPrintable(error));
}

void TestKeyboardPath::cleanup()
{
    setLanguage(QStringLiteral("en"));
    delete m_db;
    m_db = nullptr;
}

void TestKeyboardPath::setLanguage(const QString &language)
{
    for (QTranslator *translator : std::as_const(m_translators)) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    m_translators.clear();
    if (language == QLatin1String("en")) {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        return;
    }
    // As gongji-desk's main() does: the project's catalogue and Qt's own (wizard buttons).
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    auto *own = new QTranslator;
    QVERIFY2(own->load(QStringLiteral(GONGJI_QM_FILE)), GONGJI_QM_FILE);
    QCoreApplication::installTranslator(own);
    m_translators << own;
    auto *qt = new QTranslator;
    if (qt->load(QStringLiteral("qtbase_zh_CN"), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        m_translators << qt;
    } else {
        delete qt;
    }
}

QStringList TestKeyboardPath::clashes(const QString &surface, QWidget *window) const
{
    QMultiMap<QString, QString> used; // letter → widget
    auto note = [&](const QObject *object, const QString &text) {
        const QString letter = mnemonicOf(text);
        if (!letter.isEmpty())
            used.insert(letter, describe(object, text));
    };
    const auto visible = [window](QWidget *w) { return w == window || w->isVisibleTo(window); };
    for (QAbstractButton *button : window->findChildren<QAbstractButton *>()) {
        if (visible(button))
            note(button, button->text());
    }
    for (QLabel *label : window->findChildren<QLabel *>()) {
        if (visible(label) && label->buddy()) // without a buddy the & is not a mnemonic
            note(label, label->text());
    }
    for (QGroupBox *box : window->findChildren<QGroupBox *>()) {
        if (visible(box))
            note(box, box->title());
    }
    for (QTabBar *bar : window->findChildren<QTabBar *>()) {
        if (!visible(bar))
            continue;
        for (int tab = 0; tab < bar->count(); ++tab) {
            if (bar->isTabVisible(tab))
                note(bar, bar->tabText(tab));
        }
    }
    QStringList found;
    for (QMenuBar *bar : window->findChildren<QMenuBar *>()) {
        if (!visible(bar))
            continue;
        for (QAction *action : bar->actions()) {
            if (action->isVisible())
                note(action, action->text());
            if (action->menu() && action->isVisible())
                found << menuClashes(surface, action->menu());
        }
    }
    for (const QString &letter : used.uniqueKeys()) {
        const QStringList owners = used.values(letter);
        if (owners.size() > 1)
            found << QStringLiteral("%1: Alt+%2: %3").arg(surface, letter, owners.join(QLatin1String(", ")));
    }
    return found;
}

QStringList TestKeyboardPath::menuClashes(const QString &surface, QMenu *menu) const
{
    QMultiMap<QString, QString> used;
    for (QAction *action : menu->actions()) {
        const QString letter = mnemonicOf(action->text());
        if (action->isVisible() && !letter.isEmpty())
            used.insert(letter, describe(action, action->text()));
    }
    QStringList found;
    for (const QString &letter : used.uniqueKeys()) {
        if (used.values(letter).size() > 1)
            found << QStringLiteral("%1, menu %2: %3: %4")
                         .arg(surface, menu->title(), letter, used.values(letter).join(QLatin1String(", ")));
    }
    return found;
}

std::unique_ptr<MainWindow> TestKeyboardPath::openMainWindow(const char *login)
{
    auto window = std::make_unique<MainWindow>(m_db->connection(), m_db->path(),
                                               *ClerkStore(m_db->connection()).findByLogin(QString::fromLatin1(login)));
    window->show();
    if (!QTest::qWaitForWindowActive(window.get()))
        qWarning("main window not active");
    return window;
}

void TestKeyboardPath::press(Qt::Key key, Qt::KeyboardModifiers modifiers, const QString &text)
{
    ++m_keystrokes;
    QWindow *handle = QApplication::activeWindow() ? QApplication::activeWindow()->windowHandle() : nullptr;
    QVERIFY(handle);
    if (text.isEmpty())
        QTest::keyClick(handle, key, modifiers);
    else
        QTest::sendKeyEvent(QTest::Click, handle, key, text, modifiers);
}

QStringList TestKeyboardPath::walkMainWindow()
{
    QStringList found;
    auto window = openMainWindow(DemoDatabase::supervisorLogin); // the supervisor sees 管理 too
    FilingWizard *wizard = window->wizard();
    auto surface = [&wizard](const QString &name) {
        return QStringLiteral("main window, %1 (page %2)").arg(name).arg(wizard->currentId());
    };
    found << clashes(surface(QStringLiteral("filing")), window.get());
    auto *id = wizard->findChild<IdNumberEdit *>(QStringLiteral("authorizerId"));
    id->setFocus();
    QTest::keyClicks(id, kAuthorizerNumber);
    QTest::keyClick(id, Qt::Key_Return);
    found << clashes(surface(QStringLiteral("authorizer found")), window.get());
    wizard->next();
    found << clashes(surface(QStringLiteral("commitment")), window.get());
    wizard->findChild<QCheckBox *>(QStringLiteral("pledgeCheck"))->setChecked(true);
    wizard->findChild<QCheckBox *>(QStringLiteral("paperSignedCheck"))->setChecked(true);
    wizard->next();
    found << clashes(surface(QStringLiteral("notice")), window.get());
    wizard->next();
    found << clashes(surface(QStringLiteral("targets")), window.get());
    auto *relationship = wizard->findChild<QComboBox *>(QStringLiteral("targetRelationship"));
    relationship->setCurrentIndex(relationship->findData(QStringLiteral("parent"), RelationshipListModel::KeywordRole));
    wizard->findChild<QLineEdit *>(QStringLiteral("targetName"))->setText(kMotherName);
    auto *targetId = wizard->findChild<IdNumberEdit *>(QStringLiteral("targetId"));
    targetId->setFocus();
    QTest::keyClicks(targetId, kMotherNumber);
    QTest::keyClick(targetId, Qt::Key_Return);
    found << clashes(surface(QStringLiteral("targets, one added")), window.get());
    wizard->next();
    found << clashes(surface(QStringLiteral("confirm")), window.get());
    wizard->next();
    found << clashes(surface(QStringLiteral("done")), window.get());
    if (wizard->currentId() != FilingWizard::DonePageId)
        found << QStringLiteral("the walk did not reach the done page");

    window->pages()->showPage(DeskPages::HouseholdPage);
    found << clashes(QStringLiteral("main window, household"), window.get());
    HouseholdScreen *household = window->pages()->household();
    const auto person = PersonStore(m_db->connection()).findByDocument(QStringLiteral("01"), kAuthorizerNumber);
    if (person && household->openPerson(person->id))
        found << clashes(QStringLiteral("main window, household of 王建国"), window.get());
    else
        found << QStringLiteral("household of the demo authorizer cannot be opened");
    window->pages()->showPage(DeskPages::KinshipBindingPage);
    found << clashes(QStringLiteral("main window, kinship account"), window.get());
    window->sessionLock()->lock();
    found << clashes(QStringLiteral("main window, locked"), window.get());
    window->sessionLock()->unlock(QString::fromLatin1(DemoDatabase::supervisorPassword));
    return found;
}

QStringList TestKeyboardPath::walkDialogs()
{
    QStringList found;
    const QString connection = m_db->connection();
    const QString actor = QString::fromLatin1(DemoDatabase::supervisorLogin);
    auto walk = [&found, this](const QString &name, QWidget *dialog) {
        dialog->show();
        QTest::qWait(0);
        found << clashes(name, dialog);
        delete dialog;
    };
    walk(QStringLiteral("sign-in"), new SignInDialog(connection));
    walk(QStringLiteral("first supervisor"), new FirstSupervisorDialog(connection));
    walk(QStringLiteral("office details"), new OfficeSettingsDialog);
    walk(QStringLiteral("automatic lock"), new IdleLockDialog);
    walk(QStringLiteral("database settings"), new DatabaseSettingsDialog);
    walk(QStringLiteral("citizen's screen"), new CitizenScreenDialog);
    walk(QStringLiteral("rule sets"), new RulesWindow(connection, actor));
    walk(QStringLiteral("registry import"), new RegistryImportDialog(connection, actor));
    walk(QStringLiteral("clerk accounts"), new ClerkAccountsDialog(connection, actor));
    walk(QStringLiteral("audit log"), new AuditLogDialog(connection, actor));
    walk(QStringLiteral("statistics"), new StatisticsDialog(connection, actor));
    walk(QStringLiteral("damaged database"), new DamagedDatabaseDialog(m_db->path(), QStringLiteral("malformed")));
    walk(QStringLiteral("rule impact"), new ImpactDialog(RuleImpact::Report(), QStringLiteral("change")));
    const auto person = PersonStore(connection).findByDocument(QStringLiteral("01"), kAuthorizerNumber);
    if (!person)
        return found << QStringLiteral("demo authorizer missing");
    walk(QStringLiteral("payment preview"), new PaymentPreviewDialog(connection, *person));
    HouseholdBinding binding; // the demo's filing for his son
    binding.counterpart
        = *PersonStore(connection).findByDocument(QStringLiteral("01"), QStringLiteral("33010220080721153X"));
    binding.relationship = QStringLiteral("child");
    binding.status = BindingStatus::Active;
    walk(QStringLiteral("revocation"), new RevocationDialog(connection, actor, *person, binding));
    return found;
}

void TestKeyboardPath::mnemonicsAreUniqueOnEverySurface_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
    QTest::newRow("en") << QStringLiteral("en");
}

void TestKeyboardPath::mnemonicsAreUniqueOnEverySurface()
{
    QFETCH(QString, language);
    setLanguage(language);
    const QStringList found = walkMainWindow() + walkDialogs();
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
}

void TestKeyboardPath::oneTargetFilingKeystrokes()
{
    setLanguage(QStringLiteral("zh_CN"));
    auto window = openMainWindow(DemoDatabase::clerkLogin);
    FilingWizard *wizard = window->wizard();
    auto *authorizerId = wizard->findChild<IdNumberEdit *>(QStringLiteral("authorizerId"));
    QCOMPARE(QApplication::focusWidget(), authorizerId);

    // Data entry: the characters of the two numbers and the name, each ended by Enter as a
    // card reader (or the clerk) ends it. Everything else is counted.
    int dataKeys = 0;
    auto typeNumber = [&](const QString &number) {
        for (const QChar c : number) {
            press(Qt::Key(c.toUpper().unicode()), Qt::NoModifier, QString(c));
            ++dataKeys;
        }
    };
    m_keystrokes = 0;
    typeNumber(kAuthorizerNumber);
    press(Qt::Key_Return); // the reader's Enter: look up
    ++dataKeys;
    QCOMPARE(wizard->findChild<QLabel *>(QStringLiteral("cardName"))->text(), QStringLiteral("王建国"));
    press(Qt::Key_Return); // the authorizer is right: on to the letter
    QCOMPARE(wizard->currentId(), int(FilingWizard::CommitmentPageId));
    press(Qt::Key_Space); // the paper copy is signed (the pledge is ticked on it)
    press(Qt::Key_Return);
    QCOMPARE(wizard->currentId(), int(FilingWizard::NoticePageId));
    press(Qt::Key_Return);
    QCOMPARE(wizard->currentId(), int(FilingWizard::TargetsPageId));
    press(Qt::Key_F, Qt::NoModifier, QStringLiteral("f")); // fm: 父母, and on to the name
    press(Qt::Key_M, Qt::NoModifier, QStringLiteral("m"));
    auto *name = wizard->findChild<QLineEdit *>(QStringLiteral("targetName"));
    QCOMPARE(QApplication::focusWidget(), name);
    name->setText(kMotherName); // Chinese through an input method: setText (Qt 6.4, see tests)
    press(Qt::Key_Return); // the name is typed: on to the number
    ++dataKeys;
    typeNumber(kMotherNumber);
    press(Qt::Key_Return); // the number is typed: add
    ++dataKeys;
    QCOMPARE(wizard->draft().targets.size(), 1);
    QCOMPARE(wizard->draft().targets.first().relationship, QStringLiteral("parent"));
    QCOMPARE(wizard->draft().targets.first().idType, QStringLiteral("01"));
    // The cursor is back in the relationship for another target; Alt+N goes on to the list.
    QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("targetRelationship"));
    press(Qt::Key_N, Qt::AltModifier);
    // A mnemonic clicks the button as a press would (animateClick): after a short moment.
    QTRY_COMPARE(wizard->currentId(), int(FilingWizard::ConfirmPageId));
    press(Qt::Key_Return); // submit
    QCOMPARE(wizard->currentId(), int(FilingWizard::DonePageId));
    QVERIFY(!wizard->filingNumber().isEmpty());
    const auto stored = FilingStore(m_db->connection()).findByNumber(wizard->filingNumber());
    QVERIFY(stored.has_value());
    QCOMPARE(stored->commitmentMethod, QStringLiteral("paper"));

    const int navigation = m_keystrokes - dataKeys;
    qInfo("one-target filing: %d keys besides the numbers, the name and the Enter ending each; "
          "%d counting those Enters",
          navigation, navigation + 3);
    QCOMPARE(navigation, 8);
    QCOMPARE(navigation + 3, 11);
}

void TestKeyboardPath::shorthandPicksTheEntry_data()
{
    QTest::addColumn<QString>("box");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("chosen");
    QTest::addColumn<bool>("completed");
    QTest::newRow("50 parent") << "relationship"
                               << "50"
                               << "parent" << true;
    QTest::newRow("fm parent") << "relationship"
                               << "fm"
                               << "parent" << true;
    QTest::newRow("FM upper case") << "relationship"
                                   << "FM"
                                   << "parent" << true;
    QTest::newRow("po spouse") << "relationship"
                               << "po"
                               << "spouse" << true;
    QTest::newRow("10 spouse") << "relationship"
                               << "10"
                               << "spouse" << true;
    QTest::newRow("30 daughter is child") << "relationship"
                                          << "30"
                                          << "child" << true;
    QTest::newRow("zfm grandparent") << "relationship"
                                     << "zfm"
                                     << "grandparent" << true;
    QTest::newRow("z still open") << "relationship"
                                  << "z"
                                  << "child" << false;
    QTest::newRow("5 still open") << "relationship"
                                  << "5"
                                  << "parent" << false;
    QTest::newRow("xdjm sibling") << "relationship"
                                  << "xdjm"
                                  << "sibling" << true;
    QTest::newRow("01 resident card") << "idType"
                                      << "01"
                                      << "01" << true;
    QTest::newRow("sfz resident card") << "idType"
                                       << "sfz"
                                       << "01" << true;
    QTest::newRow("hz Chinese passport") << "idType"
                                         << "hz"
                                         << "16" << true;
    QTest::newRow("hxz two permits, first") << "idType"
                                            << "hxz"
                                            << "04" << false;
    QTest::newRow("17 residence permit") << "idType"
                                         << "17"
                                         << "17" << true;
}

void TestKeyboardPath::shorthandPicksTheEntry()
{
    QFETCH(QString, box);
    QFETCH(QString, typed);
    QFETCH(QString, chosen);
    QFETCH(bool, completed);
    const bool relationship = box == QLatin1String("relationship");
    RelationshipListModel relationships;
    relationships.setKeywords({QStringLiteral("spouse"), QStringLiteral("child"), QStringLiteral("parent"),
                               QStringLiteral("sibling"), QStringLiteral("grandparent"), QStringLiteral("grandchild"),
                               QStringLiteral("parent_in_law")});
    IdTypeListModel idTypes;
    ShorthandComboBox combo(relationship ? int(RelationshipListModel::ShorthandsRole)
                                         : int(IdTypeListModel::ShorthandsRole));
    combo.setModel(relationship ? static_cast<QAbstractItemModel *>(&relationships) : &idTypes);
    combo.setCurrentIndex(combo.count() - 1);
    QSignalSpy done(&combo, &ShorthandComboBox::shorthandCompleted);
    QTest::keyClicks(&combo, typed);
    const int role = relationship ? int(RelationshipListModel::KeywordRole) : int(IdTypeListModel::CodeRole);
    QCOMPARE(combo.currentData(role).toString(), chosen);
    QCOMPARE(done.count(), completed ? 1 : 0);
}

void TestKeyboardPath::mainWindowHasFocusAfterSignIn()
{
    // The clerk types the password and presses Enter; the main window comes up with the
    // cursor in the authorizer's number, ready for the card reader. Then sign out and quit.
    QString seen;
    QTimer::singleShot(0, this, [&seen] {
        auto *dialog = qobject_cast<SignInDialog *>(QApplication::activeModalWidget());
        if (!dialog) {
            seen = QStringLiteral("no sign-in dialog");
            return;
        }
        dialog->findChild<QLineEdit *>(QStringLiteral("signInLogin"))
            ->setText(QString::fromLatin1(DemoDatabase::clerkLogin));
        auto *password = dialog->findChild<QLineEdit *>(QStringLiteral("signInPassword"));
        password->setFocus();
        QTest::keyClicks(password, QString::fromLatin1(DemoDatabase::clerkPassword));
        QTest::keyClick(password, Qt::Key_Return);
        auto *check = new QTimer;
        QObject::connect(check, &QTimer::timeout, check, [check, &seen] {
            auto *window = qobject_cast<MainWindow *>(QApplication::activeWindow());
            if (!window)
                return;
            check->stop();
            check->deleteLater();
            QWidget *focus = QApplication::focusWidget();
            seen = focus ? focus->objectName() : QStringLiteral("nothing");
            window->signOut();
            // The sign-in comes back for the next clerk: nobody comes, so quit.
            auto *quit = new QTimer;
            QObject::connect(quit, &QTimer::timeout, quit, [quit] {
                if (auto *next = qobject_cast<SignInDialog *>(QApplication::activeModalWidget())) {
                    quit->stop();
                    quit->deleteLater();
                    next->reject();
                }
            });
            quit->start(10);
        });
        check->start(10);
    });
    DeskSession session(m_db->connection(), m_db->path());
    QCOMPARE(session.run(), 0);
    QCOMPARE(seen, QStringLiteral("authorizerId"));
}

QTEST_MAIN(TestKeyboardPath)
#include "tst_keyboardpath.moc"
