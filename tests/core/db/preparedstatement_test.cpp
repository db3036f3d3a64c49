#include "db/preparedstatement.h"

#include "qtprinting.h"
#include "db/statementcache.h"
#include "db/storeerror.h"
#include "temporarystore.h"

#include <gtest/gtest.h>

using namespace Mostrador;
using namespace Mostrador::Testing;

namespace {

class PreparedStatementTest : public StoreTest
{
protected:
    void SetUp() override
    {
        StoreTest::SetUp();
        if (IsSkipped() || HasFatalFailure())
            return;
        ASSERT_FALSE(database->exec(database->dialect().expand(QStringLiteral(
            "CREATE TABLE samples (id {id}, label TEXT NOT NULL, note TEXT, amount {bigint}, ratio {real})"))).isError());
    }

    std::unique_ptr<PreparedStatement> statement(const QString &sql)
    {
        return PreparedStatement::create(database->connection(), sql);
    }
};

} // namespace

TEST_P(PreparedStatementTest, ValuesGoInAndComeBackAsTheyWere)
{
    auto insert = statement(QStringLiteral("INSERT INTO samples (label, note, amount, ratio) VALUES (?, ?, ?, ?) RETURNING id"));
    for (int run = 0; run < 2; ++run) { // the second run reuses the compiled statement
        insert->addBindValue(QStringLiteral("Lámpara «Nube» 💡 #%1").arg(run));
        insert->addBindValue(QVariant(QMetaType::fromType<QString>()));
        insert->addBindValue(qint64(1) << 40);
        insert->addBindValue(0.25);
        ASSERT_TRUE(insert->exec()) << qPrintable(insert->lastError().text());
        ASSERT_TRUE(insert->next());
        EXPECT_EQ(insert->value(0).toLongLong(), run + 1);
        EXPECT_FALSE(insert->next());
    }
    // An empty string is a value, not NULL: it satisfies NOT NULL.
    insert->addBindValue(QStringLiteral(""));
    insert->addBindValue(QStringLiteral(""));
    insert->addBindValue(0);
    insert->addBindValue(QVariant(QMetaType::fromType<double>()));
    ASSERT_TRUE(insert->exec()) << qPrintable(insert->lastError().text());
    insert->finish();

    auto read = statement(QStringLiteral("SELECT label, note, amount, ratio FROM samples WHERE id >= ? ORDER BY id"));
    read->addBindValue(2);
    ASSERT_TRUE(read->exec());
    ASSERT_TRUE(read->next());
    EXPECT_EQ(read->value(0).toString(), QStringLiteral("Lámpara «Nube» 💡 #1"));
    EXPECT_TRUE(read->value(1).isNull());
    EXPECT_EQ(read->value(2).toLongLong(), qint64(1) << 40);
    EXPECT_DOUBLE_EQ(read->value(3).toDouble(), 0.25);
    ASSERT_TRUE(read->next());
    EXPECT_EQ(read->value(0).toString(), QString());
    EXPECT_FALSE(read->value(0).isNull());
    EXPECT_FALSE(read->value(1).isNull());
    EXPECT_TRUE(read->value(3).isNull());
    EXPECT_FALSE(read->next());
    read->finish();
    EXPECT_FALSE(read->isActive());
}

TEST_P(PreparedStatementTest, FailuresAreReportedAndTheStatementStaysUsable)
{
    auto insert = statement(QStringLiteral("INSERT INTO samples (label) VALUES (?)"));
    insert->addBindValue(QVariant(QMetaType::fromType<QString>()));
    ASSERT_FALSE(insert->exec()) << "NULL into a NOT NULL column";
    EXPECT_EQ(StoreError::fromSql(insert->lastError(), QStringLiteral("insert")).kind, StoreError::Kind::Query);
    EXPECT_FALSE(insert->lastError().text().isEmpty());

    insert->addBindValue(QStringLiteral("Silla"));
    insert->addBindValue(QStringLiteral("one too many"));
    EXPECT_FALSE(insert->exec()) << "more values than placeholders";

    insert->addBindValue(QStringLiteral("Silla"));
    ASSERT_TRUE(insert->exec()) << qPrintable(insert->lastError().text());
    EXPECT_EQ(scalar(*database, QStringLiteral("SELECT label FROM samples")).toString(), QStringLiteral("Silla"));

    auto broken = statement(QStringLiteral("SELECT nothing FROM nowhere"));
    EXPECT_FALSE(broken->exec());
    EXPECT_FALSE(broken->lastError().text().isEmpty());
}

TEST_P(PreparedStatementTest, KeptStatementsLetTheConnectionCloseAndCompileAgainAfter)
{
    StatementCache statements(*database);
    PreparedStatement &insert = statements.prepared(QStringLiteral("INSERT INTO samples (label) VALUES (?)"));
    insert.addBindValue(QStringLiteral("Mesa"));
    ASSERT_TRUE(insert.exec()) << qPrintable(insert.lastError().text());
    PreparedStatement &read = statements.prepared(QStringLiteral("SELECT label FROM samples"));
    ASSERT_TRUE(read.exec());
    ASSERT_TRUE(read.next()) << "a read left open when the connection goes";

    database->disconnect();
    EXPECT_FALSE(database->connection().isOpen());
    EXPECT_EQ(database->connection().lastError().type(), QSqlError::NoError)
        << "the connection did not close: " << qPrintable(database->connection().lastError().text());

    ASSERT_FALSE(database->reconnect().isError());
    PreparedStatement &again = statements.prepared(QStringLiteral("SELECT label FROM samples"));
    ASSERT_TRUE(again.exec()) << qPrintable(again.lastError().text());
    ASSERT_TRUE(again.next());
    EXPECT_EQ(again.value(0).toString(), QStringLiteral("Mesa"));
}

// clang-format off
INSTANTIATE_TEST_SUITE_P(Backends, PreparedStatementTest, ::testing::Values(Backend::Sqlite, Backend::Postgres), backendName);
