#pragma once
#include <QLabel>

#include "model/domain/Finding.h"

namespace gongji {

// Findings shown beside the field that causes them: refusals in red, warnings in amber,
// each as "CODE: message (detail)". Hidden while empty, so the form does not jump.
class FindingLabel : public QLabel
{
    Q_OBJECT
public:
    explicit FindingLabel(QWidget *parent = nullptr);

    void setFindings(const Findings &findings);
    // A plain input message (e.g. a required field left empty), shown like a refusal.
    void setMessage(const QString &message);
    void clearFindings();
    Findings findings() const { return m_findings; }

private:
    Findings m_findings;
};

} // namespace gongji
