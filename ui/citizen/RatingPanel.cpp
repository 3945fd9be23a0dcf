#include "ui/citizen/RatingPanel.h"

#include <QButtonGroup>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "model/citizen/CitizenView.h"
#include "model/citizen/ServiceRating.h"

namespace gongji {

namespace {
QPushButton *touchButton(const QString &text, const QString &name, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(name);
    button->setFocusPolicy(Qt::NoFocus); // the keyboard is the clerk's
    button->setMinimumHeight(72);
    return button;
}
} // namespace

RatingPanel::RatingPanel(CitizenView *view, QWidget *parent)
    : QWidget(parent)
    , m_view(view)
    , m_levels(new QWidget(this))
    , m_reasonBox(new QWidget(this))
    , m_reasons(new QButtonGroup(this))
    , m_detail(new QLineEdit(this))
    , m_thanks(new QLabel(this))
{
    setObjectName(QStringLiteral("ratingPanel"));
    auto *question = new QLabel(QStringLiteral("请对本次服务进行评价"), this);
    question->setAlignment(Qt::AlignCenter);

    auto *levels = new QHBoxLayout(m_levels);
    for (int level : RatingLevel::all()) {
        QPushButton *button = touchButton(RatingLevel::label(level), QStringLiteral("rating%1").arg(level), m_levels);
        connect(button, &QPushButton::clicked, this, [this, level] { choose(level); });
        levels->addWidget(button);
    }
    QPushButton *skip = touchButton(QStringLiteral("跳过"), QStringLiteral("ratingSkip"), m_levels);
    connect(skip, &QPushButton::clicked, m_view, &CitizenView::skipRating);
    levels->addSpacing(24);
    levels->addWidget(skip);

    auto *reasonGrid = new QGridLayout;
    const QStringList reasons = RatingLevel::reasons();
    for (int i = 0; i < reasons.size(); ++i) {
        QPushButton *button = touchButton(reasons.at(i), QStringLiteral("ratingReason%1").arg(i), m_reasonBox);
        button->setCheckable(true);
        m_reasons->addButton(button, i);
        reasonGrid->addWidget(button, i / 4, i % 4);
    }
    m_detail->setObjectName(QStringLiteral("ratingDetail"));
    m_detail->setPlaceholderText(QStringLiteral("您的意见（可不填）"));
    m_detail->setMaxLength(200);
    m_submit = touchButton(QStringLiteral("提交评价"), QStringLiteral("ratingSubmit"), m_reasonBox);
    m_submit->setEnabled(false);
    connect(m_reasons, &QButtonGroup::idClicked, this, [this] { m_submit->setEnabled(true); });
    connect(m_submit, &QPushButton::clicked, this, [this] {
        QAbstractButton *reason = m_reasons->checkedButton();
        if (reason)
            m_view->rate(m_level, reason->text(), m_detail->text());
    });
    auto *reasonLayout = new QVBoxLayout(m_reasonBox);
    reasonLayout->setContentsMargins(0, 0, 0, 0);
    auto *why = new QLabel(QStringLiteral("请选择不满意的原因："), m_reasonBox);
    reasonLayout->addWidget(why);
    reasonLayout->addLayout(reasonGrid);
    reasonLayout->addWidget(m_detail);
    reasonLayout->addWidget(m_submit, 0, Qt::AlignRight);

    m_thanks->setObjectName(QStringLiteral("ratingThanks"));
    m_thanks->setAlignment(Qt::AlignCenter);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(question);
    layout->addWidget(m_levels);
    layout->addWidget(m_reasonBox);
    layout->addWidget(m_thanks);
    refresh();
}

void RatingPanel::choose(int level)
{
    if (!RatingLevel::needsReason(level)) {
        m_view->rate(level, QString(), QString());
        return;
    }
    m_level = level;
    m_reasonBox->show();
}

void RatingPanel::refresh()
{
    using State = CitizenView::RatingState;
    const State state = m_view->ratingState();
    setVisible(state != State::Closed);
    m_levels->setVisible(state == State::Open);
    if (state != State::Open || m_level == 0) {
        m_reasonBox->hide();
        if (state != State::Open) {
            m_level = 0;
            if (QAbstractButton *checked = m_reasons->checkedButton()) {
                m_reasons->setExclusive(false);
                checked->setChecked(false);
                m_reasons->setExclusive(true);
            }
            m_detail->clear();
            m_submit->setEnabled(false);
        }
    }
    m_thanks->setText(state == State::Given ? QStringLiteral("感谢您的评价！") : QString());
    m_thanks->setVisible(state == State::Given);
}

} // namespace gongji
