#pragma once

#include <QHash>
#include <QSqlQuery>
#include <QString>

namespace Mostrador {

class Database;

// Prepared statements kept for reuse: the hot paths (ingest, outbox) run the same few
// statements thousands of times, and compiling each once is most of what makes them fast.
class StatementCache final
{
public:
    explicit StatementCache(Database &database);

    // The statement for `sql`, prepared on first use. Callers bind, exec, read and then call
    // finish() so no read stays open.
    QSqlQuery &prepared(const QString &sql);

    // Ends every open read, before a commit or when the connection goes idle.
    void finishAll();

private:
    Database &m_database;
    QHash<QString, QSqlQuery> m_statements;
};

} // namespace Mostrador
