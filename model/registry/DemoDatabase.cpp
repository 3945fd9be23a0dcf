#include "model/registry/DemoDatabase.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

#include "model/accounts/ClerkAccounts.h"
#include "model/domain/IdNumber.h"
#include "model/filing/BindingExpiry.h"
#include "model/filing/BindingRevocation.h"
#include "model/filing/FilingBatch.h"
#include "model/csv/CsvReader.h"
#include "model/registry/RegistryImport.h"
#include "model/domain/RuleSet.h"
#include "model/rules/RuleSetChange.h"
#include "model/storage/AuditLog.h"
#include "model/storage/BindingStore.h"
#include "model/storage/ClerkStore.h"
#include "model/storage/PersonStore.h"
#include "model/storage/RuleSetStore.h"
#include "model/storage/StorageError.h"
#include "model/storage/WriteTransaction.h"

namespace gongji {

namespace {

// The demo's own writes are the demo supervisor's; README gives both accounts' passwords.
const QString DemoClerk = QString::fromLatin1(DemoDatabase::supervisorLogin);
const QString DemoClerkLogin = QString::fromLatin1(DemoDatabase::clerkLogin);
const QString RuleSetsPath = QStringLiteral(":/demo/demo-rule-sets.json");
const QString RegistryPath = QStringLiteral(":/demo/registry.csv");
const QString FilingsPath = QStringLiteral(":/demo/filings.csv");
const QString RevocationsPath = QStringLiteral(":/demo/revocations.csv");

// lupdate takes the context from this declaration; a helper function would hide it.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(DemoDatabase)
};

bool sameRuleSet(const RuleSet &a, const RuleSet &b)
{
    return a.region == b.region && a.effectiveFrom == b.effectiveFrom && a.title == b.title;
}

// The demo-only rule sets. A set already stored (an earlier load stopped half-way) is skipped,
// so loading again never duplicates one. Throws StorageError.
bool insertRuleSets(const QString &connection, QString *error)
{
    QFile file(RuleSetsPath);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = Text::tr("The demo rule sets (%1) cannot be read: %2.").arg(RuleSetsPath, file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isArray()) {
        *error
            = Text::tr("The demo rule sets (%1) are not a JSON array: %2.").arg(RuleSetsPath, parseError.errorString());
        return false;
    }
    QList<RuleSet> sets;
    for (const QJsonValue &value : document.array()) {
        QString problem;
        const std::optional<RuleSet> set = RuleSet::fromJson(value.toObject(), &problem);
        if (!set) {
            *error = Text::tr("A demo rule set in %1 is invalid: %2").arg(RuleSetsPath, problem);
            return false;
        }
        sets.append(*set);
    }

    // Through the one path of every rule-set change (checked, audited as rules_add), by the demo
    // supervisor whose account exists by now.
    const QList<RuleSet> existing = RuleSetStore(connection).all();
    sets.erase(std::remove_if(sets.begin(), sets.end(),
                              [&](const RuleSet &set) {
                                  return std::any_of(existing.begin(), existing.end(),
                                                     [&](const RuleSet &other) { return sameRuleSet(set, other); });
                              }),
               sets.end());
    if (sets.isEmpty())
        return true;
    const RuleSetChange::Result added = RuleSetChange(connection).addAll(sets, DemoClerk);
    if (!added.ok) {
        *error = Text::tr("The demo rule sets could not be stored: %1").arg(added.errors.join(QLatin1Char(' ')));
        return false;
    }
    return true;
}

bool importRegistry(const QString &connection, QString *error)
{
    const RegistryImport::Result result = RegistryImport(connection).importFile(RegistryPath, DemoClerk);
    if (result.ok)
        return true;
    QStringList problems;
    if (!result.error.isEmpty())
        problems << result.error;
    for (const RegistryImport::RowError &row : result.rowErrors)
        problems << Text::tr("line %1: %2").arg(row.line).arg(row.message);
    *error = Text::tr("The demo registry (%1) could not be loaded: %2")
                 .arg(RegistryPath, problems.join(QStringLiteral("; ")));
    return false;
}

// The demo bindings go through the same batch path as an employer's file. Every row must be
// stored: a refused row means the demo data no longer fits the rules, which must not pass silently.
bool fileDemoBindings(const QString &connection, QString *error)
{
    FilingBatch::Options options;
    options.commit = true;
    options.acceptWarnings = false;
    options.clerk = DemoClerk;
    const FilingBatch::Result result = FilingBatch(connection).run(FilingsPath, options);
    if (!result.ok) {
        *error = Text::tr("The demo filings (%1) could not be stored: %2").arg(FilingsPath, result.fileError);
        return false;
    }
    QStringList refused;
    for (const FilingBatch::RowResult &row : result.rows) {
        if (row.filingNumber.isEmpty())
            refused << Text::tr("row %1: %2 %3")
                           .arg(row.row)
                           .arg(row.verdict, (row.codes + row.warnings).join(QLatin1Char(' ')));
    }
    if (!refused.isEmpty()) {
        *error = Text::tr("Demo filings were not stored (%1): %2").arg(FilingsPath, refused.join(QStringLiteral("; ")));
        return false;
    }
    return true;
}

// Ends the demo bindings listed in revocations.csv, so that a cooldown can be seen at once.
bool revokeDemoBindings(const QString &connection, QString *error)
{
    QFile file(RevocationsPath);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = Text::tr("The demo revocations (%1) cannot be read: %2.").arg(RevocationsPath, file.errorString());
        return false;
    }
    static const QStringList header = {QStringLiteral("authorizer_id_type"), QStringLiteral("authorizer_id_number"),
                                       QStringLiteral("target_id_type"),     QStringLiteral("target_id_number"),
                                       QStringLiteral("requested_by"),       QStringLiteral("reason")};
    CsvReader reader(&file);
    if (!reader.readHeader() || reader.header() != header) {
        *error = Text::tr("The demo revocations (%1) do not start with the header %2. %3")
                     .arg(RevocationsPath, header.join(QLatin1Char(',')), reader.error());
        return false;
    }
    PersonStore persons(connection);
    BindingStore bindings(connection);
    BindingRevocation revocation(connection);
    QStringList fields;
    while (reader.readRecord(fields)) {
        const int line = reader.recordLine();
        std::optional<Person> authorizer;
        std::optional<Person> target;
        if (fields.size() == header.size()) {
            authorizer = persons.findByDocument(fields.at(0), IdNumber::check(fields.at(0), fields.at(1)).number);
            target = persons.findByDocument(fields.at(2), IdNumber::check(fields.at(2), fields.at(3)).number);
        }
        const std::optional<MutualAidBinding> binding
            = authorizer && target ? bindings.activeOfPair(authorizer->id, target->id) : std::nullopt;
        if (!binding) {
            *error = Text::tr("%1, line %2: no active demo binding between these two persons.")
                         .arg(RevocationsPath)
                         .arg(line);
            return false;
        }
        const std::optional<EndRequester> requester = EndRequesters::fromKeyword(fields.at(4));
        if (!requester) {
            *error = Text::tr("%1, line %2: requested_by is \"%3\"; write authorizer or target.")
                         .arg(RevocationsPath)
                         .arg(line)
                         .arg(fields.at(4));
            return false;
        }
        const BindingRevocation::Result result = revocation.revoke(binding->id, *requester, fields.at(5), DemoClerk);
        if (!result.ok) {
            *error = Text::tr("%1, line %2: %3").arg(RevocationsPath).arg(line).arg(result.error);
            return false;
        }
    }
    if (reader.hasError()) {
        *error = Text::tr("The demo revocations (%1) cannot be read: %2").arg(RevocationsPath, reader.error());
        return false;
    }
    return true;
}

// The demo accounts, only into a database without accounts (their passwords are public): false
// with nothing changed when other accounts exist. Accounts left by an earlier load that stopped
// half-way are kept. Throws StorageError.
bool addDemoAccounts(const QString &connection, QString *error)
{
    ClerkStore store(connection);
    const QList<ClerkAccount> existing = store.all();
    const auto has = [&](const QString &login, ClerkRole role) {
        return std::any_of(existing.begin(), existing.end(),
                           [&](const ClerkAccount &a) { return a.login == login && a.role == role; });
    };
    const bool adminThere = has(DemoClerk, ClerkRole::Supervisor);
    if (!existing.isEmpty() && !adminThere)
        return false;
    ClerkAccounts accounts(connection);
    ClerkAccounts::Result result;
    if (!adminThere)
        result = accounts.createFirstSupervisor(DemoClerk, QStringLiteral("演示主管"),
                                                QString::fromLatin1(DemoDatabase::supervisorPassword));
    if ((adminThere || result.ok) && !has(DemoClerkLogin, ClerkRole::Clerk))
        result = accounts.add(DemoClerk, DemoClerkLogin, QStringLiteral("演示柜员"), ClerkRole::Clerk,
                              QString::fromLatin1(DemoDatabase::clerkPassword));
    if (!result.ok && !result.error.isEmpty()) {
        *error = Text::tr("The demo accounts could not be created: %1").arg(result.error);
        return false;
    }
    return true;
}

} // namespace

bool DemoDatabase::loadIfEmpty(const QString &connection, QString *error)
{
    QString message;
    bool ok = false;
    try {
        if (!PersonStore(connection).isEmpty())
            return true; // a real or earlier demo registry: never mix demo people into it
        if (!addDemoAccounts(connection, &message)) {
            if (message.isEmpty())
                return true; // an office's own accounts: never add accounts with public passwords to it
            if (error)
                *error = message;
            return false;
        }
        ok = insertRuleSets(connection, &message) && importRegistry(connection, &message)
            && fileDemoBindings(connection, &message) && revokeDemoBindings(connection, &message);
        // A demo binding whose authorization period is already over is ended now, as the
        // next start would: its household shows the expiry at once.
        if (ok)
            BindingExpiry(connection).endExpired(QDate::currentDate());
    } catch (const StorageError &storageError) {
        message = storageError.userMessage();
        ok = false;
    }
    if (!ok && error)
        *error = message;
    return ok;
}

} // namespace gongji
