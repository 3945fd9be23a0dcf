#include "model/printing/SummaryText.h"

#include <QCoreApplication>
#include <iterator>

namespace gongji {

namespace {

struct Pair
{
    const char *english; // the source string (QT_TRANSLATE_NOOP marks it for lupdate)
    const char *chinese; // the fixed wording of the printed form
};

// In the order of SummaryText::Key.
const Pair texts[] = {
    {QT_TRANSLATE_NOOP("SummaryText", "Family mutual aid of personal accounts: filing confirmation"),
     "个人账户家庭共济备案确认单"},
    {QT_TRANSLATE_NOOP("SummaryText", "Family mutual aid of personal accounts: revocation confirmation"),
     "个人账户家庭共济解除确认单"},
    {QT_TRANSLATE_NOOP("SummaryText", "Filing number"), "备案编号"},
    {QT_TRANSLATE_NOOP("SummaryText", "Binding number"), "共济关系编号"},
    {QT_TRANSLATE_NOOP("SummaryText", "Office"), "经办机构"},
    {QT_TRANSLATE_NOOP("SummaryText", "Office address"), "机构地址"},
    {QT_TRANSLATE_NOOP("SummaryText", "Counter"), "受理窗口"},
    {QT_TRANSLATE_NOOP("SummaryText", "Clerk"), "经办人"},
    {QT_TRANSLATE_NOOP("SummaryText", "Filed at"), "受理时间"},
    {QT_TRANSLATE_NOOP("SummaryText", "Effective date"), "生效日期"},
    {QT_TRANSLATE_NOOP("SummaryText", "Rule set applied"), "适用规则"},
    {QT_TRANSLATE_NOOP("SummaryText", "%1 (region %2, in effect from %3)"), "%1（区划 %2，自 %3 起施行）"},
    {QT_TRANSLATE_NOOP("SummaryText", "Printed at"), "打印时间"},
    {QT_TRANSLATE_NOOP("SummaryText", "Reprint"), "补打"},
    {QT_TRANSLATE_NOOP("SummaryText", "Reprint no. %1, printed %2 by %3"), "第 %1 次补打，补打时间 %2，补打经办人 %3"},
    {QT_TRANSLATE_NOOP("SummaryText", "Page %1 of %2"), "第%1页/共%2页"},
    {QT_TRANSLATE_NOOP("SummaryText", "Scan for the filing number"), "扫码查询备案编号"},
    {QT_TRANSLATE_NOOP("SummaryText", "1. Authorizer (the employee insured whose account pays)"),
     "一、授权人（共济人）"},
    {QT_TRANSLATE_NOOP("SummaryText", "2. Targets (the relatives the account may pay for)"),
     "二、共济对象（被共济人）"},
    {QT_TRANSLATE_NOOP("SummaryText", "Role"), "身份"},
    {QT_TRANSLATE_NOOP("SummaryText", "Authorizer"), "授权人"},
    {QT_TRANSLATE_NOOP("SummaryText", "Target"), "共济对象"},
    {QT_TRANSLATE_NOOP("SummaryText", "No."), "序号"},
    {QT_TRANSLATE_NOOP("SummaryText", "Name"), "姓名"},
    {QT_TRANSLATE_NOOP("SummaryText", "ID document"), "证件类型"},
    {QT_TRANSLATE_NOOP("SummaryText", "ID number"), "证件号码"},
    {QT_TRANSLATE_NOOP("SummaryText", "Relationship (GB/T 4761)"), "与授权人关系（GB/T 4761代码）"},
    {QT_TRANSLATE_NOOP("SummaryText", "Pooling region"), "统筹区"},
    {QT_TRANSLATE_NOOP("SummaryText", "Insurance"), "险种"},
    {QT_TRANSLATE_NOOP("SummaryText", "Proofs seen"), "已查验证明材料"},
    {QT_TRANSLATE_NOOP("SummaryText", "none recorded"), "未记录"},
    {QT_TRANSLATE_NOOP("SummaryText", "ended %1"), "%1解除"},
    {QT_TRANSLATE_NOOP("SummaryText", "authorized until %1 (inclusive)"), "授权期限至%1（含当日）"},
    {QT_TRANSLATE_NOOP("SummaryText", "%1 (%2)"), "%1（%2）"},
    {QT_TRANSLATE_NOOP("SummaryText", "3. Commitment"), "三、承诺事项"},
    {QT_TRANSLATE_NOOP("SummaryText", "The authorizer acknowledged the commitment letter (version %1) at %2:"),
     "授权人已阅读并确认承诺书（版本 %1，确认时间 %2）："},
    {QT_TRANSLATE_NOOP("SummaryText", "Acknowledged on paper: the authorizer signed the paper copy of the letter."),
     "确认方式：纸质承诺书签字。"},
    {QT_TRANSLATE_NOOP("SummaryText",
                       "Acknowledged on the citizen's screen: the authorizer ticked the pledge there at %1."),
     "确认方式：授权人于 %1 在客户屏上勾选承诺。"},
    {QT_TRANSLATE_NOOP("SummaryText", "4. Notices"), "四、告知事项"},
    {QT_TRANSLATE_NOOP("SummaryText",
                       "When a target pays for medical care or medicines, the target's own personal account pays "
                       "first; only the rest is paid from the authorizer's personal account, as the rules allow."),
     "共济对象就医购药结算时，先使用共济对象本人的个人账户支付；不足部分，再由授权人的个人账户按规定支付。"},
    {QT_TRANSLATE_NOOP(
         "SummaryText",
         "The authorizer or a target may end the binding at any time at a medical-insurance service counter, with a "
         "valid ID document and a reason; from the next payment on, the authorizer's account no longer pays."),
     "授权人或共济对象可随时持有效身份证件到医保经办窗口申请解除共济关系并说明原因；解除后自下一笔结算起不再共济支付"
     "。"},
    {QT_TRANSLATE_NOOP("SummaryText",
                       "A binding ends automatically when the authorizer or the target is suspended, terminated or "
                       "deceased, or is insured outside the territorial scope of the rules."),
     "授权人或共济对象停保、终止参保、死亡，或参保地变化超出规定范围的，共济关系自动解除。"},
    {QT_TRANSLATE_NOOP("SummaryText",
                       "This is family mutual aid of the personal account, not the kinship account of the "
                       "medical-insurance e-voucher: a kinship account only shows a relative's e-voucher, never uses "
                       "another person's account, and is set up separately."),
     "本单办理的是个人账户家庭共济，不是医保电子凭证的亲情账户：亲情账户仅代为出示亲属的医保电子凭证，不使用他人个人账"
     "户资金，需另行办理。"},
    {QT_TRANSLATE_NOOP("SummaryText", "1. Authorizer and target"), "一、授权人与共济对象"},
    {QT_TRANSLATE_NOOP("SummaryText", "2. Revocation"), "二、解除情况"},
    {QT_TRANSLATE_NOOP("SummaryText", "3. Notices"), "三、告知事项"},
    {QT_TRANSLATE_NOOP("SummaryText", "Bound since"), "建立时间"},
    {QT_TRANSLATE_NOOP("SummaryText", "Ended at"), "解除时间"},
    {QT_TRANSLATE_NOOP("SummaryText", "Ended by (clerk)"), "解除经办人"},
    {QT_TRANSLATE_NOOP("SummaryText", "Requested by"), "申请人"},
    {QT_TRANSLATE_NOOP("SummaryText", "Reason"), "解除原因"},
    {QT_TRANSLATE_NOOP("SummaryText", "the authorizer"), "授权人"},
    {QT_TRANSLATE_NOOP("SummaryText", "the target"), "共济对象"},
    {QT_TRANSLATE_NOOP("SummaryText", "the system (automatic end)"), "系统（自动解除）"},
    {QT_TRANSLATE_NOOP("SummaryText", "The revocation took effect at %1. Payments made before it are not refunded."),
     "解除自 %1 起生效，此前已发生的共济支付不予退回。"},
    {QT_TRANSLATE_NOOP(
         "SummaryText",
         "Under the rule set applied, the same pair cannot be bound again within %1 days of the revocation."),
     "按适用规则，解除后 %1 日内不得再次绑定同一共济对象。"},
    {QT_TRANSLATE_NOOP("SummaryText", "Applicant (authorizer), signature:"), "申请人（授权人）签字："},
    {QT_TRANSLATE_NOOP("SummaryText", "Applicant, signature:"), "申请人签字："},
    {QT_TRANSLATE_NOOP("SummaryText", "Clerk, signature:"), "经办人签字："},
    {QT_TRANSLATE_NOOP("SummaryText", "Date: ________ / _____ / _____"), "日期：________年_____月_____日"},
    {QT_TRANSLATE_NOOP("SummaryText", "Signed on the citizen's screen at %1"), "于 %1 在客户屏签名"},
    {QT_TRANSLATE_NOOP("SummaryText", "Medical-insurance kinship account: binding confirmation"),
     "医保亲情账户绑定确认单"},
    {QT_TRANSLATE_NOOP("SummaryText", "Kinship binding number"), "绑定编号"},
    {QT_TRANSLATE_NOOP("SummaryText", "Bound at"), "绑定时间"},
    {QT_TRANSLATE_NOOP("SummaryText",
                       "A kinship account only lets the holder show the member's medical-insurance e-voucher on the "
                       "member's behalf. No money moves: the member pays with the member's own insurance and personal "
                       "account. A kinship account is not family mutual aid."),
     "亲情账户仅供持有人代为出示家庭成员的医保电子凭证，不发生任何资金划转：家庭成员就医购药仍由其本人的医保待遇和个人"
     "账户支付。亲情账户不是个人账户家庭共济。"},
    {QT_TRANSLATE_NOOP("SummaryText", "Scan for the binding number"), "扫码查询绑定编号"},
    {QT_TRANSLATE_NOOP("SummaryText", "1. Holder and member"), "一、亲情账户持有人与家庭成员"},
    {QT_TRANSLATE_NOOP("SummaryText", "Holder"), "持有人"},
    {QT_TRANSLATE_NOOP("SummaryText", "Member"), "家庭成员"},
    {QT_TRANSLATE_NOOP("SummaryText", "Relationship to the holder (GB/T 4761)"), "与持有人关系（GB/T 4761代码）"},
    {QT_TRANSLATE_NOOP("SummaryText", "2. Checks at the counter"), "二、核验情况"},
    {QT_TRANSLATE_NOOP("SummaryText", "Face verification (member aged 16 or over)"),
     "人脸识别核验（年满16周岁的成员）"},
    {QT_TRANSLATE_NOOP("SummaryText", "Household register seen (member under 16)"), "户口簿查验（未满16周岁的成员）"},
    {QT_TRANSLATE_NOOP("SummaryText", "done"), "已完成"},
    {QT_TRANSLATE_NOOP("SummaryText", "seen"), "已查验"},
    {QT_TRANSLATE_NOOP("SummaryText", "not done"), "未进行"},
    {QT_TRANSLATE_NOOP("SummaryText",
                       "The holder may show the member's e-voucher on the holder's own phone, for the member's own "
                       "medical care and medicines only; the member's own insurance and personal account pay."),
     "持有人可在本人手机上代为出示家庭成员的医保电子凭证，仅用于该成员本人就医购药，费用由该成员本人的医保待遇和个人账"
     "户支付。"},
    {QT_TRANSLATE_NOOP("SummaryText",
                       "The holder or the member may end the binding at any time at a medical-insurance service "
                       "counter, with a valid ID document."),
     "持有人或家庭成员可随时持有效身份证件到医保经办窗口申请解除亲情账户绑定。"},
    {QT_TRANSLATE_NOOP("SummaryText",
                       "This binding does not let anyone's personal account pay for the member: that is family mutual "
                       "aid, which is filed separately."),
     "本次绑定不产生共济关系，任何人的个人账户均不为该成员支付费用；如需使用个人账户为家人支付，须另行办理个人账户家庭"
     "共济备案。"},
    {QT_TRANSLATE_NOOP("SummaryText", "Applicant (holder), signature:"), "申请人（持有人）签字："},
    {QT_TRANSLATE_NOOP("SummaryText", "Quota (共济额度)"), "共济额度"},
    {QT_TRANSLATE_NOOP("SummaryText", "%1 yuan"), "%1 元"},
    {QT_TRANSLATE_NOOP("SummaryText", "none"), "无"},
    {QT_TRANSLATE_NOOP("SummaryText",
                       "Money inside a quota is set aside for its own target: while the binding lasts, neither the "
                       "authorizer nor the authorizer's other relatives can use it; what is unused goes back to the "
                       "authorizer when the binding ends."),
     "共济额度内的资金仅用于对应的共济对象：共济关系存续期间，授权人本人及其他共济对象均不得使用；关系解除后，未使用部"
     "分退回授权人个人账户。"},
    {QT_TRANSLATE_NOOP("SummaryText",
                       "The quota of %1 yuan set aside for this target is freed: what is unused is the authorizer's "
                       "own balance again."),
     "为该共济对象预留的共济额度 %1 元已释放，未使用部分重新计入授权人个人账户。"},
    {QT_TRANSLATE_NOOP("SummaryText", "Family mutual aid of personal accounts: quota change confirmation"),
     "个人账户家庭共济额度调整确认单"},
    {QT_TRANSLATE_NOOP("SummaryText", "2. Quota change"), "二、额度调整情况"},
    {QT_TRANSLATE_NOOP("SummaryText", "Quota before"), "调整前额度"},
    {QT_TRANSLATE_NOOP("SummaryText", "Quota after"), "调整后额度"},
    {QT_TRANSLATE_NOOP("SummaryText", "Changed at"), "调整时间"},
    {QT_TRANSLATE_NOOP("SummaryText", "Changed by (clerk)"), "调整经办人"},
    {QT_TRANSLATE_NOOP("SummaryText", "Quota change number"), "额度调整编号"},
};
static_assert(std::size(texts) == static_cast<size_t>(SummaryText::Key::Count), "one text per key");

struct Labelled
{
    const char *code;
    const char *english;
    const char *chinese;
};

const Labelled idTypes[] = {
    {"01", QT_TRANSLATE_NOOP("SummaryText", "Resident identity card (household register)"), "居民身份证（户口簿）"},
    {"04", QT_TRANSLATE_NOOP("SummaryText", "Mainland travel permit for Hong Kong residents"),
     "港澳居民来往内地通行证（香港）"},
    {"05", QT_TRANSLATE_NOOP("SummaryText", "Mainland travel permit for Macau residents"),
     "港澳居民来往内地通行证（澳门）"},
    {"06", QT_TRANSLATE_NOOP("SummaryText", "Mainland travel permit for Taiwan residents"), "台湾居民来往大陆通行证"},
    {"07", QT_TRANSLATE_NOOP("SummaryText", "Foreigner's permanent residence ID card"), "外国人永久居留身份证"},
    {"08", QT_TRANSLATE_NOOP("SummaryText", "Foreign passport"), "外国人护照"},
    {"16", QT_TRANSLATE_NOOP("SummaryText", "Chinese passport"), "中国护照"},
    {"17", QT_TRANSLATE_NOOP("SummaryText", "Residence permit for Hong Kong, Macau and Taiwan residents"),
     "港澳台居民居住证"},
};

const Labelled relationships[] = {
    {"spouse", QT_TRANSLATE_NOOP("SummaryText", "Spouse"), "配偶"},
    {"child", QT_TRANSLATE_NOOP("SummaryText", "Child"), "子女"},
    {"parent", QT_TRANSLATE_NOOP("SummaryText", "Parent"), "父母"},
    {"sibling", QT_TRANSLATE_NOOP("SummaryText", "Sibling"), "兄弟姐妹"},
    {"grandparent", QT_TRANSLATE_NOOP("SummaryText", "Grandparent"), "祖父母/外祖父母"},
    {"grandchild", QT_TRANSLATE_NOOP("SummaryText", "Grandchild"), "孙子女/外孙子女"},
    {"parent_in_law", QT_TRANSLATE_NOOP("SummaryText", "Spouse's parent"), "配偶的父母"},
    {"other", QT_TRANSLATE_NOOP("SummaryText", "Other"), "其他"},
};

const Labelled proofs[] = {
    {"marriage_certificate", QT_TRANSLATE_NOOP("SummaryText", "Marriage certificate"), "结婚证"},
    {"household_register", QT_TRANSLATE_NOOP("SummaryText", "Household register"), "户口簿"},
    {"birth_certificate", QT_TRANSLATE_NOOP("SummaryText", "Medical birth certificate"), "出生医学证明"},
    {"police_certificate", QT_TRANSLATE_NOOP("SummaryText", "Police certificate of the relationship"),
     "公安机关亲属关系证明"},
    {"notarial_certificate", QT_TRANSLATE_NOOP("SummaryText", "Notarial certificate"), "公证书"},
};

const Labelled insuranceTypes[] = {
    {"310", QT_TRANSLATE_NOOP("SummaryText", "Employee basic medical insurance"), "职工基本医疗保险"},
    {"390", QT_TRANSLATE_NOOP("SummaryText", "Urban and rural resident basic medical insurance"),
     "城乡居民基本医疗保险"},
};

QString pick(const char *english, const char *chinese, const QString &language)
{
    if (language == QLatin1String("zh_CN"))
        return QString::fromUtf8(chinese);
    if (language == QLatin1String("en"))
        return QString::fromUtf8(english);
    return QCoreApplication::translate("SummaryText", english);
}

// An unknown code prints as the code itself: the form never hides what is stored.
template<size_t N> QString lookUp(const Labelled (&table)[N], const QString &code, const QString &language)
{
    for (const Labelled &entry : table) {
        if (code == QLatin1String(entry.code))
            return pick(entry.english, entry.chinese, language);
    }
    return code;
}

template<size_t N> void appendPairs(QList<QPair<QString, QString>> &out, const Labelled (&table)[N])
{
    for (const Labelled &entry : table)
        out.append({QString::fromUtf8(entry.english), QString::fromUtf8(entry.chinese)});
}

} // namespace

QString SummaryText::text(Key key, const QString &language)
{
    const Pair &pair = texts[static_cast<int>(key)];
    return pick(pair.english, pair.chinese, language);
}

QString SummaryText::idTypeLabel(const QString &code, const QString &language)
{
    return lookUp(idTypes, code, language);
}

QString SummaryText::relationshipLabel(const QString &keyword, const QString &language)
{
    return lookUp(relationships, keyword, language);
}

QString SummaryText::proofLabel(const QString &keyword, const QString &language)
{
    return lookUp(proofs, keyword, language);
}

QString SummaryText::insuranceLabel(const QString &insuranceType, const QString &language)
{
    return lookUp(insuranceTypes, insuranceType, language);
}

QList<QPair<QString, QString>> SummaryText::pairs()
{
    QList<QPair<QString, QString>> out;
    for (const Pair &pair : texts)
        out.append({QString::fromUtf8(pair.english), QString::fromUtf8(pair.chinese)});
    appendPairs(out, idTypes);
    appendPairs(out, relationships);
    appendPairs(out, proofs);
    appendPairs(out, insuranceTypes);
    return out;
}

} // namespace gongji
