#include "ordersdialog.h"

#include "widgets/stagechip.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMap>
#include <QMenu>
#include <QPushButton>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

namespace Mostrador {

namespace {

enum Column { Number, Date, Customer, Items, Total, Stage, ColumnCount };

QString itemsText(const Order &order)
{
    QStringList parts;
    for (const OrderLine &line : order.lines)
        parts << QStringLiteral("%1 × %2").arg(line.quantity).arg(line.name.isEmpty() ? line.retailerId : line.name);
    return parts.join(QStringLiteral(", "));
}

} // namespace

OrdersDialog::OrdersDialog(Reader read, QWidget *parent)
    : QDialog(parent)
    , m_read(std::move(read))
    , m_stage(new QComboBox(this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_totals(new QLabel(this))
    , m_table(new QTableWidget(0, ColumnCount, this))
{
    setObjectName(QStringLiteral("ordersDialog"));
    setWindowTitle(tr("Orders"));
    m_stage->setObjectName(QStringLiteral("orderStageFilter"));
    m_stage->addItem(tr("All stages"));
    for (int stage = 0; stage < kOrderStageCount; ++stage)
        m_stage->addItem(orderStageText(OrderStage(stage)), stage);
    const QDate today = QDate::currentDate();
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
    }
    m_from->setObjectName(QStringLiteral("ordersFrom"));
    m_to->setObjectName(QStringLiteral("ordersTo"));
    m_from->setDate(today.addDays(-90));
    m_to->setDate(today);
    m_totals->setObjectName(QStringLiteral("orderTotals"));
    m_totals->setWordWrap(true);
    m_table->setObjectName(QStringLiteral("ordersTable"));
    m_table->setHorizontalHeaderLabels({tr("Order"), tr("Date"), tr("Customer"), tr("Items"), tr("Total"), tr("Stage")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->horizontalHeader()->setSectionResizeMode(Items, QHeaderView::Stretch);
    m_table->setWordWrap(false);

    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Stage:"), this));
    filters->addWidget(m_stage);
    filters->addSpacing(12);
    filters->addWidget(new QLabel(tr("From:"), this));
    filters->addWidget(m_from);
    filters->addWidget(new QLabel(tr("to:"), this));
    filters->addWidget(m_to);
    filters->addStretch(1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *exportButton = buttons->addButton(tr("Export CSV…"), QDialogButtonBox::ActionRole);
    exportButton->setObjectName(QStringLiteral("exportOrders"));
    connect(exportButton, &QPushButton::clicked, this, [this] { Q_EMIT exportRequested(m_orders); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *hint = new QLabel(tr("Double-click an order to open its conversation; right-click to change its stage."), this);
    hint->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_totals);
    layout->addWidget(m_table, 1);
    layout->addWidget(hint);
    layout->addWidget(buttons);
    resize(860, 520);

    connect(m_stage, &QComboBox::currentIndexChanged, this, &OrdersDialog::reload);
    connect(m_from, &QDateEdit::dateChanged, this, &OrdersDialog::reload);
    connect(m_to, &QDateEdit::dateChanged, this, &OrdersDialog::reload);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this](int row) {
        if (row >= 0 && row < m_orders.size())
            Q_EMIT orderActivated(m_orders.at(row));
    });
    connect(m_table, &QTableWidget::customContextMenuRequested, this, &OrdersDialog::showMenu);
    reload();
}

QStringList OrdersDialog::totalsByStage(const QList<Order> &orders)
{
    QMap<int, std::pair<int, QMap<QString, qint64>>> byStage;
    for (const Order &order : orders) {
        auto &[count, amounts] = byStage[int(order.stage)];
        ++count;
        amounts[order.currency] += order.totalCents;
    }
    QStringList lines;
    for (auto it = byStage.cbegin(); it != byStage.cend(); ++it) {
        QStringList amounts;
        for (auto amount = it->second.cbegin(); amount != it->second.cend(); ++amount)
            amounts << Money::format(amount.value(), amount.key());
        lines << tr("%1: %2 · %3").arg(orderStageText(OrderStage(it.key()))).arg(it->first).arg(amounts.join(QStringLiteral(" + ")));
    }
    return lines;
}

void OrdersDialog::reload()
{
    OrderFilter filter;
    if (m_stage->currentIndex() > 0)
        filter.stage = OrderStage(m_stage->currentData().toInt());
    filter.from = m_from->date().startOfDay();
    filter.to = m_to->date().addDays(1).startOfDay();
    m_orders = m_read(filter);

    const QLocale locale;
    const QSignalBlocker quiet(m_table);
    m_table->setRowCount(int(m_orders.size()));
    for (int row = 0; row < m_orders.size(); ++row) {
        const Order &order = m_orders.at(row);
        const QString values[ColumnCount] = {order.number(),
                                             locale.toString(order.createdAt.toLocalTime(), QLocale::ShortFormat),
                                             order.customerName,
                                             itemsText(order),
                                             Money::format(order.totalCents, order.currency, locale),
                                             orderStageText(order.stage)};
        for (int column = 0; column < ColumnCount; ++column) {
            auto *item = new QTableWidgetItem(values[column]);
            if (column == Total)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (column == Stage)
                item->setForeground(StageChip::color(order.stage));
            m_table->setItem(row, column, item);
        }
    }
    m_table->resizeColumnToContents(Number);
    m_table->resizeColumnToContents(Date);
    m_table->resizeColumnToContents(Customer);
    m_table->resizeColumnToContents(Total);
    m_table->resizeColumnToContents(Stage);
    const QStringList totals = totalsByStage(m_orders);
    m_totals->setText(m_orders.isEmpty() ? tr("No orders between these dates.")
                                         : tr("%n order(s) — ", nullptr, int(m_orders.size())) + totals.join(QStringLiteral("  ·  ")));
}

void OrdersDialog::showMenu(const QPoint &position)
{
    const int row = m_table->rowAt(position.y());
    if (row < 0 || row >= m_orders.size())
        return;
    const Order order = m_orders.at(row);
    QMenu menu(this);
    for (int stage = 0; stage < kOrderStageCount; ++stage) {
        QAction *action = menu.addAction(orderStageText(OrderStage(stage)), this,
                                         [this, order, stage] { Q_EMIT stageChosen(order.id, OrderStage(stage)); });
        action->setCheckable(true);
        action->setChecked(order.stage == OrderStage(stage));
    }
    menu.exec(m_table->viewport()->mapToGlobal(position));
}

} // namespace Mostrador
