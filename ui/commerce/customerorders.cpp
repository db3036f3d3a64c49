#include "customerorders.h"

#include "widgets/stagechip.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMap>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QVBoxLayout>

namespace Mostrador {

namespace {

QIcon stageDot(OrderStage stage)
{
    QPixmap dot(12, 12);
    dot.fill(Qt::transparent);
    QPainter painter(&dot);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(StageChip::color(stage));
    painter.drawEllipse(dot.rect().adjusted(1, 1, -1, -1));
    return QIcon(dot);
}

} // namespace

CustomerOrders::CustomerOrders(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_spent(new QLabel(this))
    , m_list(new QListWidget(this))
    , m_new(new QPushButton(this))
{
    setObjectName(QStringLiteral("customerOrders"));
    m_title->setObjectName(QStringLiteral("customerOrdersTitle"));
    m_spent->setObjectName(QStringLiteral("customerSpent"));
    m_spent->setWordWrap(true);
    m_list->setObjectName(QStringLiteral("customerOrderList"));
    m_list->setMaximumHeight(m_list->fontMetrics().height() * 6 + 20);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setTextElideMode(Qt::ElideRight);
    m_list->setUniformItemSizes(true);
    m_new->setObjectName(QStringLiteral("newOrderButton"));
    QFont strong = m_title->font();
    strong.setBold(true);
    m_title->setFont(strong);

    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_new);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_spent);
    layout->addWidget(m_list);

    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        const int row = m_list->row(item);
        if (row >= 0 && row < m_orders.size())
            Q_EMIT orderActivated(m_orders.at(row));
    });
    connect(m_list, &QListWidget::itemClicked, m_list, &QListWidget::itemActivated);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_list, &QListWidget::customContextMenuRequested, this, [this](const QPoint &position) {
        const int row = m_list->row(m_list->itemAt(position));
        if (row >= 0 && row < m_orders.size())
            Q_EMIT orderMenuRequested(m_orders.at(row).id, m_list->viewport()->mapToGlobal(position));
    });
    connect(m_new, &QPushButton::clicked, this, &CustomerOrders::newOrderRequested);
    retranslate();
}

QString CustomerOrders::spent(const QList<Order> &orders)
{
    QMap<QString, qint64> byCurrency;
    for (const Order &order : orders) {
        if (order.stage == OrderStage::Paid || order.stage == OrderStage::Shipped || order.stage == OrderStage::Delivered)
            byCurrency[order.currency] += order.totalCents;
    }
    QStringList amounts;
    for (auto it = byCurrency.cbegin(); it != byCurrency.cend(); ++it)
        amounts << Money::format(it.value(), it.key());
    return amounts.join(QStringLiteral(" + "));
}

void CustomerOrders::setOrders(const QList<Order> &orders)
{
    m_orders = orders;
    fill();
}

void CustomerOrders::fill()
{
    m_list->clear();
    const QLocale locale;
    for (const Order &order : std::as_const(m_orders)) {
        const QString text = tr("%1 · %2\n%3 · %4")
                                 .arg(order.number(), orderStageText(order.stage),
                                      locale.toString(order.createdAt.toLocalTime().date(), QLocale::ShortFormat),
                                      Money::format(order.totalCents, order.currency, locale));
        auto *item = new QListWidgetItem(stageDot(order.stage), text, m_list);
        item->setToolTip(tr("Click to see it in the conversation; right-click to change its stage"));
    }
    m_list->setVisible(!m_orders.isEmpty());
    const QString total = spent(m_orders);
    m_spent->setText(m_orders.isEmpty() ? tr("No orders yet.")
                     : total.isEmpty()   ? tr("%n order(s), none paid yet.", nullptr, int(m_orders.size()))
                                         : tr("%n order(s) · spent %1", nullptr, int(m_orders.size())).arg(total));
}

void CustomerOrders::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void CustomerOrders::retranslate()
{
    m_title->setText(tr("Orders"));
    m_new->setText(tr("New order…"));
    m_new->setToolTip(tr("Write down an order this customer made in the chat"));
    fill();
}

} // namespace Mostrador
