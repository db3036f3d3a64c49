#include "statementcache.h"

#include "database.h"

namespace Mostrador {

StatementCache::StatementCache(Database &database)
    : m_database(database)
{
}

QSqlQuery &StatementCache::prepared(const QString &sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        QSqlQuery query(m_database.connection());
        // A statement that fails to prepare is kept too: exec() then reports the error.
        query.prepare(sql);
        it = m_statements.insert(sql, std::move(query));
    }
    it->finish();
    return *it;
}

void StatementCache::finishAll()
{
    for (QSqlQuery &query : m_statements)
        query.finish();
}

} // namespace Mostrador
