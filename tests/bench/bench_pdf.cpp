// Rendering a one-target confirmation summary (备案确认单) to PDF: SummaryDocument::build from
// the stored filing + SummaryPdf::write, against a minimal Qt PDF of one short Chinese page
// (QTextDocument + QPdfWriter on A4), the least any PDF from Qt costs.
//   bench_pdf WORKDIR [--runs N]      (QT_QPA_PLATFORM=offscreen is fine)
#include <QDir>
#include <QFileInfo>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>

#include <cstdio>

#include "BenchStats.h"
#include "PopulationGenerator.h"
#include "model/accounts/ClerkAccounts.h"
#include "model/accounts/PasswordHash.h"
#include "model/filing/FilingSubmission.h"
#include "model/printing/SummaryDocument.h"
#include "model/printing/SummaryPdf.h"
#include "model/storage/Database.h"
#include "model/storage/PersonStore.h"
#include "model/storage/WriteTransaction.h"

using namespace gongji;

namespace {

const QString kConnection = QStringLiteral("pdf");

QString submitOneTarget()
{
    PopulationGenerator generator(99, 4);
    auto household = generator.nextHouseholdIn(QStringLiteral("330100"), 2);
    {
        WriteTransaction transaction(kConnection);
        for (auto &member : household.members)
            PersonStore(kConnection).upsert(member.person);
        transaction.commit();
    }
    const Person &head = household.members.at(0).person;
    const Person &spouse = household.members.at(1).person;
    FilingDraft draft;
    draft.authorizerIdType = head.idType;
    draft.authorizerIdNumber = head.idNumber;
    draft.commitmentAcknowledged = true;
    draft.commitmentVersion = QStringLiteral("2024-12");
    draft.commitmentAt = QDateTime::currentDateTimeUtc();
    draft.filedOn = QDate::currentDate();
    draft.clerk = QStringLiteral("bench");
    draft.targets.append({QStringLiteral("spouse"),
                          spouse.idType,
                          spouse.idNumber,
                          spouse.name,
                          {QStringLiteral("marriage_certificate")},
                          false});
    const SubmissionResult result = FilingSubmission(kConnection).submit(draft);
    if (!result.stored()) {
        fprintf(stderr, "bench_pdf: the filing was not stored: %s\n", qPrintable(result.error));
        std::exit(1);
    }
    return result.filingNumber;
}

void minimalPdf(const QString &path)
{
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    QTextDocument document;
    document.setHtml(
        QStringLiteral("<h1>个人账户家庭共济备案确认单</h1><p>备案编号 GJ20261122-0001，授权人 王建国。</p>"));
    QPainter painter(&writer);
    document.setPageSize(QSizeF(writer.width(), writer.height()));
    document.drawContents(&painter);
}

} // namespace

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        fprintf(stderr, "usage: bench_pdf WORKDIR [--runs N]\n");
        return 64;
    }
    const QDir work(args.at(1));
    const int runIndex = int(args.indexOf(QStringLiteral("--runs")));
    const int runs = runIndex > 0 ? args.at(runIndex + 1).toInt() : 50;
    const QString database = work.filePath(QStringLiteral("pdf-bench.sqlite"));
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(database + suffix);
    if (!Database::open(database, kConnection).ok)
        return 2;
    // Filings are made by an account: the new database's first one.
    PasswordHash::setCost(PasswordHash::Cost::TestOnlyMinimum);
    const ClerkAccounts::Result account = ClerkAccounts(kConnection)
                                              .createFirstSupervisor(QStringLiteral("bench"), QStringLiteral("bench"),
                                                                     QStringLiteral("bench-password-1"));
    if (!account.ok) {
        fprintf(stderr, "bench_pdf: cannot create the account \"bench\": %s\n", qPrintable(account.error));
        return 2;
    }
    const QString number = submitOneTarget();
    const OfficeInfo office{QStringLiteral("杭州市医疗保障服务中心"), QStringLiteral("杭州市上城区解放东路18号"),
                            QStringLiteral("3号窗口")};
    const QString summaryPath = work.filePath(QStringLiteral("summary.pdf"));
    const QString minimalPath = work.filePath(QStringLiteral("minimal.pdf"));

    BenchStats model, baseline, modelCpu, baselineCpu;
    QElapsedTimer timer;
    for (int run = 0; run <= runs; ++run) { // run 0 loads fonts and is not counted
        double cpu = BenchStats::threadCpuMicroseconds();
        timer.start();
        const PrintableSummary summary = SummaryDocument(kConnection, office).build(number);
        QString error;
        if (!summary.isValid() || !SummaryPdf::write(summary, summaryPath, &error)) {
            fprintf(stderr, "bench_pdf: %s %s\n", qPrintable(summary.error()), qPrintable(error));
            return 1;
        }
        const double modelMs = timer.nsecsElapsed() / 1e6;
        const double modelCpuMs = (BenchStats::threadCpuMicroseconds() - cpu) / 1000;
        cpu = BenchStats::threadCpuMicroseconds();
        timer.start();
        minimalPdf(minimalPath);
        const double minimalMs = timer.nsecsElapsed() / 1e6;
        const double minimalCpuMs = (BenchStats::threadCpuMicroseconds() - cpu) / 1000;
        if (run > 0) {
            model.add(modelMs);
            baseline.add(minimalMs);
            modelCpu.add(modelCpuMs);
            baselineCpu.add(minimalCpuMs);
        }
    }
    printf("summary PDF: filing %s, %lld bytes; minimal PDF %lld bytes\n", qPrintable(number),
           QFileInfo(summaryPath).size(), QFileInfo(minimalPath).size());
    BenchStats::report(QStringLiteral("summary_pdf"), QStringLiteral("ms"), model, baseline, 0, 100);
    BenchStats::report(QStringLiteral("summary_pdf_cpu"), QStringLiteral("ms"), modelCpu, baselineCpu, 0, 100);
    Database::close(kConnection);
    for (const QString &path : {database, summaryPath, minimalPath})
        QFile::remove(path);
    return 0;
}
