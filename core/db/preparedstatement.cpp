#include "preparedstatement.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlQuery>

#include <sqlite3.h>

#include <utility>

namespace Mostrador {

namespace {

class QtStatement final : public PreparedStatement
{
public:
    QtStatement(QSqlDatabase &database, const QString &sql)
        : m_query(database)
        , m_sql(sql)
    {
        // Forward-only: rows are read once, so Qt need not cache them.
        m_query.setForwardOnly(true);
        m_query.prepare(sql);
    }

    void addBindValue(const QVariant &value) override
    {
        prepareAgainAfterFailure();
        m_query.addBindValue(value);
    }

    bool exec() override
    {
        prepareAgainAfterFailure();
        if (m_query.exec()) {
            m_error = QSqlError();
            return true;
        }
        m_error = m_query.lastError();
        m_failed = true;
        return false;
    }
    bool next() override { return m_query.next(); }
    QVariant value(int column) const override { return m_query.value(column); }
    QSqlError lastError() const override { return m_error.isValid() ? m_error : m_query.lastError(); }
    bool isActive() const override { return m_query.isActive(); }
    void finish() override { m_query.finish(); }

private:
    // QSqlQuery keeps the values of a failed run. Preparing again starts the next run clean; not
    // at once, though: PostgreSQL refuses everything in a transaction that failed until it ends.
    void prepareAgainAfterFailure()
    {
        if (std::exchange(m_failed, false))
            m_query.prepare(m_sql);
    }

    QSqlQuery m_query;
    const QString m_sql;
    QSqlError m_error;
    bool m_failed = false;
};

class SqliteStatement final : public PreparedStatement
{
public:
    SqliteStatement(sqlite3 *connection, const QString &sql)
        : m_connection(connection)
    {
        const QByteArray text = sql.toUtf8();
        if (sqlite3_prepare_v3(m_connection, text.constData(), int(text.size()), SQLITE_PREPARE_PERSISTENT,
                               &m_statement, nullptr) != SQLITE_OK) {
            m_error = currentError(QStringLiteral("Unable to prepare statement"));
            sqlite3_finalize(m_statement);
            m_statement = nullptr;
        }
    }

    ~SqliteStatement() override { sqlite3_finalize(m_statement); }

    void addBindValue(const QVariant &value) override
    {
        if (!m_statement)
            return;
        finish(); // SQLite takes values only between runs
        const int position = ++m_bound;
        if (value.isNull()) {
            sqlite3_bind_null(m_statement, position);
            return;
        }
        switch (value.metaType().id()) {
        case QMetaType::Bool:
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::LongLong:
        case QMetaType::ULongLong:
            sqlite3_bind_int64(m_statement, position, value.toLongLong());
            return;
        case QMetaType::Double:
            sqlite3_bind_double(m_statement, position, value.toDouble());
            return;
        case QMetaType::QByteArray: {
            const QByteArray bytes = value.toByteArray();
            sqlite3_bind_blob64(m_statement, position, bytes.constData(), sqlite3_uint64(bytes.size()), SQLITE_TRANSIENT);
            return;
        }
        default: {
            const QByteArray text = value.toString().toUtf8();
            sqlite3_bind_text64(m_statement, position, text.constData(), sqlite3_uint64(text.size()), SQLITE_TRANSIENT,
                                SQLITE_UTF8);
            return;
        }
        }
    }

    bool exec() override
    {
        const int bound = std::exchange(m_bound, 0);
        if (!m_statement)
            return false;
        finish();
        if (bound != sqlite3_bind_parameter_count(m_statement)) {
            m_error = QSqlError(QStringLiteral("Parameter count mismatch"), QString(), QSqlError::StatementError);
            sqlite3_clear_bindings(m_statement);
            return false;
        }
        m_active = true;
        switch (sqlite3_step(m_statement)) {
        case SQLITE_ROW:
            m_rowWaiting = true;
            break;
        case SQLITE_DONE:
            break;
        default:
            return fail();
        }
        m_error = QSqlError();
        return true;
    }

    bool next() override
    {
        if (!m_active)
            return false;
        if (std::exchange(m_rowWaiting, false))
            return m_onRow = true;
        m_onRow = sqlite3_step(m_statement) == SQLITE_ROW;
        return m_onRow;
    }

    QVariant value(int column) const override
    {
        if (!m_onRow)
            return {};
        switch (sqlite3_column_type(m_statement, column)) {
        case SQLITE_INTEGER:
            return QVariant(qint64(sqlite3_column_int64(m_statement, column)));
        case SQLITE_FLOAT:
            return QVariant(sqlite3_column_double(m_statement, column));
        case SQLITE_TEXT:
            return QVariant(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column)),
                                              sqlite3_column_bytes(m_statement, column)));
        case SQLITE_BLOB:
            return QVariant(QByteArray(static_cast<const char *>(sqlite3_column_blob(m_statement, column)),
                                       sqlite3_column_bytes(m_statement, column)));
        default:
            return {};
        }
    }

    qint64 integer(int column) const override
    {
        return m_onRow ? qint64(sqlite3_column_int64(m_statement, column)) : 0;
    }

    QSqlError lastError() const override { return m_error; }
    bool isActive() const override { return m_active; }

    void finish() override
    {
        if (!m_active)
            return;
        sqlite3_reset(m_statement);
        m_active = m_rowWaiting = m_onRow = false;
    }

private:
    bool fail()
    {
        // sqlite3_reset gives the statement's own error code (and ends the run).
        sqlite3_reset(m_statement);
        m_active = m_rowWaiting = m_onRow = false;
        m_error = currentError(QStringLiteral("Unable to fetch row"));
        return false;
    }

    // In QSqlError's shape as Qt's SQLite driver gives it, so StoreError reads both alike.
    QSqlError currentError(const QString &driverText) const
    {
        return QSqlError(driverText, QString::fromUtf8(sqlite3_errmsg(m_connection)), QSqlError::StatementError,
                         QString::number(sqlite3_extended_errcode(m_connection)));
    }

    sqlite3 *m_connection = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    QSqlError m_error;
    int m_bound = 0;
    bool m_active = false;
    bool m_rowWaiting = false;
    bool m_onRow = false;
};

sqlite3 *sqliteHandle(const QSqlDatabase &database)
{
    const QVariant handle = database.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

} // namespace

std::unique_ptr<PreparedStatement> PreparedStatement::create(QSqlDatabase &database, const QString &sql)
{
    if (sqlite3 *connection = sqliteHandle(database))
        return std::make_unique<SqliteStatement>(connection, sql);
    return std::make_unique<QtStatement>(database, sql);
}

} // namespace Mostrador
