#pragma once
#include <QDialog>

class QLabel;
class QLineEdit;

namespace gongji {

// 设置 → 数据库: where this counter's data lives, a local file or the office server
// (postgresql://USER@HOST[:PORT]/DBNAME?TLS settings). Kept in the setting database/location, which
// gongji-desk reads at start when no --db is given; empty means the default file. Never with a
// password: one typed into the address is taken out before it is saved.
class DatabaseSettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit DatabaseSettingsDialog(QWidget *parent = nullptr);

    static QString settingKey() { return QStringLiteral("database/location"); }
    void accept() override;

private:
    QLineEdit *m_location;
    QLabel *m_problem;
};

} // namespace gongji
