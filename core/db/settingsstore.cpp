#include "settingsstore.h"

#include "db/database.h"

#include <QSqlQuery>

namespace Mostrador {

SettingsStore::SettingsStore(Database &database)
    : m_database(database)
{
}

QMap<QString, QString> SettingsStore::read(const QString &prefix, StoreError *error) const
{
    QMap<QString, QString> values;
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT key, value FROM settings WHERE key LIKE ?"));
    query.addBindValue(QString(QString(prefix).remove(QLatin1Char('%')) + QLatin1Char('%')));
    if (!query.exec()) {
        *error = StoreError::fromSql(query.lastError(), QStringLiteral("read settings"));
        return values;
    }
    while (query.next())
        values.insert(query.value(0).toString(), query.value(1).toString());
    return values;
}

StoreError SettingsStore::write(const QMap<QString, QString> &values)
{
    if (StoreError error = m_database.begin(); error.isError())
        return error;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        QSqlQuery upsert(m_database.connection());
        upsert.prepare(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?) "
                                      "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
        upsert.addBindValue(it.key());
        upsert.addBindValue(it.value().isNull() ? QStringLiteral("") : it.value()); // empty, not NULL
        if (!upsert.exec()) {
            const StoreError error = StoreError::fromSql(upsert.lastError(), QStringLiteral("write settings"));
            m_database.rollback();
            return error;
        }
    }
    return m_database.commit();
}

} // namespace Mostrador
