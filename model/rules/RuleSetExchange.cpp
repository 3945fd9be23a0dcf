#include "model/rules/RuleSetExchange.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include "model/rules/RuleSetChange.h"
#include "model/storage/RuleSetStore.h"
#include "model/storage/StorageError.h"

namespace gongji {

namespace {
// lupdate takes the context from this declaration; a helper function would hide it.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(RuleSetExchange)
};
} // namespace

RuleSetExchange::RuleSetExchange(const QString &connection) : m_connection(connection) {}

QByteArray RuleSetExchange::exportJson(const QString &region) const
{
    QJsonArray array;
    for (const RuleSet &set : RuleSetStore(m_connection).all()) {
        if (region.isEmpty() || set.region == region)
            array.append(set.toJson());
    }
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

RuleSetExchange::ImportResult RuleSetExchange::importJson(const QByteArray &json, const QString &actor, bool dryRun)
{
    ImportResult result;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isArray()) {
        result.refuse(FailureKind::Input,
                      {parseError.error != QJsonParseError::NoError
                           ? Text::tr("The file is not valid JSON (%1 at byte %2).")
                                 .arg(parseError.errorString())
                                 .arg(parseError.offset)
                           : Text::tr("The file must hold a JSON array of rule sets.")});
        return result;
    }
    try {
        const QList<RuleSet> stored = RuleSetStore(m_connection).all();
        QList<RuleSet> toAdd;
        const QJsonArray array = document.array();
        for (int i = 0; i < array.size(); ++i) {
            QString error;
            const std::optional<RuleSet> set = RuleSet::fromJson(array.at(i).toObject(), &error);
            if (!set) {
                result.errors << Text::tr("Rule set %1: %2").arg(i + 1).arg(error);
                continue;
            }
            const bool same = std::any_of(stored.begin(), stored.end(),
                                          [&](const RuleSet &s) { return s.toJson() == set->toJson(); });
            if (same)
                ++result.identical;
            else
                toAdd.append(*set);
        }
        if (!result.errors.isEmpty()) {
            result.refuse(FailureKind::Input, result.errors);
            return result;
        }
        RuleSetChange change(m_connection);
        if (dryRun) {
            QList<RuleSet> proposed = stored;
            QSet<qint64> changed;
            for (int i = 0; i < toAdd.size(); ++i) {
                RuleSet set = toAdd.at(i);
                set.id = -1 - i; // not saved: ids that cannot clash
                for (const QString &problem : change.check(set))
                    result.errors << Text::tr("Rule set %1 (%2 from %3): %4")
                                         .arg(i + 1)
                                         .arg(set.region, set.effectiveFrom.toString(Qt::ISODate), problem);
                proposed.append(set);
                changed.insert(set.id);
            }
            result.impact = RuleImpact(m_connection).report(proposed, changed);
            if (result.errors.isEmpty())
                result.succeed();
            else
                result.refuse(FailureKind::Input, result.errors);
            result.added = result.ok ? int(toAdd.size()) : 0;
            return result;
        }
        if (toAdd.isEmpty()) {
            result.succeed();
            return result;
        }
        static_cast<RuleSetChange::Result &>(result) = change.addAll(toAdd, actor);
        result.added = result.ok ? int(toAdd.size()) : 0;
    } catch (const StorageError &error) {
        result.refuse(FailureKind::Storage, {error.userMessage()});
    }
    return result;
}

} // namespace gongji
