#include "model/filing/CommitmentLetter.h"

#include <QFile>

namespace gongji {

namespace {

// English for "en…", Chinese otherwise: the counter's default language is Simplified Chinese.
QString readLetter(const QString &name, const QString &language)
{
    const QString suffix = language.startsWith(QLatin1String("en")) ? QStringLiteral("en") : QStringLiteral("zh_CN");
    QFile file(QStringLiteral(":/letters/") + name + QLatin1Char('.') + suffix + QStringLiteral(".txt"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).trimmed();
}

} // namespace

QString CommitmentLetter::version()
{
    // Bump whenever the wording of resources/letters/commitment.* changes: filings record it.
    return QStringLiteral("2026-01");
}

QString CommitmentLetter::pledgeSentence()
{
    // The platform's exact wording; never translated.
    return QStringLiteral("本人承诺添加的共济对象身份真实有效！");
}

QString CommitmentLetter::letterText(const QString &language)
{
    return readLetter(QStringLiteral("commitment"), language);
}

QString CommitmentLetter::noticeText(const QString &language) { return readLetter(QStringLiteral("notice"), language); }

} // namespace gongji
