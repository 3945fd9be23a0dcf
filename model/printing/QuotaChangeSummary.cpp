#include "model/printing/QuotaChangeSummary.h"

#include <QCoreApplication>

#include "model/domain/Money.h"
#include "model/printing/QrCode.h"
#include "model/printing/SummaryHtml.h"
#include "model/printing/SummaryStyle.h"
#include "model/printing/SummaryText.h"
#include "model/storage/BindingStore.h"
#include "model/storage/FilingStore.h"
#include "model/storage/PersonStore.h"
#include "model/storage/QuotaChangeStore.h"
#include "model/storage/RuleSetStore.h"
#include "model/storage/StorageError.h"

namespace gongji {

namespace {

using Key = SummaryText::Key;

// lupdate takes the context from this declaration; a helper function would hide it.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(QuotaChangeSummary)
};

QString esc(const QString &text) { return SummaryStyle::escape(text); }

} // namespace

QuotaChangeSummary::QuotaChangeSummary(const QString &connection, const OfficeInfo &office, const QString &language)
    : m_connection(connection)
    , m_office(office)
    , m_language(language)
{}

PrintableSummary QuotaChangeSummary::build(qint64 changeId, const PrintStamp &stamp) const
{
    QString error;
    const QString family = SummaryStyle::fontFamily(&error);
    if (family.isEmpty())
        return PrintableSummary::failure(error);
    const QString &lang = m_language;
    const auto text = [&lang](Key key) { return SummaryText::text(key, lang); };
    const auto amount = [&text](const std::optional<qint64> &fen) {
        return fen ? text(Key::QuotaYuan).arg(Money::formatYuan(*fen)) : text(Key::NoQuota);
    };
    try {
        const std::optional<QuotaChangeRecord> change = QuotaChangeStore(m_connection).findById(changeId);
        if (!change)
            return PrintableSummary::failure(Text::tr("There is no quota change with number %1.").arg(changeId));
        const std::optional<MutualAidBinding> binding = BindingStore(m_connection).findById(change->bindingId);
        PersonStore persons(m_connection);
        const std::optional<Person> authorizer = binding ? persons.findById(binding->authorizerId) : std::nullopt;
        const std::optional<Person> target = binding ? persons.findById(binding->targetId) : std::nullopt;
        const std::optional<Filing> filing
            = binding ? FilingStore(m_connection).findById(binding->filingId) : std::nullopt;
        const std::optional<RuleSet> ruleSet
            = binding ? RuleSetStore(m_connection).findById(binding->ruleSetId) : std::nullopt;
        if (!binding || !authorizer || !target || !filing || !ruleSet)
            return PrintableSummary::failure(
                Text::tr("Quota change %1 is incomplete in the database; nothing was printed.").arg(changeId));

        QString html = SummaryHtml::titleBlock(text(Key::QuotaChangeTitle), stamp, lang);
        html += SummaryHtml::infoGrid({{text(Key::FilingNumber), filing->number},
                                       {text(Key::BindingNumber), QString::number(binding->id)},
                                       {text(Key::QuotaChangeNumber), QString::number(change->id)},
                                       {text(Key::Office), m_office.name},
                                       {text(Key::Counter), m_office.counter},
                                       {text(Key::OfficeAddress), m_office.address, true},
                                       {text(Key::ChangedBy), change->clerk},
                                       {text(Key::ChangedAt), SummaryHtml::time(change->changedAt)},
                                       {text(Key::RuleSet), SummaryHtml::ruleSetText(*ruleSet, lang), true}},
                                      text(Key::QrCaption));

        html += SummaryHtml::section(text(Key::RevocationPeopleSection));
        html += SummaryHtml::bindingPeople(*authorizer, *target, binding->relationship, lang);

        html += SummaryHtml::section(text(Key::QuotaChangeSection));
        html += QStringLiteral("<table class=\"grid\" width=\"100%\" cellspacing=\"0\" cellpadding=\"3\">");
        const QList<QPair<Key, QString>> rows = {{Key::StartedAt, SummaryHtml::time(binding->startedAt)},
                                                 {Key::QuotaBefore, amount(change->beforeFen)},
                                                 {Key::QuotaAfter, amount(change->afterFen)},
                                                 {Key::ChangedAt, SummaryHtml::time(change->changedAt)}};
        for (const auto &row : rows) {
            html += QStringLiteral("<tr><td class=\"key\" width=\"20%\">") + esc(text(row.first))
                + QStringLiteral("</td><td>") + esc(row.second) + QStringLiteral("</td></tr>");
        }
        html += QStringLiteral("</table>");

        html += SummaryHtml::section(text(Key::RevocationNoticesSection));
        html += SummaryHtml::notices(
            {text(Key::NoticeQuota), text(Key::NoticeOwnAccountFirst), text(Key::NoticeNotKinship)});
        html += SummaryHtml::signatures(text(Key::SignatureRevocationApplicant), lang);

        const QImage qr = QrCode::image(filing->number, 8, &error);
        if (qr.isNull())
            return PrintableSummary::failure(error);
        return PrintableSummary([html](const QList<int> &) { return html; }, qr, text(Key::QuotaChangeTitle),
                                text(Key::FilingNumber) + QStringLiteral(" ") + filing->number + QStringLiteral("  ")
                                    + text(Key::QuotaChangeNumber) + QStringLiteral(" ") + QString::number(change->id),
                                lang, family);
    } catch (const StorageError &failure) {
        return PrintableSummary::failure(failure.userMessage());
    }
}

} // namespace gongji
