#pragma once

#include "messaging/commerce.h"
#include "commerce/orderstore.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QDateEdit;
class QLabel;
class QTableWidget;

namespace Mostrador {

// Shop ▸ Orders: every order, filtered by stage and by when it was made, with how many and
// how much there is at each stage; a double click opens the order's conversation; the list
// goes to a spreadsheet with Export.
class OrdersDialog final : public QDialog
{
    Q_OBJECT

public:
    using Reader = std::function<QList<Order>(const OrderFilter &filter)>;

    explicit OrdersDialog(Reader read, QWidget *parent = nullptr);

    void reload();
    [[nodiscard]] QList<Order> shown() const { return m_orders; }
    // "New: 3 · 452.000 COP", one per stage with orders.
    [[nodiscard]] static QStringList totalsByStage(const QList<Order> &orders);

Q_SIGNALS:
    void orderActivated(const Mostrador::Order &order);
    void stageChosen(qint64 orderId, Mostrador::OrderStage stage);
    void exportRequested(const QList<Mostrador::Order> &orders);

private:
    void showMenu(const QPoint &position);

    Reader m_read;
    QList<Order> m_orders;
    QComboBox *m_stage = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QLabel *m_totals = nullptr;
    QTableWidget *m_table = nullptr;
};

} // namespace Mostrador
