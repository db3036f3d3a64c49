#include "quickreplystore.h"

#include "db/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

namespace Mostrador {

namespace {

QList<QuickReplyFile> filesFromJson(const QString &json)
{
    QList<QuickReplyFile> files;
    for (const QJsonValue &value : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const QJsonObject object = value.toObject();
        files.append({object.value(QLatin1String("name")).toString(), object.value(QLatin1String("path")).toString()});
    }
    return files;
}

QString filesToJson(const QList<QuickReplyFile> &files)
{
    QJsonArray array;
    for (const QuickReplyFile &file : files)
        array.append(QJsonObject{{QStringLiteral("name"), file.name}, {QStringLiteral("path"), file.path}});
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

} // namespace

QuickReplyStore::QuickReplyStore(Database &database)
    : m_database(database)
{
}

QList<QuickReply> QuickReplyStore::all(StoreError *error) const
{
    QList<QuickReply> replies;
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral("SELECT id, shortcut, title, body, use_count, attachments_json FROM quick_replies ORDER BY position, id"))) {
        *error = StoreError::fromSql(query.lastError(), QLatin1String("read quick replies"));
        return replies;
    }
    while (query.next())
        replies.append({query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
                        query.value(3).toString(), query.value(4).toInt(), filesFromJson(query.value(5).toString())});
    return replies;
}

std::optional<qint64> QuickReplyStore::save(const QuickReply &reply, StoreError *error)
{
    const QString shortcut = reply.shortcut.startsWith(QLatin1Char('/')) ? reply.shortcut.mid(1) : reply.shortcut;
    if (shortcut.isEmpty() || shortcut.contains(QLatin1Char(' ')) || reply.body.trimmed().isEmpty()) {
        *error = StoreError::make(StoreError::Kind::Query, QStringLiteral("quick reply without shortcut or text"));
        error->userMessage = QCoreApplication::translate("QuickReplyStore",
                                                         "A quick reply needs a shortcut without spaces (such as envio) and a text.");
        return std::nullopt;
    }
    QSqlQuery query(m_database.connection());
    if (reply.id) {
        query.prepare(QStringLiteral("UPDATE quick_replies SET shortcut = ?, title = ?, body = ?, attachments_json = ? WHERE id = ?"));
    } else {
        query.prepare(QStringLiteral("INSERT INTO quick_replies (shortcut, title, body, attachments_json, position) "
                                     "VALUES (?, ?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM quick_replies)) RETURNING id"));
    }
    query.addBindValue(shortcut);
    query.addBindValue(reply.title.isNull() ? QStringLiteral("") : reply.title); // a missing title is empty, not NULL
    query.addBindValue(reply.body);
    query.addBindValue(filesToJson(reply.attachments));
    if (reply.id)
        query.addBindValue(reply.id);
    if (!query.exec()) {
        *error = StoreError::fromSql(query.lastError(), QLatin1String("save a quick reply"));
        if (query.lastError().text().contains(QLatin1String("UNIQUE"), Qt::CaseInsensitive)
            || query.lastError().nativeErrorCode() == QLatin1String("23505"))
            error->userMessage = QCoreApplication::translate("QuickReplyStore", "There is already a quick reply called /%1.").arg(shortcut);
        return std::nullopt;
    }
    if (reply.id)
        return reply.id;
    return query.next() ? std::optional<qint64>(query.value(0).toLongLong()) : std::nullopt;
}

StoreError QuickReplyStore::remove(qint64 id)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("DELETE FROM quick_replies WHERE id = ?"));
    query.addBindValue(id);
    return query.exec() ? StoreError{} : StoreError::fromSql(query.lastError(), QLatin1String("delete a quick reply"));
}

StoreError QuickReplyStore::recordUse(qint64 id)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("UPDATE quick_replies SET use_count = use_count + 1 WHERE id = ?"));
    query.addBindValue(id);
    return query.exec() ? StoreError{} : StoreError::fromSql(query.lastError(), QLatin1String("count a quick reply's use"));
}

StoreError QuickReplyStore::reorder(const QList<qint64> &ids)
{
    if (StoreError error = m_database.begin(); error.isError())
        return error;
    for (qsizetype position = 0; position < ids.size(); ++position) {
        QSqlQuery query(m_database.connection());
        query.prepare(QStringLiteral("UPDATE quick_replies SET position = ? WHERE id = ?"));
        query.addBindValue(int(position));
        query.addBindValue(ids.at(position));
        if (!query.exec()) {
            const StoreError error = StoreError::fromSql(query.lastError(), QLatin1String("reorder quick replies"));
            m_database.rollback();
            return error;
        }
    }
    return m_database.commit();
}

std::optional<QuickReplyStore::ImportResult> QuickReplyStore::import(const QList<QuickReply> &replies, StoreError *error)
{
    QHash<QString, qint64> existing;
    for (const QuickReply &reply : all(error))
        existing.insert(reply.shortcut, reply.id);
    if (error->isError())
        return std::nullopt;
    if ((*error = m_database.begin()).isError())
        return std::nullopt;
    ImportResult result;
    for (QuickReply reply : replies) {
        if (reply.shortcut.startsWith(QLatin1Char('/')))
            reply.shortcut.remove(0, 1);
        reply.id = existing.value(reply.shortcut);
        const auto id = save(reply, error);
        if (!id) {
            m_database.rollback();
            return std::nullopt;
        }
        ++(reply.id ? result.updated : result.added);
        existing.insert(reply.shortcut, *id);
    }
    if ((*error = m_database.commit()).isError())
        return std::nullopt;
    return result;
}

} // namespace Mostrador
