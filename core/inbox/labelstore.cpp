#include "labelstore.h"

#include "db/database.h"
#include "commerce/orderstore.h"

#include <QSqlQuery>

namespace Mostrador {

LabelStore::LabelStore(Database &database)
    : m_database(database)
{
}

StoreError LabelStore::seedIfEmpty(const QList<LabelSeed> &seeds)
{
    QSqlQuery count(m_database.connection());
    if (!count.exec(QStringLiteral("SELECT COUNT(*) FROM labels")) || !count.next())
        return StoreError::fromSql(count.lastError(), QStringLiteral("count labels"));
    if (count.value(0).toInt() > 0)
        return {};
    count.finish();
    if (StoreError error = m_database.begin(); error.isError())
        return error;
    int position = 0;
    for (const LabelSeed &seed : seeds) {
        QSqlQuery insert(m_database.connection());
        insert.prepare(QStringLiteral("INSERT INTO labels (name, color, position, order_stage) VALUES (?, ?, ?, ?)"));
        insert.addBindValue(seed.name);
        insert.addBindValue(seed.color);
        insert.addBindValue(position++);
        insert.addBindValue(seed.stage ? QVariant(orderStageName(*seed.stage)) : QVariant(QMetaType::fromType<QString>()));
        if (!insert.exec()) {
            const StoreError error = StoreError::fromSql(insert.lastError(), QStringLiteral("seed labels"));
            m_database.rollback();
            return error;
        }
    }
    return m_database.commit();
}

QList<Label> LabelStore::labels(StoreError *error)
{
    QList<Label> result;
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral(
            "SELECT l.id, l.name, l.color, (SELECT COUNT(*) FROM conversation_labels cl JOIN conversations v ON v.id = cl.conversation_id "
            "WHERE cl.label_id = l.id AND v.status <> 'resolved') FROM labels l ORDER BY l.position, l.id"))) {
        *error = StoreError::fromSql(query.lastError(), QStringLiteral("labels"));
        return result;
    }
    while (query.next())
        result << Label{query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(), query.value(3).toInt()};
    return result;
}

QSet<qint64> LabelStore::labelsOf(qint64 conversationId, StoreError *error)
{
    QSet<qint64> result;
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT label_id FROM conversation_labels WHERE conversation_id = ?"));
    query.addBindValue(conversationId);
    if (!query.exec()) {
        *error = StoreError::fromSql(query.lastError(), QStringLiteral("labels of"));
        return result;
    }
    while (query.next())
        result.insert(query.value(0).toLongLong());
    return result;
}

StoreError LabelStore::setLabel(qint64 conversationId, qint64 labelId, bool on, const QDateTime &at)
{
    QSqlQuery query(m_database.connection());
    if (on) {
        // A stage's label on a conversation with an order: the order moves to that stage.
        query.prepare(QStringLiteral("SELECT order_stage FROM labels WHERE id = ?"));
        query.addBindValue(labelId);
        if (!query.exec())
            return StoreError::fromSql(query.lastError(), QStringLiteral("label's stage"));
        const std::optional<OrderStage> stage = query.next() ? orderStageFromName(query.value(0).toString()) : std::nullopt;
        query.finish();
        if (stage) {
            OrderStore orders(m_database);
            StoreError error;
            const std::optional<Order> order = orders.currentOrder(conversationId, &error);
            if (error.isError())
                return error;
            if (order)
                return orders.setStage(order->id, *stage, at);
        }
    }
    query.prepare(on ? QStringLiteral("INSERT INTO conversation_labels (conversation_id, label_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                     : QStringLiteral("DELETE FROM conversation_labels WHERE conversation_id = ? AND label_id = ?"));
    query.addBindValue(conversationId);
    query.addBindValue(labelId);
    if (!query.exec())
        return StoreError::fromSql(query.lastError(), QStringLiteral("set label"));
    return {};
}

StoreError LabelStore::rename(qint64 labelId, const QString &name, const QString &color)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("UPDATE labels SET name = ?, color = ? WHERE id = ?"));
    query.addBindValue(name);
    query.addBindValue(color);
    query.addBindValue(labelId);
    if (!query.exec())
        return StoreError::fromSql(query.lastError(), QStringLiteral("rename label"));
    return {};
}

} // namespace Mostrador
