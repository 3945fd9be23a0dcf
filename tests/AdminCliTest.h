#pragma once
#include <QObject>
#include <QStringList>
#include <QTemporaryDir>
#include <memory>

#include "AdminCli.h"

// The base of the gongji-admin test programs: a fresh folder per test function (init() calls
// freshFolder()), the database and the password file in it, and the runs of the built program.
class AdminCliTest : public QObject
{
protected:
    using Run = AdminCli::Run;

    explicit AdminCliTest(const QString &databaseName = QStringLiteral("cli.sqlite")) : m_databaseName(databaseName) {}

    // A new temporary folder with the password file written; false when that failed.
    bool freshFolder()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        return m_dir->isValid() && AdminCli::writePasswordFile(passwordFile());
    }
    AdminCli cli() const { return AdminCli(m_dir->filePath(QStringLiteral("xdg"))); }
    Run admin(const QStringList &arguments) const { return cli().run(arguments); }
    QString db() const { return m_dir->filePath(m_databaseName); }
    virtual QString passwordFile() const { return m_dir->filePath(QStringLiteral("password.txt")); }
    // --db db() and the sign-in of `login`; db() has the accounts (AdminCli::initAccounts).
    QStringList as(const QString &login = QStringLiteral("supervisor")) const
    {
        return QStringList{QStringLiteral("--db"), db()} + AdminCli::signIn(passwordFile(), login);
    }
    static QString data(const char *name) { return AdminCli::data(name); }
    static QStringList lines(const QString &text) { return AdminCli::lines(text); }

    std::unique_ptr<QTemporaryDir> m_dir;

private:
    QString m_databaseName;
};
