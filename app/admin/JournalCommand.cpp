#include "JournalCommand.h"

#include <QDir>

#include "model/journal/JournalExport.h"
#include "model/journal/JournalReceipts.h"

namespace gongji {

JournalCommand::JournalCommand()
    : m_after(QStringLiteral("after"),
              QStringLiteral("export: the lines after this sequence number (0: from the start)."),
              QStringLiteral("SEQ"))
    , m_out(QStringLiteral("out"), QStringLiteral("export: the JSON Lines file to write (made readable by you only)."),
            QStringLiteral("FILE"))
{}

QString JournalCommand::usage() const { return QStringLiteral("export --after SEQ --out FILE | receipts FILE"); }

QString JournalCommand::summary() const
{
    return QStringLiteral("Hand the journal of stored changes over to the platform, or record its receipts.");
}

QString JournalCommand::description() const
{
    return QStringLiteral(
        "Every stored change (a filing and each of its bindings, a revocation, an automatic end,\n"
        "an expiry, a quota change, a kinship binding and its end) has a line in the hand-over\n"
        "journal, numbered without gaps (seq). The format is described in docs/journal.md.\n\n"
        "journal export --after SEQ --out FILE\n"
        "  Writes the lines with a seq above SEQ to FILE as JSON Lines, one object a line (seq,\n"
        "  item, office, clerk, time, persons, relationship, rule_set, period, quota, result).\n"
        "  Exporting again from the same SEQ writes the same lines. The lines hold full ID\n"
        "  numbers: FILE is made readable and writable by its owner only. It prints the number\n"
        "  of lines and the last seq, the SEQ of the next export.\n\n"
        "journal receipts FILE\n"
        "  Records the platform's answers: one JSON object a line, {\"seq\": N, \"result\":\n"
        "  \"accepted\"} or {\"seq\": N, \"result\": \"rejected\", \"reason\": \"...\"}. A line that is\n"
        "  not such an object, a seq the journal does not hold, or a second answer for one seq\n"
        "  refuses the whole file (exit code 1, every bad line named); an answer already\n"
        "  recorded the same way is skipped. The household screen shows the answers.\n\n"
        "Both need a supervisor's sign-in (the global --clerk LOGIN, see gongji-admin --help)\n"
        "and are written to the audit log.");
}

void JournalCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addOptions({m_after, m_out});
    parser.addPositionalArgument(QStringLiteral("export|receipts"), QStringLiteral("What to do."));
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("receipts: the platform's answers (JSON Lines)."));
}

QString JournalCommand::checkUsage(const QCommandLineParser &parser) const
{
    const QStringList arguments = parser.positionalArguments();
    const QString action = arguments.value(0);
    if (action == QLatin1String("export")) {
        if (arguments.size() != 1)
            return QStringLiteral("journal export takes no file argument; give the file with --out FILE.");
        if (!parser.isSet(m_after) || !parser.isSet(m_out))
            return QStringLiteral("journal export needs --after SEQ and --out FILE (--after 0 for the whole journal).");
        bool number = false;
        const qint64 after = parser.value(m_after).toLongLong(&number);
        if (!number || after < 0)
            return QStringLiteral(
                       "--after \"%1\" is not a sequence number; give 0 or the last seq of the previous export.")
                .arg(parser.value(m_after));
        return {};
    }
    if (action == QLatin1String("receipts")) {
        if (parser.isSet(m_after) || parser.isSet(m_out))
            return QStringLiteral("--after and --out are for export; journal receipts takes only the receipts file.");
        if (arguments.size() != 2)
            return QStringLiteral("journal receipts needs exactly one file, found %1.").arg(arguments.size() - 1);
        return {};
    }
    return arguments.isEmpty()
        ? QStringLiteral("say what to do: journal export --after SEQ --out FILE or journal receipts FILE.")
        : QStringLiteral("unknown journal action \"%1\"; use export or receipts.").arg(action);
}

int JournalCommand::run(const QCommandLineParser &parser, const AdminContext &context)
{
    const QStringList arguments = parser.positionalArguments();
    if (arguments.at(0) == QLatin1String("export")) {
        const QString path = parser.value(m_out);
        const JournalExport::Result exported
            = JournalExport(context.connection).write(parser.value(m_after).toLongLong(), path, context.actor);
        if (!exported.ok) {
            context.err << exported.error << '\n';
            return exitCodeFor(exported.failure);
        }
        context.out << exported.count << " journal line(s) written to " << QDir::toNativeSeparators(path)
                    << "; last seq " << exported.lastSeq << " (export the next ones with --after " << exported.lastSeq
                    << ").\n";
        return ExitOk;
    }
    const JournalReceipts::Result recorded = JournalReceipts(context.connection).record(arguments.at(1), context.actor);
    if (!recorded.ok) {
        context.err << recorded.error << '\n';
        return exitCodeFor(recorded.failure);
    }
    context.out << "Recorded " << recorded.accepted << " accepted and " << recorded.rejected << " rejected line(s)";
    if (recorded.alreadyRecorded > 0)
        context.out << "; " << recorded.alreadyRecorded << " answer(s) were already recorded";
    context.out << ".\n";
    return ExitOk;
}

} // namespace gongji
