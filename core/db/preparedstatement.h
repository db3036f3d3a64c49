#pragma once

#include <QSqlError>
#include <QVariant>

#include <memory>

class QSqlDatabase;

namespace Mostrador {

// One SQL statement compiled once and run many times with positional (?) values: the subset of
// QSqlQuery the hot paths use.
//
// On SQLite it speaks to the SQLite library directly, through the connection Qt opened (the
// same handle, so transactions are shared): on the ingest path QSqlQuery's binding bookkeeping
// cost more than SQLite's own work. On PostgreSQL it is a QSqlQuery.
class PreparedStatement
{
public:
    // Compiles `sql` for `database`. A statement that does not compile reports it at exec().
    [[nodiscard]] static std::unique_ptr<PreparedStatement> create(QSqlDatabase &database, const QString &sql);

    virtual ~PreparedStatement() = default;

    // Values bind in order; a null QVariant (including a null QString) binds as NULL.
    virtual void addBindValue(const QVariant &value) = 0;
    // Runs with the values bound since the last exec(). False on failure: see lastError().
    virtual bool exec() = 0;
    // Moves to the next row the statement returned (RETURNING, SELECT).
    virtual bool next() = 0;
    [[nodiscard]] virtual QVariant value(int column) const = 0;
    // A column read as an integer (0 for NULL) without a QVariant: for scans of many rows.
    [[nodiscard]] virtual qint64 integer(int column) const { return value(column).toLongLong(); }
    [[nodiscard]] virtual QSqlError lastError() const = 0;
    [[nodiscard]] virtual bool isActive() const = 0;
    // Ends the run so it holds no read open.
    virtual void finish() = 0;
};

} // namespace Mostrador
