// The household screen's models: sections, masking, keeping the clerk's place, lazy name search, JSON.
#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

#include "TestDatabase.h"
#include "model/domain/IdNumber.h"
#include "model/filing/BindingRevocation.h"
#include "model/filing/FilingSubmission.h"
#include "model/kinship/KinshipSubmission.h"
#include "model/household/HouseholdJson.h"
#include "model/itemmodels/HouseholdBindingsModel.h"
#include "model/itemmodels/PersonSearchModel.h"
#include "model/filing/RelationshipAgreement.h"
#include "model/storage/BindingStore.h"
#include "model/storage/FilingStore.h"
#include "model/storage/HouseholdStore.h"
#include "model/storage/Timestamp.h"
#include "model/storage/WriteTransaction.h"

using namespace gongji;

class TestHouseholdModels : public QObject
{
    Q_OBJECT
private slots:
    void sectionsAndMasking();
    void nameSearchFetchesPageByPage();
    void householdJson();
    void noFullNumberInAnyCell_data();
    void noFullNumberInAnyCell();
    void disagreeingBindingsAndPeriods();

private:
    void bind(TestDatabase &db, const Person &a, const Person &t, const QString &relationship);
};

void TestHouseholdModels::bind(TestDatabase &db, const Person &a, const Person &t, const QString &relationship)
{
    FilingDraft d;
    d.authorizerIdType = a.idType;
    d.authorizerIdNumber = a.idNumber;
    d.commitmentAcknowledged = true;
    d.commitmentVersion = QStringLiteral("test");
    d.filedOn = QDate::currentDate();
    d.clerk = QStringLiteral("tester");
    d.targets.append(TargetEntry{relationship, t.idType, t.idNumber, t.name, {}, false});
    QVERIFY(FilingSubmission(db.connection()).submit(d).stored());
}

void TestHouseholdModels::sectionsAndMasking()
{
    TestDatabase db;
    const Person father
        = db.addPerson("王建国", TestDatabase::residentId("320102", QDate(1970, 3, 15), 11), "310", "320100");
    const Person son
        = db.addPerson("王小明", TestDatabase::residentId("320102", QDate(2000, 9, 1), 31), "390", "320100");
    const Person daughter
        = db.addPerson("王小红", TestDatabase::residentId("320102", QDate(2002, 9, 1), 42), "390", "320100");
    bind(db, father, son, "child");
    bind(db, father, daughter, "child");
    const Household household{father, HouseholdStore(db.connection()).bindingsOf(father.id)};

    HouseholdBindingsModel authorizes(HouseholdBindingsModel::Section::Authorizes);
    QAbstractItemModelTester tester(&authorizes, QAbstractItemModelTester::FailureReportingMode::QtTest);
    authorizes.setHousehold(household);
    QCOMPARE(authorizes.rowCount(), 2);
    const QString shown = authorizes.index(0, HouseholdBindingsModel::IdNumberColumn).data().toString();
    QCOMPARE(shown, son.idNumber.left(6) + QStringLiteral("********") + son.idNumber.right(4));
    QVERIFY(authorizes.index(0, HouseholdBindingsModel::KindColumn).data().toString().contains(QStringLiteral("共济")));
    QCOMPARE(authorizes.columnCount(), int(HouseholdBindingsModel::EndedColumn)); // no "ended" columns for active lists

    // Revoke the second one: it leaves this list, enters the history; the first keeps its row.
    const qint64 keep = authorizes.index(0, 0).data(HouseholdBindingsModel::BindingIdRole).toLongLong();
    const qint64 gone = authorizes.index(1, 0).data(HouseholdBindingsModel::BindingIdRole).toLongLong();
    QVERIFY(BindingRevocation(db.connection()).revoke(gone, EndRequester::Authorizer, "test", "tester").ok);
    const Household after{father, HouseholdStore(db.connection()).bindingsOf(father.id)};
    authorizes.setHousehold(after);
    QCOMPARE(authorizes.rowOf(HouseholdBinding::Kind::MutualAid, keep), 0);
    QCOMPARE(authorizes.rowOf(HouseholdBinding::Kind::MutualAid, gone), -1);
    HouseholdBindingsModel history(HouseholdBindingsModel::Section::History);
    history.setHousehold(after);
    QCOMPARE(history.rowCount(), 1);
    QCOMPARE(history.index(0, HouseholdBindingsModel::EndReasonColumn).data().toString(), QStringLiteral("test"));
    HouseholdBindingsModel holders(HouseholdBindingsModel::Section::KinshipHolders);
    holders.setHousehold(after);
    QCOMPARE(holders.rowCount(), 0);
}

void TestHouseholdModels::nameSearchFetchesPageByPage()
{
    TestDatabase db;
    for (int i = 0; i < 120; ++i)
        db.addPerson(QStringLiteral("王%1").arg(i, 3, 10, QLatin1Char('0')),
                     TestDatabase::residentId("320102", QDate(1960, 1, 1).addDays(i), 11), "390", "320100");
    db.addPerson("李四", TestDatabase::residentId("320102", QDate(1990, 1, 1), 11), "390", "320100");
    PersonSearchModel model(db.connection());
    model.search(QStringLiteral("王"));
    QCOMPARE(model.rowCount(), PersonSearchModel::pageSize);
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 120);
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(model.personAt(119).name, QStringLiteral("王119"));
    QVERIFY(model.index(0, PersonSearchModel::IdNumberColumn).data().toString().contains(QStringLiteral("********")));
    model.search(QStringLiteral("李"));
    QCOMPARE(model.rowCount(), 1);
    model.search(QString());
    QCOMPARE(model.rowCount(), 0);
    // The same under Qt's model tester, which fetches from inside its own signal handlers.
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.search(QStringLiteral("王"));
    while (model.canFetchMore({}))
        model.fetchMore({});
    QCOMPARE(model.rowCount(), 120);
}

void TestHouseholdModels::householdJson()
{
    TestDatabase db;
    const Person father
        = db.addPerson("王建国", TestDatabase::residentId("320102", QDate(1970, 3, 15), 11), "310", "320100");
    const Person son
        = db.addPerson("王小明", TestDatabase::residentId("320102", QDate(2000, 9, 1), 31), "390", "320100");
    bind(db, father, son, "child");
    const QJsonObject json = HouseholdJson::toJson(Household{son, HouseholdStore(db.connection()).bindingsOf(son.id)});
    const QJsonObject binding = json.value("bindings").toArray().first().toObject();
    QCOMPARE(binding.value("kind").toString(), QStringLiteral("mutual_aid"));
    QCOMPARE(binding.value("direction").toString(), QStringLiteral("authorized_by"));
    QCOMPARE(binding.value("status").toString(), QStringLiteral("active"));
    QCOMPARE(binding.value("other").toObject().value("name").toString(), QStringLiteral("王建国"));
    QVERIFY(binding.value("ended_at").isNull());
    const QByteArray text = QJsonDocument(json).toJson();
    QVERIFY(!text.contains(son.idNumber.toUtf8()));
    QVERIFY(!text.contains(father.idNumber.toUtf8()));
}

namespace {

// Every text any cell gives for any role, so that no role (tool tip, user roles) leaks a number.
QStringList everyText(const QAbstractItemModel &model)
{
    QStringList texts;
    for (int row = 0; row < model.rowCount(); ++row) {
        for (int column = 0; column < model.columnCount(); ++column) {
            for (int role = 0; role <= Qt::UserRole + 16; ++role) {
                const QVariant value = model.index(row, column).data(role);
                if (value.typeId() == QMetaType::QStringList)
                    texts += value.toStringList();
                else if (value.canConvert<QString>())
                    texts << value.toString();
            }
        }
    }
    return texts;
}

} // namespace

void TestHouseholdModels::noFullNumberInAnyCell_data()
{
    QTest::addColumn<QString>("model");
    for (const char *model :
         {"person search", "authorizes", "authorized by", "kinship holders", "kinship members", "history"})
        QTest::newRow(model) << QString::fromLatin1(model);
}

// Lists behind the counter window can be read by the queue: masked numbers only.
void TestHouseholdModels::noFullNumberInAnyCell()
{
    QFETCH(QString, model);
    TestDatabase db;
    const Person grandma
        = db.addPerson("赵奶奶", TestDatabase::residentId("320102", QDate(1945, 3, 15), 21), "310", "320100");
    const Person father
        = db.addPerson("王建国", TestDatabase::residentId("320102", QDate(1970, 3, 15), 11), "310", "320100");
    const Person son
        = db.addPerson("王小明", TestDatabase::residentId("320102", QDate(2000, 9, 1), 31), "390", "320100");
    const Person daughter
        = db.addPerson("王小红", TestDatabase::residentId("320102", QDate(2002, 9, 1), 42), "390", "320100");
    bind(db, father, son, "child");
    bind(db, grandma, father, "child");
    bind(db, father, daughter, "child");
    QVERIFY(KinshipSubmission(db.connection())
                .submit(TestDatabase::kinshipDraft(father, son, QStringLiteral("child"), QStringLiteral("tester")))
                .stored());
    const Household household{father, HouseholdStore(db.connection()).bindingsOf(father.id)};
    const qint64 daughterBinding = [&] {
        for (const HouseholdBinding &b : household.bindings)
            if (b.counterpart.id == daughter.id)
                return b.bindingId;
        return qint64(0);
    }();
    // The revocation reason names a number, as a hurried clerk might type it.
    QVERIFY(BindingRevocation(db.connection())
                .revoke(daughterBinding, EndRequester::Authorizer, "申请人 " + daughter.idNumber, "tester")
                .ok);
    const Household after{father, HouseholdStore(db.connection()).bindingsOf(father.id)};

    std::unique_ptr<QAbstractItemModel> shown;
    if (model == QLatin1String("person search")) {
        auto search = std::make_unique<PersonSearchModel>(db.connection());
        search->search(QStringLiteral("王"));
        shown = std::move(search);
    } else {
        const HouseholdBindingsModel::Section section = model == QLatin1String("authorizes")
            ? HouseholdBindingsModel::Section::Authorizes
            : model == QLatin1String("authorized by")   ? HouseholdBindingsModel::Section::AuthorizedBy
            : model == QLatin1String("kinship holders") ? HouseholdBindingsModel::Section::KinshipHolders
            : model == QLatin1String("kinship members") ? HouseholdBindingsModel::Section::KinshipMembers
                                                        : HouseholdBindingsModel::Section::History;
        auto bindings = std::make_unique<HouseholdBindingsModel>(section);
        bindings->setHousehold(after);
        shown = std::move(bindings);
    }
    QVERIFY(shown->rowCount() > 0 || model == QLatin1String("kinship holders"));
    const QString all = everyText(*shown).join(QLatin1Char('\n'));
    for (const Person &person : {grandma, father, son, daughter})
        QVERIFY2(!all.contains(person.idNumber), qPrintable(model + QStringLiteral(": full number of ") + person.name));
    if (shown->rowCount() > 0)
        QVERIFY(all.contains(QStringLiteral("********")));
}

// Bindings stored before the relationships had to agree (here: written directly, as an older
// version or another program did) are shown with what they disagree with; the period beside.
void TestHouseholdModels::disagreeingBindingsAndPeriods()
{
    TestDatabase db;
    const Person husband
        = db.addPerson("周明", TestDatabase::residentId("320102", QDate(1980, 5, 5), 13), "310", "320100");
    const Person first
        = db.addPerson("吴芳", TestDatabase::residentId("320102", QDate(1982, 6, 6), 24), "390", "320100");
    const Person second
        = db.addPerson("郑丽", TestDatabase::residentId("320102", QDate(1984, 7, 7), 26), "390", "320100");
    bind(db, husband, first, "spouse");
    QString legacyNumber;
    {
        WriteTransaction transaction(db.connection());
        const MutualAidBinding stored = BindingStore(db.connection()).activeByAuthorizer(husband.id).first();
        Filing filing = *FilingStore(db.connection()).findById(stored.filingId);
        filing.number = FilingStore(db.connection()).nextNumber(QDate::currentDate());
        FilingStore(db.connection()).insert(filing);
        legacyNumber = filing.number;
        MutualAidBinding legacy = stored;
        legacy.filingId = filing.id;
        legacy.targetId = second.id;
        legacy.validUntil = QDate(2099, 12, 31);
        legacy.startedAt = Timestamp::now();
        BindingStore(db.connection()).insert(legacy);
        transaction.commit();
    }
    Household household{husband, HouseholdStore(db.connection()).bindingsOf(husband.id)};
    RelationshipAgreement(db.connection()).review(household);
    HouseholdBindingsModel authorizes(HouseholdBindingsModel::Section::Authorizes);
    authorizes.setHousehold(household);
    QCOMPARE(authorizes.rowCount(), 2);
    const QString firstFiling = authorizes.index(0, HouseholdBindingsModel::NumberColumn).data().toString();
    // Each names the other: its filing number and the other spouse, masked.
    const QString aboutFirst = authorizes.index(0, HouseholdBindingsModel::AgreementColumn).data().toString();
    QVERIFY2(aboutFirst.startsWith(QLatin1String("SPOUSE_ALREADY_BOUND")), qPrintable(aboutFirst));
    QVERIFY2(aboutFirst.contains(legacyNumber), qPrintable(aboutFirst));
    QVERIFY2(aboutFirst.contains(IdNumber::mask(second.idNumber)), qPrintable(aboutFirst));
    QVERIFY(!aboutFirst.contains(second.idNumber));
    const QString aboutSecond = authorizes.index(1, HouseholdBindingsModel::AgreementColumn).data().toString();
    QVERIFY2(aboutSecond.contains(firstFiling) && aboutSecond.contains(IdNumber::mask(first.idNumber)),
             qPrintable(aboutSecond));
    QCOMPARE(authorizes.index(0, HouseholdBindingsModel::ValidUntilColumn).data().toString(),
             HouseholdBindingsModel::tr("open-ended"));
    QCOMPARE(authorizes.index(1, HouseholdBindingsModel::ValidUntilColumn).data().toString(),
             QStringLiteral("2099-12-31"));

    const QJsonArray bindings = HouseholdJson::toJson(household).value("bindings").toArray();
    QCOMPARE(bindings.size(), 2);
    const QJsonObject legacyJson = bindings.at(1).toObject();
    QCOMPARE(legacyJson.value("valid_until").toString(), QStringLiteral("2099-12-31"));
    const QJsonObject conflict = legacyJson.value("conflicts").toArray().first().toObject();
    QCOMPARE(conflict.value("code").toString(), QStringLiteral("SPOUSE_ALREADY_BOUND"));
    QCOMPARE(conflict.value("filing_no").toString(), firstFiling);
    QCOMPARE(conflict.value("other_id_number").toString(), IdNumber::mask(first.idNumber));
    QVERIFY(bindings.at(0).toObject().value("valid_until").isNull());
}

QTEST_GUILESS_MAIN(TestHouseholdModels)
#include "tst_householdmodels.moc"
