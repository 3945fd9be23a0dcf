// gongji-bench-generate: builds an office-sized database (or registry CSV) for the benchmarks.
//   gongji-bench-generate --db FILE [--persons N] [--active N] [--ended N] [--seed S] [--lookups F]
//   gongji-bench-generate --db postgresql://USER@HOST:PORT/DB --lookups F [--persons N] …
//   gongji-bench-generate --registry-csv FILE [--persons N] [--seed S]
// The database (a new file, or an empty database on an office server) gets the model's schema
// (Database::open, migrations) and is filled through BulkLoader, in one transaction: on the
// server by COPY. The lookups file (default FILE.lookups.txt) lists ID numbers of people with
// bindings, for the lookups. The same seed gives the same data on both engines.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>

#include "PopulationGenerator.h"
#include "model/domain/IdNumber.h"
#include "BulkLoader.h"
#include "model/storage/Database.h"
#include "model/storage/DatabaseLocation.h"
#include "model/storage/PersonStore.h"
#include "model/storage/RuleSetStore.h"
#include "model/storage/StorageError.h"

using namespace gongji;

namespace {

struct Counts
{
    qint64 persons = 0, households = 0, active = 0, ended = 0, filings = 0;
};

QString money(qint64 fen) { return QStringLiteral("%1.%2").arg(fen / 100).arg(fen % 100, 2, 10, QLatin1Char('0')); }

int writeRegistryCsv(const QString &path, qint64 persons, quint64 seed)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        fprintf(stderr, "cannot write %s\n", qPrintable(path));
        return 1;
    }
    QTextStream out(&file);
    out << "name,id_type,id_number,sex,birth_date,insurance_type,employment,status,pooling_region,balance,public_"
           "medical\n";
    PopulationGenerator generator(seed, 1);
    qint64 written = 0;
    while (written < persons) {
        const auto household = generator.nextHousehold(int(qMin<qint64>(persons - written, generator.random(2, 6))));
        for (const auto &member : household.members) {
            const Person &p = member.person;
            // Sex and birth date left empty on a third of the rows: the number carries them.
            const bool derive = written % 3 == 0;
            out << p.name << ',' << p.idType << ',' << p.idNumber << ',' << (derive ? QString() : QString(p.sex)) << ','
                << (derive ? QString() : p.birthDate.toString(Qt::ISODate)) << ',' << p.insuranceType << ','
                << p.employment << ',' << p.status << ',' << p.poolingRegion << ','
                << (p.isEmployee() ? money(p.balanceFen) : QString()) << ",0\n";
            ++written;
        }
    }
    out.flush();
    printf("registry CSV: %lld rows in %s\n", written, qPrintable(path));
    return file.error() == QFile::NoError ? 0 : 1;
}

class DayNumbers
{
public:
    QString next(const QDate &day)
    {
        const int sequence = ++m_sequence[day.toJulianDay()];
        return QStringLiteral("GJ%1-%2")
            .arg(day.toString(QStringLiteral("yyyyMMdd")))
            .arg(sequence, 4, 10, QLatin1Char('0'));
    }

private:
    QHash<qint64, int> m_sequence;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("Database file to create."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption csvOption(QStringLiteral("registry-csv"), QStringLiteral("Registry CSV to write instead."),
                                       QStringLiteral("FILE"));
    const QCommandLineOption personsOption(QStringLiteral("persons"), QStringLiteral("Insured persons."),
                                           QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption activeOption(QStringLiteral("active"), QStringLiteral("Active bindings."),
                                          QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption endedOption(QStringLiteral("ended"), QStringLiteral("Ended bindings."),
                                         QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Random seed."), QStringLiteral("S"),
                                        QStringLiteral("20261122"));
    const QCommandLineOption lookupsOption(QStringLiteral("lookups"),
                                           QStringLiteral("ID numbers to look up are written here (default "
                                                          "FILE.lookups.txt; needed for a server)."),
                                           QStringLiteral("FILE"));
    parser.addOptions({dbOption, csvOption, personsOption, activeOption, endedOption, seedOption, lookupsOption});
    parser.process(app);
    const qint64 persons = parser.value(personsOption).toLongLong();
    const qint64 activeWanted = parser.value(activeOption).toLongLong();
    const qint64 endedWanted = parser.value(endedOption).toLongLong();
    const quint64 seed = parser.value(seedOption).toULongLong();
    if (parser.isSet(csvOption))
        return writeRegistryCsv(parser.value(csvOption), persons, seed);
    if (!parser.isSet(dbOption)) {
        fprintf(stderr, "gongji-bench-generate: give --db FILE or --registry-csv FILE\n");
        return 64;
    }
    const QString path = parser.value(dbOption);
    const bool server = DatabaseLocation::parse(path).isServer;
    if (server && !parser.isSet(lookupsOption)) {
        fprintf(stderr, "gongji-bench-generate: give --lookups FILE for a server database\n");
        return 64;
    }
    if (!server && QFile::exists(path)) {
        fprintf(stderr, "gongji-bench-generate: %s exists; remove it first\n", qPrintable(path));
        return 1;
    }
    const QString connection = QStringLiteral("generate");
    // A server's schema is created as gongji-admin setup-office does: only when asked for.
    Database::Options options;
    options.upgradeServerSchema = true;
    const auto opened = Database::open(path, connection, options);
    if (!opened.ok) {
        fprintf(stderr, "%s\n", qPrintable(opened.error));
        return 2;
    }
    if (server && !PersonStore(connection).isEmpty()) {
        fprintf(stderr, "gongji-bench-generate: %s already holds persons; give a new database\n", qPrintable(path));
        return 1;
    }

    QElapsedTimer timer;
    timer.start();
    Counts counts;
    QFile lookups(parser.isSet(lookupsOption) ? parser.value(lookupsOption) : path + QStringLiteral(".lookups.txt"));
    lookups.open(QIODevice::WriteOnly | QIODevice::Truncate);
    QTextStream lookupOut(&lookups);
    try {
        RuleSetStore rules(connection);
        QHash<QString, qint64> ruleCache;
        auto ruleFor = [&](const QString &region, const QDate &day) {
            const QString key = region + day.toString(Qt::ISODate);
            if (!ruleCache.contains(key)) {
                const auto rule = rules.resolve(region, day);
                if (!rule)
                    throw StorageError(StorageError::Kind::Other,
                                       QStringLiteral("no rule set for %1 on %2").arg(region, key));
                ruleCache.insert(key, rule->id);
            }
            return ruleCache.value(key);
        };
        PopulationGenerator generator(seed, 0);
        DayNumbers numbers;
        BulkLoader loader(connection);
        loader.begin();
        const QDate firstDay(2025, 6, 1); // the ended bindings start up to 150 days earlier
        const int days = int(firstDay.daysTo(QDate(2026, 10, 31)));

        auto fileBindings = [&](const Person &authorizer, const QList<QPair<const Person *, QString>> &targets,
                                const QDate &day, bool ended) {
            Filing filing;
            filing.number = numbers.next(day);
            filing.authorizerId = authorizer.id;
            filing.clerk = QStringLiteral("clerk%1").arg(generator.random(1, 40), 2, 10, QLatin1Char('0'));
            filing.channel = generator.random(0, 9) == 0 ? QStringLiteral("batch") : QStringLiteral("counter");
            filing.filedAt = QDateTime(day, QTime(1, 0).addSecs(generator.random(0, 8 * 3600)), Qt::UTC);
            filing.effectiveOn = day;
            filing.ruleSetId = ruleFor(authorizer.poolingRegion, day);
            filing.commitmentVersion = QStringLiteral("2024-12");
            filing.commitmentAt = filing.filedAt.addSecs(-120);
            loader.addFiling(filing);
            ++counts.filings;
            QJsonArray detailTargets;
            for (const auto &[target, relationship] : targets) {
                MutualAidBinding binding;
                binding.filingId = filing.id;
                binding.authorizerId = authorizer.id;
                binding.targetId = target->id;
                binding.relationship = relationship;
                binding.proofs = {relationship == QLatin1String("spouse") ? QStringLiteral("marriage_certificate")
                                                                          : QStringLiteral("household_register")};
                binding.ruleSetId = filing.ruleSetId;
                binding.startedAt = filing.filedAt;
                if (ended) {
                    binding.endedAt = filing.filedAt.addDays(generator.random(10, 120));
                    binding.endedBy = filing.clerk;
                    binding.endRequestedBy = EndRequester::Authorizer;
                    binding.endReason = QStringLiteral("revoked at the counter");
                }
                loader.addBinding(binding);
                detailTargets.append(QJsonObject{{QStringLiteral("binding_id"), binding.id},
                                                 {QStringLiteral("target"), IdNumber::mask(target->idNumber)},
                                                 {QStringLiteral("relationship"), relationship}});
                ended ? ++counts.ended : ++counts.active;
            }
            const QJsonObject detail{{QStringLiteral("authorizer"), IdNumber::mask(authorizer.idNumber)},
                                     {QStringLiteral("channel"), filing.channel},
                                     {QStringLiteral("rule_set_id"), filing.ruleSetId},
                                     {QStringLiteral("targets"), detailTargets}};
            loader.addAudit(filing.filedAt.toString(Qt::ISODateWithMs), filing.clerk, QStringLiteral("filing"),
                            filing.number, QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact)));
        };

        while (counts.persons < persons) {
            const int size = int(qMin<qint64>(persons - counts.persons, generator.random(2, 6)));
            auto household = generator.nextHousehold(qMax(size, 2));
            while (household.members.size() > size)
                household.members.removeLast();
            for (auto &member : household.members)
                loader.addPerson(member.person);
            counts.persons += household.members.size();
            ++counts.households;
            if (household.members.size() < 2)
                continue;
            const Person &head = household.members.first().person;
            const QDate day = firstDay.addDays(generator.random(0, days));
            // An older binding of the head to the last member, revoked, then bound again below.
            if (counts.ended < endedWanted && household.members.size() >= 3)
                fileBindings(head, {{&household.members.last().person, household.members.last().relationship}},
                             day.addDays(-150), true);
            QList<QPair<const Person *, QString>> headTargets;
            for (int i = 1; i < household.members.size() && counts.active + headTargets.size() < activeWanted; ++i)
                headTargets.append({&household.members.at(i).person, household.members.at(i).relationship});
            if (!headTargets.isEmpty())
                fileBindings(head, headTargets, day, false);
            // An employed spouse also authorizes the head and the children, except where a
            // target may have only one authorizer (浙江).
            const Person &spouse = household.members.at(1).person;
            if (spouse.isEmployee() && spouse.poolingRegion != QLatin1String("330100")) {
                QList<QPair<const Person *, QString>> spouseTargets;
                if (counts.active < activeWanted)
                    spouseTargets.append({&head, QStringLiteral("spouse")});
                for (int i = 2; i < household.members.size(); ++i)
                    if (household.members.at(i).relationship == QLatin1String("child")
                        && counts.active + spouseTargets.size() < activeWanted)
                        spouseTargets.append({&household.members.at(i).person, QStringLiteral("child")});
                if (!spouseTargets.isEmpty())
                    fileBindings(spouse, spouseTargets, day.addDays(generator.random(0, 30)), false);
            }
            // Every 125th household is looked up: its head, spouse or another member.
            if (counts.households % 125 == 0)
                lookupOut
                    << household.members.at(generator.random(0, int(household.members.size()) - 1)).person.idNumber
                    << '\n';
            if (counts.households % 50000 == 0)
                fprintf(stderr, "  %lld persons, %lld active, %lld ended, %.0f s\n", counts.persons, counts.active,
                        counts.ended, timer.elapsed() / 1000.0);
        }
        loader.commit();
        loader.settle();
    } catch (const StorageError &error) {
        fprintf(stderr, "gongji-bench-generate: %s\n", qPrintable(error.message()));
        return 3;
    }
    lookupOut.flush();
    Database::close(connection);
    printf("database %s: %lld persons in %lld households, %lld active and %lld ended bindings, %lld filings, %.1f s\n",
           qPrintable(path), counts.persons, counts.households, counts.active, counts.ended, counts.filings,
           timer.elapsed() / 1000.0);
    if (counts.active < activeWanted || counts.ended < endedWanted)
        fprintf(stderr, "warning: fewer bindings than asked for (the households had no room for more)\n");
    return 0;
}
