#pragma once
#include <QString>

namespace gongji {

// The demo registry (resources/demo/registry.csv): households that let a newcomer try accepted
// and refused filings at once, one for every refusal code.
class DemoDatabase
{
public:
    // Loads the demo registry (and a few demo bindings) when the registry is empty.
    // Returns false with `error` set on failure; true also when nothing needed loading.
    static bool loadIfEmpty(const QString &connection, QString *error);
};

} // namespace gongji
