#include "temporarypostgres.h"

#include <QSqlQuery>

#include <gtest/gtest.h>

using Mostrador::Testing::TemporaryPostgres;

TEST(TemporaryPostgres, GivesEachTestItsOwnEmptyDatabase)
{
    TemporaryPostgres postgres;
    if (!postgres.isAvailable())
        GTEST_SKIP() << qPrintable(postgres.skipReason());

    {
        QSqlDatabase db = postgres.open(QStringLiteral("pg-harness"));
        ASSERT_TRUE(db.isOpen());
        QSqlQuery query(db);
        ASSERT_TRUE(query.exec(QStringLiteral("SELECT current_database()")));
        ASSERT_TRUE(query.next());
        EXPECT_EQ(query.value(0).toString(), postgres.databaseName());
        ASSERT_TRUE(query.exec(QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")));
        ASSERT_TRUE(query.next());
        EXPECT_EQ(query.value(0).toInt(), 0);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("pg-harness"));
}
