#pragma once
#include <QString>

namespace gongji {

// The commitment letter (承诺书) and the operation notice (操作提示), from resources/letters.
class CommitmentLetter
{
public:
    // Recorded with each filing: which text the authorizer acknowledged.
    static QString version();
    // The exact tick-box sentence: "本人承诺添加的共济对象身份真实有效！"
    static QString pledgeSentence();
    // Full text in the language of the current translation ("zh_CN" or "en").
    static QString letterText(const QString &language);
    static QString noticeText(const QString &language);
};

} // namespace gongji
