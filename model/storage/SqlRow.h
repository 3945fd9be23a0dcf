#pragma once
#include <QVariant>

namespace gongji {

// One row of a result as the stores' row readers see it: from an SqlStatement, or from a
// statement of a StatementBatch, so that one reader serves both.
class SqlRow
{
public:
    virtual ~SqlRow() = default;
    virtual QVariant value(int column) const = 0;
};

} // namespace gongji
