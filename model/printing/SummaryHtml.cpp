#include "model/printing/SummaryHtml.h"

#include <QTextDocument>
#include <QTextOption>
#include <QUrl>

#include "model/domain/IdNumber.h"
#include "model/domain/Relationship.h"
#include "model/printing/SummaryStyle.h"
#include "model/printing/SummaryText.h"
#include "model/domain/RuleSet.h"

namespace gongji {

namespace {

using Key = SummaryText::Key;

QString esc(const QString &text) { return SummaryStyle::escape(text); }

QString cell(const QString &text, const QString &attributes = {})
{
    return QStringLiteral("<td") + attributes + QStringLiteral(">") + esc(text) + QStringLiteral("</td>");
}

constexpr int qrPixels = 110; // at 96 dpi: 29 mm on paper, decodable from a 150 dpi scan

} // namespace

QString SummaryHtml::time(const QDateTime &utc)
{
    return utc.isValid() ? utc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
}

QString SummaryHtml::date(const QDate &date) { return date.toString(QStringLiteral("yyyy-MM-dd")); }

QString SummaryHtml::titleBlock(const QString &title, const PrintStamp &stamp, const QString &language)
{
    QString html = QStringLiteral("<h1 align=\"center\">") + esc(title) + QStringLiteral("</h1>");
    if (stamp.isReprint()) {
        html += QStringLiteral("<p align=\"center\"><span class=\"reprint\">【")
            + esc(SummaryText::text(Key::Reprint, language)) + QStringLiteral("】</span> <span class=\"small\">")
            + esc(SummaryText::text(Key::ReprintNote, language)
                      .arg(QString::number(stamp.copy - 1), time(stamp.printedAt), stamp.clerk))
            + QStringLiteral("</span></p>");
    } else if (stamp.isRecorded()) {
        html += QStringLiteral("<p align=\"right\" class=\"small\">") + esc(SummaryText::text(Key::PrintedAt, language))
            + QStringLiteral(" ") + esc(time(stamp.printedAt)) + QStringLiteral("</p>");
    }
    return html;
}

QString SummaryHtml::infoGrid(const QList<Field> &fields, const QString &qrCaption)
{
    // Rows first, so the QR cell knows how many rows it spans.
    QStringList rows;
    QString pending;
    for (const Field &field : fields) {
        const QString pair = cell(field.key, QStringLiteral(" class=\"key\" width=\"14%\""));
        if (field.wide) {
            if (!pending.isEmpty())
                rows.append(pending + QStringLiteral("<td colspan=\"2\"></td>"));
            pending.clear();
            rows.append(pair + cell(field.value, QStringLiteral(" colspan=\"3\"")));
        } else if (pending.isEmpty()) {
            pending = pair + cell(field.value, QStringLiteral(" width=\"26%\""));
        } else {
            rows.append(pending + pair + cell(field.value, QStringLiteral(" width=\"26%\"")));
            pending.clear();
        }
    }
    if (!pending.isEmpty())
        rows.append(pending + QStringLiteral("<td colspan=\"2\"></td>"));

    QString html = QStringLiteral("<table class=\"grid\" width=\"100%\" cellspacing=\"0\" cellpadding=\"3\">");
    for (int i = 0; i < rows.size(); ++i) {
        html += QStringLiteral("<tr>") + rows.at(i);
        if (i == 0) {
            html
                += QStringLiteral("<td rowspan=\"%1\" width=\"20%\" align=\"center\" valign=\"middle\">"
                                  "<img src=\"%2\" width=\"%3\" height=\"%3\"><br><span class=\"small\">%4</span></td>")
                       .arg(QString::number(rows.size()), qrUrl(), QString::number(qrPixels), esc(qrCaption));
        }
        html += QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</table>");
}

QString SummaryHtml::ruleSetText(const RuleSet &ruleSet, const QString &language)
{
    return SummaryText::text(Key::RuleSetDetail, language)
        .arg(ruleSet.title, ruleSet.region, date(ruleSet.effectiveFrom));
}

QString SummaryHtml::personCells(const Person &person, const QString &language)
{
    return cell(person.name) + cell(SummaryText::idTypeLabel(person.idType, language))
        + cell(IdNumber::mask(person.idNumber), QStringLiteral(" nowrap")) // one unbroken number
        + cell(person.poolingRegion) + cell(SummaryText::insuranceLabel(person.insuranceType, language));
}

QString SummaryHtml::bindingPeople(const Person &authorizer, const Person &target, const QString &relationship,
                                   const QString &language)
{
    const auto text = [&language](SummaryText::Key key) { return SummaryText::text(key, language); };
    const auto esc = [](const QString &s) { return SummaryStyle::escape(s); };
    return QStringLiteral(
               "<table class=\"grid\" width=\"100%\" cellspacing=\"0\" cellpadding=\"3\"><tr><th width=\"10%\">")
        + esc(text(SummaryText::Key::Role)) + QStringLiteral("</th>") + personHeaderCells(language, {10, 17, 22, 9, 15})
        + QStringLiteral("<th width=\"17%\">") + esc(text(SummaryText::Key::Relationship))
        + QStringLiteral("</th></tr>") + QStringLiteral("<tr><td>") + esc(text(SummaryText::Key::Authorizer))
        + QStringLiteral("</td>") + personCells(authorizer, language) + QStringLiteral("<td></td></tr>")
        + QStringLiteral("<tr><td>") + esc(text(SummaryText::Key::Target)) + QStringLiteral("</td>")
        + personCells(target, language) + QStringLiteral("<td>")
        + esc(text(SummaryText::Key::RelationshipWithCode)
                  .arg(SummaryText::relationshipLabel(relationship, language), Relationship::gbCode(relationship)))
        + QStringLiteral("</td></tr></table>");
}

QString SummaryHtml::personHeaderCells(const QString &language, const QList<int> &widths)
{
    QString html;
    int column = 0;
    for (Key key : {Key::Name, Key::IdType, Key::IdNumber, Key::PoolingRegion, Key::InsuranceType}) {
        const QString width
            = column < widths.size() ? QStringLiteral(" width=\"%1%\"").arg(widths.at(column)) : QString();
        html += QStringLiteral("<th") + width + QStringLiteral(">") + esc(SummaryText::text(key, language))
            + QStringLiteral("</th>");
        ++column;
    }
    return html;
}

QString SummaryHtml::section(const QString &heading)
{
    return QStringLiteral("<h2>") + esc(heading) + QStringLiteral("</h2>");
}

QString SummaryHtml::notices(const QStringList &items)
{
    QString html = QStringLiteral("<ol class=\"notice\">");
    for (const QString &item : items)
        html += QStringLiteral("<li class=\"notice\">") + esc(item) + QStringLiteral("</li>");
    return html + QStringLiteral("</ol>");
}

QString SummaryHtml::signatures(const QString &applicantLabel, const QString &language,
                                const QByteArray &applicantSignature, const QDateTime &signedAt)
{
    const QString line = QStringLiteral("________________________");
    const QString dateLine = esc(SummaryText::text(Key::SignatureDate, language));
    QString applicant = line;
    QString applicantDate = dateLine;
    if (!applicantSignature.isEmpty()) {
        // The picture goes in as a data URL: it belongs to this document only (a reprint reads it
        // again from the database), at 45 × 15 mm like a handwritten signature.
        applicant = QStringLiteral("<img src=\"data:image/png;base64,%1\" width=\"170\" height=\"57\">")
                        .arg(QString::fromLatin1(applicantSignature.toBase64()));
        applicantDate = esc(SummaryText::text(Key::SignedOnScreen, language).arg(time(signedAt)));
    }
    return QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"6\" style=\"margin-top: 18px;\">"
                          "<tr><td width=\"50%\">%1 %2</td><td width=\"50%\">%3 %4</td></tr>"
                          "<tr><td>%5</td><td>%6</td></tr></table>")
        .arg(esc(applicantLabel), applicant, esc(SummaryText::text(Key::SignatureClerk, language)), line, applicantDate,
             dateLine);
}

QString SummaryHtml::qrUrl() { return QStringLiteral("gongji-qr.png"); }

QString SummaryHtml::splittableTable(const QString &headerRow, const QStringList &rows, const QList<int> &rowBreaks)
{
    const QString open = QStringLiteral("<table class=\"grid\" width=\"100%\" cellspacing=\"0\" cellpadding=\"3\"%1>"
                                        "<thead>%2</thead><tbody>");
    QString html = open.arg(QString(), headerRow);
    for (int i = 0; i < rows.size(); ++i) {
        if (i > 0 && rowBreaks.contains(i))
            html += QStringLiteral("</tbody></table>")
                + open.arg(QStringLiteral(" style=\"page-break-before: always;\""), headerRow);
        html += rows.at(i);
    }
    return html + QStringLiteral("</tbody></table>");
}

std::unique_ptr<QTextDocument> SummaryHtml::makeDocument(const QString &bodyHtml, const QString &fontFamily,
                                                         const QImage &qr, const QString &title)
{
    auto document = std::make_unique<QTextDocument>();
    document->setDefaultFont(SummaryStyle::font(fontFamily, 10));
    document->setDefaultStyleSheet(SummaryStyle::styleSheet());
    document->setDocumentMargin(0); // the page margins are SummaryPainter's, deliberately
    // Break lines between words only: never in the middle of a (masked) ID number or a region code.
    QTextOption option = document->defaultTextOption();
    option.setWrapMode(QTextOption::WordWrap);
    document->setDefaultTextOption(option);
    document->setMetaInformation(QTextDocument::DocumentTitle, title);
    document->addResource(QTextDocument::ImageResource, QUrl(qrUrl()), qr);
    document->setHtml(QStringLiteral("<html><body>") + bodyHtml + QStringLiteral("</body></html>"));
    return document;
}

} // namespace gongji
