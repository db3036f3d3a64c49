#include "statementcache.h"

#include "db/database.h"

namespace Mostrador {

StatementCache::StatementCache(Database &database)
    : m_database(database)
{
    m_database.m_statementCaches.append(this);
}

StatementCache::~StatementCache()
{
    m_database.m_statementCaches.removeOne(this);
}

void StatementCache::clear()
{
    m_statements.clear();
}

PreparedStatement &StatementCache::prepared(const QString &sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end())
        it = m_statements.insert(sql, PreparedStatement::create(m_database.connection(), sql));
    PreparedStatement &statement = **it;
    if (statement.isActive())
        statement.finish();
    return statement;
}

void StatementCache::finishAll()
{
    for (const auto &statement : std::as_const(m_statements)) {
        if (statement->isActive())
            statement->finish();
    }
}

} // namespace Mostrador
