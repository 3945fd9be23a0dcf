#pragma once
#include <QString>

namespace gongji {

// The demo registry (resources/demo/registry.csv): households that let a newcomer try accepted
// and refused filings at once, one for every refusal code.
class DemoDatabase
{
public:
    // Loads the demo registry (and a few demo bindings) when the registry is empty and the
    // database has no accounts yet: first the demo accounts `admin` (supervisor, whose login
    // makes the demo's own entries) and `demo` (clerk), with the passwords below that README
    // gives. A database with accounts of its own gets nothing: no account with a public password
    // is ever added to it. Returns false with `error` set on failure; true also when nothing
    // needed loading.
    static bool loadIfEmpty(const QString &connection, QString *error);

    static constexpr const char *supervisorLogin = "admin";
    static constexpr const char *supervisorPassword = "demo-admin-1";
    static constexpr const char *clerkLogin = "demo";
    static constexpr const char *clerkPassword = "demo-clerk-1";
};

} // namespace gongji
