#include "db/backup.h"

#include "common/clock.h"
#include "qtprinting.h"
#include "temporarystore.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace Mostrador;
using namespace Mostrador::Testing;

namespace {

const QDateTime kNoon(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC);

class BackupTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        database = store.open();
        ASSERT_NE(database, nullptr);
        ASSERT_FALSE(database->exec(QStringLiteral("INSERT INTO customers (wa_id, profile_name, created_at) VALUES ('34600111222', 'Marta', 0)")).isError());
        folder = store.directory() + QStringLiteral("/backups");
    }

    TemporaryStore store;
    std::unique_ptr<Database> database;
    QString folder;
};

} // namespace

TEST_F(BackupTest, ACopyThatOpensAndHoldsTheData)
{
    StoreError error;
    const QString path = Backup::create(*database, folder, 7, kNoon, &error);
    ASSERT_FALSE(path.isEmpty()) << error.detail.toStdString();
    EXPECT_TRUE(path.endsWith(QLatin1String("mostrador-20261120-120000.db")));
    StoreError openError;
    auto copy = Database::open(StoreLocation::parse(path), &openError);
    ASSERT_NE(copy, nullptr);
    EXPECT_EQ(scalar(*copy, QStringLiteral("SELECT profile_name FROM customers")).toString(), QStringLiteral("Marta"));
}

TEST_F(BackupTest, KeepsOnlyTheNewestN)
{
    StoreError error;
    for (int day = 0; day < 5; ++day)
        ASSERT_FALSE(Backup::create(*database, folder, 3, kNoon.addDays(day), &error).isEmpty());
    const QStringList kept = Backup::list(folder);
    ASSERT_EQ(kept.size(), 3);
    EXPECT_TRUE(kept.first().endsWith(QLatin1String("mostrador-20261124-120000.db")));
    EXPECT_TRUE(kept.last().endsWith(QLatin1String("mostrador-20261122-120000.db")));
}

TEST_F(BackupTest, RestoreBringsADamagedStoreBack)
{
    StoreError error;
    const QString backup = Backup::create(*database, folder, 7, kNoon, &error);
    database.reset();
    {
        QFile file(store.sqlitePath());
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, '\0'));
    }
    ASSERT_FALSE(Backup::restore(backup, store.sqlitePath()).isError());
    auto restored = store.open();
    ASSERT_NE(restored, nullptr);
    EXPECT_EQ(scalar(*restored, QStringLiteral("SELECT COUNT(*) FROM customers")).toInt(), 1);
    EXPECT_TRUE(QFile::exists(store.sqlitePath() + QStringLiteral(".before-restore")));
}

TEST_F(BackupTest, ADamagedBackupIsRefusedAndTheStoreIsLeftAlone)
{
    const QString bad = store.directory() + QStringLiteral("/bad.db");
    QFile file(bad);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'z'));
    file.close();
    database.reset();
    const StoreError error = Backup::restore(bad, store.sqlitePath());
    EXPECT_EQ(error.kind, StoreError::Kind::Corrupt);
    auto untouched = store.open();
    ASSERT_NE(untouched, nullptr);
    EXPECT_EQ(scalar(*untouched, QStringLiteral("SELECT COUNT(*) FROM customers")).toInt(), 1);
}

TEST_F(BackupTest, TheSchedulerBacksUpOnceADay)
{
    ManualClock clock(kNoon);
    BackupScheduler scheduler(*database, folder, 7, clock);
    QSignalSpy done(&scheduler, &BackupScheduler::backedUp);
    scheduler.runIfDue();
    EXPECT_EQ(done.count(), 1);
    clock.advance(23 * 3600);
    scheduler.runIfDue();
    EXPECT_EQ(done.count(), 1);
    clock.advance(2 * 3600);
    scheduler.runIfDue();
    EXPECT_EQ(done.count(), 2);
    EXPECT_EQ(Backup::list(folder).size(), 2);
}
