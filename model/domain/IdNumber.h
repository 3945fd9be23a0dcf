#pragma once
#include <QChar>
#include <QDate>
#include <QString>

#include "model/domain/RefusalCode.h"

namespace gongji {

// Result of checking one typed ID number against its document type (docs/domain.md §3).
struct IdCheck
{
    QString type; // the document type; 01 with a 9… number becomes 07
    QString number; // normalised: trimmed, upper case, 15 digits upgraded to 18
    RefusalCode error
        = RefusalCode::None; // None, IdFormatInvalid, IdChecksumInvalid or IdTypeNotAccepted (unknown type)
    QString detail; // what exactly is wrong, in the UI language; empty when valid
    QDate birthDate; // derived where the number carries it, else invalid
    QChar sex; // 'M' or 'F' where derivable, else null
    bool typeRerouted = false; // 01 → 07 because the number starts with 9
    bool upgradedFrom15 = false; // legacy 15-digit number was upgraded

    bool isValid() const { return error == RefusalCode::None; }
};

class IdNumber
{
public:
    // Checks and normalises. `today` bounds birth dates (must be a real, past date).
    static IdCheck check(const QString &type, const QString &raw, const QDate &today = QDate::currentDate());
    // ISO 7064 MOD 11-2 check character for 17 digits ('0'..'9' or 'X'); null QChar if not 17 digits.
    static QChar mod11CheckChar(const QString &first17);
    // "110101********123X": first 6 and last 4 shown; short numbers keep only the last 4.
    static QString mask(const QString &number);
    // `text` with every run of 15 or more digits (an 18-character number may end in X) masked
    // as above: for free text that must not carry a full ID number (audit details, reasons).
    static QString maskWithin(const QString &text);
};

} // namespace gongji
