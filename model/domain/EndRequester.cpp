#include "model/domain/EndRequester.h"

#include <QCoreApplication>

namespace gongji {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(EndRequester)
};

constexpr EndRequester kAll[] = {EndRequester::Authorizer, EndRequester::Target, EndRequester::Holder,
                                 EndRequester::Member, EndRequester::System};
} // namespace

QString EndRequesters::keyword(EndRequester requester)
{
    switch (requester) {
    case EndRequester::Authorizer:
        return QStringLiteral("authorizer");
    case EndRequester::Target:
        return QStringLiteral("target");
    case EndRequester::Holder:
        return QStringLiteral("holder");
    case EndRequester::Member:
        return QStringLiteral("member");
    case EndRequester::System:
        break;
    }
    return QStringLiteral("system");
}

std::optional<EndRequester> EndRequesters::fromKeyword(const QString &keyword)
{
    for (const EndRequester requester : kAll)
        if (EndRequesters::keyword(requester) == keyword)
            return requester;
    return std::nullopt;
}

QString EndRequesters::label(EndRequester requester)
{
    switch (requester) {
    case EndRequester::Authorizer:
        return Text::tr("Authorizer");
    case EndRequester::Target:
        return Text::tr("Target");
    case EndRequester::Holder:
        return Text::tr("Holder");
    case EndRequester::Member:
        return Text::tr("Member");
    case EndRequester::System:
        break;
    }
    return Text::tr("System");
}

} // namespace gongji
