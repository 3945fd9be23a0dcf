#pragma once
#include <QList>
#include <QString>
#include <optional>

namespace gongji {

// Who asked for a binding's end (解除): one of its two persons, or the system (an automatic end
// or the end of the authorization period). Mutual aid has an authorizer and a target, a kinship
// account a holder and a member (docs/domain.md §7).
enum class EndRequester { Authorizer, Target, Holder, Member, System };

// The one conversion between EndRequester and its texts.
class EndRequesters
{
public:
    // "authorizer", "target", "holder", "member", "system": the database column, the CLI's
    // --requested-by, the audit log, the hand-over journal and the JSON of `household`.
    static QString keyword(EndRequester requester);
    // Empty for an empty text (a binding not ended) or a word that names no requester.
    static std::optional<EndRequester> fromKeyword(const QString &keyword);
    // For people, in the UI language: 授权人, 共济对象, 持有人, 家庭成员, 系统.
    static QString label(EndRequester requester);
    // The persons who may ask a clerk to end a binding of each kind; the system ends bindings
    // only through BindingExpiry and the registry's automatic ends.
    static QList<EndRequester> ofMutualAid() { return {EndRequester::Authorizer, EndRequester::Target}; }
    static QList<EndRequester> ofKinship() { return {EndRequester::Holder, EndRequester::Member}; }
};

} // namespace gongji
