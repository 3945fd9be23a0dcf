#include "model/domain/Relationship.h"

#include <QCoreApplication>
#include <QHash>

namespace gongji {

namespace {
const QString Spouse = QStringLiteral("spouse");
const QString Child = QStringLiteral("child");
const QString Parent = QStringLiteral("parent");
const QString Sibling = QStringLiteral("sibling");
const QString Grandparent = QStringLiteral("grandparent");
const QString Grandchild = QStringLiteral("grandchild");
const QString ParentInLaw = QStringLiteral("parent_in_law");
const QString Other = QStringLiteral("other");

const QString Marriage = QStringLiteral("marriage_certificate");
const QString Household = QStringLiteral("household_register");
const QString Birth = QStringLiteral("birth_certificate");
const QString Police = QStringLiteral("police_certificate");
const QString Notarial = QStringLiteral("notarial_certificate");
} // namespace

QList<QString> Relationship::allKeywords()
{
    return {Spouse, Child, Parent, Sibling, Grandparent, Grandchild, ParentInLaw, Other};
}

bool Relationship::isKnown(const QString &keyword) { return allKeywords().contains(keyword); }

QString Relationship::label(const QString &keyword)
{
    if (keyword == Spouse)
        return QCoreApplication::translate("Relationship", "Spouse");
    if (keyword == Child)
        return QCoreApplication::translate("Relationship", "Child");
    if (keyword == Parent)
        return QCoreApplication::translate("Relationship", "Parent");
    if (keyword == Sibling)
        return QCoreApplication::translate("Relationship", "Sibling");
    if (keyword == Grandparent)
        return QCoreApplication::translate("Relationship", "Grandparent");
    if (keyword == Grandchild)
        return QCoreApplication::translate("Relationship", "Grandchild");
    if (keyword == ParentInLaw)
        return QCoreApplication::translate("Relationship", "Spouse's parent");
    if (keyword == Other)
        return QCoreApplication::translate("Relationship", "Other");
    return QCoreApplication::translate("Relationship", "Unknown relationship %1").arg(keyword);
}

QString Relationship::gbCode(const QString &keyword)
{
    // GB/T 4761 family-relation codes: 20 son / 30 daughter, 53-56 the spouse's parents.
    if (keyword == Spouse)
        return QStringLiteral("10");
    if (keyword == Child)
        return QStringLiteral("20/30");
    if (keyword == Parent)
        return QStringLiteral("50");
    if (keyword == Sibling)
        return QStringLiteral("70");
    if (keyword == Grandparent)
        return QStringLiteral("60");
    if (keyword == Grandchild)
        return QStringLiteral("40");
    if (keyword == ParentInLaw)
        return QStringLiteral("53-56");
    if (keyword == Other)
        return QStringLiteral("80");
    return QString();
}

QStringList Relationship::shorthands(const QString &keyword)
{
    // The codes of gbCode() one by one ("20/30", "53-56" spelled out), then pinyin initials of
    // the names counters use (配偶 po, 岳父母 yfm, 公婆 gp …). No initials start with "po", so it completes.
    static const QHash<QString, QStringList> initials = {
        {Spouse, {QStringLiteral("po")}},
        {Child, {QStringLiteral("zn"), QStringLiteral("ez"), QStringLiteral("nv")}},
        {Parent, {QStringLiteral("fm")}},
        {Sibling, {QStringLiteral("xdjm")}},
        {Grandparent, {QStringLiteral("zfm"), QStringLiteral("wzfm")}},
        {Grandchild, {QStringLiteral("szn"), QStringLiteral("wszn")}},
        {ParentInLaw, {QStringLiteral("yfm"), QStringLiteral("gp")}},
        {Other, {QStringLiteral("qt")}},
    };
    QStringList codes;
    const QString code = gbCode(keyword);
    for (const QString &part : code.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        const QStringList range = part.split(QLatin1Char('-'));
        if (range.size() == 2) {
            for (int c = range.at(0).toInt(); c <= range.at(1).toInt(); ++c)
                codes << QString::number(c);
        } else {
            codes << part;
        }
    }
    return codes + initials.value(keyword);
}

QList<QString> Relationship::proofsFor(const QString &keyword)
{
    if (keyword == Spouse)
        return {Marriage};
    if (keyword == Child || keyword == Parent)
        return {Household, Birth, Police};
    // Two generations or a shared parent: a chain of the parent/child proofs, or a notary.
    if (keyword == Sibling || keyword == Grandparent || keyword == Grandchild)
        return {Household, Birth, Police, Notarial};
    // The spouse's parent: the marriage plus the spouse's parent/child proof.
    if (keyword == ParentInLaw)
        return {Marriage, Household, Birth, Police, Notarial};
    if (keyword == Other)
        return {Household, Notarial};
    return {};
}

int Relationship::minimumAgeGap(const QString &keyword)
{
    if (keyword == Parent)
        return 14;
    if (keyword == Child)
        return -14;
    if (keyword == Grandparent)
        return 28;
    if (keyword == Grandchild)
        return -28;
    return 0;
}

QString Relationship::inverse(const QString &keyword)
{
    if (keyword == Spouse || keyword == Sibling)
        return keyword;
    if (keyword == Parent)
        return Child;
    if (keyword == Child)
        return Parent;
    if (keyword == Grandparent)
        return Grandchild;
    if (keyword == Grandchild)
        return Grandparent;
    return {};
}

QList<QString> Proof::allKeywords() { return {Marriage, Household, Birth, Police, Notarial}; }

QString Proof::label(const QString &keyword)
{
    if (keyword == Marriage)
        return QCoreApplication::translate("Proof", "Marriage certificate");
    if (keyword == Household)
        return QCoreApplication::translate("Proof", "Household register");
    if (keyword == Birth)
        return QCoreApplication::translate("Proof", "Medical birth certificate");
    if (keyword == Police)
        return QCoreApplication::translate("Proof", "Police certificate of the relationship");
    if (keyword == Notarial)
        return QCoreApplication::translate("Proof", "Notarial certificate");
    return QCoreApplication::translate("Proof", "Unknown proof %1").arg(keyword);
}

} // namespace gongji
