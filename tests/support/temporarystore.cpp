#include <gtest/gtest.h>

#include "temporarystore.h"

#include <QSqlQuery>

namespace Mostrador::Testing {

std::string backendName(const ::testing::TestParamInfo<Backend> &info)
{
    return info.param == Backend::Sqlite ? "Sqlite" : "Postgres";
}

void PrintTo(Backend backend, std::ostream *out)
{
    *out << (backend == Backend::Sqlite ? "SQLite" : "PostgreSQL");
}

TemporaryStore::TemporaryStore(Backend backend)
{
    if (backend == Backend::Sqlite) {
        m_location = StoreLocation::parse(m_directory.filePath(QStringLiteral("mostrador.db")));
        return;
    }
    m_postgres = std::make_unique<TemporaryPostgres>();
    if (!m_postgres->isAvailable()) {
        m_skipReason = m_postgres->skipReason();
        return;
    }
    m_location = StoreLocation::parse(m_postgres->url());
}

std::unique_ptr<Database> TemporaryStore::open() const
{
    StoreError error;
    auto database = Database::open(m_location, &error);
    EXPECT_NE(database, nullptr) << qPrintable(error.detail);
    return database;
}

QVariant scalar(Database &database, const QString &sql, const QVariantList &values)
{
    QSqlQuery query(database.connection());
    query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec() || !query.next()) {
        ADD_FAILURE() << "query failed: " << qPrintable(sql) << ": " << qPrintable(query.lastError().text());
        return {};
    }
    return query.value(0);
}

void StoreTest::SetUp()
{
    store = std::make_unique<TemporaryStore>(GetParam());
    if (!store->isAvailable())
        GTEST_SKIP() << qPrintable(store->skipReason());
    database = store->open();
    ASSERT_NE(database, nullptr);
}

} // namespace Mostrador::Testing
