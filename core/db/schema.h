#pragma once

#include "db/storeerror.h"

#include <QStringList>

namespace Mostrador {

class Database;
struct SqlDialect;

// The store's numbered migrations. Each runs in its own transaction and records its number in
// schema_version; a database whose number is higher than this build knows is refused untouched.
namespace Schema {

[[nodiscard]] int latestVersion();

// Brings the database up to `upTo` (latestVersion(); tests make stores as older builds left
// them). Fills `version` with the version it ends at. An existing SQLite store is copied to
// "<store>.before-v<latest>.db" before it is changed; a version that cannot be read stops it.
StoreError migrate(Database &database, int *version, int upTo = latestVersion());

// Migration `version`'s statements as they run on `dialect`. A migration that shipped never
// changes (a test keeps their checksums): a new change is a new migration.
[[nodiscard]] QStringList statementsOf(int version, const SqlDialect &dialect);

} // namespace Schema

} // namespace Mostrador
