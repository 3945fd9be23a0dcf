#include "model/domain/RatingLevel.h"

namespace gongji {

QString RatingLevel::label(int level)
{
    switch (level) {
    case VerySatisfied:
        return QStringLiteral("非常满意");
    case Satisfied:
        return QStringLiteral("满意");
    case Basic:
        return QStringLiteral("基本满意");
    case Dissatisfied:
        return QStringLiteral("不满意");
    case VeryDissatisfied:
        return QStringLiteral("非常不满意");
    }
    return {};
}

QString RatingLevel::keyword(int level)
{
    switch (level) {
    case VerySatisfied:
        return QStringLiteral("very_satisfied");
    case Satisfied:
        return QStringLiteral("satisfied");
    case Basic:
        return QStringLiteral("basic");
    case Dissatisfied:
        return QStringLiteral("dissatisfied");
    case VeryDissatisfied:
        return QStringLiteral("very_dissatisfied");
    }
    return QString::number(level);
}

QList<int> RatingLevel::all() { return {VerySatisfied, Satisfied, Basic, Dissatisfied, VeryDissatisfied}; }

QStringList RatingLevel::reasons()
{
    return {QStringLiteral("等候时间长"),   QStringLiteral("办理效率低"),
            QStringLiteral("服务态度不好"), QStringLiteral("政策解释不清楚"),
            QStringLiteral("要求的材料多"), QStringLiteral("系统故障"),
            QStringLiteral("其他")};
}

} // namespace gongji
