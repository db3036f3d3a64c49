#include "teamstore.h"

#include "common/clock.h"
#include "db/storenotifications.h"
#include "db/database.h"
#include "conversations/conversationtypes.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Mostrador {

namespace {

using Change = StoreNotifications::Change;

// Prepares, binds and runs; on failure fills `error` (what) and returns false.
bool run(QSqlQuery &query, const QString &sql, const QVariantList &values, const char *what, StoreError *error)
{
    query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (query.exec())
        return true;
    *error = StoreError::fromSql(query.lastError(), QLatin1String(what));
    return false;
}

Agent agentFrom(const QSqlQuery &query, int first)
{
    return {query.value(first).toLongLong(), query.value(first + 1).toString(), query.value(first + 2).toString(),
            query.value(first + 3).toString() == QLatin1String("owner") ? Agent::Role::Owner : Agent::Role::Agent};
}

} // namespace

TeamStore::TeamStore(Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{
}

std::optional<Agent> TeamStore::signIn(const QString &name, const QString &color, StoreError *error)
{
    const QString trimmed = name.simplified();
    QSqlQuery query(m_database.connection());
    // An agent with their own database role (TeamAccessStore) is who their role says, whatever name
    // was typed; they cannot add themselves.
    if (!m_database.dialect().isSqlite()) {
        if (!run(query, QStringLiteral("SELECT id, name, color, role FROM agents WHERE db_role = current_user AND removed_at IS NULL"), {},
                 "sign in", error))
            return std::nullopt;
        if (query.next())
            return agentFrom(query, 0);
    }
    // The first person in is the owner; later ones answer.
    if (!run(query,
             QStringLiteral("INSERT INTO agents (name, color, role, created_at) VALUES (?, ?, "
                            "CASE WHEN EXISTS (SELECT 1 FROM agents WHERE db_role IS NULL) THEN 'agent' ELSE 'owner' END, ?) "
                            "ON CONFLICT (name) DO UPDATE SET color = excluded.color RETURNING id, name, color, role"),
             {trimmed, color, m_clock.now().toMSecsSinceEpoch()}, "sign in", error)
        || !query.next())
        return std::nullopt;
    return agentFrom(query, 0);
}

QList<Agent> TeamStore::agents(StoreError *error) const
{
    QList<Agent> result;
    QSqlQuery query(m_database.connection());
    if (run(query, QStringLiteral("SELECT id, name, color, role FROM agents WHERE removed_at IS NULL ORDER BY name"), {}, "agents", error)) {
        while (query.next())
            result << agentFrom(query, 0);
    }
    return result;
}

std::optional<Agent> TeamStore::agent(qint64 id, StoreError *error) const
{
    QSqlQuery query(m_database.connection());
    if (!run(query, QStringLiteral("SELECT id, name, color, role FROM agents WHERE id = ?"), {id}, "agent", error) || !query.next())
        return std::nullopt;
    return agentFrom(query, 0);
}

StoreError TeamStore::assign(qint64 conversationId, std::optional<qint64> agentId)
{
    StoreError error;
    if ((error = m_database.begin()).isError())
        return error;
    QSqlQuery query(m_database.connection());
    if (!run(query, QStringLiteral("UPDATE conversations SET assigned_agent_id = ? WHERE id = ?"),
             {agentId ? QVariant(*agentId) : QVariant(QMetaType::fromType<qint64>()), conversationId}, "assign", &error)) {
        m_database.rollback();
        return error;
    }
    StoreNotifications::announce(m_database, Change::Assignment, {conversationId});
    return m_database.commit();
}

std::optional<qint64> TeamStore::assignee(qint64 conversationId, StoreError *error) const
{
    QSqlQuery query(m_database.connection());
    if (!run(query, QStringLiteral("SELECT assigned_agent_id FROM conversations WHERE id = ?"), {conversationId}, "assignee", error)
        || !query.next() || query.value(0).isNull())
        return std::nullopt;
    return query.value(0).toLongLong();
}

std::optional<Agent> TeamStore::claimReply(qint64 conversationId, qint64 agentId, int seconds, StoreError *error)
{
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    if ((*error = m_database.begin()).isError())
        return std::nullopt;
    QSqlQuery query(m_database.connection());
    // Taken only when free, expired or already ours: never from someone who is typing.
    if (!run(query,
             QStringLiteral("INSERT INTO reply_locks (conversation_id, agent_id, until_at) VALUES (?, ?, ?) "
                            "ON CONFLICT (conversation_id) DO UPDATE SET agent_id = excluded.agent_id, until_at = excluded.until_at "
                            "WHERE reply_locks.agent_id = excluded.agent_id OR reply_locks.until_at < ?"),
             {conversationId, agentId, now + seconds * 1000LL, now}, "claim the reply", error)) {
        m_database.rollback();
        return std::nullopt;
    }
    StoreNotifications::announce(m_database, Change::ReplyLock, {conversationId});
    if ((*error = m_database.commit()).isError())
        return std::nullopt;
    return replying(conversationId, error);
}

StoreError TeamStore::releaseReply(qint64 conversationId, qint64 agentId)
{
    StoreError error;
    if ((error = m_database.begin()).isError())
        return error;
    QSqlQuery query(m_database.connection());
    if (!run(query, QStringLiteral("DELETE FROM reply_locks WHERE conversation_id = ? AND agent_id = ?"), {conversationId, agentId},
             "release the reply", &error)) {
        m_database.rollback();
        return error;
    }
    StoreNotifications::announce(m_database, Change::ReplyLock, {conversationId});
    return m_database.commit();
}

std::optional<Agent> TeamStore::replying(qint64 conversationId, StoreError *error) const
{
    QSqlQuery query(m_database.connection());
    if (!run(query,
             QStringLiteral("SELECT a.id, a.name, a.color, a.role FROM reply_locks l JOIN agents a ON a.id = l.agent_id "
                            "WHERE l.conversation_id = ? AND l.until_at >= ?"),
             {conversationId, m_clock.now().toMSecsSinceEpoch()}, "who is replying", error)
        || !query.next())
        return std::nullopt;
    return agentFrom(query, 0);
}

std::optional<qint64> TeamStore::addNote(qint64 conversationId, qint64 agentId, const QString &body, StoreError *error)
{
    if ((*error = m_database.begin()).isError())
        return std::nullopt;
    QSqlQuery query(m_database.connection());
    if (!run(query,
             QStringLiteral("INSERT INTO conversation_notes (conversation_id, agent_id, body, created_at) VALUES (?, ?, ?, ?) RETURNING id"),
             {conversationId, agentId, body, m_clock.now().toMSecsSinceEpoch()}, "add a note", error)
        || !query.next()) {
        m_database.rollback();
        return std::nullopt;
    }
    const qint64 id = query.value(0).toLongLong();
    query.finish();
    StoreNotifications::announce(m_database, Change::Notes, {conversationId});
    if ((*error = m_database.commit()).isError())
        return std::nullopt;
    return id;
}

QList<TeamNote> TeamStore::notes(qint64 conversationId, StoreError *error) const
{
    QList<TeamNote> result;
    QSqlQuery query(m_database.connection());
    if (run(query,
            QStringLiteral("SELECT n.id, n.agent_id, COALESCE(a.name, ''), n.body, n.created_at FROM conversation_notes n "
                           "LEFT JOIN agents a ON a.id = n.agent_id WHERE n.conversation_id = ? ORDER BY n.created_at, n.id"),
            {conversationId}, "notes", error)) {
        while (query.next())
            result << TeamNote{query.value(0).toLongLong(), query.value(1).toLongLong(), query.value(2).toString(),
                               query.value(3).toString(), storedTime(query.value(4))};
    }
    return result;
}

QString TeamStore::latestBusinessNumber(StoreError *error) const
{
    QSqlQuery latest(m_database.connection());
    if (!latest.exec(QStringLiteral("SELECT business_number_id FROM conversations ORDER BY last_message_at DESC LIMIT 1"))) {
        *error = StoreError::fromSql(latest.lastError(), QStringLiteral("latest business number"));
        return {};
    }
    return latest.next() ? latest.value(0).toString() : QString();
}

} // namespace Mostrador
