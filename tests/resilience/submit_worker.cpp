// One counter process of the concurrency proof: submits one-target filings through
// FilingSubmission (the wizard's path) from a plan, all workers starting at the same moment.
//   gongji-submit-worker DB PLAN START_MS SEED
// PLAN lines: AUTHORIZER_NUMBER TARGET_NUMBER RELATIONSHIP. Prints one line per attempt:
//   stored FILING_NO AUTHORIZER TARGET | refused AUTHORIZER TARGET CODES | failed AUTHORIZER TARGET MESSAGE
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QRandomGenerator>
#include <QThread>

#include <algorithm>
#include <cstdio>

#include "model/filing/FilingSubmission.h"
#include "model/storage/Database.h"

using namespace gongji;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 5) {
        fprintf(stderr, "usage: gongji-submit-worker DB PLAN START_MS SEED\n");
        return 64;
    }
    const QString connection = QStringLiteral("worker");
    const auto opened = Database::open(QString::fromLocal8Bit(argv[1]), connection);
    if (!opened.ok) {
        printf("failed - - %s\n", qPrintable(opened.error));
        return 2;
    }
    QFile planFile(QString::fromLocal8Bit(argv[2]));
    if (!planFile.open(QIODevice::ReadOnly))
        return 2;
    QList<QStringList> plan;
    while (!planFile.atEnd()) {
        const QStringList fields = QString::fromUtf8(planFile.readLine()).simplified().split(QLatin1Char(' '));
        if (fields.size() == 3)
            plan.append(fields);
    }
    QRandomGenerator random(QByteArray(argv[4]).toUInt());
    std::shuffle(plan.begin(), plan.end(), random);

    const qint64 start = QByteArray(argv[3]).toLongLong();
    while (QDateTime::currentMSecsSinceEpoch() < start)
        QThread::msleep(1);

    FilingSubmission submission(connection);
    int failures = 0;
    for (const QStringList &item : plan) {
        FilingDraft draft;
        draft.authorizerIdType = QStringLiteral("01");
        draft.authorizerIdNumber = item.at(0);
        draft.commitmentAcknowledged = true;
        draft.commitmentVersion = QStringLiteral("2024-12");
        draft.commitmentAt = QDateTime::currentDateTimeUtc();
        draft.filedOn = QDate(2026, 11, 2);
        draft.clerk = QStringLiteral("worker"); // ResilienceFixture's clerk account
        TargetEntry target;
        target.relationship = item.at(2);
        target.idType = QStringLiteral("01");
        target.idNumber = item.at(1);
        target.proofs = {QStringLiteral("household_register")};
        target.ageWarningConfirmed = true;
        draft.targets.append(target);
        const SubmissionResult result = submission.submit(draft);
        switch (result.status) {
        case SubmissionResult::Status::Stored:
            printf("stored %s %s %s\n", qPrintable(result.filingNumber), qPrintable(item.at(0)),
                   qPrintable(item.at(1)));
            break;
        case SubmissionResult::Status::Refused:
        case SubmissionResult::Status::NeedsConfirmation:
            printf("refused %s %s %s\n", qPrintable(item.at(0)), qPrintable(item.at(1)),
                   qPrintable(
                       (refusalNames(result.verdict.authorizer.findings) + refusalNames(result.verdict.findingsFor(0)))
                           .join(QLatin1Char(','))));
            break;
        case SubmissionResult::Status::Failed:
            printf("failed %s %s %s\n", qPrintable(item.at(0)), qPrintable(item.at(1)), qPrintable(result.error));
            ++failures;
            break;
        }
        fflush(stdout);
    }
    Database::close(connection);
    return failures == 0 ? 0 : 1;
}
