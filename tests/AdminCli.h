#pragma once
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>

// gongji-admin as a user runs it, for the CLI tests: the built binary (GONGJI_ADMIN_BIN), the
// sample files (GONGJI_TEST_DATA), a data home of the test's own so that the default database
// named in --help lies there and not in $HOME, and a UTF-8 locale.
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
        process.start(QStringLiteral(GONGJI_ADMIN_BIN), arguments);
        Run result;
        if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit)
            return result;
        result.exitCode = process.exitCode();
        result.out = QString::fromUtf8(process.readAllStandardOutput());
        result.err = QString::fromUtf8(process.readAllStandardError());
        return result;
    }

    // registry-good.csv into `db`, then the Zhejiang filings (warnings accepted) and kinship rows
    // stored: 张伟 authorizes 张小明, 张建国 and 王芳; 张伟 and 李娜 hold 张小明; 张伟 holds 陈静.
    bool loadSamples(const QString &db) const
    {
        return run({QStringLiteral("--db"), db, QStringLiteral("import-registry"), data("registry-good.csv")}).exitCode == 0
            && run({QStringLiteral("--db"), db, QStringLiteral("check-filings"), data("filings-zhejiang.csv"),
                    QStringLiteral("--commit"), QStringLiteral("--accept-warnings")}).exitCode == 0
            && run({QStringLiteral("--db"), db, QStringLiteral("check-kinship"), data("kinship-zhejiang.csv"),
                    QStringLiteral("--commit")}).exitCode == 0;
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
