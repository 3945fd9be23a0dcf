#pragma once
#include <QDate>
#include <QList>
#include <QString>
#include <optional>

#include "model/domain/Person.h"

namespace gongji {

// One line of "who pays what" for an own-share cost (docs/domain.md §7).
struct PaymentShare
{
    enum class Payer { OwnAccount, Quota, Authorizer, Cash };
    Payer payer = Payer::Cash;
    std::optional<Person> person; // the account holder (own account, authorizer); none for cash
    qint64 amountFen = 0;
    qint64 availableFen = 0; // what this account could give: balance, less the reserve floor and the
        // quotas set aside for authorizers; the quota itself for Quota

    static QString payerKeyword(Payer payer); // own_account, quota, authorizer, cash
    static QString payerLabel(Payer payer); // in the UI language
};

// The target's own personal account first, then the quotas (共济额度) set aside for this target,
// then active authorizers without a quota for it in the rule set's payment_order, each only from
// its balance above the reserve floor that no quota holds; the rest in cash (docs/quota.md).
//
// Choices where docs/domain.md is silent: the payment order is the one of the rule set in force for the
// target's pooling region on the day; each authorizer's reserve floor is that of the rule set in
// force for the authorizer's own region; an authorizer whose insurance is not active pays nothing.
class PaymentPreview
{
public:
    struct Result
    {
        bool ok = false;
        QString error; // target not found, bad amount …
        std::optional<Person> target;
        QString paymentOrder;
        QList<PaymentShare> shares; // in paying order; cash last
    };

    explicit PaymentPreview(const QString &connection);
    Result preview(const QString &targetIdType, const QString &targetIdNumber, qint64 amountFen,
                   const QDate &on = QDate::currentDate()) const;

private:
    QString m_connection;
};

} // namespace gongji
