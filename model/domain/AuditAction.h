#pragma once
#include <QList>
#include <QString>
#include <optional>

namespace gongji {

// Everything the audit log records. The keyword is what the log stores and exports; a new
// mutation adds its action here, with its label, in the one table of AuditAction.cpp.
enum class AuditAction {
    SignIn,
    SignInFailed,
    SignOut,
    SessionLock,
    SessionUnlock,
    Filing,
    Revocation,
    KinshipBinding,
    KinshipRevocation,
    QuotaChange,
    Print,
    IdReveal,
    RulesAdd,
    RulesNewVersion,
    RulesUpdate,
    RulesRemove,
    RegistryImport,
    DatabaseCopy,
    DatabaseRestore,
    AccountAdd,
    AccountEnable,
    AccountDisable,
    AccountResetPassword,
    AccountUnlock,
    PasswordChange,
    PasswordChangeFailed,
    AuditExport,
    OfficeSetup,
    SchemaMigrate,
    PasswordPolicySet,
    JournalExport,
    JournalReceipts,
    ServiceRating,
};

// The one conversion between AuditAction and its texts.
class AuditActions
{
public:
    // "sign_in", "filing", …
    static QString keyword(AuditAction action);
    static std::optional<AuditAction> fromKeyword(const QString &keyword);
    // For people, in the UI language; a keyword no version of the program writes any more (or a
    // future one) is shown as it is stored.
    static QString label(const QString &keyword);
    static QList<AuditAction> all();
};

} // namespace gongji
