#include "ui/household/PersonSearchPanel.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

#include "model/itemmodels/PersonSearchModel.h"

namespace gongji {

PersonSearchPanel::PersonSearchPanel(const QString &connection, QWidget *parent)
    : QWidget(parent)
    , m_model(new PersonSearchModel(connection, this))
{
    setObjectName(QStringLiteral("personSearchPanel"));
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("searchTitle"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.2);
    big.setBold(true);
    m_title->setFont(big);
    auto *hint = new QLabel(tr("Choose the person: arrows and Enter, or a double click. Esc goes back."), this);
    hint->setStyleSheet(QStringLiteral("color: palette(mid);"));

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("personSearchList"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setTabKeyNavigation(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 12);
    // Fixed-width columns: sizing to contents would read every row of a lazy model.
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(PersonSearchModel::NameColumn, 160);
    m_view->setColumnWidth(PersonSearchModel::IdTypeColumn, 220);
    m_view->setColumnWidth(PersonSearchModel::IdNumberColumn, 220);
    m_view->setColumnWidth(PersonSearchModel::RegionColumn, 110);
    m_view->setColumnWidth(PersonSearchModel::InsuranceColumn, 200);
    m_view->installEventFilter(this);
    connect(m_view, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        if (const qint64 id = personIdAt(index.row()))
            emit personChosen(id);
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(hint);
    layout->addWidget(m_view, 1);
}

int PersonSearchPanel::search(const QString &prefix)
{
    m_model->search(prefix);
    const int rows = m_model->rowCount();
    m_title->setText(rows == 0 ? tr("Nobody in the registry has a name starting with “%1”.").arg(prefix)
                               : tr("People whose name starts with “%1”").arg(prefix));
    if (rows > 0)
        m_view->selectRow(0);
    return rows;
}

qint64 PersonSearchPanel::personIdAt(int row) const
{
    return m_model->index(row, 0).data(PersonSearchModel::PersonIdRole).toLongLong();
}

bool PersonSearchPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
        emit cancelled();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace gongji
