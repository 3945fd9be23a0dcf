#include "ui/widgets/FindingLabel.h"

namespace gongji {

namespace {
const char *refusalColor = "#b01e1e";
const char *warningColor = "#a85a00";
} // namespace

FindingLabel::FindingLabel(QWidget *parent) : QLabel(parent)
{
    setWordWrap(true);
    setTextFormat(Qt::RichText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    hide();
}

void FindingLabel::setFindings(const Findings &findings)
{
    m_findings = findings;
    QStringList lines;
    for (const Finding &finding : findings) {
        lines << QStringLiteral("<span style=\"color:%1\">%2</span>")
                     .arg(QLatin1String(finding.isWarning() ? warningColor : refusalColor),
                          finding.text().toHtmlEscaped());
    }
    setText(lines.join(QLatin1String("<br>")));
    setVisible(!lines.isEmpty());
}

void FindingLabel::setMessage(const QString &message)
{
    m_findings.clear();
    setText(
        QStringLiteral("<span style=\"color:%1\">%2</span>").arg(QLatin1String(refusalColor), message.toHtmlEscaped()));
    setVisible(!message.isEmpty());
}

void FindingLabel::clearFindings()
{
    m_findings.clear();
    clear();
    hide();
}

} // namespace gongji
