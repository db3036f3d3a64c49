#include "storecopy.h"

#include "db/database.h"

#include <QHash>
#include <QSet>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

#include <algorithm>

namespace Mostrador {

namespace {

constexpr int kRowsPerStatement = 250;

// Bookkeeping that each store keeps for itself: never copied.
bool isOwnBookkeeping(const QString &table)
{
    return table == QLatin1String("schema_version") || table == QLatin1String("search_batch_open");
}

StoreError scalar(Database &database, const QString &sql, qint64 *value, const char *what)
{
    QSqlQuery query(database.connection());
    if (!query.exec(sql))
        return StoreError::fromSql(query.lastError(), QLatin1String(what));
    *value = query.next() ? query.value(0).toLongLong() : 0;
    return {};
}

QString quoted(const QString &identifier)
{
    return QLatin1Char('"') + QString(identifier).replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
}

} // namespace

StoreCopy::StoreCopy(Database &source, Database &target)
    : m_source(source)
    , m_target(target)
{
}

QList<StoreCopy::Table> StoreCopy::plan(StoreError *error)
{
    *error = {};
    if (!m_source.dialect().isSqlite() || m_target.dialect().isSqlite()) {
        *error = StoreError::make(StoreError::Kind::Query, QStringLiteral("copy from SQLite into PostgreSQL only"));
        error->userMessage = tr("Copy from a SQLite file into a PostgreSQL database.");
        return {};
    }
    qint64 sourceVersion = 0;
    qint64 targetVersion = 0;
    if ((*error = scalar(m_source, QStringLiteral("SELECT MAX(version) FROM schema_version"), &sourceVersion, "source version")).isError()
        || (*error = scalar(m_target, QStringLiteral("SELECT MAX(version) FROM schema_version"), &targetVersion, "target version")).isError())
        return {};
    if (sourceVersion != targetVersion) {
        *error = StoreError::make(StoreError::Kind::Query, QStringLiteral("schema %1 vs %2").arg(sourceVersion).arg(targetVersion));
        error->userMessage = tr("The two stores were written by different versions of Mostrador (%1 and %2).")
                                 .arg(sourceVersion).arg(targetVersion);
        return {};
    }
    for (const char *history : {"customers", "conversations", "messages"}) {
        qint64 rows = 0;
        if ((*error = scalar(m_target, QStringLiteral("SELECT COUNT(*) FROM %1").arg(QLatin1String(history)), &rows, "target rows")).isError())
            return {};
        if (rows > 0) {
            *error = StoreError::make(StoreError::Kind::Query, QStringLiteral("target holds %1 %2").arg(rows).arg(QLatin1String(history)));
            error->userMessage = tr("The PostgreSQL database already holds a shop's history (%1 rows in %2). Copy only into a "
                                    "new, empty database, so two histories are never mixed.")
                                     .arg(rows).arg(QLatin1String(history));
            return {};
        }
    }

    // The source's tables, without the full-text indexes and their shadow tables (NAME_data,
    // NAME_idx…: PostgreSQL has its own index), and who points at whom.
    QStringList names;
    QStringList indexes;
    {
        QSqlQuery query(m_source.connection());
        if (!query.exec(QStringLiteral("SELECT name, sql LIKE 'CREATE VIRTUAL%' FROM sqlite_master WHERE type = 'table' "
                                       "AND name NOT LIKE 'sqlite_%' ORDER BY name"))) {
            *error = StoreError::fromSql(query.lastError(), QStringLiteral("list tables"));
            return {};
        }
        while (query.next())
            (query.value(1).toInt() ? indexes : names) << query.value(0).toString();
    }
    const auto belongsToAnIndex = [&indexes](const QString &name) {
        return std::any_of(indexes.cbegin(), indexes.cend(),
                           [&name](const QString &index) { return name.startsWith(index + QLatin1Char('_')); });
    };
    QSet<QString> inTarget;
    {
        QSqlQuery query(m_target.connection());
        if (!query.exec(QStringLiteral("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"))) {
            *error = StoreError::fromSql(query.lastError(), QStringLiteral("target tables"));
            return {};
        }
        while (query.next())
            inTarget.insert(query.value(0).toString());
    }
    QStringList tables;
    QHash<QString, QSet<QString>> parents;
    for (const QString &name : std::as_const(names)) {
        if (belongsToAnIndex(name) || isOwnBookkeeping(name) || !inTarget.contains(name))
            continue;
        tables << name;
        QSqlQuery keys(m_source.connection());
        if (!keys.exec(QStringLiteral("PRAGMA foreign_key_list(%1)").arg(quoted(name)))) {
            *error = StoreError::fromSql(keys.lastError(), QStringLiteral("foreign keys"));
            return {};
        }
        while (keys.next()) {
            const QString parent = keys.value(2).toString();
            if (parent != name)
                parents[name].insert(parent);
        }
    }

    // Parents first (the schema has no cycles; a table left over would mean one, and goes last).
    QList<Table> ordered;
    QSet<QString> placed;
    while (placed.size() < tables.size()) {
        bool progressed = false;
        for (const QString &name : std::as_const(tables)) {
            if (placed.contains(name))
                continue;
            bool ready = true;
            for (const QString &parent : parents.value(name))
                ready = ready && (placed.contains(parent) || !tables.contains(parent));
            if (!ready)
                continue;
            ordered.append({name, 0, -1});
            placed.insert(name);
            progressed = true;
        }
        if (!progressed) {
            for (const QString &name : std::as_const(tables)) {
                if (!placed.contains(name)) {
                    ordered.append({name, 0, -1});
                    placed.insert(name);
                }
            }
        }
    }
    for (Table &table : ordered) {
        if ((*error = scalar(m_source, QStringLiteral("SELECT COUNT(*) FROM %1").arg(quoted(table.name)), &table.sourceRows,
                             "source rows")).isError())
            return {};
    }
    return ordered;
}

QStringList StoreCopy::commonColumns(const QString &table, StoreError *error)
{
    QStringList source;
    QSqlQuery columns(m_source.connection());
    if (!columns.exec(QStringLiteral("PRAGMA table_info(%1)").arg(quoted(table)))) {
        *error = StoreError::fromSql(columns.lastError(), QStringLiteral("columns"));
        return {};
    }
    while (columns.next())
        source << columns.value(1).toString();
    QSqlQuery target(m_target.connection());
    target.prepare(QStringLiteral("SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
                                  "AND table_name = ? AND is_generated = 'NEVER'"));
    target.addBindValue(table);
    if (!target.exec()) {
        *error = StoreError::fromSql(target.lastError(), QStringLiteral("target columns"));
        return {};
    }
    QSet<QString> present;
    while (target.next())
        present.insert(target.value(0).toString());
    QStringList common;
    for (const QString &column : std::as_const(source)) {
        if (present.contains(column))
            common << column;
    }
    return common;
}

StoreError StoreCopy::copyTable(const Table &table, qint64 *done, qint64 total, const Progress &progress)
{
    StoreError error;
    const QStringList columns = commonColumns(table.name, &error);
    if (error.isError())
        return error;
    if (columns.isEmpty())
        return {}; // only on this side (its own bookkeeping)
    QStringList quotedColumns;
    for (const QString &column : columns)
        quotedColumns << quoted(column);
    const QString row = QLatin1Char('(') + QStringList(columns.size(), QStringLiteral("?")).join(QLatin1Char(',')) + QLatin1Char(')');
    const auto insertFor = [&](int rows) -> QString {
        return QStringLiteral("INSERT INTO %1 (%2) VALUES ").arg(quoted(table.name), quotedColumns.join(QLatin1Char(',')))
            + QStringList(rows, row).join(QLatin1Char(','));
    };
    QSqlQuery full(m_target.connection());
    if (!full.prepare(insertFor(kRowsPerStatement)))
        return StoreError::fromSql(full.lastError(), QStringLiteral("prepare copy of %1").arg(table.name));

    QSqlQuery read(m_source.connection());
    read.setForwardOnly(true);
    const QString orderBy = columns.contains(QLatin1String("id")) ? QStringLiteral(" ORDER BY id") : QString();
    if (!read.exec(QStringLiteral("SELECT %1 FROM %2%3").arg(quotedColumns.join(QLatin1Char(',')), quoted(table.name), orderBy)))
        return StoreError::fromSql(read.lastError(), QStringLiteral("read %1").arg(table.name));
    QVariantList pending;
    int pendingRows = 0;
    const auto flush = [&](QSqlQuery &statement) -> StoreError {
        for (int i = 0; i < pending.size(); ++i)
            statement.bindValue(i, pending.at(i));
        if (!statement.exec())
            return StoreError::fromSql(statement.lastError(), QStringLiteral("copy into %1").arg(table.name));
        *done += pendingRows;
        if (progress)
            progress(*done, total, table.name);
        pending.clear();
        pendingRows = 0;
        return {};
    };
    while (read.next()) {
        for (int i = 0; i < columns.size(); ++i)
            pending << read.value(i);
        if (++pendingRows == kRowsPerStatement) {
            if (StoreError failed = flush(full); failed.isError())
                return failed;
        }
    }
    if (read.lastError().isValid())
        return StoreError::fromSql(read.lastError(), QStringLiteral("read %1").arg(table.name));
    if (pendingRows > 0) {
        QSqlQuery rest(m_target.connection());
        if (!rest.prepare(insertFor(pendingRows)))
            return StoreError::fromSql(rest.lastError(), QStringLiteral("prepare copy of %1").arg(table.name));
        if (StoreError failed = flush(rest); failed.isError())
            return failed;
    }
    // The next id PostgreSQL hands out comes after the copied ones.
    if (columns.contains(QLatin1String("id")) && table.sourceRows > 0) {
        QSqlQuery sequence(m_target.connection());
        if (!sequence.exec(QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', 'id'), (SELECT MAX(id) FROM %2)) "
                                          "WHERE pg_get_serial_sequence('%1', 'id') IS NOT NULL")
                                   .arg(table.name, quoted(table.name))))
            return StoreError::fromSql(sequence.lastError(), QStringLiteral("id counter of %1").arg(table.name));
    }
    return {};
}

StoreError StoreCopy::copy(QList<Table> &tables, const Progress &progress)
{
    qint64 total = 0;
    for (const Table &table : std::as_const(tables))
        total += table.sourceRows;
    if (StoreError error = m_target.begin(); error.isError())
        return error;
    const auto fail = [this](const StoreError &error) {
        m_target.rollback();
        return error;
    };
    // What a new store starts with (labels seeded in a language, settings) gives way to the shop's.
    for (auto it = tables.crbegin(); it != tables.crend(); ++it) {
        if (StoreError error = m_target.exec(QStringLiteral("DELETE FROM %1").arg(quoted(it->name))); error.isError())
            return fail(error);
    }
    qint64 done = 0;
    if (progress)
        progress(0, total, QString());
    for (const Table &table : std::as_const(tables)) {
        if (StoreError error = copyTable(table, &done, total, progress); error.isError())
            return fail(error);
    }
    if (StoreError error = m_target.commit(); error.isError())
        return error;
    for (Table &table : tables) {
        if (StoreError error = scalar(m_target, QStringLiteral("SELECT COUNT(*) FROM %1").arg(quoted(table.name)), &table.targetRows,
                                      "count copied rows");
            error.isError())
            return error;
    }
    return {};
}

} // namespace Mostrador
