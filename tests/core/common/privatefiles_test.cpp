// A shop PC is often shared: the store, its journal, its backups and customers' files are
// readable by the user who runs Mostrador alone — new ones, and old ones repaired at start.

#include "common/clock.h"
#include "common/privatefiles.h"
#include "db/backup.h"
#include "db/database.h"
#include "qtprinting.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#ifdef Q_OS_WIN
#include <windows.h>
#else
#include <sys/stat.h>
#endif

using namespace Mostrador;

namespace {

#ifdef Q_OS_WIN
// Wine 8 answers SetNamedSecurityInfo with success but keeps no access list on a file (it reads
// back its default: SYSTEM, the user, Everyone reading), measured on Debian's wine64 8.0: there
// only a real Windows PC can show the rights. Said as a skip, never passed in silence.
bool runningUnderWine()
{
    const HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
    return ntdll && GetProcAddress(ntdll, "wine_get_version");
}
// On Windows the rights are an access list: the user's alone, protected from what the folder
// above would hand down (PrivateFiles::isOwnersAlone reads it back from the file system).
#define EXPECT_PRIVATE(path, unixMode)                                                                                 \
    do {                                                                                                               \
        if (runningUnderWine())                                                                                        \
            GTEST_SKIP() << "Wine keeps no access list on files; only a real Windows PC can show them";              \
        EXPECT_TRUE(PrivateFiles::isOwnersAlone(path)) << qPrintable(path);                                            \
    } while (false)
#else
// The mode bits as ls shows them (0600, 0700…).
int modeOf(const QString &path)
{
    struct stat status {};
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return -1;
    return int(status.st_mode & 0777);
}
#define EXPECT_PRIVATE(path, unixMode)                                                                                 \
    do {                                                                                                               \
        EXPECT_EQ(modeOf(path), unixMode) << qPrintable(path);                                                         \
        EXPECT_TRUE(PrivateFiles::isOwnersAlone(path)) << qPrintable(path);                                            \
    } while (false)
#endif

} // namespace

TEST(PrivateFiles, ANewStoreAndItsJournalAreTheOwnersAlone)
{
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("shop.db"));
    StoreError error;
    auto database = Database::open(StoreLocation::parse(path), &error);
    ASSERT_NE(database, nullptr) << error.detail.toStdString();
    ASSERT_FALSE(database->exec(QStringLiteral("INSERT INTO settings (key, value) VALUES ('k', 'v')")).isError());
    EXPECT_PRIVATE(path, 0600);
    EXPECT_PRIVATE(path + QStringLiteral("-wal"), 0600);
    EXPECT_PRIVATE(path + QStringLiteral("-shm"), 0600);
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
#ifndef Q_OS_WIN
    ASSERT_EQ(modeOf(path), 0644);
    ASSERT_FALSE(PrivateFiles::isOwnersAlone(path));
#endif
    StoreError error;
    auto database = Database::open(StoreLocation::parse(path), &error);
    ASSERT_NE(database, nullptr);
    EXPECT_PRIVATE(path, 0600);
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
    EXPECT_PRIVATE(backups, 0700);
    EXPECT_PRIVATE(copy, 0600);
}

TEST(PrivateFiles, AFolderIsCreatedOrRepairedForItsOwnerAlone)
{
    QTemporaryDir folder;
    const QString media = folder.filePath(QStringLiteral("media"));
    ASSERT_TRUE(QDir().mkpath(media));
    ASSERT_TRUE(QFile::setPermissions(media, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                                 | QFileDevice::ReadOther | QFileDevice::ExeOther));
    ASSERT_TRUE(PrivateFiles::secureFolder(media));
    EXPECT_PRIVATE(media, 0700);
    EXPECT_TRUE(PrivateFiles::secureFolder(folder.filePath(QStringLiteral("new/deeper"))));
    EXPECT_PRIVATE(folder.filePath(QStringLiteral("new/deeper")), 0700);
}
