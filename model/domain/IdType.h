#pragma once
#include <QList>
#include <QString>
#include <QStringList>

namespace gongji {

// ID document types by the national platform's psn_cert_type codes (docs/domain.md §3).
class IdType
{
public:
    static const QString ResidentId; // 01 居民身份证（户口簿）
    static const QString HongKongPermit; // 04 港澳居民来往内地通行证 (H…)
    static const QString MacauPermit; // 05 港澳居民来往内地通行证 (M…)
    static const QString TaiwanPermit; // 06 台湾居民来往大陆通行证
    static const QString ForeignPermanent; // 07 外国人永久居留身份证
    static const QString ForeignPassport; // 08 外国人护照
    static const QString ChinesePassport; // 16 中国护照
    static const QString ResidencePermitHmt; // 17 港澳台居民居住证

    // Every known code, in display order.
    static QList<QString> allCodes();
    static bool isKnown(const QString &code);
    // Label in the UI language, e.g. "居民身份证（户口簿）".
    static QString label(const QString &code);
    // What a clerk may type in an ID-type box to pick it: the code and the pinyin initials of
    // the document's usual Chinese name ("01", "sfz" → 居民身份证), lower case.
    static QStringList shorthands(const QString &code);
    // True where the number carries birth date and sex (01, 17, 07 new card).
    static bool numberCarriesBirthDate(const QString &code);
};

} // namespace gongji
