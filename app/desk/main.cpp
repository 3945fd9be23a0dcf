// gongji-desk: the counter application for family mutual-aid filings.
#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QSettings>
#include <QTranslator>

#include "ui/accounts/DeskSession.h"
#include "ui/settings/DatabaseSettingsDialog.h"
#include "model/registry/DemoDatabase.h"
#include "ui/recovery/StartupDatabase.h"
#include "model/storage/Database.h"
#include "model/storage/StorageError.h"

namespace {

// Gives main()'s messages a translation context.
struct DeskMain
{
    Q_DECLARE_TR_FUNCTIONS(gongji::DeskMain)
};

// Simplified Chinese by default; Qt's own dialogs (message box buttons) follow.
void installTranslations(QApplication &app, const QString &language)
{
    if (language == QLatin1String("en")) {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        return;
    }
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    auto *own = new QTranslator(&app);
    if (own->load(QStringLiteral(":/i18n/gongji_zh_CN.qm")))
        QCoreApplication::installTranslator(own);
    auto *qt = new QTranslator(&app);
    if (qt->load(QStringLiteral("qtbase_zh_CN"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication::setApplicationName(QStringLiteral("gongji-desk"));
    QCoreApplication::setOrganizationName(QStringLiteral("gongji"));
    QCoreApplication::setApplicationVersion(QStringLiteral(GONGJI_VERSION));

    // Parsed before QApplication exists, so --help and a wrong option work without a display.
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Gongji Desk: family mutual-aid filings at the counter"));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption dbOption(QStringLiteral("db"),
                                      QStringLiteral("SQLite database file, or an office server "
                                                     "postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME. "
                                                     "Default: the setting database/location, else the file in the "
                                                     "application-data folder."),
                                      QStringLiteral("path"));
    const QCommandLineOption demoOption(QStringLiteral("demo"),
                                        QStringLiteral("Load the demo registry when it is empty."));
    const QCommandLineOption langOption(QStringLiteral("lang"), QStringLiteral("User interface language: zh_CN or en."),
                                        QStringLiteral("language"), QStringLiteral("zh_CN"));
    const QCommandLineOption clerkOption(
        QStringLiteral("clerk"), QStringLiteral("Sign in as LOGIN (with --password-file: without typing; audited)."),
        QStringLiteral("login"));
    const QCommandLineOption passwordFileOption(
        QStringLiteral("password-file"), QStringLiteral("Read the --clerk password from the first line of FILE."),
        QStringLiteral("file"));
    parser.addOptions({dbOption, demoOption, langOption, clerkOption, passwordFileOption});
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    if (!parser.parse(arguments)) {
        fprintf(stderr, "gongji-desk: %s\n", qPrintable(parser.errorText()));
        return 2;
    }
    if (parser.isSet(helpOption)) {
        fputs(qPrintable(parser.helpText().replace(QLatin1String("<executable_name>"), QLatin1String("gongji-desk"))),
              stdout);
        return 0;
    }
    if (parser.isSet(versionOption)) {
        printf("gongji-desk %s\n", GONGJI_VERSION);
        return 0;
    }
    const QString language = parser.value(langOption);
    if (language != QLatin1String("zh_CN") && language != QLatin1String("en")) {
        fprintf(stderr, "gongji-desk: --lang must be zh_CN or en\n");
        return 2;
    }

    if (parser.isSet(passwordFileOption) && !parser.isSet(clerkOption)) {
        fprintf(stderr, "gongji-desk: --password-file needs --clerk LOGIN\n");
        return 2;
    }

    QApplication app(argc, argv);
    installTranslations(app, language);

    // An office points every counter at its server once, in the settings; --db overrides for one run.
    const QString configured = QSettings().value(gongji::DatabaseSettingsDialog::settingKey()).toString();
    const QString path = parser.isSet(dbOption) ? parser.value(dbOption)
        : configured.isEmpty()                  ? gongji::Database::defaultPath()
                                                : configured;
    const QString connection = gongji::Database::defaultConnectionName();
    // A damaged file: the clerk may put its newest backup in place (the damaged one is kept aside).
    if (!gongji::StartupDatabase::openOrRecover(path, connection))
        return 1;

    try {
        // Demo households only when asked for: an office's new database must never receive them
        // (nor the demo accounts with their published passwords); its first start asks for the
        // first supervisor instead.
        if (parser.isSet(demoOption)) {
            QString error;
            if (!gongji::DemoDatabase::loadIfEmpty(connection, &error)) {
                QMessageBox::critical(nullptr, DeskMain::tr("Cannot load the demo data"), error);
                return 1;
            }
        }
    } catch (const gongji::StorageError &error) {
        QMessageBox::critical(nullptr, DeskMain::tr("Database error"), error.userMessage());
        return 1;
    }

    int status = 0;
    {
        // Sign-in (or the first supervisor), the main window, sign-out and the next clerk.
        gongji::DeskSession session(connection, gongji::Database::pathOf(connection));
        session.setAutomaticSignIn(parser.value(clerkOption), parser.value(passwordFileOption));
        // tests/bench/bench_startup: quit once the main window (after the sign-in) is on screen.
        session.setExitAfterShow(qEnvironmentVariableIsSet("GONGJI_EXIT_AFTER_SHOW"));
        status = session.run();
    }
    gongji::Database::close(connection);
    return status;
}
