// gongji-desk: the counter application for family mutual-aid filings.
#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QSettings>
#include <QTimer>
#include <QTranslator>
#include <QWindow>

#include "MainWindow.h"
#include "settings/DatabaseSettingsDialog.h"
#include "registry/DemoDatabase.h"
#include "storage/Database.h"
#include "storage/PersonStore.h"
#include "storage/StorageError.h"

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

QString clerkLogin()
{
    // Sign-in comes later; until then the OS login names the clerk.
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? QStringLiteral("clerk") : user;
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
    const QCommandLineOption demoOption(QStringLiteral("demo"), QStringLiteral("Load the demo registry when it is empty."));
    const QCommandLineOption langOption(QStringLiteral("lang"), QStringLiteral("User interface language: zh_CN or en."),
                                        QStringLiteral("language"), QStringLiteral("zh_CN"));
    parser.addOptions({dbOption, demoOption, langOption});
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    if (!parser.parse(arguments)) {
        fprintf(stderr, "gongji-desk: %s\n", qPrintable(parser.errorText()));
        return 2;
    }
    if (parser.isSet(helpOption)) {
        fputs(qPrintable(parser.helpText().replace(QLatin1String("<executable_name>"), QLatin1String("gongji-desk"))), stdout);
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

    QApplication app(argc, argv);
    installTranslations(app, language);

    // An office points every counter at its server once, in the settings; --db overrides for one run.
    const QString configured = QSettings().value(gongji::DatabaseSettingsDialog::settingKey()).toString();
    const QString path = parser.isSet(dbOption) ? parser.value(dbOption)
                         : configured.isEmpty() ? gongji::Database::defaultPath()
                                                : configured;
    const QString connection = gongji::Database::defaultConnectionName();
    const auto opened = gongji::Database::open(path, connection);
    if (!opened.ok) {
        // Database::open leaves a foreign, damaged or newer file untouched and names it.
        QMessageBox::critical(nullptr, DeskMain::tr("Cannot open the database"), opened.error);
        return 1;
    }

    try {
        // The first start on an empty registry gets the demo households, so the desk can be tried.
        if (parser.isSet(demoOption) || gongji::PersonStore(connection).isEmpty()) {
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
        gongji::MainWindow window(connection, gongji::Database::pathOf(connection), clerkLogin());
        window.show();
        // tests/bench/bench_startup times start-up to the first painted window, then quits.
        if (qEnvironmentVariableIsSet("GONGJI_EXIT_AFTER_SHOW")) {
            auto *poll = new QTimer(&app);
            QObject::connect(poll, &QTimer::timeout, &app, [&window] {
                if (window.windowHandle() && window.windowHandle()->isExposed())
                    QCoreApplication::quit();
            });
            poll->start(1);
        }
        status = QApplication::exec();
    }
    gongji::Database::close(connection);
    return status;
}
