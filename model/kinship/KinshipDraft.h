#pragma once
#include <QDate>
#include <QString>

namespace gongji {

// A kinship-account binding being entered at the counter or read from a batch file.
struct KinshipDraft
{
    QString holderIdType;
    QString holderIdNumber;
    QString holderName; // empty: not compared
    QString memberIdType;
    QString memberIdNumber;
    QString memberName; // empty: not compared
    QString relationship; // what the member is to the holder (docs/domain.md §4 keywords)
    bool faceVerified = false; // required when the member is 16 or over
    bool householdRegisterSeen = false; // required when the member is under 16
    QDate filedOn;
    QString clerk;
    QString channel = QStringLiteral("counter");
};

} // namespace gongji
