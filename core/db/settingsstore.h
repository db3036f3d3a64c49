#pragma once

#include "db/storeerror.h"

#include <QMap>
#include <QString>

namespace Mostrador {

class Database;

// The shop's own settings kept in the store beside its history (opening hours, automatic
// replies, the shop's name), so they travel with backups and are shared by every program that
// opens the same store. Plain key/value text.
class SettingsStore
{
public:
    explicit SettingsStore(Database &database);

    // Every key starting with `prefix` ("automation/"), with its value.
    [[nodiscard]] QMap<QString, QString> read(const QString &prefix, StoreError *error) const;
    // Writes all of `values` in one transaction: either every key changes or none.
    StoreError write(const QMap<QString, QString> &values);

private:
    Database &m_database;
};

} // namespace Mostrador
