#include "importrecordstore.h"

#include "conversations/conversationtypes.h"
#include "db/database.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace Mostrador {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(ImportRecordStore)
};

const QLatin1String kColumns("id, file_names, file_sha256, me, imported_by, imported_at, messages_added, undone_at, undone_by");

ImportRecord recordAt(const QSqlQuery &query)
{
    ImportRecord record;
    record.id = query.value(0).toLongLong();
    record.fileNames = query.value(1).toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    record.fileSha256 = query.value(2).toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    record.me = query.value(3).toString();
    record.importedBy = query.value(4).toString();
    record.importedAt = storedTime(query.value(5));
    record.messagesAdded = query.value(6).toLongLong();
    if (!query.value(7).isNull())
        record.undoneAt = storedTime(query.value(7));
    record.undoneBy = query.value(8).toString();
    return record;
}

StoreResult<QList<ImportRecord>> records(Database &database, const QString &where, const QVariantList &values)
{
    QSqlQuery query(database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM chat_imports %2 ORDER BY imported_at DESC, id DESC").arg(kColumns, where));
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return StoreError::fromSql(query.lastError(), QStringLiteral("read the imports"));
    QList<ImportRecord> found;
    while (query.next())
        found << recordAt(query);
    return found;
}

StoreResult<std::optional<ImportRecord>> first(StoreResult<QList<ImportRecord>> found)
{
    if (found.isError())
        return found.error();
    if (found->isEmpty())
        return std::optional<ImportRecord>();
    return std::optional<ImportRecord>(found->first());
}

// A count of rows a statement changed; -1 when it failed (`error` says why).
qint64 changed(Database &database, const QString &sql, const QVariantList &values, const char *what, StoreError *error)
{
    QSqlQuery query(database.connection());
    query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        *error = StoreError::fromSql(query.lastError(), QLatin1String(what));
        return -1;
    }
    return query.numRowsAffected();
}

// What an import started and that holds nothing else: no message, order or team note.
const QLatin1String kEmptyConversations(
    "SELECT c.id FROM conversations c WHERE c.import_id = ? "
    "AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id) "
    "AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.conversation_id = c.id) "
    "AND NOT EXISTS (SELECT 1 FROM conversation_notes n WHERE n.conversation_id = c.id)");

} // namespace

ImportRecordStore::ImportRecordStore(Database &database)
    : m_database(database)
{
}

StoreResult<QList<ImportRecord>> ImportRecordStore::imports() const
{
    return records(m_database, {}, {});
}

StoreResult<std::optional<ImportRecord>> ImportRecordStore::find(qint64 importId) const
{
    return first(records(m_database, QStringLiteral("WHERE id = ?"), {importId}));
}

StoreResult<std::optional<ImportRecord>> ImportRecordStore::newestOfFile(const QString &sha256, const QString &fileName) const
{
    // Lists are newline-separated; padded with newlines, a whole entry is found with LIKE.
    const auto entry = [](const QString &value) {
        QString escaped = value;
        escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('%'), QLatin1String("\\%"))
            .replace(QLatin1Char('_'), QLatin1String("\\_"));
        return QStringLiteral("%\n%1\n%").arg(escaped);
    };
    const QString standing = QStringLiteral("WHERE undone_at IS NULL AND ('\n' || %1 || '\n') LIKE ? ESCAPE '\\'");
    auto bySha = first(records(m_database, standing.arg(QLatin1String("file_sha256")), {entry(sha256)}));
    if (bySha.isError() || bySha->has_value())
        return bySha;
    return first(records(m_database, standing.arg(QLatin1String("file_names")), {entry(fileName)}));
}

StoreResult<UndoneImport> ImportRecordStore::undo(qint64 importId, const QString &by, const QDateTime &now)
{
    const auto record = find(importId);
    if (record.isError())
        return record.error();
    if (!record->has_value())
        return StoreError{StoreError::Kind::Query, Text::tr("There is no import number %1.").arg(importId), {}};
    if ((*record)->isUndone()) {
        return StoreError{StoreError::Kind::Query,
                          Text::tr("Import %1 was already undone on %2.")
                              .arg(importId)
                              .arg(QLocale().toString((*record)->undoneAt.toLocalTime(), QLocale::ShortFormat)),
                          {}};
    }

    UndoneImport undone;
    StoreError error;
    if ((error = m_database.begin()).isError())
        return error;
    const auto fail = [&](StoreError problem) -> StoreResult<UndoneImport> {
        m_database.rollback();
        return problem;
    };

    QSqlQuery files(m_database.connection());
    files.prepare(QStringLiteral("SELECT DISTINCT media_path FROM messages WHERE import_id = ? AND media_path IS NOT NULL"));
    files.addBindValue(importId);
    if (!files.exec())
        return fail(StoreError::fromSql(files.lastError(), QStringLiteral("the import's files")));
    QStringList mediaFiles;
    while (files.next())
        mediaFiles << files.value(0).toString();
    files.finish();

    const QVariantList id{importId};
    // Conversations that showed one of these messages in the list show their newest other one.
    const QString touched = QStringLiteral("SELECT DISTINCT conversation_id FROM messages WHERE import_id = ?");
    QSqlQuery conversations(m_database.connection());
    conversations.prepare(touched);
    conversations.addBindValue(importId);
    if (!conversations.exec())
        return fail(StoreError::fromSql(conversations.lastError(), QStringLiteral("the import's conversations")));
    QList<qint64> touchedIds;
    while (conversations.next())
        touchedIds << conversations.value(0).toLongLong();
    conversations.finish();

    if (changed(m_database, QStringLiteral("UPDATE conversations SET last_message_id = NULL WHERE last_message_id IN "
                                           "(SELECT id FROM messages WHERE import_id = ?)"),
                id, "unlink the import's messages", &error) < 0)
        return fail(error);
    undone.messages = changed(m_database, QStringLiteral("DELETE FROM messages WHERE import_id = ?"), id, "remove the import's messages", &error);
    if (undone.messages < 0)
        return fail(error);
    for (const qint64 conversation : std::as_const(touchedIds)) {
        if (changed(m_database,
                    QStringLiteral("UPDATE conversations SET last_message_id = (SELECT id FROM messages WHERE conversation_id = ? "
                                   "ORDER BY sent_at DESC, id DESC LIMIT 1), last_message_at = (SELECT MAX(sent_at) FROM messages "
                                   "WHERE conversation_id = ?) WHERE id = ?"),
                    {conversation, conversation, conversation}, "show the newest message left", &error) < 0)
            return fail(error);
    }

    for (const char *table : {"conversation_labels", "drafts", "conversation_resolutions", "read_receipts", "reply_locks"}) {
        if (changed(m_database, QStringLiteral("DELETE FROM %1 WHERE conversation_id IN (%2)").arg(QLatin1String(table), kEmptyConversations),
                    id, "clear the import's empty conversations", &error) < 0)
            return fail(error);
    }
    const qint64 conversationsRemoved = changed(m_database, QStringLiteral("DELETE FROM conversations WHERE id IN (%1)").arg(kEmptyConversations),
                                                id, "remove the import's empty conversations", &error);
    if (conversationsRemoved < 0)
        return fail(error);
    undone.conversations = int(conversationsRemoved);
    // A customer the import started, with no conversation, order or campaign left: gone too.
    const qint64 customersRemoved = changed(
        m_database,
        QStringLiteral("DELETE FROM customers WHERE import_id = ? "
                       "AND NOT EXISTS (SELECT 1 FROM conversations c WHERE c.customer_id = customers.id) "
                       "AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = customers.id) "
                       "AND NOT EXISTS (SELECT 1 FROM campaign_recipients r WHERE r.customer_id = customers.id)"),
        id, "remove the import's customers", &error);
    if (customersRemoved < 0)
        return fail(error);
    undone.customers = int(customersRemoved);
    // What stays (a conversation with a later message, a customer who wrote since) no longer
    // points at an import that is gone.
    for (const char *table : {"conversations", "customers"}) {
        if (changed(m_database, QStringLiteral("UPDATE %1 SET import_id = NULL WHERE import_id = ?").arg(QLatin1String(table)), id,
                    "keep what the import started", &error) < 0)
            return fail(error);
    }
    if (changed(m_database, QStringLiteral("UPDATE chat_imports SET undone_at = ?, undone_by = ? WHERE id = ?"),
                {now.toMSecsSinceEpoch(), by, importId}, "mark the import undone", &error) < 0)
        return fail(error);

    for (const QString &file : std::as_const(mediaFiles)) {
        QSqlQuery used(m_database.connection());
        used.prepare(QStringLiteral("SELECT 1 FROM messages WHERE media_path = ? UNION ALL SELECT 1 FROM products WHERE image_path = ? "
                                    "UNION ALL SELECT 1 FROM order_lines WHERE image_path = ?"));
        for (int i = 0; i < 3; ++i)
            used.addBindValue(file);
        if (!used.exec())
            return fail(StoreError::fromSql(used.lastError(), QStringLiteral("file still used")));
        if (!used.next())
            undone.unusedMediaFiles << file;
    }
    if ((error = m_database.commit()).isError())
        return error;
    return undone;
}

} // namespace Mostrador
