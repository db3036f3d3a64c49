#pragma once

#include <QString>

namespace Mostrador {

// The few places where SQLite and PostgreSQL SQL differ, in one spot. Schema text is written
// with {placeholders} that expand per dialect; everything else is plain SQL both accept
// (ON CONFLICT, RETURNING, CTEs).
struct SqlDialect {
    enum class Kind { Sqlite, Postgres };

    Kind kind = Kind::Sqlite;

    [[nodiscard]] static SqlDialect sqlite() { return {Kind::Sqlite}; }
    [[nodiscard]] static SqlDialect postgres() { return {Kind::Postgres}; }

    [[nodiscard]] bool isSqlite() const { return kind == Kind::Sqlite; }
    [[nodiscard]] QString driverName() const;

    // Expands {id} (auto-numbered primary key), {bigint}, {real}, {bool_false}, {text} in DDL.
    [[nodiscard]] QString expand(const QString &sql) const;
};

} // namespace Mostrador
