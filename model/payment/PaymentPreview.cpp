#include "model/payment/PaymentPreview.h"

#include <QCoreApplication>
#include <algorithm>

#include "model/domain/IdNumber.h"
#include "model/storage/BindingStore.h"
#include "model/storage/PersonStore.h"
#include "model/storage/RuleSetStore.h"
#include "model/storage/StorageError.h"

namespace gongji {

namespace {
// lupdate takes the context from this declaration; a helper function would hide it.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(PaymentPreview)
};
} // namespace

QString PaymentShare::payerKeyword(Payer payer)
{
    switch (payer) {
    case Payer::OwnAccount:
        return QStringLiteral("own_account");
    case Payer::Quota:
        return QStringLiteral("quota");
    case Payer::Authorizer:
        return QStringLiteral("authorizer");
    case Payer::Cash:
        break;
    }
    return QStringLiteral("cash");
}

QString PaymentShare::payerLabel(Payer payer)
{
    switch (payer) {
    case Payer::OwnAccount:
        return Text::tr("Own personal account");
    case Payer::Quota:
        return Text::tr("Quota set aside by the authorizer (共济额度)");
    case Payer::Authorizer:
        return Text::tr("Authorizer's personal account (mutual aid)");
    case Payer::Cash:
        break;
    }
    return Text::tr("Cash or other payment");
}

PaymentPreview::PaymentPreview(const QString &connection) : m_connection(connection) {}

PaymentPreview::Result PaymentPreview::preview(const QString &targetIdType, const QString &targetIdNumber,
                                               qint64 amountFen, const QDate &on) const
{
    Result result;
    if (amountFen < 0) {
        result.error = Text::tr("The amount cannot be negative.");
        return result;
    }
    const IdCheck id = IdNumber::check(targetIdType, targetIdNumber);
    if (!id.isValid()) {
        result.error = id.detail.isEmpty() ? RefusalCodes::message(id.error) : id.detail;
        return result;
    }
    try {
        PersonStore persons(m_connection);
        result.target = persons.findByDocument(id.type, id.number);
        if (!result.target) {
            result.error = RefusalCodes::message(RefusalCode::PersonNotFound);
            return result;
        }
        const Person &target = *result.target;
        RuleSetStore rules(m_connection);
        const std::optional<RuleSet> targetRules = rules.resolve(target.poolingRegion, on);
        result.paymentOrder = targetRules ? targetRules->paymentOrder : QStringLiteral("by_balance_desc");

        qint64 remaining = amountFen;
        if (target.isEmployee()) { // residents have no personal account
            const qint64 own = std::min(remaining, std::max<qint64>(0, target.balanceFen));
            result.shares.append(PaymentShare{PaymentShare::Payer::OwnAccount, target, own, target.balanceFen});
            remaining -= own;
        }
        QList<PaymentShare> quotas; // in binding order, as stored
        QList<PaymentShare> authorizers;
        BindingStore bindings(m_connection);
        for (const MutualAidBinding &binding : bindings.activeByTarget(target.id, on)) {
            const std::optional<Person> authorizer = persons.findById(binding.authorizerId);
            if (!authorizer || !authorizer->isActive())
                continue;
            const std::optional<RuleSet> own = rules.resolve(authorizer->poolingRegion, on);
            const qint64 aboveFloor = std::max<qint64>(0, authorizer->balanceFen - (own ? own->reserveFloorFen : 0));
            if (binding.quotaFen) {
                // Money set aside pays only this target, and never more than the account still holds.
                quotas.append(
                    PaymentShare{PaymentShare::Payer::Quota, authorizer, 0, std::min(*binding.quotaFen, aboveFloor)});
            } else {
                const qint64 setAside = bindings.quotaSetAside(authorizer->id, on);
                authorizers.append(PaymentShare{PaymentShare::Payer::Authorizer, authorizer, 0,
                                                std::max<qint64>(0, aboveFloor - setAside)});
            }
        }
        if (result.paymentOrder == QLatin1String("by_balance_desc")) {
            const auto richerFirst
                = [](const PaymentShare &a, const PaymentShare &b) { return a.availableFen > b.availableFen; };
            std::stable_sort(quotas.begin(), quotas.end(), richerFirst);
            std::stable_sort(authorizers.begin(), authorizers.end(), richerFirst);
        }
        QList<PaymentShare> payers = quotas + authorizers;
        for (PaymentShare &share : payers) {
            share.amountFen = std::min(remaining, share.availableFen);
            remaining -= share.amountFen;
            result.shares.append(share);
        }
        result.shares.append(PaymentShare{PaymentShare::Payer::Cash, std::nullopt, remaining, 0});
        result.ok = true;
    } catch (const StorageError &error) {
        result.error = error.userMessage();
    }
    return result;
}

} // namespace gongji
