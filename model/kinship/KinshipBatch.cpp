#include "model/kinship/KinshipBatch.h"

#include <QCoreApplication>

#include "model/domain/Relationship.h"
#include "model/kinship/KinshipDraft.h"
#include "model/kinship/KinshipEvaluator.h"
#include "model/kinship/KinshipSubmission.h"
#include "model/csv/CsvFile.h"
#include "model/storage/StorageError.h"

namespace gongji {

namespace {

// lupdate takes the context from this declaration; a helper function would hide it.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(KinshipBatch)
};

enum Column {
    HolderType,
    HolderNumber,
    HolderName,
    MemberType,
    MemberNumber,
    MemberName,
    RelationshipCol,
    FiledOn,
    FaceVerified,
    HouseholdRegisterSeen,
    ColumnCount
};

// A yes/no column; adds a problem naming the column when it is neither.
bool readFlag(const QString &value, const char *column, QStringList &problems)
{
    const QString flag = value.toLower();
    if (flag != QLatin1String("yes") && flag != QLatin1String("no"))
        problems << Text::tr("%1 must be yes or no, found \"%2\".").arg(QLatin1String(column), value);
    return flag == QLatin1String("yes");
}

// Reads the fields of one row into a draft; returns what makes the row unusable. Only problems
// of the file itself are reported here: what the rules decide (ID format, registry, limits) is
// left to the evaluator, which reports it as a refusal code.
QStringList parseRow(QStringList fields, KinshipDraft &draft)
{
    QStringList problems;
    if (fields.size() != ColumnCount) {
        problems << Text::tr("expected %1 columns, found %2; check for a missing or extra comma (a value "
                             "containing a comma must be in quotes).")
                        .arg(ColumnCount)
                        .arg(fields.size());
        return problems;
    }
    for (QString &field : fields)
        field = field.trimmed();

    draft.holderIdType = fields.at(HolderType);
    draft.holderIdNumber = fields.at(HolderNumber);
    draft.holderName = fields.at(HolderName);
    draft.memberIdType = fields.at(MemberType);
    draft.memberIdNumber = fields.at(MemberNumber);
    draft.memberName = fields.at(MemberName);
    // An empty name would switch off the name check against the registry: not from a file.
    if (draft.holderName.isEmpty())
        problems << Text::tr("holder_name is empty; fill in the name as on the ID document.");
    if (draft.memberName.isEmpty())
        problems << Text::tr("member_name is empty; fill in the name as on the ID document.");
    draft.relationship = fields.at(RelationshipCol);
    if (!Relationship::isKnown(draft.relationship))
        problems << Text::tr("unknown relationship \"%1\"; use one of %2.")
                        .arg(draft.relationship, Relationship::allKeywords().join(QStringLiteral(", ")));

    const QString date = fields.at(FiledOn);
    draft.filedOn = date.size() == 10 ? QDate::fromString(date, QStringLiteral("yyyy-MM-dd")) : QDate();
    if (!draft.filedOn.isValid())
        problems << Text::tr("filed_on \"%1\" is not a real date in the form YYYY-MM-DD.").arg(date);
    else if (draft.filedOn > QDate::currentDate())
        problems << Text::tr("filed_on %1 is in the future; give the day the binding was requested.").arg(date);

    draft.faceVerified = readFlag(fields.at(FaceVerified), "face_verified", problems);
    draft.householdRegisterSeen = readFlag(fields.at(HouseholdRegisterSeen), "household_register_seen", problems);
    draft.channel = QStringLiteral("batch");
    return problems;
}

void setFindings(KinshipBatch::RowResult &row, const Findings &findings)
{
    row.codes = refusalNames(findings);
    row.verdict = row.codes.isEmpty() ? QStringLiteral("accepted") : QStringLiteral("refused");
}

} // namespace

KinshipBatch::KinshipBatch(const QString &connection) : m_connection(connection) {}

QString KinshipBatch::expectedHeader()
{
    return QStringLiteral("holder_id_type,holder_id_number,holder_name,member_id_type,member_id_number,"
                          "member_name,relationship,filed_on,face_verified,household_register_seen");
}

KinshipBatch::Result KinshipBatch::run(const QString &path, const Options &options)
{
    Result result;
    CsvFile file;
    const QString wrongHeader = Text::tr("The first row is not the kinship header.\nExpected: %1\nFound:    %2\n"
                                         "Write the file with exactly these columns in this order.");
    if (!file.open(path, expectedHeader(), wrongHeader)) {
        result.fileError = file.error();
        return result;
    }
    CsvReader &reader = file.reader();

    // Every row is read before any is checked: a malformed row stops the whole file, so that a
    // half-understood file never leads to bindings.
    QList<KinshipDraft> drafts;
    QStringList malformed;
    QStringList fields;
    while (reader.readRecord(fields)) {
        KinshipDraft draft;
        draft.clerk = options.clerk;
        for (const QString &problem : parseRow(fields, draft))
            malformed << Text::tr("line %1: %2").arg(QString::number(reader.recordLine()), problem);
        RowResult row;
        row.row = drafts.size() + 1;
        row.line = reader.recordLine();
        result.rows.append(row);
        drafts.append(draft);
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
        const KinshipEvaluator evaluator(m_connection);
        QList<PendingKinship> pending;
        for (int i = 0; i < drafts.size(); ++i) {
            const KinshipVerdict verdict = evaluator.evaluate(drafts.at(i), pending);
            setFindings(result.rows[i], verdict.findings);
            if (!verdict.refused() && verdict.holder && verdict.member)
                pending.append({verdict.holder->id, verdict.member->id});
        }
    } catch (const StorageError &error) {
        // Reading failed while checking: the verdicts are incomplete and nothing was stored.
        result.rows.clear();
        result.fileError = error.userMessage();
        return result;
    }

    if (options.commit) {
        KinshipSubmission submission(m_connection);
        for (int i = 0; i < drafts.size(); ++i) {
            RowResult &row = result.rows[i];
            if (row.verdict != QLatin1String("accepted"))
                continue;
            const KinshipSubmission::Result submitted = submission.submit(drafts.at(i));
            if (submitted.stored()) {
                row.bindingNumber = submitted.number;
                continue;
            }
            if (submitted.verdict.refused()) {
                // Accepted a moment ago, refused now: another counter changed the data in
                // between. Report the new codes and go on with the other rows.
                setFindings(row, submitted.verdict.findings);
                continue;
            }
            // Rows stored before this one stay stored; the caller says which they are.
            result.fileError = submitted.error.isEmpty()
                ? Text::tr("Row %1 could not be stored, without a reason. Nothing more was stored; check "
                           "the database and run the file again.")
                      .arg(row.row)
                : submitted.error;
            return result;
        }
    }
    result.ok = true;
    return result;
}

} // namespace gongji
