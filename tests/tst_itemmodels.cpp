// The wizard's item models: rows, roles, and masking of ID numbers in the targets table.
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include "TestDatabase.h"
#include "model/domain/IdNumber.h"
#include "model/domain/IdType.h"
#include "model/domain/Relationship.h"
#include "model/itemmodels/FilingTargetsModel.h"
#include "model/itemmodels/IdTypeListModel.h"
#include "model/itemmodels/RelationshipListModel.h"
#include "model/filing/FilingEvaluator.h"

using namespace gongji;

class TestItemModels : public QObject
{
    Q_OBJECT

private slots:
    void idTypesDefaultToEveryKnownType();
    void idTypesFollowTheRuleSet();
    void relationshipsShowLabelAndCode();
    void targetsShowVerdictsAndMaskNumbers();
    void targetsNotYetCheckedSayNothingFalse();
    void targetsResetAndClear();

private:
    struct Household
    {
        Person authorizer;
        QString childNumber;
        QString unknownNumber;
        QString youngParentNumber;
    };
    static Household makeHousehold(TestDatabase &db);
};

void TestItemModels::idTypesDefaultToEveryKnownType()
{
    IdTypeListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), int(IdType::allCodes().size()));
    QCOMPARE(model.codes(), QStringList(IdType::allCodes()));
    const QModelIndex first = model.index(0);
    QCOMPARE(first.data(IdTypeListModel::CodeRole).toString(), IdType::ResidentId);
    QCOMPARE(first.data(Qt::DisplayRole).toString(),
             QString(QStringLiteral("01 ") + IdType::label(IdType::ResidentId)));
    QVERIFY(!model.index(model.rowCount()).isValid());

    model.setCodes({QStringLiteral("16")});
    model.setCodes({}); // empty again: no restriction
    QCOMPARE(model.rowCount(), int(IdType::allCodes().size()));
}

void TestItemModels::idTypesFollowTheRuleSet()
{
    IdTypeListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setCodes({QStringLiteral("01"), QStringLiteral("16")});
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowOf(QStringLiteral("16")), 1);
    QCOMPARE(model.rowOf(QStringLiteral("08")), -1);
    QCOMPARE(model.index(1).data(IdTypeListModel::CodeRole).toString(), QStringLiteral("16"));
    QVERIFY(model.index(1).data().toString().startsWith(QLatin1String("16 ")));
}

void TestItemModels::relationshipsShowLabelAndCode()
{
    RelationshipListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    model.setKeywords({QStringLiteral("spouse"), QStringLiteral("child"), QStringLiteral("parent_in_law")});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.rowOf(QStringLiteral("child")), 1);
    QCOMPARE(model.rowOf(QStringLiteral("sibling")), -1);
    QCOMPARE(model.index(0).data(RelationshipListModel::KeywordRole).toString(), QStringLiteral("spouse"));
    QCOMPARE(model.index(0).data().toString(),
             QString(Relationship::label(QStringLiteral("spouse")) + QStringLiteral(" (10)")));
    QVERIFY(model.index(2).data().toString().endsWith(QLatin1String("(53-56)")));
}

TestItemModels::Household TestItemModels::makeHousehold(TestDatabase &db)
{
    Household household;
    household.authorizer = db.addPerson(QStringLiteral("王建国"),
                                        TestDatabase::residentId(QStringLiteral("330102"), QDate(1965, 3, 1), 131));
    household.childNumber = TestDatabase::residentId(QStringLiteral("330102"), QDate(1992, 7, 9), 122);
    db.addPerson(QStringLiteral("王小明"), household.childNumber, QStringLiteral("390"));
    household.youngParentNumber = TestDatabase::residentId(QStringLiteral("330102"), QDate(1970, 1, 1), 242);
    db.addPerson(QStringLiteral("赵丽"), household.youngParentNumber, QStringLiteral("390"));
    household.unknownNumber = TestDatabase::residentId(QStringLiteral("330102"), QDate(1990, 1, 1), 351);
    return household;
}

void TestItemModels::targetsShowVerdictsAndMaskNumbers()
{
    TestDatabase db;
    QVERIFY(db.isOpen());
    const Household household = makeHousehold(db);

    FilingDraft draft;
    draft.authorizerIdType = IdType::ResidentId;
    draft.authorizerIdNumber = household.authorizer.idNumber;
    draft.commitmentAcknowledged = true;
    draft.filedOn = QDate::currentDate();
    draft.targets << TargetEntry{QStringLiteral("child"),
                                 IdType::ResidentId,
                                 household.childNumber,
                                 QStringLiteral("王小明"),
                                 {QStringLiteral("household_register")},
                                 false}
                  << TargetEntry{QStringLiteral("spouse"),
                                 IdType::ResidentId,
                                 household.unknownNumber,
                                 QStringLiteral("无此人"),
                                 {},
                                 false}
                  << TargetEntry{QStringLiteral("parent"),
                                 IdType::ResidentId,
                                 household.youngParentNumber,
                                 QStringLiteral("赵丽"),
                                 {},
                                 false};
    const FilingVerdict verdict = FilingEvaluator(db.connection()).evaluate(draft);

    FilingTargetsModel model;

    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFiling(draft, verdict);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), int(FilingTargetsModel::ColumnCount));
    QCOMPARE(model.headerData(0, Qt::Vertical).toInt(), 1);
    QVERIFY(!model.headerData(FilingTargetsModel::VerdictColumn, Qt::Horizontal).toString().isEmpty());

    // Accepted child
    QCOMPARE(model.index(0, FilingTargetsModel::NameColumn).data().toString(), QStringLiteral("王小明"));
    QCOMPARE(model.index(0, FilingTargetsModel::RelationshipColumn).data().toString(),
             Relationship::label(QStringLiteral("child")));
    QCOMPARE(model.index(0, FilingTargetsModel::IdTypeColumn).data().toString(), IdType::label(IdType::ResidentId));
    QCOMPARE(model.index(0, 0).data(FilingTargetsModel::RefusedRole).toBool(), false);
    QCOMPARE(model.index(0, 0).data(FilingTargetsModel::WarningRole).toBool(), false);
    QCOMPARE(model.index(0, 0).data(FilingTargetsModel::CodesRole).toStringList(), QStringList());

    // Masked: first 6 and last 4 only, for every row, never the full number.
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString shown = model.index(row, FilingTargetsModel::IdNumberColumn).data().toString();
        QCOMPARE(shown, IdNumber::mask(draft.targets.at(row).idNumber));
        QVERIFY(!shown.contains(draft.targets.at(row).idNumber.mid(6, 8)));
        QCOMPARE(shown.left(6), draft.targets.at(row).idNumber.left(6));
        QCOMPARE(shown.right(4), draft.targets.at(row).idNumber.right(4));
    }
    QCOMPARE(model.index(0, FilingTargetsModel::IdNumberColumn).data().toString(),
             QString(household.childNumber.left(6) + QStringLiteral("********") + household.childNumber.right(4)));
    // Nor in any other role of any cell (verdicts, tool tips with the findings, codes).
    for (int row = 0; row < model.rowCount(); ++row) {
        for (int column = 0; column < model.columnCount(); ++column) {
            for (int role = 0; role <= Qt::UserRole + 16; ++role) {
                const QVariant value = model.index(row, column).data(role);
                const QString text
                    = value.typeId() == QMetaType::QStringList ? value.toStringList().join(u' ') : value.toString();
                for (const QString &number : {household.authorizer.idNumber, household.childNumber,
                                              household.unknownNumber, household.youngParentNumber})
                    QVERIFY2(
                        !text.contains(number),
                        qPrintable(
                            QStringLiteral("row %1 column %2 role %3: %4").arg(row).arg(column).arg(role).arg(text)));
            }
        }
    }

    // Refused: unknown person, with its code in the verdict text, the roles and the tooltip.
    const QModelIndex refused = model.index(1, FilingTargetsModel::VerdictColumn);
    QVERIFY(refused.data(FilingTargetsModel::RefusedRole).toBool());
    QVERIFY(refused.data(FilingTargetsModel::CodesRole).toStringList().contains(QStringLiteral("PERSON_NOT_FOUND")));
    QVERIFY(refused.data().toString().contains(QLatin1String("PERSON_NOT_FOUND")));
    QVERIFY(refused.data(Qt::ToolTipRole).toString().contains(QLatin1String("PERSON_NOT_FOUND")));

    // Warning: a "parent" only five years older than the authorizer.
    const QModelIndex warned = model.index(2, FilingTargetsModel::VerdictColumn);
    QVERIFY(!warned.data(FilingTargetsModel::RefusedRole).toBool());
    QVERIFY(warned.data(FilingTargetsModel::WarningRole).toBool());
    QCOMPARE(warned.data(FilingTargetsModel::CodesRole).toStringList(), QStringList{QStringLiteral("AGE_IMPLAUSIBLE")});
    QVERIFY(warned.data().toString().contains(QLatin1String("AGE_IMPLAUSIBLE")));

    // Once the clerk confirmed it, the row says so.
    const QString unconfirmedText = warned.data().toString();
    FilingDraft confirmed = draft;
    confirmed.targets[2].ageWarningConfirmed = true;
    model.setFiling(confirmed, verdict);
    const QString confirmedText = model.index(2, FilingTargetsModel::VerdictColumn).data().toString();
    QVERIFY(confirmedText.contains(QLatin1String("AGE_IMPLAUSIBLE")));
    QVERIFY(confirmedText != unconfirmedText);
}

void TestItemModels::targetsNotYetCheckedSayNothingFalse()
{
    FilingDraft draft;
    draft.targets << TargetEntry{QStringLiteral("child"),
                                 IdType::ResidentId,
                                 TestDatabase::residentId(QStringLiteral("330102"), QDate(1992, 7, 9)),
                                 QStringLiteral("王小明"),
                                 {},
                                 false};
    FilingTargetsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFiling(draft, FilingVerdict());
    QCOMPARE(model.rowCount(), 1);
    const QModelIndex verdict = model.index(0, FilingTargetsModel::VerdictColumn);
    // Without a verdict the row is neither accepted nor refused.
    QVERIFY(!verdict.data(FilingTargetsModel::RefusedRole).toBool());
    QVERIFY(!verdict.data().toString().isEmpty());
    QVERIFY(verdict.data().toString() != FilingTargetsModel::tr("Accepted"));
}

void TestItemModels::targetsResetAndClear()
{
    FilingDraft draft;
    draft.targets << TargetEntry{QStringLiteral("child"),
                                 IdType::ResidentId,
                                 QStringLiteral("330102199207091221"),
                                 QStringLiteral("王小明"),
                                 {},
                                 false};
    FilingTargetsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setFiling(draft, FilingVerdict());
    model.clear();
    QCOMPARE(reset.count(), 2);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.index(0, 0).isValid());
    QCOMPARE(model.rowCount(model.index(0, 0)), 0);
}

QTEST_GUILESS_MAIN(TestItemModels)
#include "tst_itemmodels.moc"
