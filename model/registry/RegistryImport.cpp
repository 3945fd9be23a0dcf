#include "model/registry/RegistryImport.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <QJsonObject>

#include <optional>
#include <utility>

#include "model/accounts/RoleCheck.h"
#include "model/csv/CsvEncoding.h"
#include "model/csv/CsvFile.h"
#include "model/registry/AutomaticBindingEnds.h"
#include "model/registry/RegistryRow.h"
#include "model/storage/AuditLog.h"
#include "model/storage/FileDocumentIndex.h"
#include "model/storage/PersonStore.h"
#include "model/storage/RegistryFirstLoad.h"
#include "model/storage/RegistryStaging.h"
#include "model/storage/ImportPageCache.h"
#include "model/storage/ScratchTransaction.h"
#include "model/storage/SqlDialect.h"
#include "model/storage/StorageError.h"
#include "model/storage/WriteTransaction.h"

namespace gongji {

namespace {

using Document = std::pair<QString, QString>; // (id_type, id_number)
// Listed "same person" problems whose first line is not known yet, by document: their places
// in Result::rowErrors (at most maxListedErrors in all).
using Unplaced = QHash<Document, QList<qsizetype>>;
// What happens to a good row: returns 0, or the line of an earlier row of the same person
// (-1: there is one, its line is not known yet).
using Take = std::function<int(Person &person, int line)>;

void addProblem(RegistryImport::Result &result, int line, const QString &message)
{
    if (result.rowErrors.size() < RegistryImport::maxListedErrors)
        result.rowErrors.append({line, message});
    else
        ++result.moreErrors;
}

QString samePersonMessage(int firstLine)
{
    return QCoreApplication::translate("RegistryImport",
                                       "the same person (ID type and "
                                       "number) as on line %1; keep one row per person.")
        .arg(firstLine);
}

bool openRegistry(CsvFile &file, const QString &path, RegistryImport::Result &result)
{
    const QString wrongHeader = QCoreApplication::translate("RegistryImport",
                                                            "The first row is not the registry header.\n"
                                                            "Expected: %1\nFound:    %2\nExport the registry "
                                                            "with exactly these columns in this order.");
    if (file.open(path, RegistryImport::expectedHeader(), wrongHeader))
        return true;
    result.error = file.error();
    return false;
}

// Reads the file once, row by row: checks each row, lists its problems and hands each good row
// to `take`. Nothing of the file is kept but the problems.
void readRows(const QString &path, const Take &take, const RegistryImport::Progress &progress,
              RegistryImport::Result &result, Unplaced &unplaced)
{
    CsvFile file;
    if (!openRegistry(file, path, result))
        return;
    CsvReader &reader = file.reader();
    QStringList fields;
    const QDate today = QDate::currentDate();
    while (reader.readRecord(fields)) {
        if (progress && !progress(result.rows, 0)) {
            result.cancelled = true;
            return;
        }
        ++result.rows;
        const int line = reader.recordLine();
        Person person;
        const QStringList problems = RegistryRow::read(fields, today, person);
        for (const QString &problem : problems)
            addProblem(result, line, problem);
        if (!problems.isEmpty())
            continue;
        const int first = take(person, line);
        if (first > 0) {
            addProblem(result, line, samePersonMessage(first));
        } else if (first < 0) {
            const bool listed = result.rowErrors.size() < RegistryImport::maxListedErrors;
            addProblem(result, line, QString());
            if (listed)
                unplaced[Document(person.idType, person.idNumber)].append(result.rowErrors.size() - 1);
        }
    }
    result.encoding = CsvEncodings::name(reader.encoding());
    if (reader.hasError())
        result.error = reader.error();
}

// A second reading, only when some listed "same person" problems lack the line of the first
// row: that row is the first good row of the document in the file.
void placeFirstLines(const QString &path, RegistryImport::Result &result, Unplaced &unplaced)
{
    if (unplaced.isEmpty())
        return;
    CsvFile file;
    RegistryImport::Result ignored;
    if (!openRegistry(file, path, ignored))
        return;
    CsvReader &reader = file.reader();
    QStringList fields;
    const QDate today = QDate::currentDate();
    while (!unplaced.isEmpty() && reader.readRecord(fields)) {
        Person person;
        if (!RegistryRow::read(fields, today, person).isEmpty())
            continue;
        const auto found = unplaced.constFind(Document(person.idType, person.idNumber));
        if (found == unplaced.cend())
            continue;
        for (const qsizetype at : *found)
            result.rowErrors[at].message = samePersonMessage(reader.recordLine());
        unplaced.erase(found);
    }
}

// The server finds the same person twice after the COPY; its findings join the row problems in
// the order of the file, the first maxListedErrors of both listed.
void addRepeats(RegistryImport::Result &result, const QList<RegistryStaging::Repeat> &repeats, int total)
{
    QList<RegistryImport::RowError> listed;
    const int all = result.problemCount() + total;
    qsizetype r = 0;
    for (const RegistryImport::RowError &error : std::as_const(result.rowErrors)) {
        for (; r < repeats.size() && repeats.at(r).line < error.line; ++r)
            listed.append({repeats.at(r).line, samePersonMessage(repeats.at(r).firstLine)});
        listed.append(error);
    }
    for (; r < repeats.size(); ++r)
        listed.append({repeats.at(r).line, samePersonMessage(repeats.at(r).firstLine)});
    listed.resize(qMin(listed.size(), qsizetype(RegistryImport::maxListedErrors)));
    result.rowErrors = listed;
    result.moreErrors = all - int(listed.size());
}

// The audit entry of a stored import, in its transaction.
void auditImport(const QString &connection, const QString &actor, const QString &source, qsizetype rows,
                 const RegistryImport::Result &result)
{
    AuditLog(connection)
        .append(actor, AuditAction::RegistryImport, source,
                QJsonObject{{QStringLiteral("rows"), rows},
                            {QStringLiteral("added"), result.added},
                            {QStringLiteral("updated"), result.updated},
                            {QStringLiteral("unchanged"), result.unchanged},
                            {QStringLiteral("bindings_ended"), result.bindingsEnded}});
}

// The transaction has rolled back on leaving its try block: nothing of the file is kept.
RegistryImport::Result storageFailure(const StorageError &error)
{
    RegistryImport::Result result;
    result.failIf(FailureKind::Storage, error.userMessage());
    return result;
}

// How every import ends once its rows are in: the audit entry, the progress's last word (which may
// still cancel), the commit. False when cancelled (the transaction rolls back on leaving).
bool finishImport(WriteTransaction &transaction, const QString &connection, const QString &actor, const QString &source,
                  qsizetype rows, const RegistryImport::Progress &progress, RegistryImport::Result &result)
{
    auditImport(connection, actor, source, rows, result);
    if (progress && !progress(int(rows), int(rows)))
        return false;
    transaction.commit();
    result.succeed();
    return true;
}

RegistryImport::Result cancelledResult()
{
    RegistryImport::Result result;
    result.cancelled = true;
    return result;
}

// Adds or updates one person and counts what happened. A person now terminated, deceased or
// moved out of scope loses their bindings in this same transaction: the import and the ends
// stand or fall together.
void upsertCounted(PersonStore &store, AutomaticBindingEnds &ends, Person &person, const QString &actor,
                   RegistryImport::Result &result)
{
    std::optional<Person> before;
    switch (store.upsert(person, &before)) {
    case PersonStore::UpsertResult::Added:
        ++result.added;
        break;
    case PersonStore::UpsertResult::Unchanged:
        ++result.unchanged;
        break;
    case PersonStore::UpsertResult::Updated:
        ++result.updated;
        if (before)
            result.bindingsEnded += ends.apply(*before, person, actor).total();
        break;
    }
}

} // namespace

RegistryImport::RegistryImport(const QString &connection) : m_connection(connection) {}

QString RegistryImport::expectedHeader()
{
    return QStringLiteral("name,id_type,id_number,sex,birth_date,insurance_type,employment,"
                          "status,pooling_region,balance,public_medical");
}

RegistryImport::Result RegistryImport::check(const QString &path) const
{
    Result result;
    Unplaced unplaced;
    try {
        // What the check writes (the documents met, or the rows on their way to an office
        // server) goes away with the rollback.
        ScratchTransaction scratch(m_connection);
        if (SqlDialect::engineOf(m_connection) == SqlDialect::Engine::PostgreSQL) {
            // The server finds the same person twice, as the import does.
            RegistryStaging staging(m_connection);
            readRows(
                path,
                [&staging](Person &person, int line) {
                    staging.add(person, line);
                    return 0;
                },
                {}, result, unplaced);
            if (result.error.isEmpty()) {
                staging.finishLoading();
                int total = 0;
                const QList<RegistryStaging::Repeat> repeats = staging.repeats(maxListedErrors, &total);
                addRepeats(result, repeats, total);
            }
        } else {
            FileDocumentIndex documents(m_connection);
            readRows(
                path,
                [&documents](Person &person, int line) { return documents.add(person.idType, person.idNumber, line); },
                {}, result, unplaced);
        }
    } catch (const StorageError &error) {
        return storageFailure(error);
    }
    if (result.error.isEmpty() && result.problemCount() == 0)
        result.succeed();
    return result;
}

RegistryImport::Result RegistryImport::importFile(const QString &path, const QString &actor, const Progress &progress)
{
    Result result;
    Unplaced unplaced;
    try {
        const ImportPageCache cache(m_connection);
        WriteTransaction transaction(m_connection);
        if (result.failIf(FailureKind::NotAllowed, RoleCheck(m_connection).refusal(actor, ClerkRole::Supervisor)))
            return result; // a registry import is a supervisor's; nothing was stored
        PersonStore store(m_connection);
        AutomaticBindingEnds ends(m_connection);
        // On an office server the rows go by COPY into a staging table, merged at the end by one
        // statement; the server finds the same person twice there.
        // Into an empty registry (an office's first import) every row is new: on a server they
        // go by COPY straight into the person table; on SQLite one INSERT … ON CONFLICT DO
        // NOTHING a row. The person table's own unique index finds the same person twice (where
        // the first row was is looked up afterwards; on a server the staging path lists them).
        // Otherwise a temporary index of the file's documents finds them, with their first line.
        const bool server = SqlDialect::engineOf(m_connection) == SqlDialect::Engine::PostgreSQL;
        const bool firstImport = store.isEmpty();
        std::optional<RegistryStaging> staging;
        std::optional<RegistryFirstLoad> firstLoad;
        if (server && firstImport)
            firstLoad.emplace(m_connection);
        else if (server)
            staging.emplace(m_connection);
        std::optional<FileDocumentIndex> documents;
        if (!server && !firstImport)
            documents.emplace(m_connection);
        const Take take = [&](Person &person, int line) -> int {
            if (staging) {
                staging->add(person, line);
                return 0;
            }
            if (firstLoad) {
                firstLoad->add(person);
                ++result.added;
                return 0;
            }
            if (firstImport)
                return store.insertIfAbsent(person) ? (++result.added, 0) : -1;
            if (const int first = documents->add(person.idType, person.idNumber, line))
                return first;
            if (result.problemCount() > 0)
                return 0; // the file will not be stored: only its problems are still wanted
            upsertCounted(store, ends, person, actor, result);
            return 0;
        };
        // Leaving without commit() rolls the transaction back: a cancelled or bad file stores nothing.
        readRows(path, take, progress, result, unplaced);
        if (result.cancelled)
            return cancelledResult();
        if (firstLoad && result.error.isEmpty() && result.problemCount() == 0 && !firstLoad->finish()) {
            // The same person twice: nothing of the COPY is kept; the staging path reads the
            // file again and lists every repeat with its first line.
            firstLoad.reset();
            result = Result{};
            unplaced = Unplaced{};
            staging.emplace(m_connection);
            readRows(path, take, progress, result, unplaced);
            if (result.cancelled)
                return cancelledResult();
        }
        if (staging && result.error.isEmpty()) {
            staging->finishLoading();
            int total = 0;
            const QList<RegistryStaging::Repeat> repeats = staging->repeats(maxListedErrors, &total);
            addRepeats(result, repeats, total);
        }
        if (!result.error.isEmpty() || result.problemCount() > 0) {
            placeFirstLines(path, result, unplaced);
            result.added = result.updated = result.unchanged = result.bindingsEnded = 0;
            return result;
        }
        if (staging) {
            const RegistryStaging::Merged merged = staging->merge();
            result.added = merged.added;
            result.updated = merged.updated;
            result.unchanged = result.rows - merged.added - merged.updated;
            // The automatic ends, a page of persons at a time (memory stays bounded).
            for (int line = 0;;) {
                const QList<std::pair<Person, Person>> changed = staging->changedStatusOrRegion(line, 500, &line);
                for (const auto &[before, now] : changed)
                    result.bindingsEnded += ends.apply(before, now, actor).total();
                if (changed.size() < 500)
                    break;
            }
        }
        if (staging)
            staging->clear();
        if (documents)
            documents->drop();
        if (!finishImport(transaction, m_connection, actor, QFileInfo(path).fileName(), result.rows, progress, result))
            return cancelledResult();
    } catch (const StorageError &error) {
        result = storageFailure(error);
    }
    return result;
}

RegistryImport::Result RegistryImport::store(const QList<Person> &persons, const QString &actor, const QString &source,
                                             const Progress &progress)
{
    Result result;
    const int total = int(persons.size());
    try {
        WriteTransaction transaction(m_connection);
        if (result.failIf(FailureKind::NotAllowed, RoleCheck(m_connection).refusal(actor, ClerkRole::Supervisor)))
            return result; // a registry import is a supervisor's; nothing was stored
        PersonStore store(m_connection);
        AutomaticBindingEnds ends(m_connection);
        // Into an empty registry every row is new: one INSERT a row instead of a look-up and an INSERT.
        const bool firstImport = store.isEmpty();
        int done = 0;
        for (Person person : persons) {
            // Leaving without commit() rolls the transaction back: a cancelled import stores nothing.
            if (progress && !progress(done++, total))
                return cancelledResult();
            if (firstImport && store.insertIfAbsent(person))
                ++result.added;
            else
                upsertCounted(store, ends, person, actor, result);
        }
        if (!finishImport(transaction, m_connection, actor, source, total, progress, result))
            return cancelledResult();
    } catch (const StorageError &error) {
        result = storageFailure(error);
    }
    return result;
}

} // namespace gongji
