#pragma once

#include "db/storeerror.h"
#include "messaging/commerce.h"

#include <QDateTime>
#include <QHash>
#include <QList>

#include <optional>

namespace Mostrador {

class Database;

// Which orders a list shows: a stage (or all), and when they were made.
struct OrderFilter {
    std::optional<OrderStage> stage;
    QDateTime from; // invalid: since the first
    QDateTime to;   // invalid: until now
};

// Orders and their stages. A cart from WhatsApp becomes an order as it is stored (see
// WebhookIngestor); the shop makes others by hand. Every change of stage keeps the
// conversation's stage label in step and is announced to a team's other desktops.
class OrderStore final
{
public:
    explicit OrderStore(Database &database);

    // Inside the caller's transaction: the order for a cart message (once: the same message
    // again adds nothing). Lines take the product's name and photo from the catalog when it
    // knows the retailer id. Returns the order's id, or nothing when it existed already.
    std::optional<qint64> addCart(qint64 messageId, qint64 conversationId, qint64 customerId, const QString &catalogId,
                                  const QList<OrderLine> &lines, const QString &note, const QDateTime &at, StoreError *error);
    // An order the shop makes by hand from a conversation (its own transaction).
    std::optional<qint64> addByHand(qint64 conversationId, const QList<OrderLine> &lines, const QString &note,
                                    const QDateTime &at, StoreError *error);

    // Moves an order to `stage` (with a tracking number when shipped), and the conversation's
    // labels with it.
    StoreError setStage(qint64 orderId, OrderStage stage, const QDateTime &at, const QString &tracking = {});

    [[nodiscard]] std::optional<Order> order(qint64 orderId, StoreError *error);
    [[nodiscard]] std::optional<Order> orderForMessage(qint64 messageId, StoreError *error);
    // The conversation's latest order still under way (not delivered or cancelled), else its latest.
    [[nodiscard]] std::optional<Order> currentOrder(qint64 conversationId, StoreError *error);
    // A customer's orders, newest first, with their lines.
    [[nodiscard]] QList<Order> ordersOf(qint64 customerId, StoreError *error);
    // The orders of the customer of this conversation (on any of their conversations).
    [[nodiscard]] QList<Order> ordersOfCustomerIn(qint64 conversationId, StoreError *error);
    // The shop's orders, newest first (lines included).
    [[nodiscard]] QList<Order> orders(const OrderFilter &filter, StoreError *error);

    // Each customer's latest order, by customer.
    [[nodiscard]] QHash<qint64, Order> lastOrders(StoreError *error);
    // Every cart's lines, by the cart's message (for the message export).
    [[nodiscard]] QHash<qint64, QList<OrderLine>> cartLines(StoreError *error);

private:
    std::optional<qint64> insert(qint64 messageId, qint64 conversationId, qint64 customerId, const QString &catalogId,
                                 QList<OrderLine> lines, const QString &note, const QDateTime &at, StoreError *error);
    StoreError readLines(QList<Order> &orders);
    QList<Order> select(const QString &where, const QVariantList &values, const QString &tail, StoreError *error);

    Database &m_database;
};

} // namespace Mostrador
