#pragma once

#include "db/preparedstatement.h"

#include <QHash>
#include <QString>

#include <memory>

namespace Mostrador {

class Database;

// Prepared statements kept for reuse: the hot paths (ingest, outbox) run the same few
// statements thousands of times, and compiling each once is most of what makes them fast.
class StatementCache final
{
public:
    explicit StatementCache(Database &database);
    ~StatementCache();
    StatementCache(const StatementCache &) = delete;
    StatementCache &operator=(const StatementCache &) = delete;

    // The statement for `sql`, prepared on first use. Callers bind, exec, read and then call
    // finish() so no read stays open.
    PreparedStatement &prepared(const QString &sql);

    // Ends every open read, before a commit or when the connection goes idle.
    void finishAll();
    // Drops every statement; the next prepared() compiles again (the Database, before it
    // closes its connection).
    void clear();

private:
    Database &m_database;
    QHash<QString, std::shared_ptr<PreparedStatement>> m_statements;
};

} // namespace Mostrador
