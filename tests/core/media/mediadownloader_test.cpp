#include "media/mediadownloader.h"

#include "qtprinting.h"
#include "thread/messagelistmodel.h"
#include "wireloop.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSignalSpy>

#include <gtest/gtest.h>

#include <algorithm>

using namespace Mostrador;
using namespace Mostrador::Testing;

namespace {

const QString kCustomer = QStringLiteral("573001112233");

void customerSendsPhoto(WireLoop &loop, const QByteArray &data, quint64 batch)
{
    const QString mediaId = loop.sandbox->addMedia(data, QStringLiteral("image/png"));
    loop.sandbox->customerSends(kCustomer, QStringLiteral("image"),
                                {{QStringLiteral("id"), mediaId}, {QStringLiteral("mime_type"), QStringLiteral("image/png")},
                                 {QStringLiteral("sha256"), QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex())}});
    ASSERT_TRUE(loop.waitForBatches(batch));
}

} // namespace

TEST(MediaDownloader, StoresCustomerFilesByTheirChecksumOnceAndResumesAfterARestart)
{
    WireLoop loop;
    loop.sandbox->addCustomer(kCustomer, QStringLiteral("Lucía"));
    const QByteArray photo = QByteArrayLiteral("\x89PNG\r\n\x1a\n") + QByteArray(3000, '\x11');
    customerSendsPhoto(loop, photo, 1);
    customerSendsPhoto(loop, photo, 2); // the same photo again

    const QString folder = loop.store.directory() + QStringLiteral("/media");
    {
        MediaDownloader downloader(*loop.database, *loop.client, folder);
        QSignalSpy ready(&downloader, &MediaDownloader::mediaReady);
        downloader.schedule();
        ASSERT_TRUE(QTest::qWaitFor([&] { return ready.count() == 2; }, 5000));
    }
    const QString sha = QString::fromLatin1(QCryptographicHash::hash(photo, QCryptographicHash::Sha256).toHex());
    const QStringList files = QDir(folder).entryList(QDir::Files);
    EXPECT_EQ(files, QStringList{sha + QStringLiteral(".png")}) << "one copy, named by its SHA-256";
    QFile file(QDir(folder).filePath(sha + QStringLiteral(".png")));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(file.readAll(), photo);
    EXPECT_EQ(loop.value(QStringLiteral("SELECT COUNT(*) FROM messages WHERE media_path IS NOT NULL")).toInt(), 2);

    // A photo that arrives while nothing is downloading is picked up by the next downloader
    // (after a restart), because what is missing is read from the store.
    const QByteArray other = QByteArray(5000, '\x22');
    customerSendsPhoto(loop, other, 3);
    MediaDownloader restarted(*loop.database, *loop.client, folder);
    QSignalSpy ready(&restarted, &MediaDownloader::mediaReady);
    restarted.schedule();
    ASSERT_TRUE(ready.count() == 1 || ready.wait(5000));
    EXPECT_EQ(QDir(folder).entryList(QDir::Files).size(), 2);
}

TEST(MediaDownloader, ATamperedFileIsRefusedAndRetriedLater)
{
    WireLoop loop;
    loop.sandbox->addCustomer(kCustomer, QStringLiteral("Lucía"));
    const QString mediaId = loop.sandbox->addMedia(QByteArrayLiteral("real bytes"), QStringLiteral("image/jpeg"));
    loop.sandbox->customerSends(kCustomer, QStringLiteral("image"),
                                {{QStringLiteral("id"), mediaId}, {QStringLiteral("mime_type"), QStringLiteral("image/jpeg")},
                                 {QStringLiteral("sha256"), QString(64, QLatin1Char('a'))}});
    ASSERT_TRUE(loop.waitForBatches(1));
    MediaDownloader downloader(*loop.database, *loop.client, loop.store.directory() + QStringLiteral("/media"));
    QSignalSpy failed(&downloader, &MediaDownloader::mediaFailed);
    downloader.schedule();
    ASSERT_TRUE(failed.wait(5000));
    EXPECT_TRUE(loop.value(QStringLiteral("SELECT media_path FROM messages")).isNull());
    EXPECT_TRUE(QDir(loop.store.directory() + QStringLiteral("/media")).entryList(QDir::Files).isEmpty());
}

TEST(MediaDownloader, TheThreadShowsHowFarADownloadHasComeAndThenTheFileSize)
{
    WireLoop loop;
    loop.sandbox->addCustomer(kCustomer, QStringLiteral("Lucía"));
    const QByteArray photo = QByteArray(200 * 1024, '\x33');
    customerSendsPhoto(loop, photo, 1);
    MessageListModel messages(*loop.database);
    messages.setConversation(loop.value(QStringLiteral("SELECT id FROM conversations")).toLongLong());
    ASSERT_EQ(messages.rowCount(), 1);
    const QModelIndex row = messages.index(0);
    EXPECT_TRUE(row.data(MessageListModel::DownloadProgressRole).isNull()) << "nothing shown before the download starts";
    EXPECT_TRUE(row.data(MessageListModel::MediaSizeRole).isNull());

    MediaDownloader downloader(*loop.database, *loop.client, loop.store.directory() + QStringLiteral("/media"));
    QObject::connect(&downloader, &MediaDownloader::progress, &messages, &MessageListModel::setDownloadProgress);
    QList<int> seen;
    QObject::connect(&messages, &QAbstractItemModel::dataChanged, &messages,
                     [&](const QModelIndex &from, const QModelIndex &, const QList<int> &roles) {
                         if (roles.contains(MessageListModel::DownloadProgressRole))
                             seen << from.data(MessageListModel::DownloadProgressRole).toInt();
                     });
    QSignalSpy ready(&downloader, &MediaDownloader::mediaReady);
    downloader.schedule();
    ASSERT_TRUE(ready.wait(5000));
    ASSERT_FALSE(seen.isEmpty());
    EXPECT_EQ(seen.last(), 100);
    EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));

    messages.refresh();
    EXPECT_TRUE(messages.index(0).data(MessageListModel::DownloadProgressRole).isNull()) << "done: no more progress";
    EXPECT_EQ(messages.index(0).data(MessageListModel::MediaSizeRole).toLongLong(), photo.size());
}
