#pragma once
#include <QListWidget>

namespace gongji {

// The steps of a wizard down the side, the current one highlighted: the clerk sees where the
// filing stands at a glance. Display only; navigation stays with the wizard's buttons.
class StepList : public QListWidget
{
    Q_OBJECT
public:
    explicit StepList(QWidget *parent = nullptr);

    void setSteps(const QStringList &titles);
    void setCurrentStep(int index);
};

} // namespace gongji
