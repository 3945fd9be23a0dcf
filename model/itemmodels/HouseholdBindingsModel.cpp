#include "model/itemmodels/HouseholdBindingsModel.h"

#include <QColor>

#include "model/domain/IdNumber.h"
#include "model/domain/Money.h"
#include "model/domain/MutualAidBinding.h"
#include "model/domain/Relationship.h"

namespace gongji {

HouseholdBindingsModel::HouseholdBindingsModel(Section section, QObject *parent)
    : QAbstractTableModel(parent)
    , m_section(section)
{}

void HouseholdBindingsModel::setHousehold(const Household &household)
{
    using Kind = HouseholdBinding::Kind;
    using Direction = HouseholdBinding::Direction;
    beginResetModel();
    switch (m_section) {
    case Section::Authorizes:
        m_rows = household.select(Kind::MutualAid, Direction::Outgoing, true);
        break;
    case Section::AuthorizedBy:
        m_rows = household.select(Kind::MutualAid, Direction::Incoming, true);
        break;
    case Section::KinshipHolders:
        m_rows = household.select(Kind::Kinship, Direction::Incoming, true);
        break;
    case Section::KinshipMembers:
        m_rows = household.select(Kind::Kinship, Direction::Outgoing, true);
        break;
    case Section::History:
        m_rows = household.history();
        break;
    }
    endResetModel();
}

int HouseholdBindingsModel::rowOf(HouseholdBinding::Kind kind, qint64 bindingId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).kind == kind && m_rows.at(row).bindingId == bindingId)
            return row;
    }
    return -1;
}

int HouseholdBindingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HouseholdBindingsModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    // Only the history shows how a binding ended.
    return m_section == Section::History ? ColumnCount : EndedColumn;
}

QVariant HouseholdBindingsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const HouseholdBinding &b = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case KindColumn:
            return HouseholdBinding::kindLabel(b.kind);
        case NameColumn:
            return b.counterpart.name;
        case IdNumberColumn:
            return IdNumber::mask(b.counterpart.idNumber);
        case RelationshipColumn:
            return Relationship::isKnown(b.relationship) ? Relationship::label(b.relationship) : b.relationship;
        case StartedColumn:
            return b.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        case NumberColumn:
            return b.number;
        case ValidUntilColumn:
            if (b.kind != HouseholdBinding::Kind::MutualAid)
                return QString();
            return b.validUntil.isValid() ? b.validUntil.toString(Qt::ISODate) : tr("open-ended");
        case AgreementColumn: {
            QStringList texts;
            for (const Finding &finding : b.agreement)
                texts << RefusalCodes::name(finding.code) + QStringLiteral(": ") + finding.conflict->text();
            return texts.join(QLatin1Char('\n'));
        }
        case QuotaColumn:
            return b.quotaFen ? Money::formatYuan(*b.quotaFen) : QString();
        case HandoverColumn:
            if (b.handover == QLatin1String("waiting"))
                return tr("Waiting for the platform");
            if (b.handover == QLatin1String("rejected"))
                return tr("Rejected: %1").arg(b.handoverReason);
            if (b.handover == QLatin1String("accepted"))
                return tr("Confirmed");
            return {};
        case EndedColumn:
            return b.endedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        case EndedByColumn:
            return b.endRequestedBy ? tr("%1 (asked by %2)").arg(b.endedBy, EndRequesters::label(*b.endRequestedBy))
                                    : b.endedBy;
        case EndReasonColumn:
            // The stored word of an expiry, in the UI language; reasons typed by clerks as they are.
            return b.endReason == MutualAidBinding::expiredReason() && b.endedBy == MutualAidBinding::systemActor()
                ? tr("expired: the authorization period ended on %1").arg(b.validUntil.toString(Qt::ISODate))
                : b.endReason;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == AgreementColumn && !b.agreement.isEmpty()) {
            QStringList texts;
            for (const Finding &finding : b.agreement)
                texts << finding.text();
            return texts.join(QLatin1Char('\n'));
        }
        return {};
    case Qt::ForegroundRole:
        // Refusal red and warning amber, as beside the fields of the filing wizard.
        if (index.column() == AgreementColumn && !b.agreement.isEmpty())
            return QColor(hasRefusal(b.agreement) ? QStringLiteral("#b01e1e") : QStringLiteral("#a85a00"));
        // A rejection needs the clerk's attention; waiting is the ordinary state of the day's work.
        if (index.column() == HandoverColumn && b.handover == QLatin1String("rejected"))
            return QColor(QStringLiteral("#b01e1e"));
        return {};
    case BindingIdRole:
        return b.bindingId;
    case KindRole:
        return HouseholdBinding::kindKeyword(b.kind);
    case PersonIdRole:
        return b.counterpart.id;
    case ActiveRole:
        return b.isActive();
    case HandoverRole:
        return b.handover;
    }
    return {};
}

QVariant HouseholdBindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KindColumn:
        return tr("Kind");
    case NameColumn:
        return m_section == Section::Authorizes || m_section == Section::KinshipMembers ? tr("Target / member")
                                                                                        : tr("Authorizer / holder");
    case IdNumberColumn:
        return tr("ID number");
    case RelationshipColumn:
        return tr("Relationship");
    case StartedColumn:
        return tr("Since");
    case NumberColumn:
        return tr("Filing no.");
    case ValidUntilColumn:
        return tr("Valid until");
    case AgreementColumn:
        return tr("Relationships");
    case QuotaColumn:
        return tr("Quota (yuan)");
    case HandoverColumn:
        return tr("Platform");
    case EndedColumn:
        return tr("Ended");
    case EndedByColumn:
        return tr("Ended by");
    case EndReasonColumn:
        return tr("Reason");
    }
    return {};
}

} // namespace gongji
