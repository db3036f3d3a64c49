#include "mediadownloader.h"

#include "common/contentfiles.h"
#include "common/privatefiles.h"

#include "api/cloudapiclient.h"
#include "api/downloadmediajob.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QMimeDatabase>

namespace Mostrador {

Q_LOGGING_CATEGORY(lcMedia, "mostrador.media")

namespace {

constexpr int kMaxFailures = 5;

} // namespace

MediaDownloader::MediaDownloader(Database &database, CloudApiClient &client, QString folder, QObject *parent)
    : QObject(parent)
    , m_store(database)
    , m_client(client)
    , m_folder(std::move(folder))
{
    PrivateFiles::secureFolder(m_folder);
    m_retry.setSingleShot(true);
    m_retry.setInterval(60 * 1000);
    connect(&m_retry, &QTimer::timeout, this, &MediaDownloader::schedule);
}

void MediaDownloader::schedule()
{
    if (!m_inFlight)
        fetchNext();
}

void MediaDownloader::fetchNext()
{
    if (m_client.config().accessToken.isEmpty())
        return;
    StoreError error;
    for (const PendingMedia &pending : m_store.pendingDownloads(50, &error)) {
        const qint64 id = pending.messageId;
        if (m_failures.value(id) >= kMaxFailures)
            continue;
        const QString mediaId = pending.mediaId;
        const QString sha = pending.sha256;
        const QString mime = pending.mimeType;
        // Downloaded to a temporary name, then renamed to its checked SHA-256.
        const QString partial = QDir(m_folder).filePath(QStringLiteral("incoming-%1.part").arg(id));
        m_inFlight = id;
        DownloadMediaJob *job = m_client.downloadMedia(mediaId, sha, partial);
        connect(job, &ApiJob::transferProgress, this, [this, id](qint64 done, qint64 total) { Q_EMIT progress(id, done, total); });
        connect(job, &ApiJob::finished, this, [this, id, job, partial, mime] {
            if (!job->succeeded()) {
                finished(id, QString(), QString(), job->error()->logText());
                return;
            }
            const QString suffix = QMimeDatabase().mimeTypeForName(mime.section(QLatin1Char(';'), 0, 0).trimmed()).preferredSuffix();
            const QString name = job->sha256() + (suffix.isEmpty() ? QString() : QLatin1Char('.') + suffix);
            const QString path = QDir(m_folder).filePath(name);
            PrivateFiles::secureFile(partial);
            if (QFile::exists(path))
                QFile::remove(partial); // the same file came before: keep one copy
            else if (!QFile::rename(partial, path)) {
                finished(id, QString(), QString(), QStringLiteral("cannot move the file into %1").arg(m_folder));
                return;
            }
            finished(id, job->sha256(), path, QString());
        });
        return;
    }
}

QString MediaDownloader::keepSent(qint64 messageId, const QByteArray &data, const QString &mimeType)
{
    const ContentFiles::Kept kept = ContentFiles::keep(m_folder, data, mimeType);
    if (kept.path.isEmpty()) {
        qCWarning(lcMedia).noquote() << "sent file of message" << messageId << "not kept:" << kept.problem;
        return {};
    }
    if (m_store.recordDownloaded(messageId, kept.path, kept.sha256).isError())
        return {};
    Q_EMIT mediaReady(messageId, kept.path);
    return kept.path;
}

void MediaDownloader::finished(qint64 messageId, const QString &sha256, const QString &path, const QString &error)
{
    m_inFlight = 0;
    if (!error.isEmpty()) {
        ++m_failures[messageId];
        qCWarning(lcMedia).noquote() << "media of message" << messageId << "not downloaded:" << error;
        Q_EMIT mediaFailed(messageId, error);
        m_retry.start();
    } else {
        if (!m_store.recordDownloaded(messageId, path, sha256).isError())
            Q_EMIT mediaReady(messageId, path);
    }
    QTimer::singleShot(0, this, &MediaDownloader::fetchNext);
}

} // namespace Mostrador
