#include "ReportCommand.h"

#include <QDir>
#include <QJsonDocument>
#include <QSaveFile>

#include "model/printing/DailyReport.h"
#include "model/office/OfficeSettings.h"
#include "model/statistics/StatisticsCsv.h"
#include "model/statistics/StatisticsJson.h"
#include "model/statistics/StatisticsStore.h"
#include "model/storage/StorageError.h"
#include "model/storage/Timestamp.h"

namespace gongji {

namespace {

QDate dateOf(const QString &text) { return text.size() == 10 ? QDate::fromString(text, Qt::ISODate) : QDate(); }

} // namespace

ReportCommand::ReportCommand()
    : m_from(QStringLiteral("from"), QStringLiteral("The first day of the period (YYYY-MM-DD, the office's calendar)."),
             QStringLiteral("DAY"))
    , m_to(QStringLiteral("to"), QStringLiteral("The last day of the period (YYYY-MM-DD), included."),
           QStringLiteral("DAY"))
    , m_json(QStringLiteral("json"), QStringLiteral("Print the counts as one JSON object."))
    , m_csv(QStringLiteral("csv"), QStringLiteral("Write the counts to FILE as CSV (section,key,measure,value)."),
            QStringLiteral("FILE"))
    , m_pdf(QStringLiteral("pdf"), QStringLiteral("Write the report (日报) to FILE as PDF."), QStringLiteral("FILE"))
{}

QString ReportCommand::usage() const
{
    return QStringLiteral("--from YYYY-MM-DD --to YYYY-MM-DD (--json | --csv FILE | --pdf FILE)");
}

QString ReportCommand::summary() const
{
    return QStringLiteral("The office's statistics of a period as JSON, CSV or the PDF report (日报).");
}

QString ReportCommand::description() const
{
    return QStringLiteral("Counts what the office stored from --from to --to (both days included; a day runs from\n"
                          "midnight to midnight in the office's time zone, UTC+8 unless the desk's settings say\n"
                          "otherwise): filings, targets accepted, targets refused with their codes (refusals shown at\n"
                          "the counter or reported by a committed batch; a check without --commit counts nothing),\n"
                          "revocations by reason and by who asked, automatic ends by cause, kinship bindings and\n"
                          "endings, each also by clerk, by pooling region and by rule set, filings per day, and the\n"
                          "hand-over journal lines still waiting for the platform. These are the numbers of the\n"
                          "statistics screen (管理 → 统计). See docs/statistics.md.\n\n"
                          "--json prints one object (keys filings, targets_accepted, targets_refused, refusals,\n"
                          "revocations, automatic_ends, kinship_bindings, kinship_endings, by_clerk, by_region,\n"
                          "by_rule_set, filings_per_day, journal_waiting, …).\n"
                          "--csv FILE writes them for a spreadsheet, one count a row.\n"
                          "--pdf FILE writes the report (日报): the counts, the charts as bars, the period's\n"
                          "filings and revocations (ID numbers masked) and the supervisor's sign-off line.\n\n"
                          "Needs a supervisor's sign-in (the global --clerk LOGIN, see gongji-admin --help).");
}

void ReportCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addOptions({m_from, m_to, m_json, m_csv, m_pdf});
}

QString ReportCommand::checkUsage(const QCommandLineParser &parser) const
{
    if (!parser.positionalArguments().isEmpty())
        return QStringLiteral("report takes no argument \"%1\"; give the period with --from and --to.")
            .arg(parser.positionalArguments().first());
    if (!parser.isSet(m_from) || !parser.isSet(m_to))
        return QStringLiteral("report needs --from YYYY-MM-DD and --to YYYY-MM-DD.");
    const QDate from = dateOf(parser.value(m_from));
    const QDate to = dateOf(parser.value(m_to));
    if (!from.isValid())
        return QStringLiteral("--from \"%1\" is not a date; write it as YYYY-MM-DD.").arg(parser.value(m_from));
    if (!to.isValid())
        return QStringLiteral("--to \"%1\" is not a date; write it as YYYY-MM-DD.").arg(parser.value(m_to));
    if (to < from)
        return QStringLiteral("--to %1 is before --from %2.").arg(parser.value(m_to), parser.value(m_from));
    const int outputs = int(parser.isSet(m_json)) + int(parser.isSet(m_csv)) + int(parser.isSet(m_pdf));
    if (outputs != 1)
        return QStringLiteral("choose one output: --json, --csv FILE or --pdf FILE.");
    return {};
}

int ReportCommand::run(const QCommandLineParser &parser, const AdminContext &context)
{
    const StatisticsPeriod period{dateOf(parser.value(m_from)), dateOf(parser.value(m_to)),
                                  OfficeSettings::utcOffsetMinutes()};
    const OfficeStatistics stats = StatisticsStore(context.connection).compute(period);
    if (parser.isSet(m_json)) {
        context.out << QString::fromUtf8(QJsonDocument(StatisticsJson::toJson(stats)).toJson(QJsonDocument::Compact))
                    << '\n';
        return ExitOk;
    }
    if (parser.isSet(m_csv)) {
        const QString path = parser.value(m_csv);
        const QByteArray csv = StatisticsCsv::toCsv(stats);
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size() || !file.commit()) {
            context.err << "Cannot write " << QDir::toNativeSeparators(path) << ": " << file.errorString()
                        << ". Check the folder and that you may write there; nothing was written.\n";
            return ExitInputRefused;
        }
        context.out << "Statistics of " << parser.value(m_from) << " to " << parser.value(m_to) << " written to "
                    << QDir::toNativeSeparators(path) << ".\n";
        return ExitOk;
    }
    const QString path = parser.value(m_pdf);
    QString error;
    if (!DailyReport(context.connection, OfficeSettings::load(), context.actor).toPdf(stats, path, &error)) {
        context.err << error << '\n';
        return ExitInputRefused;
    }
    context.out << "Report of " << parser.value(m_from) << " to " << parser.value(m_to) << " written to "
                << QDir::toNativeSeparators(path) << ".\n";
    return ExitOk;
}

} // namespace gongji
