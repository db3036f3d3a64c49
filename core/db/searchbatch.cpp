#include "searchbatch.h"

#include "db/sqldialect.h"
#include "db/statementcache.h"

#include <QSqlError>
#include <QStringList>

namespace Mostrador {

SearchBatch::SearchBatch(StatementCache &statements, const SqlDialect &dialect)
    : m_statements(statements)
    , m_deferrable(dialect.isSqlite())
{
}

StoreError SearchBatch::open()
{
    if (!m_deferrable || m_open)
        return {};
    PreparedStatement &open = m_statements.prepared(QStringLiteral("INSERT INTO search_batch_open (opened) VALUES (1)"));
    if (!open.exec())
        return StoreError::fromSql(open.lastError(), QStringLiteral("open search batch"));
    m_open = true;
    m_messageIds.clear();
    return {};
}

void SearchBatch::add(qint64 messageId)
{
    if (m_open)
        m_messageIds.append(messageId);
}

StoreError SearchBatch::close()
{
    if (!m_open)
        return {};
    m_open = false;
    PreparedStatement &reopenTrigger = m_statements.prepared(QStringLiteral("DELETE FROM search_batch_open"));
    if (!reopenTrigger.exec())
        return StoreError::fromSql(reopenTrigger.lastError(), QStringLiteral("close search batch"));
    if (m_messageIds.isEmpty())
        return {};

    QStringList ids;
    ids.reserve(m_messageIds.size());
    for (qint64 id : std::as_const(m_messageIds))
        ids << QString::number(id);
    m_messageIds.clear();
    PreparedStatement &index = m_statements.prepared(QStringLiteral(
        "INSERT INTO message_search (rowid, body, caption) SELECT id, body, caption FROM messages "
        "WHERE id IN (SELECT value FROM json_each(?))"));
    index.addBindValue(QString(QLatin1Char('[') + ids.join(QLatin1Char(',')) + QLatin1Char(']')));
    if (!index.exec())
        return StoreError::fromSql(index.lastError(), QStringLiteral("index messages for search"));
    return {};
}

void SearchBatch::discard()
{
    m_open = false;
    m_messageIds.clear();
}

} // namespace Mostrador
