#pragma once
#include "AdminCommand.h"
#include "model/domain/ClerkRole.h"

namespace gongji {

// load-demo: the demo registry and bindings, into an empty registry only.
class LoadDemoCommand : public AdminCommand
{
public:
    QString name() const override { return QStringLiteral("load-demo"); }
    QString usage() const override { return {}; }
    QString summary() const override;
    QString description() const override;
    void addOptions(QCommandLineParser &parser) const override;
    QString checkUsage(const QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, const AdminContext &context) override;
    std::optional<ClerkRole> requiredRole(const QCommandLineParser &) const override { return ClerkRole::Supervisor; }
    // A fresh database (no accounts, empty registry) needs no sign-in: the demo brings its accounts.
    bool waivesSignIn(const QString &connection) const override;
};

} // namespace gongji
