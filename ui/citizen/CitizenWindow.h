#pragma once
#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTextBrowser;

namespace gongji {

class CitizenView;
class RatingPanel;
class SignaturePad;

// The citizen's screen (客户屏): a second top-level window that draws CitizenView in large type,
// always in Simplified Chinese. The only thing the citizen does here is tick the pledge (touch
// or mouse); everything else follows the clerk. Where it goes is CitizenScreenPlacement's job.
class CitizenWindow : public QWidget
{
    Q_OBJECT
public:
    explicit CitizenWindow(CitizenView *view, QWidget *parent = nullptr);

    CitizenView *view() const { return m_view; }

private:
    void refresh();
    QWidget *idlePage();
    QWidget *personPage();
    QWidget *commitmentPage();
    QWidget *noticePage();
    QWidget *entriesPage();
    QWidget *donePage();

    CitizenView *m_view;
    QLabel *m_office = nullptr;
    QLabel *m_service = nullptr;
    QStackedWidget *m_stages = nullptr;
    QLabel *m_welcome = nullptr;
    QLabel *m_person = nullptr;
    QTextBrowser *m_letter = nullptr;
    QCheckBox *m_pledge = nullptr;
    QLabel *m_pledgeNote = nullptr;
    QTextBrowser *m_notice = nullptr;
    QLabel *m_entriesHeading = nullptr;
    QLabel *m_entries = nullptr;
    QWidget *m_signing = nullptr;
    SignaturePad *m_pad = nullptr;
    QLabel *m_done = nullptr;
    RatingPanel *m_rating = nullptr;
};

} // namespace gongji
