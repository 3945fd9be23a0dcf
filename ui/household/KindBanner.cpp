#include "ui/household/KindBanner.h"

#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

#include "ui/household/KindStyle.h"

namespace gongji {

namespace {
constexpr int bandWidth = 10;
}

KindBanner::KindBanner(HouseholdBinding::Kind kind, QWidget *parent) : QFrame(parent), m_kind(kind)
{
    setObjectName(kind == HouseholdBinding::Kind::MutualAid ? QStringLiteral("mutualAidBanner")
                                                            : QStringLiteral("kinshipBanner"));
    m_title = new QLabel(HouseholdBinding::kindLabel(kind), this);
    m_title->setObjectName(QStringLiteral("bannerTitle"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.35);
    big.setBold(true);
    m_title->setFont(big);
    QPalette titlePalette = m_title->palette();
    titlePalette.setColor(QPalette::WindowText, KindStyle::color(kind));
    m_title->setPalette(titlePalette);
    m_detail = new QLabel(KindStyle::meaning(kind), this);
    m_detail->setObjectName(QStringLiteral("bannerDetail"));
    m_detail->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(bandWidth + 14, 8, 14, 8);
    layout->setSpacing(2);
    layout->addWidget(m_title);
    layout->addWidget(m_detail);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void KindBanner::setDetail(const QString &text)
{
    m_detail->setText(text + QLatin1Char('\n') + KindStyle::meaning(m_kind));
}

void KindBanner::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor color = KindStyle::color(m_kind);
    const QRectF box = QRectF(rect()).adjusted(1, 1, -1, -1);
    painter.setPen(Qt::NoPen);
    painter.setBrush(KindStyle::tint(m_kind));
    painter.drawRoundedRect(box, 4, 4);
    painter.setBrush(color);
    painter.drawRoundedRect(QRectF(box.left(), box.top(), bandWidth, box.height()), 3, 3);
    QPen frame(color, 1.6, KindStyle::penStyle(m_kind));
    painter.setPen(frame);
    painter.setBrush(Qt::NoBrush);
    painter.drawRoundedRect(box, 4, 4);
}

} // namespace gongji
