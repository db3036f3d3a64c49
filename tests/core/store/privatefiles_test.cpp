// A shop PC is often shared: the store, its journal, its backups and customers' files are
// readable by the user who runs Mostrador alone — new ones, and old ones repaired at start.

#include "common/clock.h"
#include "common/privatefiles.h"
#include "store/backup.h"
#include "store/database.h"
#include "qtprinting.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <sys/stat.h>

using namespace Mostrador;

namespace {

// The mode bits as ls shows them (0600, 0700…).
int modeOf(const QString &path)
{
    struct stat status {};
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return -1;
    return int(status.st_mode & 0777);
}

} // namespace

TEST(PrivateFiles, ANewStoreAndItsJournalAreTheOwnersAlone)
{
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("shop.db"));
    StoreError error;
    auto database = Database::open(StoreLocation::parse(path), &error);
    ASSERT_NE(database, nullptr) << error.detail.toStdString();
    ASSERT_FALSE(database->exec(QStringLiteral("INSERT INTO settings (key, value) VALUES ('k', 'v')")).isError());
    EXPECT_EQ(modeOf(path), 0600);
    EXPECT_EQ(modeOf(path + QStringLiteral("-wal")), 0600);
    EXPECT_EQ(modeOf(path + QStringLiteral("-shm")), 0600);
}

TEST(PrivateFiles, AnOldStoreReadableByEveryoneIsRepairedWhenOpened)
{
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("shop.db"));
    {
        StoreError error;
        auto database = Database::open(StoreLocation::parse(path), &error);
        ASSERT_NE(database, nullptr);
    }
    // As earlier versions left it.
    ASSERT_TRUE(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                                                | QFileDevice::ReadOther));
    ASSERT_EQ(modeOf(path), 0644);
    StoreError error;
    auto database = Database::open(StoreLocation::parse(path), &error);
    ASSERT_NE(database, nullptr);
    EXPECT_EQ(modeOf(path), 0600);
}

TEST(PrivateFiles, BackupsAndTheirFolderAreTheOwnersAlone)
{
    QTemporaryDir folder;
    StoreError error;
    auto database = Database::open(StoreLocation::parse(folder.filePath(QStringLiteral("shop.db"))), &error);
    ASSERT_NE(database, nullptr);
    const QString backups = folder.filePath(QStringLiteral("backups"));
    const QString copy = Backup::create(*database, backups, 7, QDateTime::currentDateTimeUtc(), &error);
    ASSERT_FALSE(copy.isEmpty()) << error.detail.toStdString();
    EXPECT_EQ(modeOf(backups), 0700);
    EXPECT_EQ(modeOf(copy), 0600);
}

TEST(PrivateFiles, AFolderIsCreatedOrRepairedForItsOwnerAlone)
{
    QTemporaryDir folder;
    const QString media = folder.filePath(QStringLiteral("media"));
    ASSERT_TRUE(QDir().mkpath(media));
    ASSERT_TRUE(QFile::setPermissions(media, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                                 | QFileDevice::ReadOther | QFileDevice::ExeOther));
    ASSERT_TRUE(PrivateFiles::secureFolder(media));
    EXPECT_EQ(modeOf(media), 0700);
    EXPECT_TRUE(PrivateFiles::secureFolder(folder.filePath(QStringLiteral("new/deeper"))));
    EXPECT_EQ(modeOf(folder.filePath(QStringLiteral("new/deeper"))), 0700);
}
