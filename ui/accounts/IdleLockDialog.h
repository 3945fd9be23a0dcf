#pragma once
#include <QDialog>

class QSpinBox;

namespace gongji {

// 设置 → 自动锁定: after how many idle minutes the counter locks itself (0: never). Stored in
// the setting SessionLock::idleSettingKey() of this computer.
class IdleLockDialog : public QDialog
{
    Q_OBJECT
public:
    explicit IdleLockDialog(QWidget *parent = nullptr);

    int minutes() const;
    void setMinutes(int minutes);

public slots:
    void accept() override; // saves the setting

private:
    QSpinBox *m_minutes;
};

} // namespace gongji
