#include "reportstore.h"

#include "db/database.h"
#include "db/preparedstatement.h"
#include "db/sqlfragments.h"

#include <QLoggingCategory>
#include <QSqlQuery>

#include <limits>

namespace Mostrador {

namespace {

Q_LOGGING_CATEGORY(lcReportStore, "mostrador.reports")

} // namespace

ReportStore::ReportStore(Database &database)
    : m_database(database)
{
}

ReportStore::~ReportStore() = default;

StoreError ReportStore::forEachMessage(qint64 from, qint64 to, const std::function<void(const ReportMessage &)> &visit)
{
    if (m_database.dialect().isSqlite()) {
        // A period's index pages read once, straight from the file, kept while the report runs.
        // Only a speed-up: refused, it is logged and the report reads as usual.
        for (const QString &pragma : {QStringLiteral("PRAGMA mmap_size = 1073741824"), QStringLiteral("PRAGMA cache_size = -65536")}) {
            if (const StoreError error = m_database.exec(pragma); error.isError())
                qCInfo(lcReportStore) << "the report reads without" << pragma << error.detail;
        }
    }
    const QString alias = QStringLiteral("m");
    // Every column here is in the messages_for_reports index, so the rows themselves are never read.
    const auto query = PreparedStatement::create(
        m_database.connection(),
        QStringLiteral("SELECT m.conversation_id, m.sent_at, %1, %2, m.agent_id, "
                       "CASE WHEN m.pricing_category IS NULL THEN 0 WHEN m.pricing_category = 'service' THEN 1 ELSE 2 END, "
                       "CASE WHEN m.pricing_category <> 'service' THEN m.pricing_category END, m.pricing_billable, "
                       "CASE WHEN m.handled_by = 'meta_agent' AND m.direction = 'out' THEN 1 ELSE 0 END "
                       "FROM messages m WHERE m.sent_at >= ? AND m.sent_at < ? ORDER BY m.sent_at")
            .arg(SqlFragments::origin(alias), SqlFragments::countsForWaiting(alias)));
    query->addBindValue(from);
    query->addBindValue(to);
    if (!query->exec())
        return StoreError::fromSql(query->lastError(), QStringLiteral("report: messages"));
    ReportMessage message;
    while (query->next()) {
        message.conversationId = query->integer(0);
        message.sentAt = query->integer(1);
        message.origin = MessageOrigin(query->integer(2));
        message.countsForWaiting = query->integer(3) == 1;
        message.agentId = query->integer(4);
        message.pricing = ReportMessage::Pricing(query->integer(5));
        if (message.pricing == ReportMessage::Pricing::Other)
            message.pricingCategory = query->value(6).toString();
        message.billable = query->integer(7) == 1;
        message.byMetaAgent = query->integer(8) == 1;
        visit(message);
    }
    query->finish();
    return {};
}

StoreError ReportStore::forEachArrivalFromAd(qint64 from, qint64 to, const std::function<void(qint64, const QString &)> &visit)
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT conversation_id, referral_json FROM messages WHERE sent_at >= ? AND sent_at < ? "
                                 "AND referral_json IS NOT NULL AND direction = 'in' ORDER BY sent_at"));
    query.addBindValue(from);
    query.addBindValue(to);
    if (!query.exec())
        return StoreError::fromSql(query.lastError(), QStringLiteral("report: arrivals from ads"));
    while (query.next())
        visit(query.value(0).toLongLong(), query.value(1).toString());
    return {};
}

StoreError ReportStore::conversations(QHash<qint64, ReportConversation> *into)
{
    const auto query = PreparedStatement::create(
        m_database.connection(),
        QStringLiteral("SELECT v.id, c.id, CASE WHEN c.display_name <> '' THEN c.display_name ELSE c.profile_name END, "
                       "c.wa_id, v.created_at, c.first_contact_at FROM conversations v JOIN customers c ON c.id = v.customer_id"));
    if (!query->exec())
        return StoreError::fromSql(query->lastError(), QStringLiteral("report: conversations"));
    into->reserve(into->size() + 1024);
    while (query->next()) {
        into->insert(query->integer(0), {query->integer(1), query->value(2).toString(), query->value(3).toString(), query->integer(4),
                                         query->integer(5)});
    }
    query->finish();
    return {};
}

StoreError ReportStore::waitingAt(qint64 from, QHash<qint64, ReportWait> *into)
{
    const QString waits = SqlFragments::startsOrEndsWaiting(QStringLiteral("w"));
    const QString customer = QStringLiteral("SELECT %2 FROM messages w WHERE w.conversation_id = v.id AND w.sent_at < ? AND %1 "
                                            "AND w.direction = 'in'").arg(waits);
    const QString lastAnswer = QStringLiteral("(SELECT MAX(w.sent_at) FROM messages w WHERE w.conversation_id = v.id AND w.sent_at < ? "
                                              "AND %1 AND w.direction = 'out')").arg(waits);
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT v.id, (%1 AND w.sent_at > COALESCE(%2, -1)), (%3) FROM conversations v WHERE %4 = 'in' "
                                 "AND NOT EXISTS (SELECT 1 FROM conversation_resolutions r WHERE r.conversation_id = v.id "
                                 "AND r.resolved_at < ? AND r.resolved_at >= (%3))")
                      .arg(customer.arg(QStringLiteral("MIN(w.sent_at)")), lastAnswer, customer.arg(QStringLiteral("MAX(w.sent_at)")),
                           SqlFragments::lastWaitingDirection(QStringLiteral("v.id"), true)));
    // In the order the marks appear: the wait's start (2), the last message (1), the direction
    // before (1), the resolutions (1) and the last message again (1).
    for (int i = 0; i < 6; ++i)
        query.addBindValue(from);
    if (!query.exec())
        return StoreError::fromSql(query.lastError(), QStringLiteral("report: waiting at the start"));
    while (query.next())
        into->insert(query.value(0).toLongLong(), {query.value(1).toLongLong(), query.value(2).toLongLong()});
    return {};
}

StoreError ReportStore::resolutions(qint64 from, qint64 to, QList<ReportResolution> *into)
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT r.conversation_id, r.resolved_at, (SELECT MAX(p.resolved_at) FROM conversation_resolutions p "
                                 "WHERE p.conversation_id = r.conversation_id AND p.resolved_at < r.resolved_at) "
                                 "FROM conversation_resolutions r WHERE r.resolved_at >= ? AND r.resolved_at < ? ORDER BY r.resolved_at"));
    query.addBindValue(from);
    query.addBindValue(to);
    if (!query.exec())
        return StoreError::fromSql(query.lastError(), QStringLiteral("report: resolutions"));
    while (query.next()) {
        ReportResolution resolution;
        resolution.conversationId = query.value(0).toLongLong();
        resolution.resolvedAt = query.value(1).toLongLong();
        resolution.previousAt = query.value(2).isNull() ? -1 : query.value(2).toLongLong();
        into->append(resolution);
    }
    return {};
}

qint64 ReportStore::firstCustomerMessage(qint64 conversationId, qint64 after, qint64 until, StoreError *error)
{
    if (!m_firstCustomerMessage) {
        m_firstCustomerMessage = PreparedStatement::create(
            m_database.connection(),
            QStringLiteral("SELECT MIN(m.sent_at) FROM messages m WHERE m.conversation_id = ? AND m.sent_at > ? AND m.sent_at <= ? AND %1")
                .arg(SqlFragments::customerWrote(QStringLiteral("m"))));
    }
    PreparedStatement &query = *m_firstCustomerMessage;
    query.addBindValue(conversationId);
    query.addBindValue(after);
    query.addBindValue(until);
    if (!query.exec() || !query.next()) {
        *error = StoreError::fromSql(query.lastError(), QStringLiteral("report: when a conversation opened"));
        return 0;
    }
    const qint64 first = query.integer(0);
    query.finish();
    return first;
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
    query.prepare(QStringLiteral("SELECT COUNT(*) FROM conversations v WHERE %1").arg(SqlFragments::waitingForUs(QStringLiteral("v"))));
    if (!query.exec() || !query.next()) {
        *error = StoreError::fromSql(query.lastError(), QStringLiteral("report: waiting now"));
        return 0;
    }
    return query.value(0).toInt();
}

} // namespace Mostrador
