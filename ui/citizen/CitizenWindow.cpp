#include "ui/citizen/CitizenWindow.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QTextDocument>
#include <QVBoxLayout>

#include "model/citizen/CitizenView.h"
#include "ui/citizen/RatingPanel.h"
#include "ui/citizen/SignaturePad.h"

namespace gongji {

namespace {
// 适老化: large type everywhere; the stage's main line larger still.
constexpr int kBasePoints = 22;

QLabel *bigLabel(const QString &name, int points, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setAlignment(Qt::AlignCenter);
    QFont font = label->font();
    font.setPointSize(points);
    label->setFont(font);
    return label;
}

QString toneColor(CitizenView::Tone tone)
{
    switch (tone) {
    case CitizenView::Tone::Accepted:
        return QStringLiteral("#1d6b2f");
    case CitizenView::Tone::Check:
        return QStringLiteral("#a85a00");
    case CitizenView::Tone::Refused:
        return QStringLiteral("#b01e1e");
    }
    return {};
}
} // namespace

CitizenWindow::CitizenWindow(CitizenView *view, QWidget *parent) : QWidget(parent, Qt::Window), m_view(view)
{
    setObjectName(QStringLiteral("citizenWindow"));
    setWindowTitle(QStringLiteral("客户屏 – 医保经办窗口"));
    setAttribute(Qt::WA_AcceptTouchEvents);
    setAttribute(Qt::WA_ShowWithoutActivating); // the keyboard stays with the clerk
    QFont font = this->font();
    font.setPointSize(kBasePoints);
    setFont(font);
    setAutoFillBackground(true);
    setStyleSheet(QStringLiteral("#citizenWindow { background: #f7f9fc; }"));

    m_office = bigLabel(QStringLiteral("citizenOffice"), kBasePoints, this);
    m_service = bigLabel(QStringLiteral("citizenService"), kBasePoints + 4, this);
    m_service->setStyleSheet(QStringLiteral("color: #0b4f8a; font-weight: bold;"));
    m_stages = new QStackedWidget(this);
    m_stages->setObjectName(QStringLiteral("citizenStages"));
    // In the order of CitizenView::Stage; Entries and Review share a page.
    m_stages->addWidget(idlePage());
    m_stages->addWidget(personPage());
    m_stages->addWidget(commitmentPage());
    m_stages->addWidget(noticePage());
    m_stages->addWidget(entriesPage());
    m_stages->addWidget(donePage());

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(40, 24, 40, 24);
    layout->addWidget(m_office);
    layout->addWidget(m_service);
    layout->addWidget(m_stages, 1);
    resize(1024, 720);

    connect(m_view, &CitizenView::changed, this, &CitizenWindow::refresh);
    refresh();
}

QWidget *CitizenWindow::idlePage()
{
    auto *page = new QWidget(this);
    m_welcome = bigLabel(QStringLiteral("citizenWelcome"), kBasePoints + 14, page);
    auto *layout = new QVBoxLayout(page);
    layout->addStretch(1);
    layout->addWidget(m_welcome);
    layout->addStretch(1);
    return page;
}

QWidget *CitizenWindow::personPage()
{
    auto *page = new QWidget(this);
    m_person = bigLabel(QStringLiteral("citizenPerson"), kBasePoints + 6, page);
    auto *layout = new QVBoxLayout(page);
    layout->addStretch(1);
    layout->addWidget(m_person);
    layout->addStretch(1);
    return page;
}

QWidget *CitizenWindow::commitmentPage()
{
    auto *page = new QWidget(this);
    m_letter = new QTextBrowser(page);
    m_letter->setObjectName(QStringLiteral("citizenLetter"));
    m_letter->setFocusPolicy(Qt::NoFocus); // the keyboard is the clerk's
    m_pledge = new QCheckBox(CitizenView::pledgeSentence(), page);
    m_pledge->setObjectName(QStringLiteral("citizenPledge"));
    m_pledge->setFocusPolicy(Qt::NoFocus);
    // A style sheet on the widget resolves its font anew: the size is given here again (large
    // type, like the rest of the screen), or the sentence shrinks to the system's size.
    m_pledge->setStyleSheet(QStringLiteral("QCheckBox { font-weight: bold; font-size: %1pt; padding: 12px; }"
                                           "QCheckBox::indicator { width: 48px; height: 48px; }")
                                .arg(kBasePoints));
    m_pledgeNote = bigLabel(QStringLiteral("citizenPledgeNote"), kBasePoints, page);
    connect(m_pledge, &QCheckBox::clicked, this, [this](bool on) {
        if (on)
            m_view->tickPledge();
        refresh(); // a tick cannot be taken back here: the clerk starts again if it was wrong
    });
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_letter, 1);
    layout->addWidget(m_pledge, 0, Qt::AlignHCenter);
    layout->addWidget(m_pledgeNote);
    return page;
}

QWidget *CitizenWindow::noticePage()
{
    auto *page = new QWidget(this);
    m_notice = new QTextBrowser(page);
    m_notice->setObjectName(QStringLiteral("citizenNotice"));
    m_notice->setFocusPolicy(Qt::NoFocus);
    auto *layout = new QVBoxLayout(page);
    QLabel *heading = bigLabel(QStringLiteral("citizenNoticeHeading"), kBasePoints, page);
    heading->setText(QStringLiteral("操作提示：请阅读以下内容"));
    layout->addWidget(heading);
    layout->addWidget(m_notice, 1);
    return page;
}

QWidget *CitizenWindow::entriesPage()
{
    auto *page = new QWidget(this);
    m_entriesHeading = bigLabel(QStringLiteral("citizenEntriesHeading"), kBasePoints + 2, page);
    m_entries = bigLabel(QStringLiteral("citizenEntries"), kBasePoints, page);
    m_entries->setAlignment(Qt::AlignTop | Qt::AlignHCenter);
    // Signing comes with the list to check: the signature stands under what it confirms.
    m_signing = new QWidget(page);
    m_pad = new SignaturePad(m_signing);
    auto *clear = new QPushButton(QStringLiteral("清除重签"), m_signing);
    clear->setObjectName(QStringLiteral("signatureClear"));
    clear->setFocusPolicy(Qt::NoFocus);
    clear->setMinimumHeight(64);
    auto *signLabel = bigLabel(QStringLiteral("signatureHeading"), kBasePoints, m_signing);
    signLabel->setText(QStringLiteral("核对无误请签名："));
    auto *signRow = new QHBoxLayout;
    signRow->addWidget(m_pad, 1);
    signRow->addWidget(clear, 0, Qt::AlignBottom);
    auto *signing = new QVBoxLayout(m_signing);
    signing->setContentsMargins(0, 0, 0, 0);
    signing->addWidget(signLabel, 0, Qt::AlignLeft);
    signing->addLayout(signRow);
    connect(m_pad, &SignaturePad::strokeFinished, this,
            [this] { m_view->setSignature(m_pad->strokes(), m_pad->aspect()); });
    connect(clear, &QPushButton::clicked, this, [this] {
        m_pad->clear();
        m_view->clearSignature();
    });

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_entriesHeading);
    layout->addWidget(m_entries, 1);
    layout->addWidget(m_signing);
    return page;
}

QWidget *CitizenWindow::donePage()
{
    auto *page = new QWidget(this);
    m_done = bigLabel(QStringLiteral("citizenDone"), kBasePoints + 8, page);
    m_rating = new RatingPanel(m_view, page);
    auto *layout = new QVBoxLayout(page);
    layout->addStretch(1);
    layout->addWidget(m_done);
    layout->addStretch(1);
    layout->addWidget(m_rating);
    return page;
}

void CitizenWindow::refresh()
{
    using Stage = CitizenView::Stage;
    const Stage stage = m_view->stage();
    m_office->setText(m_view->office().toHtmlEscaped());
    m_service->setText(stage == Stage::Idle ? QString() : m_view->serviceTitle().toHtmlEscaped());
    switch (stage) {
    case Stage::Idle:
        m_welcome->setText(
            QStringLiteral("欢迎办理医保业务<br><span style=\"font-size: %1pt;\">请将证件交给工作人员</span>")
                .arg(kBasePoints));
        m_stages->setCurrentIndex(0);
        break;
    case Stage::Person: {
        QString text = QStringLiteral("%1：<b>%2</b><br>证件号码：%3")
                           .arg(m_view->personRole().toHtmlEscaped(), m_view->personName().toHtmlEscaped(),
                                m_view->personMaskedId());
        if (!m_view->personBalance().isEmpty())
            text += QStringLiteral("<br>个人账户余额：%1").arg(m_view->personBalance().toHtmlEscaped());
        text += QStringLiteral("<br><br><span style=\"color:#a85a00;\">请核对</span>");
        m_person->setText(text);
        m_stages->setCurrentIndex(1);
        break;
    }
    case Stage::Commitment:
        if (m_letter->document()->isEmpty())
            m_letter->setPlainText(CitizenView::letterText());
        m_pledge->setChecked(m_view->pledgeTicked());
        m_pledge->setEnabled(!m_view->pledgeTicked());
        m_pledgeNote->setText(m_view->pledgeTicked()
                                  ? QStringLiteral("<span style=\"color:#1d6b2f;\">已确认，谢谢</span>")
                                  : QStringLiteral("请阅读承诺书后，在方框内打勾"));
        m_stages->setCurrentIndex(2);
        break;
    case Stage::Notice:
        if (m_notice->document()->isEmpty())
            m_notice->setPlainText(CitizenView::noticeText());
        m_stages->setCurrentIndex(3);
        break;
    case Stage::Entries:
    case Stage::Review: {
        m_entriesHeading->setText(stage == Stage::Review ? QStringLiteral("请核对以下信息，无误后告知工作人员提交")
                                                         : QStringLiteral("已添加的人员"));
        QString rows;
        for (const CitizenView::Line &line : m_view->lines()) {
            rows += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td style=\"color:%4;\">%5</td></tr>")
                        .arg(line.relationship.toHtmlEscaped(), line.name.toHtmlEscaped(), line.maskedId,
                             toneColor(line.tone), line.verdict.toHtmlEscaped());
        }
        m_entries->setText(QStringLiteral("<table cellpadding=\"10\">%1</table>").arg(rows));
        m_signing->setVisible(stage == Stage::Review);
        if (!m_view->signature())
            m_pad->clear(); // a new filing: a blank pad
        m_stages->setCurrentIndex(4);
        break;
    }
    case Stage::Done:
        m_done->setText(
            QStringLiteral("办理完成<br><br>编号：<b>%1</b><br><span style=\"font-size: %2pt;\">请收好确认单</span>")
                .arg(m_view->number().toHtmlEscaped())
                .arg(kBasePoints));
        m_rating->refresh();
        m_stages->setCurrentIndex(5);
        break;
    }
}

} // namespace gongji
