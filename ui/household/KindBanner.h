#pragma once
#include <QFrame>

#include "model/domain/HouseholdBinding.h"

class QLabel;

namespace gongji {

// The band across the top of a screen or dialog that says which of the two things it is about:
// the kind's colour down the left edge, a solid (共济) or dashed (亲情) frame, its name and what
// it does. Big enough to read from the citizen's side of the counter.
class KindBanner : public QFrame
{
    Q_OBJECT
public:
    explicit KindBanner(HouseholdBinding::Kind kind, QWidget *parent = nullptr);

    HouseholdBinding::Kind kind() const { return m_kind; }
    // A second line under the kind's name (what this screen does); the meaning is kept.
    void setDetail(const QString &text);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    HouseholdBinding::Kind m_kind;
    QLabel *m_title;
    QLabel *m_detail;
};

} // namespace gongji
