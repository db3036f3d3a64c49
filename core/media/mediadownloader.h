#pragma once

#include "media/mediastore.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>

namespace Mostrador {

class CloudApiClient;
class Database;

// Fetches the photos, voice notes and documents customers send, in the background, and keeps
// them on disk named by their SHA-256 (checked on download) so a file is stored once however
// often it is sent. What is still to fetch is read from the store (media_id set, media_path not
// yet), so downloads carry on after a restart. WhatsApp keeps inbound media for a limited time
// only, which is why this runs as soon as messages arrive.
class MediaDownloader final : public QObject
{
    Q_OBJECT

public:
    MediaDownloader(Database &database, CloudApiClient &client, QString folder, QObject *parent = nullptr);

    // Looks for media not yet on disk and starts fetching (call when webhooks were stored).
    void schedule();

    [[nodiscard]] QString folder() const { return m_folder; }

    // A copy of a file the shop sent, kept like a customer's (named by its SHA-256), so the
    // thread shows the shop's own photos too. Returns the path, empty when it could not be kept
    // (the message is sent all the same; the thread then names the file).
    QString keepSent(qint64 messageId, const QByteArray &data, const QString &mimeType);

Q_SIGNALS:
    void mediaReady(qint64 messageId, const QString &path);
    void mediaFailed(qint64 messageId, const QString &reason);
    void progress(qint64 messageId, qint64 received, qint64 total);

private:
    void fetchNext();
    void finished(qint64 messageId, const QString &sha256, const QString &path, const QString &error);

    MediaStore m_store;
    CloudApiClient &m_client;
    QString m_folder;
    qint64 m_inFlight = 0;
    QHash<qint64, int> m_failures;
    QTimer m_retry;
};

} // namespace Mostrador
