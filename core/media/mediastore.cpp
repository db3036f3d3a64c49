#include "mediastore.h"

#include "db/database.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Mostrador {

MediaStore::MediaStore(Database &database)
    : m_database(database)
{
}

QList<PendingMedia> MediaStore::pendingDownloads(int limit, StoreError *error) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT id, media_id, media_sha256, media_mime FROM messages "
                                 "WHERE media_id IS NOT NULL AND media_path IS NULL AND direction = 'in' ORDER BY id DESC LIMIT ?"));
    query.addBindValue(limit);
    QList<PendingMedia> pending;
    if (!query.exec()) {
        *error = StoreError::fromSql(query.lastError(), QStringLiteral("files still to fetch"));
        return pending;
    }
    while (query.next())
        pending.append({query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(), query.value(3).toString()});
    return pending;
}

StoreError MediaStore::recordDownloaded(qint64 messageId, const QString &path, const QString &sha256)
{
    QSqlQuery update(m_database.connection());
    update.prepare(QStringLiteral("UPDATE messages SET media_path = ?, media_sha256 = COALESCE(media_sha256, ?) WHERE id = ?"));
    update.addBindValue(path);
    update.addBindValue(sha256);
    update.addBindValue(messageId);
    if (!update.exec())
        return StoreError::fromSql(update.lastError(), QStringLiteral("record a fetched file"));
    return {};
}

QStringList MediaStore::keptFiles(qint64 conversationId, StoreError *error) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT media_path FROM messages WHERE conversation_id = ? AND media_path IS NOT NULL"));
    query.addBindValue(conversationId);
    QStringList files;
    if (!query.exec()) {
        *error = StoreError::fromSql(query.lastError(), QStringLiteral("kept files"));
        return files;
    }
    while (query.next())
        files << query.value(0).toString();
    return files;
}

} // namespace Mostrador
