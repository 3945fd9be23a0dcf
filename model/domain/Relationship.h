#pragma once
#include <QList>
#include <QString>
#include <QStringList>

namespace gongji {

// What the target is to the authorizer (docs/domain.md §4), by interchange keyword.
class Relationship
{
public:
    static QList<QString> allKeywords(); // spouse child parent sibling grandparent grandchild parent_in_law other
    static bool isKnown(const QString &keyword);
    // "配偶" / "Spouse"
    static QString label(const QString &keyword);
    // GB/T 4761 code(s) printed beside the label: "10", "20/30", "53-56" …
    static QString gbCode(const QString &keyword);
    // What a clerk may type in the relationship box to pick it: each GB/T 4761 code and the
    // pinyin initials of the Chinese names ("50", "fm" → 父母), lower case.
    static QStringList shorthands(const QString &keyword);
    // Proof documents a clerk checks for this relationship, as proof keywords.
    static QList<QString> proofsFor(const QString &keyword);
    // Minimum age gap in years: positive = target older than authorizer by at least that,
    // negative = target younger by at least that, 0 = no plausibility check.
    static int minimumAgeGap(const QString &keyword);
    // What the authorizer is to the target, for the relationships that must agree in both
    // directions (spouse, parent/child, grandparent/grandchild, sibling); empty for
    // parent_in_law, other and unknown keywords, which are not checked.
    static QString inverse(const QString &keyword);
};

// Proof documents (docs/domain.md §4): keywords stored with each binding.
class Proof
{
public:
    static QList<QString>
    allKeywords(); // marriage_certificate household_register birth_certificate police_certificate notarial_certificate
    static QString label(const QString &keyword);
};

} // namespace gongji
