#include "reportstore.h"

#include "database.h"
#include "preparedstatement.h"
#include "sqlfragments.h"

#include <QSqlQuery>

#include <limits>

namespace Mostrador {

namespace {

// A message `m` that starts or ends a wait: the customer writing, or a person of the shop answering.
QString startsOrEndsWaiting()
{
    const QString alias = QStringLiteral("m");
    return QStringLiteral("(%1) = 1 AND (%2) <> %3")
        .arg(SqlFragments::countsForWaiting(alias), SqlFragments::origin(alias))
        .arg(int(MessageOrigin::Automatic));
}

// Which way the last message that starts or ends a wait went before a time (the next bound
// value), in the conversation whose id is `conversationId` (an SQL expression).
QString lastWaitingDirectionBefore(const QString &conversationId)
{
    return QStringLiteral("(SELECT m.direction FROM messages m WHERE m.conversation_id = %1 AND m.sent_at < ? AND %2 "
                          "ORDER BY m.sent_at DESC, m.id DESC LIMIT 1)")
        .arg(conversationId, startsOrEndsWaiting());
}

} // namespace

ReportStore::ReportStore(Database &database)
    : m_database(database)
{
}

StoreError ReportStore::forEachMessage(qint64 from, qint64 to, const std::function<void(const ReportMessage &)> &visit)
{
    const QString alias = QStringLiteral("m");
    const auto query = PreparedStatement::create(
        m_database.connection(),
        QStringLiteral("SELECT m.conversation_id, m.sent_at, %1, %2, m.agent_id, m.referral_json, m.pricing_json FROM messages m "
                       "WHERE m.sent_at >= ? AND m.sent_at < ? ORDER BY m.sent_at, m.id")
            .arg(SqlFragments::origin(alias), SqlFragments::countsForWaiting(alias)));
    query->addBindValue(from);
    query->addBindValue(to);
    if (!query->exec())
        return StoreError::fromSql(query->lastError(), QStringLiteral("report: messages"));
    ReportMessage message;
    while (query->next()) {
        message.conversationId = query->value(0).toLongLong();
        message.sentAt = query->value(1).toLongLong();
        message.origin = MessageOrigin(query->value(2).toInt());
        message.countsForWaiting = query->value(3).toInt() == 1;
        message.agentId = query->value(4).toLongLong();
        message.referralJson = query->value(5).toString();
        message.pricingJson = query->value(6).toString();
        visit(message);
    }
    query->finish();
    return {};
}

StoreError ReportStore::conversations(QHash<qint64, ReportConversation> *into)
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT v.id, c.id, CASE WHEN c.display_name <> '' THEN c.display_name ELSE c.profile_name END, "
                                   "c.wa_id, v.created_at, c.first_contact_at FROM conversations v JOIN customers c ON c.id = v.customer_id")))
        return StoreError::fromSql(query.lastError(), QStringLiteral("report: conversations"));
    while (query.next()) {
        into->insert(query.value(0).toLongLong(),
                     {query.value(1).toLongLong(), query.value(2).toString(), query.value(3).toString(), query.value(4).toLongLong(),
                      query.value(5).toLongLong()});
    }
    return {};
}

StoreError ReportStore::waitingAt(qint64 from, qint64 to, QSet<qint64> *into)
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT p.conversation_id FROM (SELECT DISTINCT conversation_id FROM messages WHERE sent_at >= ? "
                                 "AND sent_at < ?) p WHERE %1 = 'in'")
                      .arg(lastWaitingDirectionBefore(QStringLiteral("p.conversation_id"))));
    query.addBindValue(from);
    query.addBindValue(to);
    query.addBindValue(from);
    if (!query.exec())
        return StoreError::fromSql(query.lastError(), QStringLiteral("report: waiting at the start"));
    while (query.next())
        into->insert(query.value(0).toLongLong());
    return {};
}

StoreError ReportStore::resolutions(qint64 from, qint64 to, QList<ReportResolution> *into)
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
                      "SELECT r.conversation_id, r.resolved_at, (SELECT MIN(m.sent_at) FROM messages m WHERE m.conversation_id = "
                      "r.conversation_id AND %1 AND m.sent_at <= r.resolved_at AND m.sent_at > COALESCE((SELECT MAX(p.resolved_at) "
                      "FROM conversation_resolutions p WHERE p.conversation_id = r.conversation_id AND p.resolved_at < r.resolved_at), -1)) "
                      "FROM conversation_resolutions r WHERE r.resolved_at >= ? AND r.resolved_at < ? ORDER BY r.resolved_at")
                      .arg(SqlFragments::customerWrote(QStringLiteral("m"))));
    query.addBindValue(from);
    query.addBindValue(to);
    if (!query.exec())
        return StoreError::fromSql(query.lastError(), QStringLiteral("report: resolutions"));
    while (query.next())
        into->append({query.value(0).toLongLong(), query.value(2).toLongLong(), query.value(1).toLongLong()});
    return {};
}

StoreError ReportStore::agents(QHash<qint64, QString> *into)
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral("SELECT id, name FROM agents")))
        return StoreError::fromSql(query.lastError(), QStringLiteral("report: team"));
    while (query.next())
        into->insert(query.value(0).toLongLong(), query.value(1).toString());
    return {};
}

int ReportStore::waitingNow(StoreError *error)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT COUNT(*) FROM conversations v WHERE v.status <> 'resolved' AND %1 = 'in'")
                      .arg(lastWaitingDirectionBefore(QStringLiteral("v.id"))));
    query.addBindValue(std::numeric_limits<qint64>::max());
    if (!query.exec() || !query.next()) {
        *error = StoreError::fromSql(query.lastError(), QStringLiteral("report: waiting now"));
        return 0;
    }
    return query.value(0).toInt();
}

} // namespace Mostrador
