#include "model/printing/KinshipSummary.h"

#include <QCoreApplication>

#include "model/domain/Relationship.h"
#include "model/printing/QrCode.h"
#include "model/printing/SummaryHtml.h"
#include "model/printing/SummaryStyle.h"
#include "model/printing/SummaryText.h"
#include "model/storage/KinshipStore.h"
#include "model/storage/PersonStore.h"
#include "model/storage/StorageError.h"

namespace gongji {

namespace {

using Key = SummaryText::Key;

// lupdate takes the context from this declaration; a helper function would hide it.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(KinshipSummary)
};

QString esc(const QString &text) { return SummaryStyle::escape(text); }

QString row(const QString &key, const QString &value)
{
    return QStringLiteral("<tr><td class=\"key\" width=\"40%\">") + esc(key) + QStringLiteral("</td><td>") + esc(value)
        + QStringLiteral("</td></tr>");
}

} // namespace

KinshipSummary::KinshipSummary(const QString &connection, const OfficeInfo &office, const QString &language)
    : m_connection(connection)
    , m_office(office)
    , m_language(language)
{}

PrintableSummary KinshipSummary::build(const QString &kinshipNumber, const PrintStamp &stamp) const
{
    QString error;
    const QString family = SummaryStyle::fontFamily(&error);
    if (family.isEmpty())
        return PrintableSummary::failure(error);
    const QString &lang = m_language;
    const auto text = [&lang](Key key) { return SummaryText::text(key, lang); };
    try {
        const std::optional<KinshipBinding> binding = KinshipStore(m_connection).findByNumber(kinshipNumber.trimmed());
        if (!binding)
            return PrintableSummary::failure(
                Text::tr("There is no kinship-account binding with number %1.").arg(kinshipNumber.trimmed()));
        PersonStore persons(m_connection);
        const std::optional<Person> holder = persons.findById(binding->holderId);
        const std::optional<Person> member = persons.findById(binding->memberId);
        if (!holder || !member)
            return PrintableSummary::failure(
                Text::tr("Kinship-account binding %1 is incomplete in the database; nothing was printed.")
                    .arg(binding->number));

        QString html = SummaryHtml::titleBlock(text(Key::KinshipTitle), stamp, lang);
        // A framed statement (a one-cell table: QTextDocument draws no borders on paragraphs).
        html += QStringLiteral("<table class=\"grid\" width=\"100%\" cellspacing=\"0\" cellpadding=\"5\" "
                               "style=\"margin-top: 6px; margin-bottom: 6px;\"><tr><td><span style=\"font-size: "
                               "10.5pt; font-weight: bold;\">")
            + esc(text(Key::KinshipStatement)) + QStringLiteral("</span></td></tr></table>");
        QList<SummaryHtml::Field> fields = {{text(Key::KinshipNumber), binding->number},
                                            {text(Key::BoundAt), SummaryHtml::time(binding->startedAt)},
                                            {text(Key::Office), m_office.name},
                                            {text(Key::Counter), m_office.counter},
                                            {text(Key::OfficeAddress), m_office.address, true},
                                            {text(Key::Clerk), binding->clerk}};
        if (binding->endedAt.isValid()) // printed as bound, with its end since
            fields.append({text(Key::EndedAt), SummaryHtml::time(binding->endedAt)});
        html += SummaryHtml::infoGrid(fields, text(Key::KinshipQrCaption));

        html += SummaryHtml::section(text(Key::KinshipPeopleSection));
        html += QStringLiteral(
                    "<table class=\"grid\" width=\"100%\" cellspacing=\"0\" cellpadding=\"3\"><tr><th width=\"10%\">")
            + esc(text(Key::Role)) + QStringLiteral("</th>") + SummaryHtml::personHeaderCells(lang, {10, 17, 22, 9, 15})
            + QStringLiteral("<th width=\"17%\">") + esc(text(Key::KinshipRelationship)) + QStringLiteral("</th></tr>")
            + QStringLiteral("<tr><td>") + esc(text(Key::Holder)) + QStringLiteral("</td>")
            + SummaryHtml::personCells(*holder, lang) + QStringLiteral("<td></td></tr>") + QStringLiteral("<tr><td>")
            + esc(text(Key::Member)) + QStringLiteral("</td>") + SummaryHtml::personCells(*member, lang)
            + QStringLiteral("<td>")
            + esc(text(Key::RelationshipWithCode)
                      .arg(SummaryText::relationshipLabel(binding->relationship, lang),
                           Relationship::gbCode(binding->relationship)))
            + QStringLiteral("</td></tr></table>");

        html += SummaryHtml::section(text(Key::KinshipChecksSection));
        html += QStringLiteral("<table class=\"grid\" width=\"100%\" cellspacing=\"0\" cellpadding=\"3\">")
            + row(text(Key::FaceVerification), text(binding->faceVerified ? Key::CheckDone : Key::CheckNotDone))
            + row(text(Key::HouseholdRegisterCheck),
                  text(binding->householdRegisterSeen ? Key::CheckSeen : Key::CheckNotDone))
            + QStringLiteral("</table>");

        html += SummaryHtml::section(text(Key::RevocationNoticesSection)); // "3. Notices", as on the revocation form
        html += SummaryHtml::notices(
            {text(Key::KinshipNoticeUse), text(Key::KinshipNoticeEnd), text(Key::KinshipNoticeNotMutualAid)});
        html += SummaryHtml::signatures(text(Key::SignatureKinshipApplicant), lang);

        const QImage qr = QrCode::image(binding->number, 8, &error);
        if (qr.isNull())
            return PrintableSummary::failure(error);
        return PrintableSummary([html](const QList<int> &) { return html; }, qr, text(Key::KinshipTitle),
                                text(Key::KinshipNumber) + QStringLiteral(" ") + binding->number, lang, family);
    } catch (const StorageError &failure) {
        return PrintableSummary::failure(failure.userMessage());
    }
}

} // namespace gongji
