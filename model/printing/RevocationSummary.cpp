#include "model/printing/RevocationSummary.h"

#include <QCoreApplication>

#include "model/domain/Money.h"
#include "model/domain/Relationship.h"
#include "model/printing/QrCode.h"
#include "model/printing/SummaryHtml.h"
#include "model/printing/SummaryStyle.h"
#include "model/printing/SummaryText.h"
#include "model/storage/BindingStore.h"
#include "model/storage/FilingStore.h"
#include "model/storage/PersonStore.h"
#include "model/storage/RuleSetStore.h"
#include "model/storage/StorageError.h"

namespace gongji {

namespace {

using Key = SummaryText::Key;

// lupdate takes the context from this declaration; a helper function would hide it.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(RevocationSummary)
};

QString esc(const QString &text) { return SummaryStyle::escape(text); }

} // namespace

RevocationSummary::RevocationSummary(const QString &connection, const OfficeInfo &office, const QString &language)
    : m_connection(connection)
    , m_office(office)
    , m_language(language)
{}

PrintableSummary RevocationSummary::build(qint64 bindingId, const PrintStamp &stamp) const
{
    QString error;
    const QString family = SummaryStyle::fontFamily(&error);
    if (family.isEmpty())
        return PrintableSummary::failure(error);
    const QString &lang = m_language;
    const auto text = [&lang](Key key) { return SummaryText::text(key, lang); };
    try {
        const std::optional<MutualAidBinding> binding = BindingStore(m_connection).findById(bindingId);
        if (!binding)
            return PrintableSummary::failure(Text::tr("There is no binding with number %1.").arg(bindingId));
        if (!binding->endedAt.isValid())
            return PrintableSummary::failure(
                Text::tr("Binding %1 is still active: there is no revocation to print.").arg(bindingId));
        PersonStore persons(m_connection);
        const std::optional<Person> authorizer = persons.findById(binding->authorizerId);
        const std::optional<Person> target = persons.findById(binding->targetId);
        const std::optional<Filing> filing = FilingStore(m_connection).findById(binding->filingId);
        const std::optional<RuleSet> ruleSet = RuleSetStore(m_connection).findById(binding->ruleSetId);
        if (!authorizer || !target || !filing || !ruleSet)
            return PrintableSummary::failure(
                Text::tr("Binding %1 is incomplete in the database; nothing was printed.").arg(bindingId));

        QString requestedBy;
        if (binding->endRequestedBy == EndRequester::Authorizer)
            requestedBy = text(Key::RequestedByAuthorizer) + QStringLiteral(" ") + authorizer->name;
        else if (binding->endRequestedBy == EndRequester::Target)
            requestedBy = text(Key::RequestedByTarget) + QStringLiteral(" ") + target->name;
        else
            requestedBy = text(Key::RequestedBySystem);

        QString html = SummaryHtml::titleBlock(text(Key::RevocationTitle), stamp, lang);
        html += SummaryHtml::infoGrid({{text(Key::FilingNumber), filing->number},
                                       {text(Key::BindingNumber), QString::number(binding->id)},
                                       {text(Key::Office), m_office.name},
                                       {text(Key::Counter), m_office.counter},
                                       {text(Key::OfficeAddress), m_office.address, true},
                                       {text(Key::EndedBy), binding->endedBy},
                                       {text(Key::EndedAt), SummaryHtml::time(binding->endedAt)},
                                       {text(Key::RuleSet), SummaryHtml::ruleSetText(*ruleSet, lang), true}},
                                      text(Key::QrCaption));

        html += SummaryHtml::section(text(Key::RevocationPeopleSection));
        html += SummaryHtml::bindingPeople(*authorizer, *target, binding->relationship, lang);

        html += SummaryHtml::section(text(Key::RevocationSection));
        html += QStringLiteral("<table class=\"grid\" width=\"100%\" cellspacing=\"0\" cellpadding=\"3\">");
        QList<QPair<Key, QString>> rows = {{Key::StartedAt, SummaryHtml::time(binding->startedAt)},
                                           {Key::EndedAt, SummaryHtml::time(binding->endedAt)},
                                           {Key::RequestedBy, requestedBy},
                                           {Key::EndReason, binding->endReason}};
        if (binding->quotaFen)
            rows.append({Key::Quota, text(Key::QuotaYuan).arg(Money::formatYuan(*binding->quotaFen))});
        for (const auto &row : rows) {
            html += QStringLiteral("<tr><td class=\"key\" width=\"20%\">") + esc(text(row.first))
                + QStringLiteral("</td><td>") + esc(row.second) + QStringLiteral("</td></tr>");
        }
        html += QStringLiteral("</table>");

        QStringList notices = {text(Key::NoticeRevocationEffect).arg(SummaryHtml::time(binding->endedAt))};
        if (ruleSet->cooldownDays > 0)
            notices.append(text(Key::NoticeCooldown).arg(ruleSet->cooldownDays));
        if (binding->quotaFen) // ending a binding frees the money set aside for it
            notices.append(text(Key::NoticeQuotaFreed).arg(Money::formatYuan(*binding->quotaFen)));
        notices.append(text(Key::NoticeNotKinship));
        html += SummaryHtml::section(text(Key::RevocationNoticesSection));
        html += SummaryHtml::notices(notices);
        html += SummaryHtml::signatures(text(Key::SignatureRevocationApplicant), lang);

        const QImage qr = QrCode::image(filing->number, 8, &error);
        if (qr.isNull())
            return PrintableSummary::failure(error);
        // Two people only: no table long enough to need row breaks.
        return PrintableSummary([html](const QList<int> &) { return html; }, qr, text(Key::RevocationTitle),
                                text(Key::FilingNumber) + QStringLiteral(" ") + filing->number + QStringLiteral("  ")
                                    + text(Key::BindingNumber) + QStringLiteral(" ") + QString::number(binding->id),
                                lang, family);
    } catch (const StorageError &failure) {
        return PrintableSummary::failure(failure.userMessage());
    }
}

} // namespace gongji
