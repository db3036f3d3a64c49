#pragma once

#include "db/storeerror.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Mostrador {

class Database;

// A customer's file WhatsApp announced and the store does not have yet.
struct PendingMedia {
    qint64 messageId = 0;
    QString mediaId;
    QString sha256;   // as WhatsApp announced it, to check the download against
    QString mimeType;
};

// Where customers' files stand: which are still to fetch, and where the fetched ones are kept.
class MediaStore final
{
public:
    explicit MediaStore(Database &database);

    // The newest files still to fetch, at most `limit`.
    [[nodiscard]] QList<PendingMedia> pendingDownloads(int limit, StoreError *error) const;
    StoreError recordDownloaded(qint64 messageId, const QString &path, const QString &sha256);
    // Every kept file of a conversation, as stored (team desktops fetch the ones they lack).
    [[nodiscard]] QStringList keptFiles(qint64 conversationId, StoreError *error) const;

private:
    Database &m_database;
};

} // namespace Mostrador
