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

    // The statement for `sql`, prepared on first use. Callers bind, exec, read and then call
    // finish() so no read stays open.
    PreparedStatement &prepared(const QString &sql);

    // Ends every open read, before a commit or when the connection goes idle.
    void finishAll();

private:
    Database &m_database;
    QHash<QString, std::shared_ptr<PreparedStatement>> m_statements;
};

} // namespace Mostrador
