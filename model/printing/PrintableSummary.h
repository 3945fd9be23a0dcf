#pragma once
#include <QImage>
#include <QList>
#include <QString>
#include <functional>
#include <memory>

class QTextDocument;

namespace gongji {

// A built confirmation summary: the body as a QTextDocument and the running header that
// SummaryPainter repeats at the top of every page (title, reference, page x of y).
//
// The body keeps its HTML source, because only the painter knows the page height: it asks for
// the body again with the long table (the targets, <thead> repeated) split before the rows that
// would otherwise be cut in half by a page break. Qt itself splits table rows line by line.
// Move-only; invalid with an error() when it could not be built.
class PrintableSummary
{
public:
    // The body HTML, with the splittable table broken before each listed row (0-based, counted
    // over its body rows, header rows excluded). A summary without such a table ignores the list.
    using HtmlSource = std::function<QString(const QList<int> &rowBreaks)>;

    PrintableSummary();
    PrintableSummary(HtmlSource html, const QImage &qrCode, const QString &title, const QString &reference,
                     const QString &language, const QString &fontFamily);
    PrintableSummary(PrintableSummary &&) noexcept;
    PrintableSummary &operator=(PrintableSummary &&) noexcept;
    ~PrintableSummary();

    static PrintableSummary failure(const QString &error);

    bool isValid() const { return m_body != nullptr; }
    QString error() const { return m_error; }
    // The body without extra breaks (for a look at its text; painting uses createDocument()).
    const QTextDocument *document() const { return m_body.get(); }
    std::unique_ptr<QTextDocument> createDocument(const QList<int> &rowBreaks) const;
    QString title() const { return m_title; } // 个人账户家庭共济备案确认单
    QString reference() const { return m_reference; } // "备案编号 GJ20261122-0001"
    QString language() const { return m_language; }
    QString fontFamily() const { return m_fontFamily; }

private:
    HtmlSource m_html;
    QImage m_qrCode;
    std::unique_ptr<QTextDocument> m_body;
    QString m_title;
    QString m_reference;
    QString m_language;
    QString m_fontFamily;
    QString m_error;
};

} // namespace gongji
