#pragma once
#include <QList>
#include <QPair>
#include <QString>

namespace gongji {

// Every word printed on a confirmation summary, in both languages.
//
// The summaries are legal forms whose Chinese wording is fixed (like
// CommitmentLetter::pledgeSentence), and they must come out in Chinese even where no translator
// is loaded (the CLI, the tests). So the Chinese sits here beside the English source string
// instead of only in the .ts file. Language "zh_CN" takes the fixed Chinese, "en" the English,
// any other language goes through QCoreApplication::translate("SummaryText", english).
// resources/translations/printing_zh_CN.txt repeats the pairs for the translators' file;
// tst_summarydocument checks that it stays in step with this table.
class SummaryText
{
public:
    enum class Key {
        FilingTitle,
        RevocationTitle,
        FilingNumber,
        BindingNumber,
        Office,
        OfficeAddress,
        Counter,
        Clerk,
        FiledAt,
        EffectiveOn,
        RuleSet,
        RuleSetDetail,
        PrintedAt,
        Reprint,
        ReprintNote,
        PageOf,
        QrCaption,
        AuthorizerSection,
        TargetSection,
        Role,
        Authorizer,
        Target,
        Number,
        Name,
        IdType,
        IdNumber,
        Relationship,
        PoolingRegion,
        InsuranceType,
        ProofsSeen,
        NoProof,
        BindingEnded,
        ValidUntil,
        RelationshipWithCode,
        CommitmentSection,
        CommitmentAcknowledged,
        CommitmentOnPaper,
        CommitmentOnCitizenScreen,
        NoticesSection,
        NoticeOwnAccountFirst,
        NoticeHowToRevoke,
        NoticeAutomaticEnd,
        NoticeNotKinship,
        RevocationPeopleSection,
        RevocationSection,
        RevocationNoticesSection,
        StartedAt,
        EndedAt,
        EndedBy,
        RequestedBy,
        EndReason,
        RequestedByAuthorizer,
        RequestedByTarget,
        RequestedBySystem,
        NoticeRevocationEffect,
        NoticeCooldown,
        SignatureApplicant,
        SignatureRevocationApplicant,
        SignatureClerk,
        SignatureDate,
        SignedOnScreen,
        // The kinship-account form (医保亲情账户绑定确认单); its notices heading is RevocationNoticesSection.
        KinshipTitle,
        KinshipNumber,
        BoundAt,
        KinshipStatement,
        KinshipQrCaption,
        KinshipPeopleSection,
        Holder,
        Member,
        KinshipRelationship,
        KinshipChecksSection,
        FaceVerification,
        HouseholdRegisterCheck,
        CheckDone,
        CheckSeen,
        CheckNotDone,
        KinshipNoticeUse,
        KinshipNoticeEnd,
        KinshipNoticeNotMutualAid,
        SignatureKinshipApplicant,
        // The quota (共济额度) on the filing and revocation forms, and its own change form.
        Quota,
        QuotaYuan,
        NoQuota,
        NoticeQuota,
        NoticeQuotaFreed,
        QuotaChangeTitle,
        QuotaChangeSection,
        QuotaBefore,
        QuotaAfter,
        ChangedAt,
        ChangedBy,
        QuotaChangeNumber,
        Count // not a text: the size of the table
    };

    static QString text(Key key, const QString &language);
    static QString idTypeLabel(const QString &code, const QString &language);
    static QString relationshipLabel(const QString &keyword, const QString &language);
    static QString proofLabel(const QString &keyword, const QString &language);
    static QString insuranceLabel(const QString &insuranceType, const QString &language);

    // Every (English source, Chinese) pair above, for the translation file.
    static QList<QPair<QString, QString>> pairs();
};

} // namespace gongji
