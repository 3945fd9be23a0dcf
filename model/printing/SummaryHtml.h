#pragma once
#include <QDate>
#include <QDateTime>
#include <QImage>
#include <QList>
#include <QPair>
#include <QString>
#include <memory>

#include "model/domain/Person.h"
#include "model/printing/PrintRecord.h"

class QTextDocument;

namespace gongji {

struct RuleSet;

// HTML pieces shared by the filing and the revocation summary, so both look alike.
class SummaryHtml
{
public:
    // Local time "2026-11-22 09:30" / date "2026-11-22" as printed.
    static QString time(const QDateTime &utc);
    static QString date(const QDate &date);
    // Title, and under it the print time, with 补打 on a reprint.
    static QString titleBlock(const QString &title, const PrintStamp &stamp, const QString &language);
    // Key/value pairs two to a row, the QR code (resource qrUrl()) at the right. A pair whose key
    // starts a row alone and whose value is long may take the whole row: wide = true.
    struct Field
    {
        QString key;
        QString value;
        bool wide = false;
    };
    static QString infoGrid(const QList<Field> &fields, const QString &qrCaption);
    static QString ruleSetText(const RuleSet &ruleSet, const QString &language);
    // <td> cells: name, ID type, masked ID number (never the full one), pooling region, insurance.
    static QString personCells(const Person &person, const QString &language);
    // widths: percent of the table for each of the five columns; empty = Qt decides.
    static QString personHeaderCells(const QString &language, const QList<int> &widths = {});
    // The two people of one mutual-aid binding, with the relationship (revocation and quota forms).
    static QString bindingPeople(const Person &authorizer, const Person &target, const QString &relationship,
                                 const QString &language);
    static QString section(const QString &heading);
    static QString notices(const QStringList &items);
    // `applicantSignature`: the applicant's stored signature (PNG), printed on their line with
    // `signedAt`; empty for the blank line to sign on paper.
    static QString signatures(const QString &applicantLabel, const QString &language,
                              const QByteArray &applicantSignature = {}, const QDateTime &signedAt = {});

    // A grid table whose header row repeats on every page, split into one table per page
    // before each row in rowBreaks (see PrintableSummary::HtmlSource).
    static QString splittableTable(const QString &headerRow, const QStringList &rows, const QList<int> &rowBreaks);

    static QString qrUrl();
    // The finished body: chosen font, style sheet, no extra margin, the QR code image.
    static std::unique_ptr<QTextDocument> makeDocument(const QString &bodyHtml, const QString &fontFamily,
                                                       const QImage &qrCode, const QString &title);
};

} // namespace gongji
