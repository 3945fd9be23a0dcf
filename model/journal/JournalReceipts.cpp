#include "model/journal/JournalReceipts.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include "model/accounts/RoleCheck.h"
#include "model/domain/IdNumber.h"
#include "model/storage/AuditLog.h"
#include "model/storage/JournalStore.h"
#include "model/storage/StorageError.h"
#include "model/storage/Timestamp.h"
#include "model/storage/WriteTransaction.h"

namespace gongji {

namespace {

// lupdate takes the context from this declaration.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(JournalReceipts)
};

// More problems than this are not listed: the first ones say what is wrong with the file.
constexpr int kProblemsShown = 20;

// The receipt one line holds, or why it holds none.
JournalStore::Receipt parseLine(const QByteArray &text, QString &problem)
{
    JournalStore::Receipt receipt;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        problem = Text::tr("not a JSON object (%1).")
                      .arg(parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                        : Text::tr("another JSON value"));
        return receipt;
    }
    const QJsonObject object = document.object();
    const QJsonValue seq = object.value(QStringLiteral("seq"));
    const double number = seq.toDouble(-1);
    if (!seq.isDouble() || number < 1 || number != double(qint64(number))) {
        problem = Text::tr("\"seq\" must be a whole number of 1 or more.");
        return receipt;
    }
    receipt.seq = qint64(number);
    receipt.result = object.value(QStringLiteral("result")).toString();
    receipt.reason = IdNumber::maskWithin(object.value(QStringLiteral("reason")).toString().trimmed());
    if (receipt.result != QLatin1String("accepted") && receipt.result != QLatin1String("rejected"))
        problem = Text::tr("\"result\" must be \"accepted\" or \"rejected\".");
    else if (receipt.result == QLatin1String("rejected") && receipt.reason.isEmpty())
        problem = Text::tr("a rejection needs its \"reason\".");
    else if (receipt.result == QLatin1String("accepted"))
        receipt.reason.clear();
    return receipt;
}

} // namespace

JournalReceipts::JournalReceipts(const QString &connection) : m_connection(connection) {}

JournalReceipts::Result JournalReceipts::record(const QString &path, const QString &actor)
{
    Result result;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.failIf(FailureKind::Input, Text::tr("Cannot read %1: %2.").arg(path, file.errorString()));
        return result;
    }
    try {
        WriteTransaction transaction(m_connection);
        if (result.failIf(FailureKind::NotAllowed, RoleCheck(m_connection).refusal(actor, ClerkRole::Supervisor)))
            return result;
        JournalStore store(m_connection);
        QStringList problems;
        QHash<qint64, int> lineOf; // seq → the line that answered it
        QList<JournalStore::Receipt> fresh;
        int lineNumber = 0;
        while (!file.atEnd()) {
            ++lineNumber;
            const QByteArray text = file.readLine().trimmed();
            if (text.isEmpty())
                continue;
            QString problem;
            const JournalStore::Receipt receipt = parseLine(text, problem);
            if (problem.isEmpty()) {
                std::optional<JournalStore::Receipt> stored;
                if (lineOf.contains(receipt.seq))
                    problem = Text::tr("a second answer for seq %1 (the first is on line %2).")
                                  .arg(receipt.seq)
                                  .arg(lineOf.value(receipt.seq));
                else if (!store.exists(receipt.seq))
                    problem
                        = Text::tr("seq %1 is not in the journal; check that the file answers this office's export.")
                              .arg(receipt.seq);
                else if ((stored = store.receiptOf(receipt.seq))
                         && (stored->result != receipt.result || stored->reason != receipt.reason))
                    problem = Text::tr("a second answer for seq %1: it was already answered \"%2\".")
                                  .arg(receipt.seq)
                                  .arg(stored->result);
                lineOf.insert(receipt.seq, lineNumber);
                if (problem.isEmpty() && stored)
                    ++result.alreadyRecorded;
                else if (problem.isEmpty())
                    fresh.append(receipt);
            }
            if (!problem.isEmpty())
                problems << Text::tr("line %1: %2").arg(lineNumber).arg(problem);
        }
        if (!problems.isEmpty()) {
            const qsizetype total = problems.size();
            problems = problems.mid(0, kProblemsShown);
            if (total > kProblemsShown)
                problems << Text::tr("… and %1 more.").arg(total - kProblemsShown);
            result.failIf(FailureKind::Input,
                          Text::tr("The receipts file was not taken; nothing was recorded:\n%1")
                              .arg(problems.join(QLatin1Char('\n'))));
            return result;
        }
        const QDateTime now = Timestamp::now();
        for (const JournalStore::Receipt &receipt : std::as_const(fresh)) {
            store.insertReceipt(receipt, now, actor);
            ++(receipt.result == QLatin1String("accepted") ? result.accepted : result.rejected);
        }
        AuditLog(m_connection)
            .append(actor, AuditAction::JournalReceipts, QFileInfo(path).fileName(),
                    QJsonObject{{QStringLiteral("accepted"), result.accepted},
                                {QStringLiteral("rejected"), result.rejected},
                                {QStringLiteral("already_recorded"), result.alreadyRecorded}});
        transaction.commit();
        result.succeed();
    } catch (const StorageError &error) {
        result = Result{};
        result.failIf(FailureKind::Storage, error.userMessage());
    }
    return result;
}

} // namespace gongji
