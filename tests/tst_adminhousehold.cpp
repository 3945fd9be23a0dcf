// gongji-admin household, revoke, revoke-kinship, check-kinship and preview-payment, run as a
// user runs them on the sample files (docs/domain.md §7, §8).
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include "AdminCliTest.h"

namespace {
const QString zhangWei = QStringLiteral("01:330102198003151236"); // 张伟, employee, 5000.00
const QString liNa = QStringLiteral("01:330102198207202461"); // 李娜, employee
const QString zhangXiaoming = QStringLiteral("01:330102201005011354"); // 张小明, resident
const QString wangFang = QStringLiteral("01:330102197509102226"); // 王芳, retired employee, 800.00
const QString zhangJianguo = QStringLiteral("01:330106195501013110"); // 张建国, resident
} // namespace

class TestAdminHousehold : public AdminCliTest
{
    Q_OBJECT

private slots:
    void init();

    void household();
    void householdRefusals_data();
    void householdRefusals();
    void revoke();
    void revokeKinship();
    void checkKinshipDryRun();
    void checkKinshipCommit();
    void malformedKinship();
    void previewPayment_data();
    void previewPayment();
};

void TestAdminHousehold::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    // Every test here changes data: db() has the accounts supervisor and tester (the clerk who signs in).
    QVERIFY(AdminCli::writePasswordFile(passwordFile()));
    QVERIFY(cli().initAccounts(db(), passwordFile()));
}

void TestAdminHousehold::household()
{
    QVERIFY(cli().loadSamples(db(), passwordFile()));
    QCOMPARE(admin({QStringLiteral("--db"), db(), QStringLiteral("revoke"), QStringLiteral("--authorizer"), zhangWei,
                    QStringLiteral("--target"), zhangJianguo, QStringLiteral("--reason"), QStringLiteral("迁居外省"),
                    QStringLiteral("--requested-by"), QStringLiteral("target"), QStringLiteral("--clerk"),
                    QStringLiteral("tester"), QStringLiteral("--password-file"), passwordFile()})
                 .exitCode,
             0);

    const Run run = admin({QStringLiteral("--db"), db(), QStringLiteral("household"), zhangWei});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    QJsonParseError error;
    const QJsonObject household = QJsonDocument::fromJson(run.out.toUtf8(), &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    const QJsonObject person = household.value(QStringLiteral("person")).toObject();
    QCOMPARE(person.value(QStringLiteral("name")).toString(), QStringLiteral("张伟"));
    QCOMPARE(person.value(QStringLiteral("id_number")).toString(), QStringLiteral("330102********1236"));
    QCOMPARE(person.value(QStringLiteral("balance")).toString(), QStringLiteral("5000.00"));
    QCOMPARE(AdminCli::bindingKeys(run.out),
             (QStringList{"kinship/holds/active", "kinship/holds/active", "mutual_aid/authorizes/active",
                          "mutual_aid/authorizes/active", "mutual_aid/authorizes/ended"}));
    for (const QJsonValue &b : household.value(QStringLiteral("bindings")).toArray()) {
        QVERIFY(!b[QStringLiteral("started_at")].toString().isEmpty());
        if (b[QStringLiteral("status")].toString() == QLatin1String("active")) {
            QVERIFY(b[QStringLiteral("ended_at")].isNull());
            continue;
        }
        QCOMPARE(b[QStringLiteral("other")][QStringLiteral("name")].toString(), QStringLiteral("张建国"));
        QCOMPARE(b[QStringLiteral("relationship")].toString(), QStringLiteral("parent"));
        QVERIFY(!b[QStringLiteral("ended_at")].toString().isEmpty());
        QCOMPARE(b[QStringLiteral("ended_by")].toString(), QStringLiteral("tester"));
        QCOMPARE(b[QStringLiteral("end_requested_by")].toString(), QStringLiteral("target"));
        QCOMPARE(b[QStringLiteral("end_reason")].toString(), QStringLiteral("迁居外省"));
    }
    // Masked everywhere: no full ID number in the output.
    QVERIFY(!QRegularExpression(QStringLiteral("\\d{18}")).match(run.out).hasMatch());

    // Seen from the child: one authorizer and two holders.
    const Run child = admin({QStringLiteral("--db"), db(), QStringLiteral("household"), zhangXiaoming});
    QCOMPARE(child.exitCode, 0);
    QCOMPARE(AdminCli::bindingKeys(child.out),
             (QStringList{"kinship/held_by/active", "kinship/held_by/active", "mutual_aid/authorized_by/active"}));
}

void TestAdminHousehold::householdRefusals_data()
{
    QTest::addColumn<QString>("person");
    QTest::addColumn<QString>("message");
    QTest::newRow("wrong check character")
        << QStringLiteral("01:330102198003151237") << QStringLiteral("The check character should be 6, not 7");
    QTest::newRow("too short") << QStringLiteral("01:33010219800315123") << QStringLiteral("(ID_FORMAT_INVALID)");
    QTest::newRow("unknown type") << QStringLiteral("99:AB123456") << QStringLiteral("(ID_TYPE_NOT_ACCEPTED)");
    QTest::newRow("not in the registry") << QStringLiteral("01:11010519491231002X")
                                         << QStringLiteral("(PERSON_NOT_FOUND). Check the number on the document");
}

void TestAdminHousehold::householdRefusals()
{
    QFETCH(QString, person);
    QFETCH(QString, message);
    QCOMPARE(admin({QStringLiteral("--db"), db(), QStringLiteral("import-registry"), data("registry-good.csv"),
                    QStringLiteral("--clerk"), QStringLiteral("supervisor"), QStringLiteral("--password-file"),
                    passwordFile()})
                 .exitCode,
             0);
    const Run run = admin({QStringLiteral("--db"), db(), QStringLiteral("household"), person});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.startsWith(QStringLiteral("The person ") + person + QStringLiteral(": ")), qPrintable(run.err));
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
}

void TestAdminHousehold::revoke()
{
    QVERIFY(cli().loadSamples(db(), passwordFile()));
    const QStringList revokeParent{QStringLiteral("--db"),
                                   db(),
                                   QStringLiteral("revoke"),
                                   QStringLiteral("--authorizer"),
                                   zhangWei,
                                   QStringLiteral("--target"),
                                   zhangJianguo,
                                   QStringLiteral("--reason"),
                                   QStringLiteral(" 迁居外省 "),
                                   QStringLiteral("--requested-by"),
                                   QStringLiteral("target"),
                                   QStringLiteral("--clerk"),
                                   QStringLiteral("tester"),
                                   QStringLiteral("--password-file"),
                                   passwordFile()};
    const Run run = admin(revokeParent);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    const QStringList out = lines(run.out);
    QCOMPARE(out.size(), 4);
    QVERIFY2(
        QRegularExpression(QStringLiteral("^Ended the mutual-aid binding \\(共济\\) \\d+ of filing GJ\\d{8}-\\d{4}:$"))
            .match(out.at(0))
            .hasMatch(),
        qPrintable(out.at(0)));
    QCOMPARE(out.at(1), QStringLiteral("  authorizer: 张伟 (01 330102********1236)"));
    QCOMPARE(out.at(2), QStringLiteral("  target:     张建国 (01 330106********3110), parent"));
    QCOMPARE(out.at(3), QStringLiteral("  requested by target, reason: 迁居外省, clerk: tester"));

    // Ended already: refused, and says when it ended.
    const Run again = admin(revokeParent);
    QCOMPARE(again.exitCode, 1);
    QVERIFY(again.out.isEmpty());
    QVERIFY2(again.err.startsWith(
                 QStringLiteral("There is no active mutual-aid binding in which 张伟 (01 330102********1236) "
                                "authorizes 张建国 (01 330106********3110); nothing was changed.")),
             qPrintable(again.err));
    QVERIFY2(again.err.contains(QStringLiteral("Their last mutual-aid binding ended at ")), qPrintable(again.err));

    // The pair the wrong way round: the message names the mix-ups.
    const Run swapped = admin({QStringLiteral("--db"), db(), QStringLiteral("revoke"), QStringLiteral("--authorizer"),
                               zhangXiaoming, QStringLiteral("--target"), zhangWei, QStringLiteral("--reason"),
                               QStringLiteral("x"), QStringLiteral("--clerk"), QStringLiteral("tester"),
                               QStringLiteral("--password-file"), passwordFile()});
    QCOMPARE(swapped.exitCode, 1);
    QVERIFY2(swapped.err.contains(QStringLiteral("swap --authorizer and --target")), qPrintable(swapped.err));
    QVERIFY2(swapped.err.contains(QStringLiteral("end that with revoke-kinship")), qPrintable(swapped.err));

    // Someone not in the registry: nothing changes, and the other bindings stay active.
    const Run unknown = admin({QStringLiteral("--db"), db(), QStringLiteral("revoke"), QStringLiteral("--authorizer"),
                               zhangWei, QStringLiteral("--target"), QStringLiteral("01:11010519491231002X"),
                               QStringLiteral("--reason"), QStringLiteral("x"), QStringLiteral("--clerk"),
                               QStringLiteral("tester"), QStringLiteral("--password-file"), passwordFile()});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY2(unknown.err.contains(QStringLiteral("The target 01:11010519491231002X: no person")),
             qPrintable(unknown.err));
    QVERIFY(unknown.err.contains(QStringLiteral("Nothing was changed.")));
    const Run household = admin({QStringLiteral("--db"), db(), QStringLiteral("household"), zhangWei});
    QCOMPARE(AdminCli::bindingKeys(household.out).filter(QStringLiteral("mutual_aid/authorizes/active")).size(), 2);
}

void TestAdminHousehold::revokeKinship()
{
    QVERIFY(cli().loadSamples(db(), passwordFile()));
    const QStringList revokeLiNa{QStringLiteral("--db"),
                                 db(),
                                 QStringLiteral("revoke-kinship"),
                                 QStringLiteral("--holder"),
                                 liNa,
                                 QStringLiteral("--member"),
                                 zhangXiaoming,
                                 QStringLiteral("--reason"),
                                 QStringLiteral("不再代办"),
                                 QStringLiteral("--requested-by"),
                                 QStringLiteral("member"),
                                 QStringLiteral("--clerk"),
                                 QStringLiteral("tester"),
                                 QStringLiteral("--password-file"),
                                 passwordFile()};
    const Run run = admin(revokeLiNa);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    const QStringList out = lines(run.out);
    QCOMPARE(out.size(), 4);
    QVERIFY2(QRegularExpression(QStringLiteral("^Ended the kinship-account binding \\(亲情账户\\) QQ\\d{8}-\\d{4}:$"))
                 .match(out.at(0))
                 .hasMatch(),
             qPrintable(out.at(0)));
    QCOMPARE(out.at(1), QStringLiteral("  holder: 李娜 (01 330102********2461)"));
    QCOMPARE(out.at(2), QStringLiteral("  member: 张小明 (01 330102********1354), child"));
    QVERIFY2(out.at(3).startsWith(QStringLiteral("  requested by member, reason: 不再代办, clerk: tester")),
             qPrintable(out.at(3)));

    const Run again = admin(revokeLiNa);
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(again.err.contains(QStringLiteral("There is no active kinship-account binding in which 李娜")),
             qPrintable(again.err));

    // 张伟 authorizes 王芳 (mutual aid) but holds no kinship account for her.
    const Run mixed = admin({QStringLiteral("--db"), db(), QStringLiteral("revoke-kinship"), QStringLiteral("--holder"),
                             zhangWei, QStringLiteral("--member"), wangFang, QStringLiteral("--reason"),
                             QStringLiteral("x"), QStringLiteral("--clerk"), QStringLiteral("tester"),
                             QStringLiteral("--password-file"), passwordFile()});
    QCOMPARE(mixed.exitCode, 1);
    QVERIFY2(mixed.err.contains(QStringLiteral("They share a mutual-aid binding (共济): end that with revoke.")),
             qPrintable(mixed.err));

    // The child keeps 张伟's kinship account; 李娜's is ended.
    const Run child = admin({QStringLiteral("--db"), db(), QStringLiteral("household"), zhangXiaoming});
    QCOMPARE(AdminCli::bindingKeys(child.out),
             (QStringList{"kinship/held_by/active", "kinship/held_by/ended", "mutual_aid/authorized_by/active"}));
}

void TestAdminHousehold::checkKinshipDryRun()
{
    QCOMPARE(admin({QStringLiteral("--db"), db(), QStringLiteral("import-registry"), data("registry-good.csv"),
                    QStringLiteral("--clerk"), QStringLiteral("supervisor"), QStringLiteral("--password-file"),
                    passwordFile()})
                 .exitCode,
             0);
    const QStringList arguments{QStringLiteral("--db"), db(), QStringLiteral("check-kinship"),
                                data("kinship-zhejiang.csv")};
    const Run run = admin(arguments);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.err, QStringLiteral("Read kinship-zhejiang.csv as UTF-8.\n"));
    const QStringList expected{
        R"({"row": 1, "verdict": "accepted", "codes": [], "binding_no": null})",
        R"({"row": 2, "verdict": "accepted", "codes": [], "binding_no": null})",
        R"({"row": 3, "verdict": "refused", "codes": ["ALREADY_BOUND"], "binding_no": null})",
        R"({"row": 4, "verdict": "refused", "codes": ["FACE_VERIFICATION_REQUIRED"], "binding_no": null})",
        R"({"row": 5, "verdict": "refused", "codes": ["NAME_MISMATCH"], "binding_no": null})",
        R"({"row": 6, "verdict": "refused", "codes": ["SELF_BINDING"], "binding_no": null})",
        R"({"row": 7, "verdict": "accepted", "codes": [], "binding_no": null})",
        R"({"row": 8, "verdict": "refused", "codes": ["ID_CHECKSUM_INVALID"], "binding_no": null})",
    };
    QCOMPARE(lines(run.out), expected);
    QCOMPARE(lines(admin(arguments).out), expected); // a dry run wrote nothing
    // Made with iconv -f utf-8 -t gb18030: the same verdicts, names compared with the registry included.
    const Run gb18030
        = admin({QStringLiteral("--db"), db(), QStringLiteral("check-kinship"), data("kinship-zhejiang-gb18030.csv")});
    QCOMPARE(gb18030.err, QStringLiteral("Read kinship-zhejiang-gb18030.csv as GB18030 (GBK).\n"));
    QCOMPARE(lines(gb18030.out), expected);
}

void TestAdminHousehold::checkKinshipCommit()
{
    QCOMPARE(admin({QStringLiteral("--db"), db(), QStringLiteral("import-registry"), data("registry-good.csv"),
                    QStringLiteral("--clerk"), QStringLiteral("supervisor"), QStringLiteral("--password-file"),
                    passwordFile()})
                 .exitCode,
             0);
    const Run run = admin({QStringLiteral("--db"), db(), QStringLiteral("check-kinship"), data("kinship-zhejiang.csv"),
                           QStringLiteral("--commit"), QStringLiteral("--clerk"), QStringLiteral("tester"),
                           QStringLiteral("--password-file"), passwordFile()});
    QCOMPARE(run.exitCode, 0);
    const QStringList out = lines(run.out);
    QCOMPARE(out.size(), 8);
    const QRegularExpression stored(QStringLiteral(
        R"re(^\{"row": (\d), "verdict": "accepted", "codes": \[\], "binding_no": "(QQ\d{8}-\d{4})"\}$)re"));
    QSet<QString> numbers;
    for (int i : {0, 1, 6}) {
        const QRegularExpressionMatch match = stored.match(out.at(i));
        QVERIFY2(match.hasMatch(), qPrintable(out.at(i)));
        numbers.insert(match.captured(2));
    }
    QCOMPARE(numbers.size(), 3); // one binding per row
    for (int i : {2, 3, 4, 5, 7})
        QVERIFY2(out.at(i).endsWith(QStringLiteral("\"binding_no\": null}")), qPrintable(out.at(i)));

    // Stored now: the accepted rows are refused as already bound.
    const QStringList after = lines(
        admin({QStringLiteral("--db"), db(), QStringLiteral("check-kinship"), data("kinship-zhejiang.csv")}).out);
    for (int i : {0, 1, 6})
        QCOMPARE(after.value(i),
                 QStringLiteral(R"({"row": %1, "verdict": "refused", "codes": ["ALREADY_BOUND"], "binding_no": null})")
                     .arg(i + 1));
}

void TestAdminHousehold::malformedKinship()
{
    QCOMPARE(admin({QStringLiteral("--db"), db(), QStringLiteral("import-registry"), data("registry-good.csv"),
                    QStringLiteral("--clerk"), QStringLiteral("supervisor"), QStringLiteral("--password-file"),
                    passwordFile()})
                 .exitCode,
             0);
    const Run run = admin({QStringLiteral("--db"), db(), QStringLiteral("check-kinship"), data("kinship-malformed.csv"),
                           QStringLiteral("--commit"), QStringLiteral("--clerk"), QStringLiteral("tester"),
                           QStringLiteral("--password-file"), passwordFile()});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.isEmpty());
    const QStringList errors = lines(run.err).mid(1); // after "Read kinship-malformed.csv as UTF-8."
    QCOMPARE(errors.size(), 3);
    QCOMPARE(errors.at(0), QStringLiteral("line 2: household_register_seen must be yes or no, found \"done\"."));
    QVERIFY2(errors.at(1).startsWith(QStringLiteral("line 4: unknown relationship \"father\"; use one of spouse, ")),
             qPrintable(errors.at(1)));
    QCOMPARE(errors.at(2), QStringLiteral("Nothing was checked or stored. Correct the file and run it again."));
    // The good row 3 (李娜 holds 张小明) was not stored: a dry run still accepts it.
    const Run dry
        = admin({QStringLiteral("--db"), db(), QStringLiteral("check-kinship"), data("kinship-zhejiang.csv")});
    QCOMPARE(lines(dry.out).value(1),
             QStringLiteral(R"({"row": 2, "verdict": "accepted", "codes": [], "binding_no": null})"));

    const Run header
        = admin({QStringLiteral("--db"), db(), QStringLiteral("check-kinship"), data("filings-zhejiang.csv")});
    QCOMPARE(header.exitCode, 1);
    QVERIFY(header.err.contains(QStringLiteral("Expected: holder_id_type,holder_id_number,")));
    QVERIFY(header.err.contains(QStringLiteral("Found:    authorizer_id_type,")));
}

void TestAdminHousehold::previewPayment_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("amount");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("own account is enough")
        << zhangWei << QStringLiteral("100")
        << QStringList{
               R"({"payer": "own_account", "name": "张伟", "id_number": "330102********1236", "amount": "100.00"})",
               R"({"payer": "cash", "name": null, "id_number": null, "amount": "0.00"})"};
    QTest::newRow("resident: authorizer, then cash")
        << zhangXiaoming << QStringLiteral("6000")
        << QStringList{
               R"({"payer": "authorizer", "name": "张伟", "id_number": "330102********1236", "amount": "5000.00"})",
               R"({"payer": "cash", "name": null, "id_number": null, "amount": "1000.00"})"};
    QTest::newRow("own account first, then authorizer")
        << wangFang << QStringLiteral("1000.5")
        << QStringList{
               R"({"payer": "own_account", "name": "王芳", "id_number": "330102********2226", "amount": "800.00"})",
               R"({"payer": "authorizer", "name": "张伟", "id_number": "330102********1236", "amount": "200.50"})",
               R"({"payer": "cash", "name": null, "id_number": null, "amount": "0.00"})"};
}

void TestAdminHousehold::previewPayment()
{
    QFETCH(QString, target);
    QFETCH(QString, amount);
    QFETCH(QStringList, expected);
    QVERIFY(cli().loadSamples(db(), passwordFile()));
    const Run run = admin({QStringLiteral("--db"), db(), QStringLiteral("preview-payment"), target, amount});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    QCOMPARE(lines(run.out), expected);

    const Run unknown = admin({QStringLiteral("--db"), db(), QStringLiteral("preview-payment"),
                               QStringLiteral("01:11010519491231002X"), amount});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY(unknown.out.isEmpty());
    QVERIFY2(unknown.err.contains(QStringLiteral("(PERSON_NOT_FOUND)")), qPrintable(unknown.err));
}

QTEST_GUILESS_MAIN(TestAdminHousehold)
#include "tst_adminhousehold.moc"
