#pragma once
#include <QDialog>

class QComboBox;

namespace gongji {

// 设置 → 客户屏: on which screen the citizen's window goes, automatically, or off.
class CitizenScreenDialog : public QDialog
{
    Q_OBJECT
public:
    explicit CitizenScreenDialog(QWidget *parent = nullptr);

    QString choice() const;

public slots:
    void accept() override;

private:
    QComboBox *m_screens;
};

} // namespace gongji
