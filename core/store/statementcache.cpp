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
        // Forward-only: rows are read once, so Qt need not cache them (that cache is most of
        // what a reused statement would otherwise cost).
        query.setForwardOnly(true);
        // A statement that fails to prepare is kept too: exec() then reports the error.
        query.prepare(sql);
        it = m_statements.insert(sql, std::move(query));
    }
    if (it->isActive())
        it->finish();
    return *it;
}

void StatementCache::finishAll()
{
    for (QSqlQuery &query : m_statements) {
        if (query.isActive())
            query.finish();
    }
}

} // namespace Mostrador
