#include "activitystore.h"

#include "db/database.h"
#include "db/sqlfragments.h"
#include "conversations/conversationtypes.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Mostrador {

ActivityStore::ActivityStore(Database &database)
    : m_database(database)
{
}

QDateTime ActivityStore::latest(const QString &condition, const QVariantList &values, StoreError *error) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT MAX(m.sent_at) FROM messages m WHERE ") + condition);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        *error = StoreError::fromSql(query.lastError(), QStringLiteral("conversation activity"));
        return {};
    }
    return query.next() ? storedTime(query.value(0)) : QDateTime();
}

std::optional<ConversationActivity> ActivityStore::activity(qint64 conversationId, StoreError *error) const
{
    const QString customerWrote = SqlFragments::customerWrote(QStringLiteral("m"));
    QSqlQuery latestCustomer(m_database.connection());
    latestCustomer.prepare(QStringLiteral("SELECT m.sent_at, c.wa_id, c.user_id, c.display_name, c.profile_name, v.standby_since FROM messages m "
                                          "JOIN conversations v ON v.id = m.conversation_id JOIN customers c ON c.id = v.customer_id "
                                          "WHERE m.conversation_id = ? AND ")
                           + customerWrote + QStringLiteral(" ORDER BY m.sent_at DESC LIMIT 1"));
    latestCustomer.addBindValue(conversationId);
    if (!latestCustomer.exec()) {
        *error = StoreError::fromSql(latestCustomer.lastError(), QStringLiteral("conversation activity"));
        return std::nullopt;
    }
    if (!latestCustomer.next())
        return std::nullopt;
    ConversationActivity activity;
    activity.customerWroteAt = storedTime(latestCustomer.value(0));
    activity.waId = latestCustomer.value(1).toString();
    activity.userId = latestCustomer.value(2).toString();
    activity.heldByMetaAgent = !latestCustomer.value(5).isNull();
    activity.customerName = latestCustomer.value(3).toString().isEmpty() ? latestCustomer.value(4).toString()
                                                                          : latestCustomer.value(3).toString();
    activity.lastAutomaticReplyAt = latest(QStringLiteral("m.conversation_id = ? AND m.direction = 'out' AND m.automatic = 1"),
                                           {conversationId}, error);
    activity.lastPersonReplyAt = latest(QStringLiteral("m.conversation_id = ? AND m.direction = 'out' AND m.automatic = 0"),
                                        {conversationId}, error);
    activity.customerWroteBefore = latest(QStringLiteral("m.conversation_id = ? AND m.sent_at < ? AND ") + customerWrote,
                                          {conversationId, activity.customerWroteAt.toMSecsSinceEpoch()}, error);

    QSqlQuery texts(m_database.connection());
    texts.prepare(QStringLiteral("SELECT m.body, m.caption FROM messages m WHERE m.conversation_id = ? AND ") + customerWrote
                  + QStringLiteral(" ORDER BY m.sent_at DESC LIMIT 5"));
    texts.addBindValue(conversationId);
    if (texts.exec()) {
        while (texts.next())
            activity.recentCustomerTexts << texts.value(0).toString() + QLatin1Char(' ') + texts.value(1).toString();
    }
    return activity;
}

} // namespace Mostrador
