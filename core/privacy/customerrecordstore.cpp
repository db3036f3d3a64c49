#include "customerrecordstore.h"

#include "db/database.h"
#include "messaging/waid.h"
#include "conversations/conversationtypes.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QSqlRecord>

namespace Mostrador {

namespace {

QString placeholders(qsizetype count)
{
    QStringList marks;
    marks.fill(QStringLiteral("?"), count);
    return marks.join(QStringLiteral(", "));
}

QVariantList asValues(const QList<qint64> &ids)
{
    QVariantList values;
    for (const qint64 id : ids)
        values << id;
    return values;
}

QString isoTime(const QVariant &milliseconds)
{
    return milliseconds.isNull() ? QString() : storedTime(milliseconds).toString(Qt::ISODateWithMs);
}

// Runs a query and calls `row` for each result; a failure becomes `error`.
template<typename Row>
bool each(Database &database, const QString &sql, const QVariantList &values, const char *what, StoreError *error, Row row)
{
    QSqlQuery query(database.connection());
    query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        *error = StoreError::fromSql(query.lastError(), QLatin1String(what));
        return false;
    }
    while (query.next())
        row(query);
    return true;
}

} // namespace

CustomerRecordStore::CustomerRecordStore(Database &database)
    : m_database(database)
{
}

std::optional<qint64> CustomerRecordStore::find(const QString &identifier, StoreError *error) const
{
    const QString wanted = identifier.trimmed();
    QString sql;
    QVariantList values;
    if (wanted.startsWith(u'@')) {
        sql = QStringLiteral("SELECT id FROM customers WHERE lower(username) = lower(?)");
        values << wanted.mid(1);
    } else if (WaId::isBusinessScopedUserId(wanted)) {
        sql = QStringLiteral("SELECT id FROM customers WHERE user_id = ?");
        values << wanted;
    } else {
        QString digits;
        for (const QChar c : wanted) {
            if (c.isDigit())
                digits += c;
        }
        const QStringList forms = WaId::equivalents(digits);
        sql = QStringLiteral("SELECT id FROM customers WHERE wa_id IN (?, ?)");
        values << forms.first() << forms.last();
    }
    std::optional<qint64> found;
    if (!each(m_database, sql + QStringLiteral(" ORDER BY id LIMIT 1"), values, "find customer", error,
              [&](const QSqlQuery &query) { found = query.value(0).toLongLong(); }))
        return std::nullopt;
    return found;
}

std::optional<CustomerRecord> CustomerRecordStore::collect(qint64 customerId, StoreError *error) const
{
    CustomerRecord record;
    QJsonObject customer;
    if (!each(m_database,
              QStringLiteral("SELECT wa_id, user_id, parent_user_id, username, profile_name, display_name, notes, first_contact_at, "
                             "arrival_headline, arrival_source, blocked_at, created_at FROM customers WHERE id = ?"),
              {customerId}, "customer", error, [&](const QSqlQuery &query) {
                  customer = QJsonObject{{QStringLiteral("whatsapp_number"), query.value(0).toString()},
                                         {QStringLiteral("business_scoped_user_id"), query.value(1).toString()},
                                         {QStringLiteral("parent_business_scoped_user_id"), query.value(2).toString()},
                                         {QStringLiteral("username"), query.value(3).toString()},
                                         {QStringLiteral("whatsapp_profile_name"), query.value(4).toString()},
                                         {QStringLiteral("name_in_shop"), query.value(5).toString()},
                                         {QStringLiteral("shop_notes"), query.value(6).toString()},
                                         {QStringLiteral("first_contact_at"), isoTime(query.value(7))},
                                         {QStringLiteral("arrived_from_ad"), query.value(8).toString()},
                                         {QStringLiteral("arrival_source"), query.value(9).toString()},
                                         {QStringLiteral("blocked_at"), isoTime(query.value(10))},
                                         {QStringLiteral("known_since"), isoTime(query.value(11))}};
              }))
        return std::nullopt;
    if (customer.isEmpty()) {
        *error = StoreError::make(StoreError::Kind::Query, QStringLiteral("no customer %1").arg(customerId));
        return std::nullopt;
    }

    QJsonArray conversations;
    QList<qint64> conversationIds;
    if (!each(m_database, QStringLiteral("SELECT id, business_number_id, status, created_at FROM conversations WHERE customer_id = ? ORDER BY id"),
              {customerId}, "conversations", error, [&](const QSqlQuery &query) {
                  conversationIds << query.value(0).toLongLong();
                  conversations.append(QJsonObject{{QStringLiteral("business_number_id"), query.value(1).toString()},
                                                   {QStringLiteral("status"), query.value(2).toString()},
                                                   {QStringLiteral("started_at"), isoTime(query.value(3))}});
              }))
        return std::nullopt;
    for (qsizetype i = 0; i < conversationIds.size(); ++i) {
        const qint64 id = conversationIds.at(i);
        QJsonArray messages;
        QJsonArray notes;
        QJsonArray labels;
        const bool read =
            each(m_database,
                 QStringLiteral("SELECT wamid, direction, kind, body, caption, sent_at, status, media_mime, media_filename, media_path, "
                                "automatic, handled_by, latitude, longitude FROM messages WHERE conversation_id = ? ORDER BY sent_at, id"),
                 {id}, "messages", error,
                 [&](const QSqlQuery &query) {
                     QJsonObject message{{QStringLiteral("id"), query.value(0).toString()},
                                         {QStringLiteral("from"), query.value(1).toString() == QLatin1String("in") ? QStringLiteral("customer")
                                                                                                                : QStringLiteral("shop")},
                                         {QStringLiteral("type"), query.value(2).toString()},
                                         {QStringLiteral("text"), query.value(3).toString()},
                                         {QStringLiteral("sent_at"), isoTime(query.value(5))}};
                     if (!query.value(4).toString().isEmpty())
                         message.insert(QStringLiteral("caption"), query.value(4).toString());
                     if (query.value(10).toInt())
                         message.insert(QStringLiteral("automatic"), true);
                     if (!query.value(11).isNull())
                         message.insert(QStringLiteral("handled_by"), query.value(11).toString());
                     if (!query.value(12).isNull())
                         message.insert(QStringLiteral("location"), QJsonArray{query.value(12).toDouble(), query.value(13).toDouble()});
                     if (const QString path = query.value(9).toString(); !path.isEmpty()) {
                         record.mediaFiles << path;
                         message.insert(QStringLiteral("file"), path);
                         message.insert(QStringLiteral("file_type"), query.value(7).toString());
                         message.insert(QStringLiteral("file_name"), query.value(8).toString());
                     }
                     messages.append(message);
                 })
            && each(m_database,
                    QStringLiteral("SELECT COALESCE(a.name, ''), n.body, n.created_at FROM conversation_notes n LEFT JOIN agents a ON a.id = n.agent_id "
                                   "WHERE n.conversation_id = ? ORDER BY n.created_at"),
                    {id}, "notes", error,
                    [&](const QSqlQuery &query) {
                        notes.append(QJsonObject{{QStringLiteral("by"), query.value(0).toString()},
                                                 {QStringLiteral("text"), query.value(1).toString()},
                                                 {QStringLiteral("at"), isoTime(query.value(2))}});
                    })
            && each(m_database,
                    QStringLiteral("SELECT l.name FROM conversation_labels cl JOIN labels l ON l.id = cl.label_id WHERE cl.conversation_id = ? "
                                   "ORDER BY l.position"),
                    {id}, "labels", error, [&](const QSqlQuery &query) { labels.append(query.value(0).toString()); });
        if (!read)
            return std::nullopt;
        QJsonObject conversation = conversations.at(i).toObject();
        conversation.insert(QStringLiteral("messages"), messages);
        conversation.insert(QStringLiteral("team_notes"), notes);
        conversation.insert(QStringLiteral("labels"), labels);
        conversations.replace(i, conversation);
    }
    record.mediaFiles.removeDuplicates();
    record.data = QJsonObject{{QStringLiteral("customer"), customer}, {QStringLiteral("conversations"), conversations}};
    return record;
}

QList<qint64> CustomerRecordStore::untouchedSince(const QDateTime &cutoff, StoreError *error) const
{
    QList<qint64> ids;
    each(m_database, QStringLiteral("SELECT id FROM conversations WHERE COALESCE(last_message_at, created_at) < ? ORDER BY id"),
         {cutoff.toMSecsSinceEpoch()}, "untouched conversations", error,
         [&](const QSqlQuery &query) { ids << query.value(0).toLongLong(); });
    return ids;
}

std::optional<ForgottenRecords> CustomerRecordStore::forgetCustomer(qint64 customerId, StoreError *error)
{
    QList<qint64> ids;
    QStringList identifiers;
    if (!each(m_database, QStringLiteral("SELECT id FROM conversations WHERE customer_id = ?"), {customerId}, "customer's conversations", error,
              [&](const QSqlQuery &query) { ids << query.value(0).toLongLong(); })
        || !each(m_database, QStringLiteral("SELECT wa_id, user_id FROM customers WHERE id = ?"), {customerId}, "customer's ids", error,
                 [&](const QSqlQuery &query) {
                     for (int column : {0, 1}) {
                         if (!query.value(column).toString().isEmpty())
                             identifiers << query.value(column).toString();
                     }
                 }))
        return std::nullopt;
    ForgottenRecords forgotten;
    QStringList mediaFiles;
    if ((*error = m_database.begin()).isError())
        return std::nullopt;
    const auto fail = [&](StoreError problem) -> std::optional<ForgottenRecords> {
        m_database.rollback();
        *error = std::move(problem);
        return std::nullopt;
    };
    if (StoreError problem = removeConversations(ids, forgotten, mediaFiles); problem.isError())
        return fail(problem);
    // Raw webhooks kept aside that name them go too.
    if (!identifiers.isEmpty()) {
        for (const QString &identifier : std::as_const(identifiers)) {
            if (StoreError problem = m_database.exec(QStringLiteral("DELETE FROM webhook_other WHERE payload_json LIKE ?"),
                                                     {QStringLiteral("%\"%1\"%").arg(identifier)}, "raw webhooks naming them");
                problem.isError())
                return fail(problem);
        }
    }
    if (StoreError problem = m_database.exec(QStringLiteral("DELETE FROM campaign_recipients WHERE customer_id = ?"), {customerId},
                                             "their campaigns");
        problem.isError())
        return fail(problem);
    if (StoreError problem = m_database.exec(QStringLiteral("DELETE FROM customers WHERE id = ?"), {customerId}, "forget customer");
        problem.isError())
        return fail(problem);
    forgotten.customers = 1;
    if (StoreError problem = m_database.commit(); problem.isError())
        return fail(problem);
    if ((*error = finish(mediaFiles, forgotten)).isError())
        return std::nullopt;
    return forgotten;
}

std::optional<ForgottenRecords> CustomerRecordStore::forgetConversations(const QList<qint64> &conversationIds, StoreError *error)
{
    ForgottenRecords forgotten;
    if (conversationIds.isEmpty())
        return forgotten;
    QList<qint64> customers;
    if (!each(m_database, QStringLiteral("SELECT DISTINCT customer_id FROM conversations WHERE id IN (%1)").arg(placeholders(conversationIds.size())),
              asValues(conversationIds), "their customers", error, [&](const QSqlQuery &query) { customers << query.value(0).toLongLong(); }))
        return std::nullopt;
    QStringList mediaFiles;
    if ((*error = m_database.begin()).isError())
        return std::nullopt;
    if (StoreError problem = removeConversations(conversationIds, forgotten, mediaFiles); problem.isError()) {
        m_database.rollback();
        *error = problem;
        return std::nullopt;
    }
    // A customer with no conversation left is forgotten too.
    QSqlQuery orphans(m_database.connection());
    orphans.prepare(QStringLiteral("DELETE FROM customers WHERE id IN (%1) AND NOT EXISTS "
                                   "(SELECT 1 FROM conversations v WHERE v.customer_id = customers.id)")
                        .arg(placeholders(customers.size())));
    for (const qint64 id : std::as_const(customers))
        orphans.addBindValue(id);
    if (!orphans.exec()) {
        *error = StoreError::fromSql(orphans.lastError(), QStringLiteral("forget customers left with nothing"));
        m_database.rollback();
        return std::nullopt;
    }
    forgotten.customers = orphans.numRowsAffected();
    if ((*error = m_database.commit()).isError())
        return std::nullopt;
    if ((*error = finish(mediaFiles, forgotten)).isError())
        return std::nullopt;
    return forgotten;
}

// Inside the caller's transaction.
StoreError CustomerRecordStore::removeConversations(const QList<qint64> &ids, ForgottenRecords &forgotten, QStringList &mediaFiles)
{
    if (ids.isEmpty())
        return {};
    const QString in = placeholders(ids.size());
    const QVariantList values = asValues(ids);
    StoreError error;
    if (!each(m_database, QStringLiteral("SELECT DISTINCT media_path FROM messages WHERE conversation_id IN (%1) AND media_path IS NOT NULL").arg(in),
              values, "their files", &error, [&](const QSqlQuery &query) { mediaFiles << query.value(0).toString(); }))
        return error;
    if (m_database.dialect().isSqlite()) {
        // What is deleted is overwritten in the file, not only marked free.
        if ((error = m_database.exec(QStringLiteral("PRAGMA secure_delete = ON"))).isError())
            return error;
    }
    QSqlQuery count(m_database.connection());
    count.prepare(QStringLiteral("SELECT COUNT(*) FROM messages WHERE conversation_id IN (%1)").arg(in));
    for (const QVariant &value : values)
        count.addBindValue(value);
    if (!count.exec() || !count.next())
        return StoreError::fromSql(count.lastError(), QStringLiteral("count their messages"));
    forgotten.messages = count.value(0).toInt();
    count.finish();
    const char *const steps[][2] = {
        {"DELETE FROM status_events WHERE wamid IN (SELECT wamid FROM messages WHERE conversation_id IN (%1) AND wamid IS NOT NULL)", "their ticks"},
        {"DELETE FROM read_receipts WHERE conversation_id IN (%1)", "their read receipts"},
        {"DELETE FROM reply_locks WHERE conversation_id IN (%1)", "reply locks"},
        {"DELETE FROM conversation_notes WHERE conversation_id IN (%1)", "team notes"},
        {"DELETE FROM conversation_labels WHERE conversation_id IN (%1)", "labels"},
        {"DELETE FROM drafts WHERE conversation_id IN (%1)", "drafts"},
        {"DELETE FROM conversation_resolutions WHERE conversation_id IN (%1)", "resolutions"},
        {"DELETE FROM campaign_recipients WHERE customer_id IN (SELECT customer_id FROM conversations WHERE id IN (%1))", "campaigns"},
        {"DELETE FROM order_lines WHERE order_id IN (SELECT id FROM orders WHERE conversation_id IN (%1))", "their orders' lines"},
        {"DELETE FROM orders WHERE conversation_id IN (%1)", "their orders"},
        {"UPDATE conversations SET last_message_id = NULL WHERE id IN (%1)", "last message"},
        {"DELETE FROM messages WHERE conversation_id IN (%1)", "messages"},
        {"DELETE FROM conversations WHERE id IN (%1)", "conversations"},
    };
    for (const auto &[sql, what] : steps) {
        if ((error = m_database.exec(QLatin1String(sql).arg(in), values, what)).isError())
            return error;
    }
    forgotten.conversations = int(ids.size());
    return {};
}

// After the commit: the files no message uses any more, and no trace left in SQLite's search
// indexes or journal (PostgreSQL's vacuum does its part).
StoreError CustomerRecordStore::finish(const QStringList &mediaFiles, ForgottenRecords &forgotten)
{
    StoreError error;
    for (const QString &file : mediaFiles) {
        bool used = false;
        // A photo sent by someone else too, or one a product shows, stays.
        if (!each(m_database, QStringLiteral("SELECT 1 FROM messages WHERE media_path = ? UNION ALL SELECT 1 FROM products WHERE image_path = ? "
                                             "UNION ALL SELECT 1 FROM order_lines WHERE image_path = ?"),
                  {file, file, file}, "file still used", &error,
                  [&](const QSqlQuery &) { used = true; }))
            return error;
        if (!used)
            forgotten.unusedMediaFiles << file;
    }
    if (!m_database.dialect().isSqlite())
        return {};
    for (const char *step : {"INSERT INTO message_search (message_search) VALUES ('optimize')",
                             "INSERT INTO customer_search (customer_search) VALUES ('optimize')", "PRAGMA wal_checkpoint(TRUNCATE)",
                             "PRAGMA secure_delete = OFF"}) {
        if ((error = m_database.exec(QLatin1String(step))).isError())
            return error;
    }
    return {};
}

} // namespace Mostrador
