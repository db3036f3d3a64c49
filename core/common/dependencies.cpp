#include "dependencies.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>

namespace Mostrador {

namespace {

QString sqliteVersion()
{
    const QString connection = QStringLiteral("about-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QString version;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(QStringLiteral(":memory:"));
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("SELECT sqlite_version()")) && query.next())
                version = query.value(0).toString();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return version;
}

} // namespace

QList<Dependency> runtimeDependencies()
{
    return {
        {QStringLiteral("Qt"), QString::fromLatin1(qVersion()), QStringLiteral("LGPL-3.0-only"),
         QStringLiteral("https://www.qt.io/")},
        {QStringLiteral("QtKeychain"), QStringLiteral(MOSTRADOR_QTKEYCHAIN_VERSION), QStringLiteral("BSD-3-Clause"),
         QStringLiteral("https://github.com/frankosterfeld/qtkeychain")},
        {QStringLiteral("SQLite"), sqliteVersion(), QStringLiteral("blessing"),
         QStringLiteral("https://sqlite.org/")},
        {QStringLiteral("PostgreSQL libpq"), QString(), QStringLiteral("PostgreSQL"),
         QStringLiteral("https://www.postgresql.org/")},
    };
}

} // namespace Mostrador
