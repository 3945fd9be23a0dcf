#include "model/filing/FilingBatch.h"

#include <QCoreApplication>
#include <QHash>
#include <QThread>

#include "model/domain/Money.h"
#include "model/domain/Relationship.h"
#include "model/filing/CommitmentLetter.h"
#include "model/filing/FilingDraft.h"
#include "model/filing/FilingSubmission.h"
#include "model/csv/CsvFile.h"
#include "model/filing/FilingEvaluator.h"
#include "model/filing/RefusalTally.h"
#include "model/storage/StorageError.h"
#include "model/storage/Timestamp.h"

namespace gongji {

namespace {

enum Column {
    AuthorizerType,
    AuthorizerNumber,
    AuthorizerName,
    TargetType,
    TargetNumber,
    TargetName,
    RelationshipCol,
    FiledOn,
    Commitment,
    ColumnCount,
    // Optional, after commitment: all of FilingBatch::optionalColumns() or none.
    ValidUntil = ColumnCount,
    Quota
};

// A data row read from the file: where it is, the one-target draft it stands for, and the
// authorizer it resolved to (set once it is accepted).
struct BatchRow
{
    int index = 0; // into Result::rows
    FilingDraft draft;
    qint64 authorizerId = 0;
    QString poolingRegion; // the authorizer's, for the refusal count
    qint64 ruleSetId = 0;
};

// Reads the fields of one row into a one-target draft; returns what makes the row unusable.
// Only problems of the file itself are reported here: anything the rules decide (ID format,
// registry, eligibility) is left to the evaluator, which reports it as a refusal code.
QStringList parseRow(QStringList fields, int columns, FilingDraft &draft)
{
    QStringList problems;
    if (fields.size() != columns) {
        problems << QCoreApplication::translate("FilingBatch",
                                                "expected %1 columns, found %2; check for a missing or "
                                                "extra comma (a value containing a comma must be in "
                                                "quotes).")
                        .arg(columns)
                        .arg(fields.size());
        return problems;
    }
    for (QString &field : fields)
        field = field.trimmed();

    draft.authorizerIdType = fields.at(AuthorizerType);
    draft.authorizerIdNumber = fields.at(AuthorizerNumber);
    draft.authorizerName = fields.at(AuthorizerName);
    // An empty name would switch off the name check against the registry: not from a file.
    if (draft.authorizerName.isEmpty())
        problems << QCoreApplication::translate("FilingBatch",
                                                "authorizer_name is empty; fill in the name as on the ID document.");

    TargetEntry target;
    target.idType = fields.at(TargetType);
    target.idNumber = fields.at(TargetNumber);
    target.name = fields.at(TargetName);
    if (target.name.isEmpty())
        problems << QCoreApplication::translate("FilingBatch",
                                                "target_name is empty; fill in the name as on the ID document.");
    target.relationship = fields.at(RelationshipCol);
    if (columns > ValidUntil && !fields.at(ValidUntil).isEmpty()) {
        const QString until = fields.at(ValidUntil);
        target.validUntil = until.size() == 10 ? QDate::fromString(until, QStringLiteral("yyyy-MM-dd")) : QDate();
        if (!target.validUntil.isValid())
            problems << QCoreApplication::translate("FilingBatch",
                                                    "valid_until \"%1\" (column %2) is not a real date in the form "
                                                    "YYYY-MM-DD; leave it empty for no end.")
                            .arg(until)
                            .arg(ValidUntil + 1);
    }
    if (columns > Quota && !fields.at(Quota).isEmpty()) {
        // Yuan with "." and at most 2 decimals, as in the registry file; empty: no quota (共济额度).
        target.quotaFen = Money::parseYuan(fields.at(Quota));
        if (!target.quotaFen)
            problems << QCoreApplication::translate(
                            "FilingBatch",
                            "quota \"%1\" (column %2) is not an amount in yuan such as 1500 or "
                            "1500.50 (\".\" and at most 2 decimals, no thousands separator); leave it "
                            "empty for no quota.")
                            .arg(fields.at(Quota))
                            .arg(Quota + 1);
    }
    if (!Relationship::isKnown(target.relationship))
        problems << QCoreApplication::translate("FilingBatch", "unknown relationship \"%1\"; use one of %2.")
                        .arg(target.relationship, Relationship::allKeywords().join(QStringLiteral(", ")));
    draft.targets = {target};

    const QString date = fields.at(FiledOn);
    draft.filedOn = date.size() == 10 ? QDate::fromString(date, QStringLiteral("yyyy-MM-dd")) : QDate();
    if (!draft.filedOn.isValid())
        problems << QCoreApplication::translate("FilingBatch",
                                                "filed_on \"%1\" is not a real date in the form "
                                                "YYYY-MM-DD.")
                        .arg(date);
    else if (draft.filedOn > QDate::currentDate())
        problems << QCoreApplication::translate("FilingBatch",
                                                "filed_on %1 is in the future; give the day the filing "
                                                "was signed.")
                        .arg(date);

    const QString commitment = fields.at(Commitment).toLower();
    if (commitment != QLatin1String("yes") && commitment != QLatin1String("no"))
        problems << QCoreApplication::translate("FilingBatch", "commitment must be yes or no, found \"%1\".")
                        .arg(fields.at(Commitment));
    draft.commitmentAcknowledged = commitment == QLatin1String("yes");
    // The employer collected the signed letter of the current version; the system learns of it
    // now, so that is the time it can vouch for.
    if (draft.commitmentAcknowledged) {
        draft.commitmentVersion = CommitmentLetter::version();
        draft.commitmentAt = QDateTime::currentDateTimeUtc();
    }
    draft.channel = QStringLiteral("batch");
    return problems;
}

void setFindings(FilingBatch::RowResult &row, const Findings &findings, bool acceptWarnings)
{
    row.codes = refusalNames(findings);
    row.warnings = warningNames(findings);
    row.conflicts.clear();
    for (const Finding &finding : findings) {
        if (finding.conflict)
            row.conflicts.append(finding);
    }
    if (!row.codes.isEmpty())
        row.verdict = QStringLiteral("refused");
    else if (!row.warnings.isEmpty() && !acceptWarnings)
        row.verdict = QStringLiteral("needs_confirmation");
    else
        row.verdict = QStringLiteral("accepted");
}

// Stores the accepted rows, one filing per authorizer and filed_on in order of first appearance,
// through FilingSubmission, which checks again inside its transaction. Returns false with
// fileError set when storing failed; filings stored before that stay stored.
bool commitAccepted(const QString &connection, const QList<BatchRow> &rows, const FilingBatch::Options &options,
                    FilingBatch::Result &result)
{
    QList<QList<int>> groups; // row indexes
    QHash<QString, int> groupOf;
    for (const BatchRow &row : rows) {
        if (row.authorizerId == 0)
            continue; // not accepted
        const QString key
            = QString::number(row.authorizerId) + QLatin1Char('|') + row.draft.filedOn.toString(Qt::ISODate);
        const auto found = groupOf.constFind(key);
        if (found == groupOf.constEnd()) {
            groupOf.insert(key, groups.size());
            groups.append(QList<int>{row.index});
        } else {
            groups[found.value()].append(row.index);
        }
    }

    FilingSubmission submission(connection);
    // One attempt a second: a restarting server is waited for half a minute, no longer.
    constexpr int kLostAttempts = 30;
    int lostAttempts = 0;
    for (QList<int> members : std::as_const(groups)) {
        while (!members.isEmpty()) {
            FilingDraft draft = rows.at(members.first()).draft;
            draft.targets.clear();
            for (int index : std::as_const(members))
                draft.targets.append(rows.at(index).draft.targets.first());
            const SubmissionResult submitted = submission.submit(draft);
            if (submitted.stored()) {
                lostAttempts = 0;
                for (int index : std::as_const(members))
                    result.rows[index].filingNumber = submitted.filingNumber;
                break;
            }
            if (submitted.status == SubmissionResult::Status::Failed) {
                // The office server restarted while this filing was being stored and it is known
                // not to be there: the next attempt reconnects (a few, then the batch stops).
                if (submitted.reached == SubmissionResult::Reached::Absent && ++lostAttempts <= kLostAttempts) {
                    QThread::msleep(1000);
                    continue;
                }
                result.fileError = submitted.error;
                return false;
            }
            // Refused now though accepted a moment ago: another counter changed the data in
            // between. Report the rows it refuses with the new codes; submit the others again.
            const FilingVerdict &verdict = submitted.verdict;
            QList<int> remaining;
            for (int t = 0; t < members.size(); ++t) {
                const bool accepted = t < verdict.targets.size() && verdict.targetAccepted(t, options.acceptWarnings);
                if (accepted) {
                    remaining.append(members.at(t));
                    continue;
                }
                const Findings findings
                    = t < verdict.targets.size() ? verdict.findingsFor(t) : verdict.authorizer.findings;
                setFindings(result.rows[members.at(t)], findings, options.acceptWarnings);
            }
            if (remaining.size() == members.size()) {
                // Refused without naming a row: retrying would loop, so stop and say so.
                result.fileError
                    = QCoreApplication::translate("FilingBatch",
                                                  "The filing of row %1 was refused when stored, without a "
                                                  "reason for any row. Nothing more was stored; check the "
                                                  "database and run the file again.")
                          .arg(result.rows.at(members.first()).row);
                return false;
            }
            members = remaining;
        }
    }
    return true;
}

} // namespace

FilingBatch::FilingBatch(const QString &connection) : m_connection(connection) {}

QString FilingBatch::expectedHeader()
{
    return QStringLiteral("authorizer_id_type,authorizer_id_number,authorizer_name,"
                          "target_id_type,target_id_number,target_name,relationship,filed_on,"
                          "commitment");
}

QStringList FilingBatch::optionalColumns() { return {QStringLiteral("valid_until"), QStringLiteral("quota")}; }

QString FilingBatch::extendedHeader()
{
    return expectedHeader() + QLatin1Char(',') + optionalColumns().join(QLatin1Char(','));
}

FilingBatch::Result FilingBatch::run(const QString &path, const Options &options)
{
    Result result;
    CsvFile file;
    const QString wrongHeader = QCoreApplication::translate("FilingBatch",
                                                            "The first row is not the filings header.\n"
                                                            "Expected: %1\nFound:    %2\nWrite the file with "
                                                            "exactly these columns in this order.");
    if (!file.open(path, QStringList{expectedHeader(), extendedHeader()}, wrongHeader)) {
        result.fileError = file.error();
        return result;
    }
    const int columns = ColumnCount + (file.headerIndex() == 1 ? int(optionalColumns().size()) : 0);
    CsvReader &reader = file.reader();

    // Every row is read before any is checked: a malformed row stops the whole file, so that
    // a half-understood file never leads to filings.
    QList<BatchRow> rows;
    QStringList malformed;
    QStringList fields;
    while (reader.readRecord(fields)) {
        BatchRow row;
        row.index = rows.size();
        row.draft.clerk = options.clerk;
        const QStringList problems = parseRow(fields, columns, row.draft);
        for (const QString &problem : problems)
            malformed << QCoreApplication::translate("FilingBatch", "line %1: %2")
                             .arg(QString::number(reader.recordLine()), problem);
        RowResult rowResult;
        rowResult.row = rows.size() + 1;
        rowResult.line = reader.recordLine();
        result.rows.append(rowResult);
        rows.append(row);
    }
    result.encoding = CsvEncodings::name(reader.encoding());
    if (reader.hasError())
        malformed << reader.error();
    if (!malformed.isEmpty()) {
        result.rows.clear();
        result.fileError = malformed.join(QLatin1Char('\n'));
        return result;
    }

    try {
        // Rows in file order; each sees the earlier accepted rows as if they were stored.
        FilingEvaluator evaluator(m_connection);
        QList<PendingBinding> pending;
        QHash<qint64, Person> pendingPersons; // the persons of `pending`, as the checks name them
        for (BatchRow &row : rows) {
            TargetEntry &target = row.draft.targets.first();
            target.ageWarningConfirmed = options.acceptWarnings;
            FilingNeighbourhood around = evaluator.read(row.draft);
            around.persons.insert(pendingPersons);
            const AuthorizerVerdict authorizer = FilingEvaluator::checkAuthorizer(row.draft, around);
            const TargetVerdict verdict
                = FilingEvaluator::checkTarget(authorizer, target, row.draft.filedOn, pending, around);
            RowResult &out = result.rows[row.index];
            row.poolingRegion = authorizer.person ? authorizer.person->poolingRegion : QString();
            row.ruleSetId = authorizer.ruleSet ? authorizer.ruleSet->id : 0;
            setFindings(out, authorizer.findings + verdict.findings, options.acceptWarnings);
            if (out.verdict == QLatin1String("accepted") && authorizer.person && verdict.person) {
                row.authorizerId = authorizer.person->id;
                pending.append({authorizer.person->id, verdict.person->id, target.relationship, out.row,
                                target.quotaFen.value_or(0)});
                pendingPersons.insert(authorizer.person->id, *authorizer.person);
                pendingPersons.insert(verdict.person->id, *verdict.person);
            }
        }
        if (options.commit) {
            const bool committed = commitAccepted(m_connection, rows, options, result);
            // A committed batch counts its refused rows (docs/statistics.md); a check alone counts nothing.
            QList<RefusalStore::RefusedTarget> refused;
            for (const BatchRow &row : std::as_const(rows)) {
                const RowResult &out = result.rows.at(row.index);
                if (out.verdict == QLatin1String("refused"))
                    refused.append({Timestamp::now(), options.clerk, QStringLiteral("batch"), row.poolingRegion,
                                    row.ruleSetId, out.codes});
            }
            RefusalTally(m_connection).record(refused);
            if (!committed)
                return result;
        }
    } catch (const StorageError &error) {
        // Reading failed while checking (submissions catch their own failures): the verdicts
        // are incomplete and nothing was stored, so none is reported.
        result.rows.clear();
        result.fileError = error.userMessage();
        return result;
    }
    result.ok = true;
    return result;
}

} // namespace gongji
