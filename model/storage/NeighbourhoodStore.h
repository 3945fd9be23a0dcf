#pragma once
#include <QDate>
#include <QList>
#include <QString>
#include <optional>

#include "model/domain/FilingNeighbourhood.h"

namespace gongji {

class StatementBatch;

// Reads a FilingNeighbourhood in two batches of statements (StatementBatch: one round trip each
// on an office server): the persons named by document; then, around them and the persons named
// by id, the authorizer's rule set, the bindings active on the day with the persons and filing
// numbers they name, and the last end of each (authorizer, target) pair.
class NeighbourhoodStore
{
public:
    explicit NeighbourhoodStore(const QString &connection);

    struct Document
    {
        QString idType;
        QString idNumber;
    };
    struct Request
    {
        QDate on;
        std::optional<Document> authorizer; // its rule set is resolved, its pairs' last ends read
        QList<Document> targets;
        QList<qint64> personIds; // persons known by id, read with their bindings
        QList<qint64> alsoNamed; // persons read without their bindings (e.g. of pending bindings)
    };

    // `batch` may hold the caller's own reads: they run in the first round trip, and are read
    // from it afterwards.
    FilingNeighbourhood load(const Request &request, StatementBatch &batch) const;
    FilingNeighbourhood load(const Request &request) const;

private:
    QString m_connection;
};

} // namespace gongji
