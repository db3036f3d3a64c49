#pragma once

#include "messaging/commerce.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace Mostrador {

// The customer's purchases in their panel: each order with its stage, date and total, newest
// first, and what they have spent (orders paid, shipped or delivered). A click opens the
// order's card in the thread; "New order…" writes one by hand.
class CustomerOrders final : public QWidget
{
    Q_OBJECT

public:
    explicit CustomerOrders(QWidget *parent = nullptr);

    void setOrders(const QList<Order> &orders);

    // "452.000 COP" (amounts in several currencies are listed side by side); "" when nothing.
    [[nodiscard]] static QString spent(const QList<Order> &orders);

Q_SIGNALS:
    void orderActivated(const Mostrador::Order &order);
    // Right-click on an order: its stages and next steps, there.
    void orderMenuRequested(qint64 orderId, const QPoint &globalPos);
    void newOrderRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void fill();

    QList<Order> m_orders;
    QLabel *m_title = nullptr;
    QLabel *m_spent = nullptr;
    QListWidget *m_list = nullptr;
    QPushButton *m_new = nullptr;
};

} // namespace Mostrador
