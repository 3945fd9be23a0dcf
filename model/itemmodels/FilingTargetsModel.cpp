#include "model/itemmodels/FilingTargetsModel.h"

#include "model/domain/IdNumber.h"
#include "model/domain/IdType.h"
#include "model/domain/Money.h"
#include "model/domain/Relationship.h"

namespace gongji {

FilingTargetsModel::FilingTargetsModel(QObject *parent) : QAbstractTableModel(parent) {}

void FilingTargetsModel::setFiling(const FilingDraft &draft, const FilingVerdict &verdict)
{
    beginResetModel();
    m_draft = draft;
    m_verdict = verdict;
    endResetModel();
}

void FilingTargetsModel::clear() { setFiling({}, {}); }

int FilingTargetsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_draft.targets.size());
}

int FilingTargetsModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant FilingTargetsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() < 0 || index.row() >= m_draft.targets.size())
        return {};
    const int row = index.row();
    const TargetEntry &target = m_draft.targets.at(row);
    // A row the evaluator has not seen yet (verdict shorter than the draft) reports nothing.
    const bool checked = row < m_verdict.targets.size();
    const Findings findings = checked ? m_verdict.findingsFor(row) : Findings();
    const bool refused = checked && hasRefusal(findings);
    const bool warned = checked && hasWarning(findings);

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case RelationshipColumn:
            return Relationship::label(target.relationship);
        case NameColumn:
            return target.name;
        case IdTypeColumn:
            return IdType::label(target.idType);
        case IdNumberColumn:
            // Screens behind the counter window can be seen by the queue: never the full number.
            return IdNumber::mask(target.idNumber.trimmed().toUpper());
        case ValidUntilColumn:
            return target.validUntil.isValid() ? target.validUntil.toString(Qt::ISODate) : tr("open-ended");
        case QuotaColumn: // yuan; empty where nothing is set aside
            return target.quotaFen.value_or(0) > 0 ? Money::formatYuan(*target.quotaFen) : QString();
        case VerdictColumn:
            if (!checked)
                return tr("Not checked");
            if (refused)
                return tr("Refused: %1").arg(refusalNames(findings).join(QLatin1String(", ")));
            if (warned)
                return target.ageWarningConfirmed
                    ? tr("Accepted, warning confirmed: %1").arg(warningNames(findings).join(QLatin1String(", ")))
                    : tr("Check warning: %1").arg(warningNames(findings).join(QLatin1String(", ")));
            return tr("Accepted");
        }
        return {};
    case Qt::ToolTipRole: {
        QStringList lines;
        for (const Finding &finding : findings)
            lines << finding.text();
        return lines.join(QLatin1Char('\n'));
    }
    case RefusedRole:
        return refused;
    case WarningRole:
        return warned;
    case CodesRole:
        return QStringList(refusalNames(findings) + warningNames(findings));
    default:
        return {};
    }
}

QVariant FilingTargetsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    switch (section) {
    case RelationshipColumn:
        return tr("Relationship");
    case NameColumn:
        return tr("Name");
    case IdTypeColumn:
        return tr("ID type");
    case IdNumberColumn:
        return tr("ID number");
    case ValidUntilColumn:
        return tr("Valid until");
    case QuotaColumn:
        return tr("Quota (yuan)");
    case VerdictColumn:
        return tr("Verdict");
    }
    return {};
}

} // namespace gongji
