#pragma once

#include "db/storeerror.h"

#include <QList>

namespace Mostrador {

class StatementCache;
struct SqlDialect;

// Indexes a batch of new messages for search in one statement instead of one per message.
//
// On SQLite, FTS5 writes its pending terms out as a new segment at the end of every statement
// that touched it, so the per-row trigger writes (and later merges) a segment for each message:
// most of what a large webhook batch costs. While a batch is open, inside the ingest
// transaction, the insert trigger stands aside (migration 10) and close() indexes every
// message added in one go, before the transaction commits: search never misses a stored message.
// PostgreSQL keeps its search index itself; there this does nothing.
class SearchBatch final
{
public:
    SearchBatch(StatementCache &statements, const SqlDialect &dialect);

    StoreError open();
    void add(qint64 messageId);
    // Indexes what was added and hands back to the trigger. Call before anything changes the
    // text of a message added in this batch (an edit), and before the commit.
    StoreError close();
    // The transaction rolls back: its row in search_batch_open goes with it.
    void discard();

private:
    StatementCache &m_statements;
    const bool m_deferrable;
    bool m_open = false;
    QList<qint64> m_messageIds;
};

} // namespace Mostrador
