#include "PopulationGenerator.h"

#include "model/domain/IdNumber.h"

namespace gongji {

namespace {

const QStringList kSurnames
    = {QStringLiteral("王"),   QStringLiteral("李"),  QStringLiteral("张"), QStringLiteral("刘"), QStringLiteral("陈"),
       QStringLiteral("杨"),   QStringLiteral("黄"),  QStringLiteral("赵"), QStringLiteral("吴"), QStringLiteral("周"),
       QStringLiteral("徐"),   QStringLiteral("孙"),  QStringLiteral("马"), QStringLiteral("朱"), QStringLiteral("胡"),
       QStringLiteral("郭"),   QStringLiteral("何"),  QStringLiteral("高"), QStringLiteral("林"), QStringLiteral("罗"),
       QStringLiteral("郑"),   QStringLiteral("梁"),  QStringLiteral("谢"), QStringLiteral("宋"), QStringLiteral("唐"),
       QStringLiteral("许"),   QStringLiteral("韩"),  QStringLiteral("冯"), QStringLiteral("邓"), QStringLiteral("曹"),
       QStringLiteral("欧阳"), QStringLiteral("司马")};
const QString kGivenChars = QStringLiteral("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玉梅文"
                                           "斌宇浩然子轩欣怡雨晨思远佳琪俊博嘉诚晓东海燕春林云飞");

} // namespace

PopulationGenerator::PopulationGenerator(quint64 seed, int idSpace) : m_rng(seed), m_idSpace(idSpace) {}

const QList<PopulationGenerator::Region> &PopulationGenerator::regions()
{
    // 杭州 (浙江: one authorizer per target), 北京 (same pooling region), 深圳 (national rules),
    // 太原 (山西: reserve floor), 上海 (national rules).
    static const QList<Region> all = {
        {QStringLiteral("330100"),
         {QStringLiteral("330102"), QStringLiteral("330105"), QStringLiteral("330106"), QStringLiteral("330108"),
          QStringLiteral("330109"), QStringLiteral("330110")}},
        {QStringLiteral("110100"),
         {QStringLiteral("110101"), QStringLiteral("110102"), QStringLiteral("110105"), QStringLiteral("110106"),
          QStringLiteral("110108")}},
        {QStringLiteral("440300"),
         {QStringLiteral("440303"), QStringLiteral("440304"), QStringLiteral("440305"), QStringLiteral("440306"),
          QStringLiteral("440307")}},
        {QStringLiteral("140100"),
         {QStringLiteral("140105"), QStringLiteral("140106"), QStringLiteral("140107"), QStringLiteral("140108"),
          QStringLiteral("140109")}},
        {QStringLiteral("310100"),
         {QStringLiteral("310101"), QStringLiteral("310104"), QStringLiteral("310105"), QStringLiteral("310106"),
          QStringLiteral("310107")}},
    };
    return all;
}

QString PopulationGenerator::residentId(const QString &address, const QDate &birth, int sequence)
{
    const QString first17 = address + birth.toString(QStringLiteral("yyyyMMdd"))
        + QStringLiteral("%1").arg(sequence, 3, 10, QLatin1Char('0'));
    return first17 + IdNumber::mod11CheckChar(first17);
}

int PopulationGenerator::random(int low, int high) { return std::uniform_int_distribution<int>(low, high)(m_rng); }

QString PopulationGenerator::uniqueId(const QString &address, const QDate &birth, QChar sex)
{
    // Sequences are split between generators by idSpace (0..4 → 100 each), odd for men.
    const QString key = address + birth.toString(Qt::ISODate) + sex;
    int &next = m_nextSequence[key];
    QDate day = birth;
    while (next >= 50) { // this day is full: the next day has room
        day = day.addDays(1);
        return uniqueId(address, day, sex);
    }
    const int sequence = m_idSpace * 100 + next * 2 + (sex == QLatin1Char('M') ? 1 : 0);
    ++next;
    return residentId(address, day, sequence);
}

QString PopulationGenerator::givenName()
{
    QString name(kGivenChars.at(random(0, int(kGivenChars.size()) - 1)));
    if (random(0, 3) != 0)
        name += kGivenChars.at(random(0, int(kGivenChars.size()) - 1));
    return name;
}

Person PopulationGenerator::makePerson(const Region &region, const QString &surname, QChar sex, int age, bool employee)
{
    const QDate today(2026, 11, 1);
    const QDate birth = today.addYears(-age).addDays(-random(1, 360));
    const QString address = region.addresses.at(random(0, int(region.addresses.size()) - 1));
    Person p;
    p.name = surname + givenName();
    p.idType = QStringLiteral("01");
    p.idNumber = uniqueId(address, birth, sex);
    // The number's own birth date (a full day moves it on by one) is the person's.
    p.birthDate = QDate::fromString(p.idNumber.mid(6, 8), QStringLiteral("yyyyMMdd"));
    p.sex = sex;
    p.insuranceType = employee ? QStringLiteral("310") : QStringLiteral("390");
    p.employment = employee ? (age >= 60 ? QStringLiteral("retired") : QStringLiteral("working")) : QString();
    p.status = QStringLiteral("active");
    p.poolingRegion = region.pooling;
    p.balanceFen = employee ? qint64(random(0, 5000000)) : 0;
    p.publicMedical = false;
    return p;
}

PopulationGenerator::Household PopulationGenerator::nextHousehold(int size)
{
    const QList<Region> &all = regions();
    return nextHouseholdIn(all.at(random(0, int(all.size()) - 1)).pooling, size);
}

PopulationGenerator::Household PopulationGenerator::nextHouseholdIn(const QString &poolingRegion, int size)
{
    const Region *region = &regions().first();
    for (const Region &r : regions())
        if (r.pooling == poolingRegion)
            region = &r;
    if (size <= 0)
        size = random(2, 6);
    Household household;
    const QString surname = kSurnames.at(random(0, int(kSurnames.size()) - 1));
    const QChar headSex = random(0, 1) ? QLatin1Char('M') : QLatin1Char('F');
    const QChar otherSex = headSex == QLatin1Char('M') ? QLatin1Char('F') : QLatin1Char('M');
    const int headAge = random(28, 58);
    household.members.append({makePerson(*region, surname, headSex, headAge, true), QString()});
    const QString spouseSurname = kSurnames.at(random(0, int(kSurnames.size()) - 1));
    household.members.append(
        {makePerson(*region, spouseSurname, otherSex, qBound(20, headAge + random(-5, 5), 90), random(0, 99) < 85),
         QStringLiteral("spouse")});
    // The rest: up to two parents of the head, then children, each plausibly aged.
    int parents = 0;
    while (household.members.size() < size) {
        const bool parent = parents < 2 && random(0, 2) == 0;
        if (parent) {
            const QChar sex = parents == 0 ? QLatin1Char('M') : QLatin1Char('F');
            const int age = qMin(headAge + random(22, 35), 99);
            household.members.append(
                {makePerson(*region, sex == QLatin1Char('M') ? surname : spouseSurname, sex, age, random(0, 99) < 40),
                 QStringLiteral("parent")});
            ++parents;
        } else {
            const int age = qMax(1, headAge - random(20, 34));
            household.members.append({makePerson(*region, surname, random(0, 1) ? QLatin1Char('M') : QLatin1Char('F'),
                                                 age, age >= 18 && random(0, 1) == 0),
                                      QStringLiteral("child")});
        }
    }
    return household;
}

} // namespace gongji
