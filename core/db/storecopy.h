#pragma once

#include "db/storeerror.h"

#include <QList>
#include <QString>

#include <functional>

namespace Mostrador {

class Database;

// Moves a shop's SQLite store into PostgreSQL (team mode): every table's rows, parents before the
// rows that point at them, in one transaction on the PostgreSQL side (a failure leaves it as it
// was), the id counters set past the copied ids, and the rows counted again on both sides at the
// end. Only into a store with no customers, conversations or messages yet: it never mixes two
// shops' histories. The search indexes are each side's own and follow by themselves.
class StoreCopy final
{
    Q_DECLARE_TR_FUNCTIONS(StoreCopy)

public:
    struct Table {
        QString name;
        qint64 sourceRows = 0;
        qint64 targetRows = -1; // counted after the copy; -1 before
        [[nodiscard]] bool matches() const { return sourceRows == targetRows; }
    };

    StoreCopy(Database &source, Database &target);

    // The tables to copy, in order, with their rows in the source. Says why not when the target
    // already holds a shop's history or the two stores are not at the same schema version.
    [[nodiscard]] QList<Table> plan(StoreError *error);

    // Copies what plan() listed; `progress` hears rows done of all rows (and may be empty).
    // Afterwards each table's targetRows is its count on the PostgreSQL side.
    using Progress = std::function<void(qint64 done, qint64 total, const QString &table)>;
    StoreError copy(QList<Table> &tables, const Progress &progress);

private:
    StoreError copyTable(const Table &table, qint64 *done, qint64 total, const Progress &progress);
    [[nodiscard]] QStringList commonColumns(const QString &table, StoreError *error);

    Database &m_source;
    Database &m_target;
};

} // namespace Mostrador
