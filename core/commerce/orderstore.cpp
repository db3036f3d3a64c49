#include "orderstore.h"

#include "db/database.h"
#include "db/storenotifications.h"
#include "conversations/conversationtypes.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Mostrador {

namespace {

const QString kOrderColumns = QStringLiteral(
    "o.id, o.conversation_id, o.customer_id, o.message_id, "
    "CASE WHEN c.display_name <> '' THEN c.display_name ELSE c.profile_name END, o.catalog_id, o.currency, o.total_cents, "
    "o.note, o.stage, o.tracking, o.created_at, o.stage_at, c.wa_id FROM orders o JOIN customers c ON c.id = o.customer_id");

Order orderFrom(const QSqlQuery &query)
{
    Order order;
    order.id = query.value(0).toLongLong();
    order.conversationId = query.value(1).toLongLong();
    order.customerId = query.value(2).toLongLong();
    order.messageId = query.value(3).toLongLong();
    order.customerName = query.value(4).toString();
    order.catalogId = query.value(5).toString();
    order.currency = query.value(6).toString();
    order.totalCents = query.value(7).toLongLong();
    order.note = query.value(8).toString();
    order.stage = orderStageFromName(query.value(9).toString()).value_or(OrderStage::New);
    order.tracking = query.value(10).toString();
    order.createdAt = storedTime(query.value(11));
    order.stageAt = storedTime(query.value(12));
    order.customerWaId = query.value(13).toString();
    return order;
}

// A line from columns: order or message id, retailer_id, name, quantity, unit_cents, currency, image_path.
OrderLine lineFrom(const QSqlQuery &query)
{
    OrderLine line;
    line.retailerId = query.value(1).toString();
    line.name = query.value(2).toString();
    line.quantity = query.value(3).toInt();
    line.unitCents = query.value(4).toLongLong();
    line.currency = query.value(5).toString();
    line.imagePath = query.value(6).toString();
    return line;
}

QVariant nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

} // namespace

OrderStore::OrderStore(Database &database)
    : m_database(database)
{
}

std::optional<qint64> OrderStore::addCart(qint64 messageId, qint64 conversationId, qint64 customerId, const QString &catalogId,
                                          const QList<OrderLine> &lines, const QString &note, const QDateTime &at,
                                          StoreError *error)
{
    return insert(messageId, conversationId, customerId, catalogId, lines, note, at, error);
}

std::optional<qint64> OrderStore::addByHand(qint64 conversationId, const QList<OrderLine> &lines, const QString &note,
                                            const QDateTime &at, StoreError *error)
{
    QSqlQuery customer(m_database.connection());
    customer.prepare(QStringLiteral("SELECT customer_id FROM conversations WHERE id = ?"));
    customer.addBindValue(conversationId);
    if (!customer.exec() || !customer.next()) {
        *error = customer.lastError().isValid() ? StoreError::fromSql(customer.lastError(), QStringLiteral("order's customer"))
                                                : StoreError::make(StoreError::Kind::Query, QStringLiteral("no such conversation"));
        return std::nullopt;
    }
    const qint64 customerId = customer.value(0).toLongLong();
    customer.finish();
    if ((*error = m_database.begin()).isError())
        return std::nullopt;
    const std::optional<qint64> id = insert(0, conversationId, customerId, {}, lines, note, at, error);
    if (error->isError() || !id) {
        m_database.rollback();
        return std::nullopt;
    }
    if ((*error = m_database.commit()).isError())
        return std::nullopt;
    return id;
}

std::optional<qint64> OrderStore::insert(qint64 messageId, qint64 conversationId, qint64 customerId, const QString &catalogId,
                                         QList<OrderLine> lines, const QString &note, const QDateTime &at, StoreError *error)
{
    // Names and photos from the catalog as it is now, so the order reads the same later.
    for (OrderLine &line : lines) {
        if (!line.name.isEmpty())
            continue;
        QSqlQuery product(m_database.connection());
        product.prepare(QStringLiteral("SELECT name, image_path, currency FROM products WHERE retailer_id = ? "
                                       "ORDER BY CASE source WHEN 'meta' THEN 0 ELSE 1 END LIMIT 1"));
        product.addBindValue(line.retailerId);
        if (!product.exec()) {
            *error = StoreError::fromSql(product.lastError(), QStringLiteral("order's products"));
            return std::nullopt;
        }
        if (product.next()) {
            line.name = product.value(0).toString();
            line.imagePath = product.value(1).toString();
            if (line.currency.isEmpty())
                line.currency = product.value(2).toString();
        }
    }
    qint64 total = 0;
    QString currency;
    for (const OrderLine &line : std::as_const(lines)) {
        total += line.lineCents();
        if (currency.isEmpty())
            currency = line.currency;
    }
    QSqlQuery order(m_database.connection());
    order.prepare(QStringLiteral("INSERT INTO orders (conversation_id, customer_id, message_id, catalog_id, currency, total_cents, "
                                 "note, stage, created_at, stage_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'new', ?, ?) "
                                 "ON CONFLICT DO NOTHING RETURNING id"));
    order.addBindValue(conversationId);
    order.addBindValue(customerId);
    order.addBindValue(messageId > 0 ? QVariant(messageId) : QVariant(QMetaType::fromType<qint64>()));
    order.addBindValue(textOrEmpty(catalogId));
    order.addBindValue(textOrEmpty(currency));
    order.addBindValue(total);
    order.addBindValue(textOrEmpty(note));
    order.addBindValue(at.toMSecsSinceEpoch());
    order.addBindValue(at.toMSecsSinceEpoch());
    if (!order.exec()) {
        *error = StoreError::fromSql(order.lastError(), QStringLiteral("add order"));
        return std::nullopt;
    }
    if (!order.next())
        return std::nullopt; // this cart is an order already
    const qint64 id = order.value(0).toLongLong();
    order.finish();
    int position = 0;
    for (const OrderLine &line : std::as_const(lines)) {
        if ((*error = m_database.exec(QStringLiteral("INSERT INTO order_lines (order_id, position, retailer_id, name, quantity, "
                                                     "unit_cents, currency, image_path) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                                      {id, position++, line.retailerId, textOrEmpty(line.name), line.quantity, line.unitCents, textOrEmpty(line.currency),
                                       nullIfEmpty(line.imagePath)},
                                      "add order line"))
                .isError())
            return std::nullopt;
    }
    // A new order carries the conversation's "new order" label, as the shop's labels did.
    if ((*error = m_database.exec(QStringLiteral("DELETE FROM conversation_labels WHERE conversation_id = ? AND label_id IN "
                                                 "(SELECT id FROM labels WHERE order_stage IS NOT NULL)"),
                                  {conversationId}, "order's stage label"))
            .isError()
        || (*error = m_database.exec(QStringLiteral("INSERT INTO conversation_labels (conversation_id, label_id) "
                                                    "SELECT ?, id FROM labels WHERE order_stage = 'new' ON CONFLICT DO NOTHING"),
                                     {conversationId}, "order's stage label"))
               .isError())
        return std::nullopt;
    StoreNotifications::announce(m_database, StoreNotifications::Change::Orders, {conversationId});
    return id;
}

StoreError OrderStore::setStage(qint64 orderId, OrderStage stage, const QDateTime &at, const QString &tracking)
{
    StoreError error;
    const std::optional<Order> found = order(orderId, &error);
    if (error.isError())
        return error;
    if (!found)
        return StoreError::make(StoreError::Kind::Query, QStringLiteral("no order %1").arg(orderId));
    if ((error = m_database.begin()).isError())
        return error;
    const QString stageName = orderStageName(stage);
    const char *const steps[][2] = {
        {"UPDATE orders SET stage = ?, stage_at = ?, tracking = CASE WHEN ? = '' THEN tracking ELSE ? END WHERE id = ?", "order stage"},
        {"DELETE FROM conversation_labels WHERE conversation_id = ? AND label_id IN (SELECT id FROM labels WHERE order_stage IS NOT NULL)",
         "order's stage label"},
        {"INSERT INTO conversation_labels (conversation_id, label_id) SELECT ?, id FROM labels WHERE order_stage = ? ON CONFLICT DO NOTHING",
         "order's stage label"},
    };
    const QVariantList values[] = {
        {stageName, at.toMSecsSinceEpoch(), textOrEmpty(tracking), textOrEmpty(tracking), orderId},
        {found->conversationId},
        {found->conversationId, stageName},
    };
    for (int step = 0; step < 3; ++step) {
        if ((error = m_database.exec(QLatin1String(steps[step][0]), values[step], steps[step][1])).isError()) {
            m_database.rollback();
            return error;
        }
    }
    StoreNotifications::announce(m_database, StoreNotifications::Change::Orders, {found->conversationId});
    return m_database.commit();
}

QList<Order> OrderStore::select(const QString &where, const QVariantList &values, const QString &tail, StoreError *error)
{
    QList<Order> result;
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT %1 %2 ORDER BY o.created_at DESC, o.id DESC %3").arg(kOrderColumns, where, tail));
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        *error = StoreError::fromSql(query.lastError(), QStringLiteral("orders"));
        return result;
    }
    while (query.next())
        result << orderFrom(query);
    query.finish();
    if (StoreError problem = readLines(result); problem.isError())
        *error = problem;
    return result;
}

StoreError OrderStore::readLines(QList<Order> &orders)
{
    if (orders.isEmpty())
        return {};
    QHash<qint64, Order *> byId;
    QStringList marks;
    QVariantList ids;
    for (Order &order : orders) {
        byId.insert(order.id, &order);
        marks << QStringLiteral("?");
        ids << order.id;
    }
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT order_id, retailer_id, name, quantity, unit_cents, currency, image_path FROM order_lines "
                                 "WHERE order_id IN (%1) ORDER BY order_id, position").arg(marks.join(QLatin1Char(','))));
    for (const QVariant &id : std::as_const(ids))
        query.addBindValue(id);
    if (!query.exec())
        return StoreError::fromSql(query.lastError(), QStringLiteral("order lines"));
    while (query.next())
        byId.value(query.value(0).toLongLong())->lines << lineFrom(query);
    return {};
}

QHash<qint64, Order> OrderStore::lastOrders(StoreError *error)
{
    QHash<qint64, Order> last;
    for (const Order &order : select(QStringLiteral("WHERE o.id IN (SELECT MAX(id) FROM orders GROUP BY customer_id)"), {}, {}, error))
        last.insert(order.customerId, order);
    return last;
}

QHash<qint64, QList<OrderLine>> OrderStore::cartLines(StoreError *error)
{
    QHash<qint64, QList<OrderLine>> lines;
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT o.message_id, l.retailer_id, l.name, l.quantity, l.unit_cents, l.currency, l.image_path "
                                   "FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.message_id IS NOT NULL "
                                   "ORDER BY o.message_id, l.position"))) {
        *error = StoreError::fromSql(query.lastError(), QStringLiteral("carts' lines"));
        return lines;
    }
    while (query.next())
        lines[query.value(0).toLongLong()] << lineFrom(query);
    return lines;
}

std::optional<Order> OrderStore::order(qint64 orderId, StoreError *error)
{
    const QList<Order> found = select(QStringLiteral("WHERE o.id = ?"), {orderId}, {}, error);
    return found.isEmpty() ? std::nullopt : std::optional(found.first());
}

std::optional<Order> OrderStore::orderForMessage(qint64 messageId, StoreError *error)
{
    const QList<Order> found = select(QStringLiteral("WHERE o.message_id = ?"), {messageId}, {}, error);
    return found.isEmpty() ? std::nullopt : std::optional(found.first());
}

std::optional<Order> OrderStore::currentOrder(qint64 conversationId, StoreError *error)
{
    const QList<Order> found = select(QStringLiteral("WHERE o.conversation_id = ?"), {conversationId}, QStringLiteral("LIMIT 20"), error);
    for (const Order &order : found) {
        if (isOpenStage(order.stage))
            return order;
    }
    return found.isEmpty() ? std::nullopt : std::optional(found.first());
}

QList<Order> OrderStore::ordersOf(qint64 customerId, StoreError *error)
{
    return select(QStringLiteral("WHERE o.customer_id = ?"), {customerId}, {}, error);
}

QList<Order> OrderStore::ordersOfCustomerIn(qint64 conversationId, StoreError *error)
{
    return select(QStringLiteral("WHERE o.customer_id = (SELECT customer_id FROM conversations WHERE id = ?)"), {conversationId}, {}, error);
}

QList<Order> OrderStore::orders(const OrderFilter &filter, StoreError *error)
{
    QStringList conditions{QStringLiteral("1 = 1")};
    QVariantList values;
    if (filter.stage) {
        conditions << QStringLiteral("o.stage = ?");
        values << orderStageName(*filter.stage);
    }
    if (filter.from.isValid()) {
        conditions << QStringLiteral("o.created_at >= ?");
        values << filter.from.toMSecsSinceEpoch();
    }
    if (filter.to.isValid()) {
        conditions << QStringLiteral("o.created_at < ?");
        values << filter.to.toMSecsSinceEpoch();
    }
    return select(QStringLiteral("WHERE ") + conditions.join(QStringLiteral(" AND ")), values, {}, error);
}

} // namespace Mostrador
