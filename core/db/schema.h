#pragma once

#include "db/storeerror.h"

namespace Mostrador {

class Database;

// The store's numbered migrations. Each runs in its own transaction and records its number in
// schema_version; a database whose number is higher than this build knows is refused untouched.
namespace Schema {

[[nodiscard]] int latestVersion();

// Brings the database up to latestVersion(). Fills `version` with the version it ends at.
StoreError migrate(Database &database, int *version);

} // namespace Schema

} // namespace Mostrador
