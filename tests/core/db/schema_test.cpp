// Migrations never hurt a shop's store: a migration that shipped never changes; stores as older
// builds left them come up to date with every row they held; two programs opening the same store
// at once migrate it once; an SQLite store is copied as it was before it is changed.
#include "db/schema.h"
#include "db/sqldialect.h"
#include "qtprinting.h"
#include "temporarystore.h"
#include "webhook/webhookingestor.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QThread>

#include <gtest/gtest.h>

#include <map>

using namespace Mostrador;
using namespace Mostrador::Testing;

namespace {

// SHA-256 (first 16 hex digits) of each shipped migration's statements, as they run on SQLite and
// on PostgreSQL. A failure here means a shipped migration was edited: stores that already ran it
// will never run the edit. Put the change in a new migration instead. (An empty list's checksum,
// e3b0c442…, is a migration for the other backend only.)
const std::map<int, std::pair<const char *, const char *>> kShipped = {
    {1, {"24631d8b45834267", "f8df6365f96c61fa"}},
    {2, {"ea6e5c10be8d687f", "a4fb467c4d46229d"}},
    {3, {"0df124334514fa33", "e3b0c44298fc1c14"}},
    {4, {"5c292a0b3195c039", "bb7dd090d44df530"}},
    {5, {"8197bcf44d11823a", "8197bcf44d11823a"}},
    {6, {"d701ad03cae798c5", "0d6e482261deb6d5"}},
    {7, {"e3b0c44298fc1c14", "128f3df855274f2b"}},
    {8, {"26bf1cca7aaab21a", "26bf1cca7aaab21a"}},
    {9, {"1785af2da34ee718", "401cf628a44dc1e7"}},
    {10, {"1d99256309f0f8b4", "e3b0c44298fc1c14"}},
    {11, {"97479882398822b2", "97479882398822b2"}},
    {12, {"9e9870eb2d0f138e", "1f53793b6cdf3238"}},
    {13, {"def90133b3a204cd", "0c849b094faf17e3"}},
    {14, {"bc5123fbf031b816", "a06cb67e64590df5"}},
    {15, {"0e7c46d64f225a1d", "13afc0f56261e779"}},
    {16, {"171425d20215b443", "171425d20215b443"}},
    {17, {"2099ff7891c56b0d", "1856c765df96e1a5"}},
    {18, {"975057276f6963be", "9f05b2a4db5fcd11"}},
    {19, {"6c98313e0a071b60", "1bd67664267f5ec9"}},
    {20, {"6e932275239f5007", "1598b8ac36ef2e99"}},
    {21, {"6fee56b869491fa7", "d9ac62eb5220bf59"}},
};

QString checksum(int version, const SqlDialect &dialect)
{
    const QByteArray text = Schema::statementsOf(version, dialect).join(QStringLiteral("\n;\n")).toUtf8();
    return QString::fromLatin1(QCryptographicHash::hash(text, QCryptographicHash::Sha256).toHex().left(16));
}

class SchemaUpgrade : public ::testing::TestWithParam<std::tuple<Backend, int>>
{
};

// What a shop's store held at `version`: a customer, their conversation, two messages.
void fillAsOf(Database &database)
{
    ASSERT_FALSE(database.exec(QStringLiteral("INSERT INTO customers (wa_id, profile_name, created_at) VALUES ('573001112233', 'Lucía', 1)")).isError());
    ASSERT_FALSE(database.exec(QStringLiteral("INSERT INTO conversations (customer_id, business_number_id, created_at, last_message_at) "
                                              "VALUES (1, '106540352242922', 1, 2000)")).isError());
    ASSERT_FALSE(database.exec(QStringLiteral("INSERT INTO messages (conversation_id, wamid, direction, kind, body, sent_at, stored_at) "
                                              "VALUES (1, 'wamid.old.1', 'in', 'text', '¿Tienen la lámpara Nube?', 1000, 1000), "
                                              "(1, 'wamid.old.2', 'out', 'text', 'Sí, en blanco y en gris.', 2000, 2000)")).isError());
}

} // namespace

TEST(Schema, ShippedMigrationsNeverChange)
{
    QStringList now;
    for (int version = 1; version <= Schema::latestVersion(); ++version) {
        const QString sqlite = checksum(version, SqlDialect::sqlite());
        const QString postgres = checksum(version, SqlDialect::postgres());
        now << QStringLiteral("    {%1, {\"%2\", \"%3\"}},").arg(version).arg(sqlite, postgres);
        const auto shipped = kShipped.find(version);
        if (shipped == kShipped.end())
            continue; // new in this build: recorded when it ships (the table below, from this message)
        EXPECT_EQ(sqlite, QLatin1String(shipped->second.first)) << "migration " << version << " on SQLite was edited";
        EXPECT_EQ(postgres, QLatin1String(shipped->second.second)) << "migration " << version << " on PostgreSQL was edited";
    }
    EXPECT_GE(int(kShipped.size()), Schema::latestVersion() - 1) << "every migration but a new one is recorded";
    if (HasFailure())
        std::cout << "the migrations as they are now:\n" << now.join(QLatin1Char('\n')).toStdString() << '\n';
}

// A store as the build of schema `version` left it, opened by this build: every row is there, it
// takes new messages, and (SQLite) the copy made before changing it opens as it was.
TEST_P(SchemaUpgrade, AnOlderStoreComesUpToDateWithEveryRow)
{
    const auto [backend, version] = GetParam();
    TemporaryStore store(backend);
    if (!store.isAvailable())
        GTEST_SKIP() << qPrintable(store.skipReason());
    StoreLocation old = store.location();
    old.migrateUpTo = version;
    {
        StoreError error;
        auto database = Database::open(old, &error);
        ASSERT_NE(database, nullptr) << error.detail.toStdString();
        ASSERT_EQ(database->schemaVersion(), version);
        fillAsOf(*database);
    }

    auto database = store.open();
    ASSERT_NE(database, nullptr);
    EXPECT_EQ(database->schemaVersion(), Schema::latestVersion());
    EXPECT_EQ(scalar(*database, QStringLiteral("SELECT COUNT(*) FROM schema_version")).toInt(), Schema::latestVersion())
        << "each migration recorded once";
    EXPECT_EQ(scalar(*database, QStringLiteral("SELECT body FROM messages WHERE wamid = 'wamid.old.1'")).toString(),
              QStringLiteral("¿Tienen la lámpara Nube?"));
    EXPECT_EQ(scalar(*database, QStringLiteral("SELECT COUNT(*) FROM messages WHERE conversation_id = 1")).toInt(), 2);
    EXPECT_EQ(scalar(*database, QStringLiteral("SELECT profile_name FROM customers WHERE wa_id = '573001112233'")).toString(),
              QStringLiteral("Lucía"));

    // The upgraded store takes the next message of the same customer into the same conversation.
    WebhookBatch batch;
    WireMessage wire;
    wire.wamid = QStringLiteral("wamid.new.1");
    wire.businessPhoneNumberId = QStringLiteral("106540352242922");
    wire.customer.waId = QStringLiteral("573001112233");
    wire.customer.profileName = QStringLiteral("Lucía");
    wire.timestamp = QDateTime::fromMSecsSinceEpoch(3000, Qt::UTC);
    wire.kind = MessageKind::Text;
    wire.typeName = QStringLiteral("text");
    wire.text = QStringLiteral("¡La quiero en gris!");
    batch.messages.append(wire);
    WebhookIngestor ingestor(*database);
    ASSERT_FALSE(ingestor.ingest(batch).error.isError());
    EXPECT_EQ(scalar(*database, QStringLiteral("SELECT COUNT(*) FROM messages WHERE conversation_id = 1")).toInt(), 3);
    EXPECT_EQ(scalar(*database, QStringLiteral("SELECT COUNT(*) FROM conversations")).toInt(), 1);

    if (backend == Backend::Sqlite) {
        StoreLocation before = StoreLocation::parse(
            QStringLiteral("%1.before-v%2.db").arg(store.sqlitePath()).arg(Schema::latestVersion()));
        ASSERT_TRUE(QFileInfo::exists(before.sqlitePath)) << "the store was copied before it was changed";
        before.readOnly = true;
        StoreError error;
        auto copy = Database::open(before, &error);
        ASSERT_NE(copy, nullptr) << error.detail.toStdString();
        EXPECT_EQ(copy->schemaVersion(), version);
        EXPECT_EQ(scalar(*copy, QStringLiteral("SELECT COUNT(*) FROM messages")).toInt(), 2);
        EXPECT_EQ(QFileInfo(before.sqlitePath).permissions() & (QFile::ReadOther | QFile::ReadGroup), QFile::Permissions())
            << "the copy is as private as the store";
    }
}

INSTANTIATE_TEST_SUITE_P(Versions, SchemaUpgrade,
                         ::testing::Combine(::testing::Values(Backend::Sqlite, Backend::Postgres), ::testing::Values(1, 10, 18)),
                         [](const ::testing::TestParamInfo<std::tuple<Backend, int>> &tested) {
                             return std::string(std::get<0>(tested.param) == Backend::Sqlite ? "Sqlite" : "Postgres") + "FromVersion"
                                 + std::to_string(std::get<1>(tested.param));
                         });

class SchemaTogether : public ::testing::TestWithParam<Backend>
{
};

// The desktop and the server started together on a new (or older) store: each opens it, and each
// migration ran once.
TEST_P(SchemaTogether, TwoProgramsOpeningAtOnceMigrateOnce)
{
    TemporaryStore store(GetParam());
    if (!store.isAvailable())
        GTEST_SKIP() << qPrintable(store.skipReason());
    constexpr int kPrograms = 4;
    std::array<StoreError, kPrograms> errors;
    std::array<int, kPrograms> versions{};
    std::vector<std::unique_ptr<QThread>> threads;
    for (int i = 0; i < kPrograms; ++i) {
        threads.emplace_back(QThread::create([&, i] {
            auto database = Database::open(store.location(), &errors[i]);
            versions[i] = database ? database->schemaVersion() : -1;
        }));
        threads.back()->start();
    }
    for (auto &thread : threads)
        ASSERT_TRUE(thread->wait(60000));
    for (int i = 0; i < kPrograms; ++i) {
        EXPECT_FALSE(errors[i].isError()) << errors[i].detail.toStdString();
        EXPECT_EQ(versions[i], Schema::latestVersion());
    }
    auto database = store.open();
    ASSERT_NE(database, nullptr);
    EXPECT_EQ(scalar(*database, QStringLiteral("SELECT COUNT(*) FROM schema_version")).toInt(), Schema::latestVersion());
    EXPECT_EQ(scalar(*database, QStringLiteral("SELECT COUNT(DISTINCT version) FROM schema_version")).toInt(), Schema::latestVersion());
    if (GetParam() == Backend::Sqlite) {
        const QStringList leftOver = QFileInfo(store.sqlitePath()).dir().entryList({QStringLiteral("*.partial")}, QDir::Files);
        EXPECT_TRUE(leftOver.isEmpty()) << "copies half-written by programs that lost the race are removed: "
                                        << leftOver.join(QLatin1Char(' ')).toStdString();
    }
}

INSTANTIATE_TEST_SUITE_P(Backends, SchemaTogether, ::testing::Values(Backend::Sqlite, Backend::Postgres), backendName);

// A team desktop updated before the team's server: it does not move the shared store forward
// (the server could no longer read it) and says to update mostrador-server first.
TEST(Schema, ATeamDesktopNewerThanItsServerAsksForTheServerFirst)
{
    TemporaryStore store(Backend::Postgres);
    if (!store.isAvailable())
        GTEST_SKIP() << qPrintable(store.skipReason());
    StoreLocation server = store.location();
    server.migrateUpTo = Schema::latestVersion() - 1;
    {
        StoreError error;
        ASSERT_NE(Database::open(server, &error), nullptr) << error.detail.toStdString();
    }
    StoreLocation desktop = store.location();
    desktop.mayMigrate = false;
    StoreError error;
    EXPECT_EQ(Database::open(desktop, &error), nullptr);
    EXPECT_EQ(error.kind, StoreError::Kind::ServerFirst);
    EXPECT_TRUE(error.userMessage.contains(QLatin1String("Update mostrador-server first"))) << error.userMessage.toStdString();
    StoreLocation look = store.location();
    look.readOnly = true;
    auto untouched = Database::open(look, &error);
    ASSERT_NE(untouched, nullptr) << error.detail.toStdString();
    EXPECT_EQ(untouched->schemaVersion(), Schema::latestVersion() - 1) << "nothing was changed";
    untouched.reset();
    auto updated = store.open(); // as the updated server opens it
    ASSERT_NE(updated, nullptr);
    EXPECT_EQ(updated->schemaVersion(), Schema::latestVersion());
}
