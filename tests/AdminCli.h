#pragma once
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>
#include <unistd.h>

// gongji-admin as a user runs it, for the CLI tests: the built binary (GONGJI_ADMIN_BIN), the
// sample files (GONGJI_TEST_DATA), a data home of the test's own so that the default database
// named in --help lies there and not in $HOME, and a UTF-8 locale. The program runs in a session
// of its own, without a controlling terminal: a missing --password-file is refused, never asked.
class AdminCli
{
public:
    struct Run
    {
        int exitCode = -1; // -1: did not finish normally within a minute
        QString out;
        QString err;
    };

    explicit AdminCli(const QString &dataHome) : m_dataHome(dataHome) {}

    Run run(const QStringList &arguments) const
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dataHome);
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        process.setProcessEnvironment(env);
        process.setChildProcessModifier([] { ::setsid(); });
        process.start(QStringLiteral(GONGJI_ADMIN_BIN), arguments);
        Run result;
        if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit)
            return result;
        result.exitCode = process.exitCode();
        result.out = QString::fromUtf8(process.readAllStandardOutput());
        result.err = QString::fromUtf8(process.readAllStandardError());
        return result;
    }

    // The accounts' password, as in TestDatabase.
    static constexpr const char *password = "test-password-1";

    // `--clerk LOGIN --password-file FILE`. Makes FILE readable by its owner only first, as
    // gongji-admin asks of a password file (it warns otherwise).
    static QStringList signIn(const QString &passwordFile, const QString &login = QStringLiteral("supervisor"))
    {
        QFile::setPermissions(passwordFile, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        return {QStringLiteral("--clerk"), login, QStringLiteral("--password-file"), passwordFile};
    }
    // Writes `text` (default: `password`) as a private password file.
    static bool writePasswordFile(const QString &path, const QByteArray &text = password)
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text) != text.size())
            return false;
        file.close();
        return QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    // A new database `db` with the accounts TestDatabase makes, through the CLI: `init` creates the
    // supervisor `supervisor`, who adds the clerk `tester`; both with the password in `passwordFile`.
    bool initAccounts(const QString &db, const QString &passwordFile) const
    {
        return run({QStringLiteral("--db"), db, QStringLiteral("--password-file"), passwordFile, QStringLiteral("init"),
                    QStringLiteral("--supervisor"), QStringLiteral("supervisor")})
                   .exitCode
            == 0
            && run(QStringList{QStringLiteral("--db"), db} + signIn(passwordFile)
                   + QStringList{QStringLiteral("add-clerk"), QStringLiteral("tester"),
                                 QStringLiteral("--new-password-file"), passwordFile})
                   .exitCode
            == 0;
    }

    // registry-good.csv into `db` (by the supervisor), then the Zhejiang filings (warnings
    // accepted) and kinship rows stored by the clerk `tester`: 张伟 authorizes 张小明, 张建国 and
    // 王芳; 张伟 and 李娜 hold 张小明; 张伟 holds 陈静. `db` has the accounts (TestDatabase or
    // initAccounts) with the password in `passwordFile`.
    bool loadSamples(const QString &db, const QString &passwordFile) const
    {
        const QStringList clerk = signIn(passwordFile, QStringLiteral("tester"));
        return run(QStringList{QStringLiteral("--db"), db} + signIn(passwordFile)
                   + QStringList{QStringLiteral("import-registry"), data("registry-good.csv")})
                   .exitCode
            == 0
            && run(QStringList{QStringLiteral("--db"), db} + clerk
                   + QStringList{QStringLiteral("check-filings"), data("filings-zhejiang.csv"),
                                 QStringLiteral("--commit"), QStringLiteral("--accept-warnings")})
                   .exitCode
            == 0
            && run(QStringList{QStringLiteral("--db"), db} + clerk
                   + QStringList{QStringLiteral("check-kinship"), data("kinship-zhejiang.csv"),
                                 QStringLiteral("--commit")})
                   .exitCode
            == 0;
    }

    static QString data(const char *name) { return QStringLiteral(GONGJI_TEST_DATA "/") + QLatin1String(name); }
    static QStringList lines(const QString &text) { return text.split(QLatin1Char('\n'), Qt::SkipEmptyParts); }
    static QByteArray readFile(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    // "kind/direction/status" of every binding in the output of `household`, sorted.
    static QStringList bindingKeys(const QString &householdJson)
    {
        QStringList keys;
        const QJsonObject household = QJsonDocument::fromJson(householdJson.toUtf8()).object();
        for (const QJsonValue &b : household.value(QStringLiteral("bindings")).toArray())
            keys << b[QStringLiteral("kind")].toString() + QLatin1Char('/') + b[QStringLiteral("direction")].toString()
                    + QLatin1Char('/') + b[QStringLiteral("status")].toString();
        keys.sort();
        return keys;
    }

private:
    QString m_dataHome;
};
