#include "LoadDemoCommand.h"

#include "model/registry/DemoDatabase.h"
#include "model/storage/ClerkStore.h"
#include "model/storage/PersonStore.h"

namespace gongji {

QString LoadDemoCommand::summary() const
{
    return QStringLiteral("Load the demo registry and bindings into an empty database.");
}

QString LoadDemoCommand::description() const
{
    return QStringLiteral("Loads the demo households (one scenario for every refusal code) and a few demo\n"
                          "bindings, so that the desk can be tried. It loads only into an empty registry: a\n"
                          "database that already holds persons is left as it is.\n\n"
                          "Into a fresh database (no accounts, an empty registry) it loads without a sign-in and\n"
                          "brings the demo accounts: demo (clerk, password demo-clerk-1) and admin (supervisor,\n"
                          "password demo-admin-1). Any other database needs a supervisor's sign-in (the global\n"
                          "--clerk LOGIN, see gongji-admin --help).");
}

void LoadDemoCommand::addOptions(QCommandLineParser &) const {}

QString LoadDemoCommand::checkUsage(const QCommandLineParser &parser) const
{
    if (!parser.positionalArguments().isEmpty())
        return QStringLiteral("load-demo takes no arguments, found \"%1\".")
            .arg(parser.positionalArguments().join(QLatin1Char(' ')));
    return {};
}

bool LoadDemoCommand::waivesSignIn(const QString &connection) const
{
    return ClerkStore(connection).all().isEmpty() && PersonStore(connection).isEmpty();
}

int LoadDemoCommand::run(const QCommandLineParser &, const AdminContext &context)
{
    PersonStore persons(context.connection);
    const qint64 before = persons.count();
    if (before > 0) {
        context.out << "The registry already holds " << before
                    << " persons; the demo data loads only into an empty registry. "
                       "Nothing was changed.\n";
        return ExitOk;
    }
    QString error;
    if (!DemoDatabase::loadIfEmpty(context.connection, &error)) {
        context.err << error << '\n';
        return ExitStorage;
    }
    context.out << "Demo data loaded: " << persons.count() << " persons.\n";
    return ExitOk;
}

} // namespace gongji
