#pragma once

#include "messaging/commerce.h"

#include <QObject>
#include <QPointer>

class QDialog;
class QPoint;

namespace Mostrador {

class CatalogDialog;
class CustomerOrders;
class MainWindow;
class OrdersDialog;
class ShopServices;
class Workspace;

// Selling in the chat, at the counter: products sent from the composer, a cart's card and its
// stages (from the card, the customer panel or Ctrl+Shift+O), payment details and shipping,
// orders written by hand, Shop ▸ Orders and Shop ▸ Catalog.
class ShopOrders final : public QObject
{
    Q_OBJECT

public:
    ShopOrders(ShopServices &shop, MainWindow &window, Workspace &workspace, QObject *parent = nullptr);
    ~ShopOrders() override;

    QDialog *showOrders();
    QDialog *showCatalog();
    QDialog *pickProducts(const QString &search = {});
    QDialog *newOrder();
    // Opens one by its --show name (orders, catalog, products, new-order).
    QDialog *show(const QString &name);

    // The quick reply the shop sends as its payment details: /datospago, /pago or /payment.
    static constexpr const char *kPaymentShortcuts[] = {"datospago", "pago", "payment", "pay"};
    // The utility template that says an order is on its way when the 24-hour window is closed:
    // {{1}} the customer's name, {{2}} the order, {{3}} the tracking number.
    static constexpr const char *kShippedTemplate = "pedido_enviado";

private:
    void showOrderMenu(qint64 orderId, const QPoint &where);
    void setStage(const Order &order, OrderStage stage, const QString &tracking = {});
    void sendPaymentDetails(const Order &order);
    void ship(const Order &order);
    void openOrder(const Order &order);
    void showCustomerOrders(qint64 conversationId);
    void sendProducts(QDialog *picker);
    void importCatalog();
    void exportCatalog();
    void exportOrders(const QList<Order> &orders);
    void editProduct(const Product &product);
    void reloadCatalog();
    void say(const QString &problem);
    [[nodiscard]] QList<Product> search(const QString &words);

    ShopServices &m_shop;
    MainWindow &m_window;
    Workspace &m_workspace;
    CustomerOrders *m_customerOrders = nullptr;
    QPointer<OrdersDialog> m_orders;
    QPointer<CatalogDialog> m_catalog;
};

} // namespace Mostrador
