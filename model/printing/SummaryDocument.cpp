#include "model/printing/SummaryDocument.h"

#include <QCoreApplication>

#include "model/filing/CommitmentLetter.h"
#include "model/domain/Money.h"
#include "model/domain/Relationship.h"
#include "model/printing/QrCode.h"
#include "model/printing/SummaryHtml.h"
#include "model/printing/SummaryStyle.h"
#include "model/printing/SummaryText.h"
#include "model/storage/SignatureStore.h"
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
    Q_DECLARE_TR_FUNCTIONS(SummaryDocument)
};

QString esc(const QString &text) { return SummaryStyle::escape(text); }

QString td(const QString &text) { return QStringLiteral("<td>") + esc(text) + QStringLiteral("</td>"); }

} // namespace

SummaryDocument::SummaryDocument(const QString &connection, const OfficeInfo &office, const QString &language)
    : m_connection(connection)
    , m_office(office)
    , m_language(language)
{}

PrintableSummary SummaryDocument::build(const QString &filingNumber, const PrintStamp &stamp) const
{
    QString error;
    const QString family = SummaryStyle::fontFamily(&error);
    if (family.isEmpty())
        return PrintableSummary::failure(error);
    const QString &lang = m_language;
    const auto text = [&lang](Key key) { return SummaryText::text(key, lang); };
    try {
        const std::optional<Filing> filing = FilingStore(m_connection).findByNumber(filingNumber.trimmed());
        if (!filing)
            return PrintableSummary::failure(Text::tr("There is no filing with number %1.").arg(filingNumber));
        PersonStore persons(m_connection);
        const std::optional<Person> authorizer = persons.findById(filing->authorizerId);
        const std::optional<RuleSet> ruleSet = RuleSetStore(m_connection).findById(filing->ruleSetId);
        const QList<MutualAidBinding> bindings = BindingStore(m_connection).byFiling(filing->id);
        if (!authorizer || !ruleSet || bindings.isEmpty())
            return PrintableSummary::failure(
                Text::tr("Filing %1 is incomplete in the database; nothing was printed.").arg(filing->number));

        QString before = SummaryHtml::titleBlock(text(Key::FilingTitle), stamp, lang);
        before += SummaryHtml::infoGrid({{text(Key::FilingNumber), filing->number},
                                         {text(Key::FiledAt), SummaryHtml::time(filing->filedAt)},
                                         {text(Key::Office), m_office.name},
                                         {text(Key::Counter), m_office.counter},
                                         {text(Key::OfficeAddress), m_office.address, true},
                                         {text(Key::Clerk), filing->clerk},
                                         {text(Key::EffectiveOn), SummaryHtml::date(filing->effectiveOn)},
                                         {text(Key::RuleSet), SummaryHtml::ruleSetText(*ruleSet, lang), true}},
                                        text(Key::QrCaption));

        before += SummaryHtml::section(text(Key::AuthorizerSection));
        before += QStringLiteral("<table class=\"grid\" width=\"100%\" cellspacing=\"0\" cellpadding=\"3\"><tr>")
            + SummaryHtml::personHeaderCells(lang, {14, 24, 26, 12, 24}) + QStringLiteral("</tr><tr>")
            + SummaryHtml::personCells(*authorizer, lang) + QStringLiteral("</tr></table>");
        before += SummaryHtml::section(text(Key::TargetSection));

        const QString headerRow = QStringLiteral("<tr><th width=\"4%\">") + esc(text(Key::Number))
            + QStringLiteral("</th>") + SummaryHtml::personHeaderCells(lang, {9, 12, 21, 8, 12})
            + QStringLiteral("<th width=\"16%\">%1</th><th width=\"18%\">%2</th></tr>")
                  .arg(esc(text(Key::Relationship)), esc(text(Key::ProofsSeen)));
        QStringList rows;
        bool anyQuota = false;
        for (const MutualAidBinding &binding : bindings) {
            const std::optional<Person> target = persons.findById(binding.targetId);
            if (!target)
                return PrintableSummary::failure(
                    Text::tr("Filing %1 is incomplete in the database; nothing was printed.").arg(filing->number));
            QStringList proofs;
            for (const QString &proof : binding.proofs)
                proofs.append(SummaryText::proofLabel(proof, lang));
            QString relationship = esc(text(Key::RelationshipWithCode)
                                           .arg(SummaryText::relationshipLabel(binding.relationship, lang),
                                                Relationship::gbCode(binding.relationship)));
            if (binding.validUntil.isValid())
                relationship
                    += QStringLiteral("<br>") + esc(text(Key::ValidUntil).arg(SummaryHtml::date(binding.validUntil)));
            // The quota as filed: a later change (调整额度) has a summary of its own.
            const QList<QuotaChangeRecord> changes = QuotaChangeStore(m_connection).byBinding(binding.id);
            const std::optional<qint64> filedQuota = changes.isEmpty() ? binding.quotaFen : changes.first().beforeFen;
            if (filedQuota) {
                relationship += QStringLiteral("<br>") + esc(text(Key::Quota)) + QStringLiteral(": ")
                    + esc(text(Key::QuotaYuan).arg(Money::formatYuan(*filedQuota)));
                anyQuota = true;
            }
            if (binding.endedAt.isValid()) // the filing is printed as filed, with what has ended since
                relationship += QStringLiteral("<br>")
                    + esc(text(Key::BindingEnded).arg(SummaryHtml::date(binding.endedAt.toLocalTime().date())));
            rows.append(
                QStringLiteral("<tr>") + td(QString::number(rows.size() + 1)) + SummaryHtml::personCells(*target, lang)
                + QStringLiteral("<td>") + relationship + QStringLiteral("</td>")
                + td(proofs.isEmpty()
                         ? text(Key::NoProof)
                         : proofs.join(lang == QLatin1String("en") ? QStringLiteral(", ") : QStringLiteral("、")))
                + QStringLiteral("</tr>"));
        }

        QString after = SummaryHtml::section(text(Key::CommitmentSection));
        after += QStringLiteral("<p>")
            + esc(text(Key::CommitmentAcknowledged)
                      .arg(filing->commitmentVersion, SummaryHtml::time(filing->commitmentAt)))
            + QStringLiteral("</p><p class=\"pledge\">“") + esc(CommitmentLetter::pledgeSentence())
            + QStringLiteral("”</p>");
        after += QStringLiteral("<p>")
            + esc(filing->commitmentMethod == QLatin1String("citizen_screen")
                      ? text(Key::CommitmentOnCitizenScreen).arg(SummaryHtml::time(filing->commitmentAt))
                      : text(Key::CommitmentOnPaper))
            + QStringLiteral("</p>");
        after += SummaryHtml::section(text(Key::NoticesSection));
        QStringList notices{text(Key::NoticeOwnAccountFirst)};
        if (anyQuota)
            notices.append(text(Key::NoticeQuota));
        notices << text(Key::NoticeHowToRevoke) << text(Key::NoticeAutomaticEnd) << text(Key::NoticeNotKinship);
        after += SummaryHtml::notices(notices);
        const std::optional<Signature> signature = SignatureStore(m_connection).find(filing->id);
        after += signature ? SummaryHtml::signatures(text(Key::SignatureApplicant), lang,
                                                     SignatureStore(m_connection).png(filing->id), signature->signedAt)
                           : SummaryHtml::signatures(text(Key::SignatureApplicant), lang);

        const QImage qr = QrCode::image(filing->number, 8, &error);
        if (qr.isNull())
            return PrintableSummary::failure(error);
        // "-> QString": with QT_USE_QSTRINGBUILDER the deduced type would hold dangling references.
        return PrintableSummary(
            [before, headerRow, rows, after](const QList<int> &rowBreaks) -> QString {
                return before + SummaryHtml::splittableTable(headerRow, rows, rowBreaks) + after;
            },
            qr, text(Key::FilingTitle), text(Key::FilingNumber) + QStringLiteral(" ") + filing->number, lang, family);
    } catch (const StorageError &failure) {
        return PrintableSummary::failure(failure.userMessage());
    }
}

} // namespace gongji
