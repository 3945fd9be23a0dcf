#pragma once
#include <QString>

namespace gongji {

// The binding a relationship finding is about (SPOUSE_ALREADY_BOUND, RELATIONSHIP_CONFLICT,
// RELATIONSHIP_UNUSUAL), as the clerk is told it: the other person with the ID number masked,
// and where that binding is: a stored filing, or an earlier entry of the same filing or file.
struct ConflictingBinding
{
    QString filingNumber; // empty: not stored yet
    int batchRow = 0; // > 0: an earlier row of the same filings file
    QString authorizerName; // the binding as recorded: who authorizes whom, as what
    QString targetName;
    QString otherName; // the person who makes the conflict: one side of that binding,
    QString otherIdNumber; // ID number masked, as on every screen
    QString relationship;

    // "刘洋 → 赵敏 110105********1405 (配偶), filing GJ20261201-0001" in the UI language.
    QString text() const;
};

} // namespace gongji
