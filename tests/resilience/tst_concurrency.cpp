// Concurrency proof: six processes on one database file submit conflicting filings
// at the same moment: both spouses of a 浙江 (330100, one authorizer per target) household claim
// the same children and parents, and every process tries every pair, so each pair is submitted
// six times. Afterwards no rule is broken, every filing a process reported stored is in the
// database, and no process failed (in particular not with "database is locked").
#include <QDateTime>
#include <QProcess>
#include <QSet>
#include <QtTest>

#include "ResilienceFixture.h"
#include "model/storage/BindingStore.h"
#include "model/storage/Database.h"
#include "model/storage/FilingStore.h"
#include "model/storage/PersonStore.h"

using namespace gongji;

class TestConcurrency : public QObject
{
    Q_OBJECT

private slots:
    void conflictingCountersKeepEveryRule();
};

void TestConcurrency::conflictingCountersKeepEveryRule()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString database = dir.filePath(QStringLiteral("shared.sqlite"));
    // Regions in turn, so every fifth household is in 330100 (PopulationGenerator::regions()).
    ResilienceFixture fixture;
    const QString error = fixture.create(database, 60, 7);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    // Every family: head → everyone else, and in 浙江 the employed spouse → the children too
    // (a conflict: one authorizer per target there).
    QString plan;
    QSet<QString> zhejiangTargets;
    QVERIFY(Database::open(database, QStringLiteral("plan")).ok);
    const PersonStore lookup(QStringLiteral("plan"));
    for (const auto &family : fixture.families()) {
        const auto &members = family.members;
        for (int i = 1; i < members.size(); ++i)
            plan += members.at(0).idNumber + QLatin1Char(' ') + members.at(i).idNumber + QLatin1Char(' ')
                + members.at(i).relationship + QLatin1Char('\n');
        const auto spouse = lookup.findByDocument(QStringLiteral("01"), members.at(1).idNumber);
        if (family.poolingRegion != QLatin1String("330100") || !spouse || !spouse->isEmployee())
            continue;
        for (int i = 2; i < members.size(); ++i) {
            if (members.at(i).relationship != QLatin1String("child"))
                continue;
            plan += members.at(1).idNumber + QLatin1Char(' ') + members.at(i).idNumber + QStringLiteral(" child\n");
            zhejiangTargets.insert(members.at(i).idNumber);
        }
    }
    Database::close(QStringLiteral("plan"));
    QVERIFY2(!zhejiangTargets.isEmpty(), "the fixture has no conflicting 浙江 targets");
    const QString planPath = dir.filePath(QStringLiteral("plan.txt"));
    QFile planFile(planPath);
    QVERIFY(planFile.open(QIODevice::WriteOnly));
    planFile.write(plan.toUtf8());
    planFile.close();

    const int workers = 6;
    const qint64 start = QDateTime::currentMSecsSinceEpoch() + 1500; // all start at once
    QList<QProcess *> processes;
    for (int w = 0; w < workers; ++w) {
        auto *process = new QProcess(this);
        process->start(QStringLiteral(GONGJI_SUBMIT_WORKER),
                       {database, planPath, QString::number(start), QString::number(1000 + w)});
        QVERIFY(process->waitForStarted());
        processes.append(process);
    }
    QStringList stored;
    int refused = 0;
    for (QProcess *process : processes) {
        QVERIFY(process->waitForFinished(150000));
        const QString output = QString::fromUtf8(process->readAllStandardOutput());
        QVERIFY2(!output.contains(QLatin1String("locked"), Qt::CaseInsensitive), qPrintable(output));
        QVERIFY2(!output.contains(QLatin1String("\nfailed")) && !output.startsWith(QLatin1String("failed")),
                 qPrintable(output));
        QCOMPARE(process->exitCode(), 0);
        for (const QString &line : output.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            if (line.startsWith(QLatin1String("stored ")))
                stored << line;
            else if (line.startsWith(QLatin1String("refused ")))
                ++refused;
        }
    }

    QVERIFY(Database::open(database, QStringLiteral("check")).ok);
    PersonStore persons(QStringLiteral("check"));
    BindingStore bindings(QStringLiteral("check"));
    FilingStore filings(QStringLiteral("check"));
    // Every stored filing reported is there, with its one binding of that pair.
    QSet<QString> pairs;
    for (const QString &line : stored) {
        const QStringList f = line.split(QLatin1Char(' '));
        const auto filing = filings.findByNumber(f.at(1));
        QVERIFY2(filing, qPrintable(line));
        const auto authorizer = persons.findByDocument(QStringLiteral("01"), f.at(2));
        const auto target = persons.findByDocument(QStringLiteral("01"), f.at(3));
        QVERIFY(authorizer && target);
        QCOMPARE(filing->authorizerId, authorizer->id);
        const QList<MutualAidBinding> own = bindings.byFiling(filing->id);
        QCOMPARE(own.size(), 1);
        QCOMPARE(own.first().targetId, target->id);
        QCOMPARE(own.first().status, BindingStatus::Active);
        const QString pair = f.at(2) + QLatin1Char('>') + f.at(3);
        QVERIFY2(!pairs.contains(pair), qPrintable(QStringLiteral("pair stored twice: ") + pair));
        pairs.insert(pair);
    }
    QCOMPARE(filings.count(), qint64(stored.size()));
    QCOMPARE(bindings.countActive(), qint64(stored.size()));
    // Each pair was tried by every process: exactly one of them stored it, unless 浙江's rule
    // gave its target to the other spouse.
    const int planned = int(plan.count(QLatin1Char('\n')));
    QCOMPARE(stored.size() + refused, planned * workers);
    for (const QString &number : zhejiangTargets) {
        const auto target = persons.findByDocument(QStringLiteral("01"), number);
        QVERIFY(target);
        QCOMPARE(bindings.activeByTarget(target->id).size(), 1); // never 2 authorizers in 330100
    }
    qInfo("%d processes, %d attempts: %d stored, %d refused; %d contested 浙江 targets", workers, planned * workers,
          int(stored.size()), refused, int(zhejiangTargets.size()));
    Database::close(QStringLiteral("check"));
}

QTEST_GUILESS_MAIN(TestConcurrency)
#include "tst_concurrency.moc"
