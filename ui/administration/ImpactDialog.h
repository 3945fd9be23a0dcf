#pragma once
#include <QDialog>

#include "model/rules/RuleImpact.h"

class QPushButton;
class QTableWidget;

namespace gongji {

// Shown before a rule set is saved: the active bindings the change would refuse (names and ID
// numbers masked, on screen and in the CSV) and the count per code, so the supervisor saves
// knowingly. Accepted = "Save anyway".
class ImpactDialog : public QDialog
{
    Q_OBJECT
public:
    ImpactDialog(const RuleImpact::Report &report, const QString &change, QWidget *parent = nullptr);

    // Writes the report as CSV (UTF-8, masked numbers); false with `error` set when it cannot.
    bool exportCsv(const QString &path, QString *error) const;

private:
    void chooseExportFile();
    QTableWidget *createCounts();
    QTableWidget *createRows();

    RuleImpact::Report m_report;
};

} // namespace gongji
