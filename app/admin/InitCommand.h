#pragma once
#include <QCommandLineOption>

#include "AdminCommand.h"

namespace gongji {

// init --supervisor LOGIN [--name NAME]: the very first account of a database, a supervisor;
// refused once a supervisor exists. Needs no sign-in (there is nobody to sign in yet).
class InitCommand : public AdminCommand
{
public:
    InitCommand();

    QString name() const override { return QStringLiteral("init"); }
    QString usage() const override { return QStringLiteral("--supervisor LOGIN [--name NAME]"); }
    QString summary() const override;
    QString description() const override;
    void addOptions(QCommandLineParser &parser) const override;
    QString checkUsage(const QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, const AdminContext &context) override;

private:
    QCommandLineOption m_supervisor;
    QCommandLineOption m_name;
};

} // namespace gongji
