#include "ui/payment/PaymentPreviewDialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QTableWidget>
#include <QVBoxLayout>

#include "model/domain/IdNumber.h"
#include "model/domain/Money.h"
#include "ui/household/KindBanner.h"
#include "model/payment/PaymentPreview.h"

namespace gongji {

namespace {
enum Column { OrderColumn, PayerColumn, NameColumn, IdColumn, AvailableColumn, AmountColumn, ColumnCount };

QTableWidgetItem *cell(const QString &text, Qt::Alignment alignment = Qt::AlignLeft | Qt::AlignVCenter)
{
    auto *item = new QTableWidgetItem(text);
    item->setTextAlignment(alignment);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    return item;
}
} // namespace

PaymentPreviewDialog::PaymentPreviewDialog(const QString &connection, const Person &target, QWidget *parent)
    : QDialog(parent)
    , m_connection(connection)
    , m_target(target)
{
    setObjectName(QStringLiteral("paymentPreviewDialog"));
    setWindowTitle(tr("Payment order preview"));

    auto *banner = new KindBanner(HouseholdBinding::Kind::MutualAid, this);
    banner->setDetail(tr("Who pays an own-share cost of %1 (%2)").arg(target.name, IdNumber::mask(target.idNumber)));

    m_amount = new QLineEdit(this);
    m_amount->setObjectName(QStringLiteral("paymentAmount"));
    m_amount->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\d{0,9}(\\.\\d{0,2})?")), m_amount));
    m_amount->setPlaceholderText(tr("e.g. 1200.50"));
    m_amount->setMaximumWidth(200);
    auto *amountLabel = new QLabel(tr("Own-share &amount (yuan):"), this);
    amountLabel->setBuddy(m_amount);
    auto *calculate = new QPushButton(tr("&Calculate"), this);
    calculate->setObjectName(QStringLiteral("calculatePayment"));
    calculate->setAutoDefault(false);

    m_order = new QLabel(this);
    m_order->setObjectName(QStringLiteral("paymentOrder"));
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("paymentError"));
    m_error->setStyleSheet(QStringLiteral("color:#b01e1e; font-weight:bold;"));
    m_error->setWordWrap(true);
    m_error->hide();

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("paymentTable"));
    m_table->setHorizontalHeaderLabels(
        {tr("Order"), tr("Paid from"), tr("Account holder"), tr("ID number"), tr("Available"), tr("Pays (yuan)")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setTabKeyNavigation(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setMinimumHeight(200);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Enter belongs to the amount field (calculate); Esc closes.
    for (QAbstractButton *button : buttons->buttons()) {
        if (auto *push = qobject_cast<QPushButton *>(button))
            push->setAutoDefault(false);
    }

    auto *amountRow = new QHBoxLayout;
    amountRow->addWidget(amountLabel);
    amountRow->addWidget(m_amount);
    amountRow->addWidget(calculate);
    amountRow->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(banner);
    layout->addLayout(amountRow);
    layout->addWidget(m_error);
    layout->addWidget(m_order);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);

    connect(calculate, &QPushButton::clicked, this, &PaymentPreviewDialog::calculate);
    // Enter in the amount calculates; it must not close the dialog.
    connect(m_amount, &QLineEdit::returnPressed, this, &PaymentPreviewDialog::calculate);
    resize(780, 440);
    m_amount->setFocus();
}

void PaymentPreviewDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

bool PaymentPreviewDialog::calculate()
{
    m_table->setRowCount(0);
    m_order->clear();
    const std::optional<qint64> fen = Money::parseYuan(m_amount->text().trimmed());
    if (!fen) {
        showError(tr("Type the own-share amount in yuan, with at most two decimals."));
        m_amount->setFocus();
        return false;
    }
    const PaymentPreview::Result result
        = PaymentPreview(m_connection).preview(m_target.idType, m_target.idNumber, *fen);
    if (!result.ok) {
        showError(result.error);
        return false;
    }
    showError({});
    m_order->setText(result.paymentOrder == QLatin1String("by_binding_order")
                         ? tr("Authorizers pay in the order they were bound (rule set in force).")
                         : tr("Authorizers pay largest available balance first (rule set in force)."));
    const Qt::Alignment right = Qt::AlignRight | Qt::AlignVCenter;
    int order = 0;
    qint64 total = 0;
    for (const PaymentShare &share : result.shares) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, OrderColumn, cell(QString::number(++order), right));
        m_table->setItem(row, PayerColumn, cell(PaymentShare::payerLabel(share.payer)));
        m_table->setItem(row, NameColumn, cell(share.person ? share.person->name : QString()));
        m_table->setItem(row, IdColumn, cell(share.person ? IdNumber::mask(share.person->idNumber) : QString()));
        m_table->setItem(
            row, AvailableColumn,
            cell(share.payer == PaymentShare::Payer::Cash ? QString() : Money::formatYuan(share.availableFen), right));
        auto *amount = cell(Money::formatYuan(share.amountFen), right);
        QFont bold = amount->font();
        bold.setBold(true);
        amount->setFont(bold);
        m_table->setItem(row, AmountColumn, amount);
        total += share.amountFen;
    }
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    auto *label = cell(tr("Total"));
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    m_table->setItem(row, PayerColumn, label);
    auto *sum = cell(Money::formatYuan(total), right);
    sum->setFont(bold);
    m_table->setItem(row, AmountColumn, sum);
    return true;
}

} // namespace gongji
