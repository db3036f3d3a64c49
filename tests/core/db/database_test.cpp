#include "db/database.h"

#include "qtprinting.h"
#include "sandbox/webhookpayloads.h"
#include "db/schema.h"
#include "webhook/webhookingestor.h"
#include "temporarystore.h"
#include "webhook/webhookparser.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QSqlQuery>

#include <gtest/gtest.h>

#include <unistd.h>

using namespace Mostrador;
using namespace Mostrador::Testing;
namespace Payloads = Mostrador::WebhookPayloads;

namespace {

WebhookBatch oneText(const QString &wamid)
{
    const Payloads::Sender sender{QStringLiteral("34600111222"), QStringLiteral("Marta"), QString()};
    const QJsonObject payload = Payloads::envelope({QStringLiteral("w"), QStringLiteral("p"), QStringLiteral("34910000000")}, {sender},
                                                   {Payloads::textMessage(wamid, sender, QDateTime::currentDateTimeUtc(), QStringLiteral("Hola"))});
    return WebhookParser::parse(QJsonDocument(payload).toJson()).batch;
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

} // namespace

TEST(Database, FreshStoreIsMigratedToTheLatestVersionOnce)
{
    TemporaryStore store;
    {
        auto database = store.open();
        ASSERT_NE(database, nullptr);
        EXPECT_EQ(database->schemaVersion(), Schema::latestVersion());
    }
    auto reopened = store.open();
    ASSERT_NE(reopened, nullptr);
    EXPECT_EQ(reopened->schemaVersion(), Schema::latestVersion());
    EXPECT_EQ(scalar(*reopened, QStringLiteral("SELECT COUNT(*) FROM schema_version")).toInt(), Schema::latestVersion());
    EXPECT_EQ(scalar(*reopened, QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    EXPECT_EQ(scalar(*reopened, QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
}

TEST(Database, ANewerDatabaseIsRefusedUntouched)
{
    TemporaryStore store;
    {
        auto database = store.open();
        ASSERT_FALSE(database->exec(QStringLiteral("INSERT INTO schema_version (version) VALUES (999)")).isError());
        ASSERT_FALSE(database->exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")).isError());
    }
    const QByteArray before = fileHash(store.sqlitePath());
    StoreError error;
    EXPECT_EQ(Database::open(store.location(), &error), nullptr);
    EXPECT_EQ(error.kind, StoreError::Kind::TooNew);
    EXPECT_TRUE(error.userMessage.contains(QLatin1String("newer version"))) << error.userMessage.toStdString();
    EXPECT_EQ(fileHash(store.sqlitePath()), before);
}

TEST(Database, ACorruptFileIsReportedAsDamaged)
{
    TemporaryStore store;
    QFile file(store.sqlitePath());
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(8192, 'x'));
    file.close();
    StoreError error;
    EXPECT_EQ(Database::open(store.location(), &error), nullptr);
    EXPECT_EQ(error.kind, StoreError::Kind::Corrupt) << error.detail.toStdString();
    EXPECT_TRUE(error.userMessage.contains(QLatin1String("backup")));
}

TEST(Database, AMissingFolderIsAClearError)
{
    StoreError error;
    EXPECT_EQ(Database::open(StoreLocation::parse(QStringLiteral("/nonexistent-folder/shop.db")), &error), nullptr);
    EXPECT_EQ(error.kind, StoreError::Kind::CannotOpen);
    EXPECT_FALSE(error.userMessage.isEmpty());
}

TEST(Database, AFullDiskRefusesNewMessagesAndLosesNothing)
{
    TemporaryStore store;
    auto database = store.open();
    WebhookIngestor ingestor(*database);
    ASSERT_FALSE(ingestor.ingest(oneText(QStringLiteral("wamid.before"))).error.isError());

    // SQLite's page limit stands in for a full disk: the next write gets SQLITE_FULL.
    const int pages = scalar(*database, QStringLiteral("PRAGMA page_count")).toInt();
    ASSERT_FALSE(database->exec(QStringLiteral("PRAGMA max_page_count = %1").arg(pages)).isError());
    WebhookBatch big = oneText(QStringLiteral("wamid.during"));
    big.messages.first().text = QString(200000, QLatin1Char('a'));
    const auto full = ingestor.ingest(big);
    ASSERT_TRUE(full.error.isError());
    EXPECT_EQ(full.error.kind, StoreError::Kind::DiskFull) << full.error.detail.toStdString();
    EXPECT_TRUE(full.error.userMessage.contains(QLatin1String("disk is full")));

    EXPECT_EQ(scalar(*database, QStringLiteral("SELECT COUNT(*) FROM messages")).toInt(), 1);
    EXPECT_EQ(scalar(*database, QStringLiteral("SELECT wamid FROM messages")).toString(), QStringLiteral("wamid.before"));

    // Space is freed: the same delivery (Meta retries it) is now stored.
    ASSERT_FALSE(database->exec(QStringLiteral("PRAGMA max_page_count = 1073741823")).isError());
    EXPECT_FALSE(ingestor.ingest(big).error.isError());
    EXPECT_EQ(scalar(*database, QStringLiteral("SELECT COUNT(*) FROM messages")).toInt(), 2);
}

TEST(Database, AReadOnlyDatabaseSaysSoAndKeepsItsData)
{
    TemporaryStore store;
    {
        auto database = store.open();
        WebhookIngestor ingestor(*database);
        ASSERT_FALSE(ingestor.ingest(oneText(QStringLiteral("wamid.kept"))).error.isError());
    }
    StoreLocation location = store.location();
    QFile file(store.sqlitePath());
    const bool asRoot = ::geteuid() == 0;
    if (asRoot) {
        // Root writes through file permissions; a read-only connection is how SQLite sees a
        // read-only file then.
        location.readOnly = true;
    } else {
        ASSERT_TRUE(file.setPermissions(QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    }

    StoreError openError;
    auto database = Database::open(location, &openError);
    if (!database) {
        EXPECT_EQ(openError.kind, StoreError::Kind::ReadOnly) << openError.detail.toStdString();
    } else {
        WebhookIngestor ingestor(*database);
        const auto outcome = ingestor.ingest(oneText(QStringLiteral("wamid.new")));
        ASSERT_TRUE(outcome.error.isError());
        EXPECT_EQ(outcome.error.kind, StoreError::Kind::ReadOnly) << outcome.error.detail.toStdString();
        EXPECT_TRUE(outcome.error.userMessage.contains(QLatin1String("read-only")));
        EXPECT_EQ(scalar(*database, QStringLiteral("SELECT wamid FROM messages")).toString(), QStringLiteral("wamid.kept"));
    }
    database.reset();
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    auto writable = store.open();
    EXPECT_EQ(scalar(*writable, QStringLiteral("SELECT COUNT(*) FROM messages")).toInt(), 1);
}

namespace {

class DatabaseOnBothBackends : public ::testing::TestWithParam<Backend>
{
};

} // namespace

TEST_P(DatabaseOnBothBackends, MigratedOnceAndANewerStoreRefused)
{
    TemporaryStore store(GetParam());
    if (!store.isAvailable())
        GTEST_SKIP() << qPrintable(store.skipReason());
    {
        auto database = store.open();
        ASSERT_NE(database, nullptr);
        EXPECT_EQ(database->schemaVersion(), Schema::latestVersion());
    }
    auto reopened = store.open();
    ASSERT_NE(reopened, nullptr);
    EXPECT_EQ(scalar(*reopened, QStringLiteral("SELECT COUNT(*) FROM schema_version")).toInt(), Schema::latestVersion())
        << "every migration ran exactly once";
    ASSERT_FALSE(reopened->exec(QStringLiteral("INSERT INTO schema_version (version) VALUES (999)")).isError());
    reopened.reset();
    StoreError error;
    EXPECT_EQ(Database::open(store.location(), &error), nullptr);
    EXPECT_EQ(error.kind, StoreError::Kind::TooNew);
}

// clang-format off
INSTANTIATE_TEST_SUITE_P(Backends, DatabaseOnBothBackends, ::testing::Values(Backend::Sqlite, Backend::Postgres), backendName);
