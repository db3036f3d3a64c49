#include "mediadownloader.h"

#include "api/cloudapiclient.h"
#include "api/downloadmediajob.h"
#include "store/database.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QMimeDatabase>
#include <QSqlQuery>

namespace Mostrador {

Q_LOGGING_CATEGORY(lcMedia, "mostrador.media")

namespace {

constexpr int kMaxFailures = 5;

} // namespace

MediaDownloader::MediaDownloader(Database &database, CloudApiClient &client, QString folder, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_client(client)
    , m_folder(std::move(folder))
{
    QDir().mkpath(m_folder);
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
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT id, media_id, media_sha256, media_mime FROM messages "
                                 "WHERE media_id IS NOT NULL AND media_path IS NULL AND direction = 'in' ORDER BY id DESC LIMIT 50"));
    if (!query.exec())
        return;
    while (query.next()) {
        const qint64 id = query.value(0).toLongLong();
        if (m_failures.value(id) >= kMaxFailures)
            continue;
        const QString mediaId = query.value(1).toString();
        const QString sha = query.value(2).toString();
        const QString mime = query.value(3).toString();
        query.finish();
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

void MediaDownloader::finished(qint64 messageId, const QString &sha256, const QString &path, const QString &error)
{
    m_inFlight = 0;
    if (!error.isEmpty()) {
        ++m_failures[messageId];
        qCWarning(lcMedia).noquote() << "media of message" << messageId << "not downloaded:" << error;
        Q_EMIT mediaFailed(messageId, error);
        m_retry.start();
    } else {
        QSqlQuery update(m_database.connection());
        update.prepare(QStringLiteral("UPDATE messages SET media_path = ?, media_sha256 = COALESCE(media_sha256, ?) WHERE id = ?"));
        update.addBindValue(path);
        update.addBindValue(sha256);
        update.addBindValue(messageId);
        if (update.exec())
            Q_EMIT mediaReady(messageId, path);
    }
    QTimer::singleShot(0, this, &MediaDownloader::fetchNext);
}

} // namespace Mostrador
