#include "model/domain/AuditAction.h"

#include <QCoreApplication>

namespace gongji {

namespace {

struct ActionInfo
{
    AuditAction action;
    const char *keyword;
    const char *label;
};

const ActionInfo kActions[] = {
    {AuditAction::SignIn, "sign_in", QT_TRANSLATE_NOOP("AuditLogModel", "Signed in")},
    {AuditAction::SignInFailed, "sign_in_failed", QT_TRANSLATE_NOOP("AuditLogModel", "Sign-in failed")},
    {AuditAction::SignOut, "sign_out", QT_TRANSLATE_NOOP("AuditLogModel", "Signed out")},
    {AuditAction::SessionLock, "session_lock", QT_TRANSLATE_NOOP("AuditLogModel", "Session locked")},
    {AuditAction::SessionUnlock, "session_unlock", QT_TRANSLATE_NOOP("AuditLogModel", "Session unlocked")},
    {AuditAction::Filing, "filing", QT_TRANSLATE_NOOP("AuditLogModel", "Mutual-aid filing")},
    {AuditAction::Revocation, "revocation", QT_TRANSLATE_NOOP("AuditLogModel", "Mutual-aid binding ended")},
    {AuditAction::KinshipBinding, "kinship_binding", QT_TRANSLATE_NOOP("AuditLogModel", "Kinship-account binding")},
    {AuditAction::KinshipRevocation, "kinship_revocation",
     QT_TRANSLATE_NOOP("AuditLogModel", "Kinship-account binding ended")},
    {AuditAction::QuotaChange, "quota_change",
     QT_TRANSLATE_NOOP("AuditLogModel", "Quota of a mutual-aid binding changed")},
    {AuditAction::Print, "print", QT_TRANSLATE_NOOP("AuditLogModel", "Summary printed")},
    {AuditAction::IdReveal, "id_reveal", QT_TRANSLATE_NOOP("AuditLogModel", "Full ID number revealed")},
    {AuditAction::RulesAdd, "rules_add", QT_TRANSLATE_NOOP("AuditLogModel", "Rule set added")},
    {AuditAction::RulesNewVersion, "rules_new_version", QT_TRANSLATE_NOOP("AuditLogModel", "Rule set new version")},
    {AuditAction::RulesUpdate, "rules_update", QT_TRANSLATE_NOOP("AuditLogModel", "Rule set changed")},
    {AuditAction::RulesRemove, "rules_remove", QT_TRANSLATE_NOOP("AuditLogModel", "Rule set removed")},
    {AuditAction::RegistryImport, "registry_import", QT_TRANSLATE_NOOP("AuditLogModel", "Registry imported")},
    {AuditAction::DatabaseCopy, "database_copy", QT_TRANSLATE_NOOP("AuditLogModel", "Database copied")},
    {AuditAction::DatabaseRestore, "database_restore",
     QT_TRANSLATE_NOOP("AuditLogModel", "Database restored from a backup")},
    {AuditAction::AccountAdd, "account_add", QT_TRANSLATE_NOOP("AuditLogModel", "Account added")},
    {AuditAction::AccountEnable, "account_enable", QT_TRANSLATE_NOOP("AuditLogModel", "Account enabled")},
    {AuditAction::AccountDisable, "account_disable", QT_TRANSLATE_NOOP("AuditLogModel", "Account disabled")},
    {AuditAction::AccountResetPassword, "account_reset_password", QT_TRANSLATE_NOOP("AuditLogModel", "Password reset")},
    {AuditAction::AccountUnlock, "account_unlock", QT_TRANSLATE_NOOP("AuditLogModel", "Account unlocked")},
    {AuditAction::PasswordChange, "password_change", QT_TRANSLATE_NOOP("AuditLogModel", "Own password changed")},
    {AuditAction::PasswordChangeFailed, "password_change_failed",
     QT_TRANSLATE_NOOP("AuditLogModel", "Password change failed")},
    {AuditAction::AuditExport, "audit_export", QT_TRANSLATE_NOOP("AuditLogModel", "Audit log exported")},
    {AuditAction::OfficeSetup, "office_setup", QT_TRANSLATE_NOOP("AuditLogModel", "Office server set up")},
    {AuditAction::SchemaMigrate, "schema_migrate", QT_TRANSLATE_NOOP("AuditLogModel", "Office schema upgraded")},
    {AuditAction::PasswordPolicySet, "password_policy_set", QT_TRANSLATE_NOOP("AuditLogModel", "Password policy set")},
    {AuditAction::JournalExport, "journal_export", QT_TRANSLATE_NOOP("AuditLogModel", "Hand-over journal exported")},
    {AuditAction::JournalReceipts, "journal_receipts",
     QT_TRANSLATE_NOOP("AuditLogModel", "Platform receipts recorded")},
    {AuditAction::ServiceRating, "service_rating", QT_TRANSLATE_NOOP("AuditLogModel", "Service rated by the citizen")},
};

// Written by demo loads of earlier versions; kept so that their entries read well.
const char kLegacyRuleSetInsert[] = "rule_set_insert";
const char kLegacyRuleSetInsertLabel[] = QT_TRANSLATE_NOOP("AuditLogModel", "Rule set loaded");

} // namespace

QString AuditActions::keyword(AuditAction action)
{
    for (const ActionInfo &info : kActions) {
        if (info.action == action)
            return QString::fromLatin1(info.keyword);
    }
    return {};
}

std::optional<AuditAction> AuditActions::fromKeyword(const QString &keyword)
{
    for (const ActionInfo &info : kActions) {
        if (keyword == QLatin1String(info.keyword))
            return info.action;
    }
    return std::nullopt;
}

QString AuditActions::label(const QString &keyword)
{
    for (const ActionInfo &info : kActions) {
        if (keyword == QLatin1String(info.keyword))
            return QCoreApplication::translate("AuditLogModel", info.label);
    }
    if (keyword == QLatin1String(kLegacyRuleSetInsert))
        return QCoreApplication::translate("AuditLogModel", kLegacyRuleSetInsertLabel);
    return keyword;
}

QList<AuditAction> AuditActions::all()
{
    QList<AuditAction> actions;
    for (const ActionInfo &info : kActions)
        actions.append(info.action);
    return actions;
}

} // namespace gongji
