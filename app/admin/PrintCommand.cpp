#include "PrintCommand.h"

#include "model/office/OfficeSettings.h"
#include "model/printing/SummaryPrintJob.h"

namespace gongji {

namespace {
const QString kPdf = QStringLiteral("pdf");
const QString kRevocation = QStringLiteral("revocation");
const QString kKinship = QStringLiteral("kinship");
const QString kQuotaChange = QStringLiteral("quota-change");
const QString kLang = QStringLiteral("lang");
const QString kOffice = QStringLiteral("office");
const QString kAddress = QStringLiteral("office-address");
const QString kCounter = QStringLiteral("counter");
} // namespace

QString PrintCommand::summary() const
{
    return QStringLiteral("Print a filing's, a revocation's, a quota change's or a kinship binding's confirmation "
                          "summary to PDF (a reprint is marked 补打).");
}

QString PrintCommand::description() const
{
    return QStringLiteral(
        "Writes the confirmation summary of a stored filing (个人账户家庭共济备案确认单), given by its\n"
        "filing number; with --revocation the summary of an ended binding (解除确认单), given by\n"
        "its binding id (see `household`); with --kinship the confirmation of a kinship-account\n"
        "binding (医保亲情账户绑定确认单), given by its QQ… number; with --quota-change the summary\n"
        "of a change of a quota (额度调整确认单), given by the change number that set-quota prints.\n"
        "The PDF is A4 and the same document the desk prints, built from the stored data. ID\n"
        "numbers are masked. Every print is written to the audit log; any print after the first\n"
        "is marked 补打 (reprint) with its print time.\n"
        "Needs a clerk's sign-in (the global --clerk LOGIN, see gongji-admin --help): the audit\n"
        "log names who printed.\n"
        "The office name, address and counter come from the desk's settings unless given here.\n"
        "Exit code 1 when there is no such filing, ended binding, quota change or kinship binding,\n"
        "or the PDF\n"
        "cannot be written.");
}

void PrintCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(QStringLiteral("FILING_NO"),
                                 QStringLiteral("The filing number, e.g. GJ20261122-0001."));
    parser.addOption({kPdf, QStringLiteral("Write the summary to this PDF file."), QStringLiteral("OUT.pdf")});
    parser.addOption({kRevocation, QStringLiteral("Print the revocation summary of this ended binding instead."),
                      QStringLiteral("BINDING_ID")});
    parser.addOption({kKinship, QStringLiteral("Print the confirmation of this kinship-account binding instead."),
                      QStringLiteral("QQ_NO")});
    parser.addOption(
        {kQuotaChange, QStringLiteral("Print the summary of this quota change instead."), QStringLiteral("CHANGE_NO")});
    parser.addOption(
        {kLang, QStringLiteral("zh_CN (default) or en."), QStringLiteral("LANG"), QStringLiteral("zh_CN")});
    parser.addOption({kOffice, QStringLiteral("Office name on the summary."), QStringLiteral("NAME")});
    parser.addOption({kAddress, QStringLiteral("Office address on the summary."), QStringLiteral("ADDRESS")});
    parser.addOption({kCounter, QStringLiteral("Counter (window) on the summary."), QStringLiteral("COUNTER")});
}

QString PrintCommand::checkUsage(const QCommandLineParser &parser) const
{
    const QStringList arguments = parser.positionalArguments();
    if (!parser.isSet(kPdf) || parser.value(kPdf).isEmpty())
        return QStringLiteral("say where the PDF goes with --pdf OUT.pdf.");
    if (int(parser.isSet(kRevocation)) + int(parser.isSet(kKinship)) + int(parser.isSet(kQuotaChange)) > 1)
        return QStringLiteral("give only one of --revocation, --kinship and --quota-change.");
    if (parser.isSet(kQuotaChange)) {
        bool number = false;
        parser.value(kQuotaChange).toLongLong(&number);
        if (!number)
            return QStringLiteral("--quota-change takes a change number, found \"%1\".")
                .arg(parser.value(kQuotaChange));
        if (!arguments.isEmpty())
            return QStringLiteral("give either a filing number or --quota-change, not both.");
    } else if (parser.isSet(kKinship)) {
        if (parser.value(kKinship).trimmed().isEmpty())
            return QStringLiteral("--kinship takes a kinship binding number, e.g. QQ20261122-0001.");
        if (!arguments.isEmpty())
            return QStringLiteral("give either a filing number or --kinship, not both.");
    } else if (parser.isSet(kRevocation)) {
        bool number = false;
        parser.value(kRevocation).toLongLong(&number);
        if (!number)
            return QStringLiteral("--revocation takes a binding id (a number), found \"%1\".")
                .arg(parser.value(kRevocation));
        if (!arguments.isEmpty())
            return QStringLiteral("give either a filing number or --revocation, not both.");
    } else if (arguments.size() != 1) {
        return QStringLiteral("give exactly one filing number, e.g. GJ20261122-0001 (found %1 arguments).")
            .arg(arguments.size());
    }
    const QString language = parser.value(kLang);
    if (language != QLatin1String("zh_CN") && language != QLatin1String("en"))
        return QStringLiteral("--lang is zh_CN or en, found \"%1\".").arg(language);
    return {};
}

int PrintCommand::run(const QCommandLineParser &parser, const AdminContext &context)
{
    OfficeInfo office = OfficeSettings::load();
    if (parser.isSet(kOffice))
        office.name = parser.value(kOffice);
    if (parser.isSet(kAddress))
        office.address = parser.value(kAddress);
    if (parser.isSet(kCounter))
        office.counter = parser.value(kCounter);
    const SummaryPrintJob job(context.connection, office, parser.value(kLang), context.actor);
    const QString pdf = parser.value(kPdf);
    SummaryPrintJob::Result result;
    if (parser.isSet(kQuotaChange))
        result = job.toPdf(PrintRecord::Document::QuotaChange, parser.value(kQuotaChange), pdf);
    else if (parser.isSet(kKinship))
        result = job.kinshipToPdf(parser.value(kKinship), pdf);
    else if (parser.isSet(kRevocation))
        result = job.revocationToPdf(parser.value(kRevocation).toLongLong(), pdf);
    else
        result = job.filingToPdf(parser.positionalArguments().constFirst(), pdf);
    if (!result.ok) {
        context.err << result.error << '\n';
        return ExitInputRefused;
    }
    context.out << (result.stamp.isReprint()
                        ? QStringLiteral("reprint (补打) no. %1 written to %2\n").arg(result.stamp.copy - 1).arg(pdf)
                        : QStringLiteral("written to %1\n").arg(pdf));
    return ExitOk;
}

} // namespace gongji
