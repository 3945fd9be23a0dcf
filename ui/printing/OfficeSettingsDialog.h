#pragma once
#include <QDialog>

class QLineEdit;

namespace gongji {

// 设置 → 经办机构信息: the office name, address and counter printed in the header of every
// confirmation summary (OfficeSettings). Save writes them at once; the next print uses them.
class OfficeSettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit OfficeSettingsDialog(QWidget *parent = nullptr);

    void accept() override;

private:
    QLineEdit *m_name;
    QLineEdit *m_address;
    QLineEdit *m_counter;
};

} // namespace gongji
