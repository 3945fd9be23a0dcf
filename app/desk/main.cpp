// gongji-desk: the counter application for family mutual-aid filings.
#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTranslator>

#include "MainWindow.h"
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
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("gongji-desk"));
    QApplication::setOrganizationName(QStringLiteral("gongji"));
    QApplication::setApplicationVersion(QStringLiteral(GONGJI_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Gongji Desk: family mutual-aid filings at the counter"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("SQLite database file."),
                                      QStringLiteral("path"));
    const QCommandLineOption demoOption(QStringLiteral("demo"), QStringLiteral("Load the demo registry when it is empty."));
    const QCommandLineOption langOption(QStringLiteral("lang"), QStringLiteral("User interface language: zh_CN or en."),
                                        QStringLiteral("language"), QStringLiteral("zh_CN"));
    parser.addOptions({dbOption, demoOption, langOption});
    parser.process(app);

    const QString language = parser.value(langOption);
    if (language != QLatin1String("zh_CN") && language != QLatin1String("en")) {
        fprintf(stderr, "gongji-desk: --lang must be zh_CN or en\n");
        return 2;
    }
    installTranslations(app, language);

    const QString path = parser.isSet(dbOption) ? parser.value(dbOption) : gongji::Database::defaultPath();
    const QString connection = gongji::Database::defaultConnectionName();
    const auto opened = gongji::Database::open(path, connection);
    if (!opened.ok) {
        // Database::open leaves a foreign, damaged or newer file untouched and names it.
        QMessageBox::critical(nullptr, DeskMain::tr("Cannot open the database"), opened.error);
        return 1;
    }

    try {
        // The first start on an empty registry gets the demo households, so the desk can be tried.
        if (parser.isSet(demoOption) || gongji::PersonStore(connection).count() == 0) {
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
        status = QApplication::exec();
    }
    gongji::Database::close(connection);
    return status;
}
