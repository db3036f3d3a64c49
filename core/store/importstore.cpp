#include "importstore.h"

#include "database.h"
#include "messaging/waid.h"
#include "searchbatch.h"
#include "statementcache.h"

#include <QVariant>

namespace Mostrador {

namespace {

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

// For NOT NULL text columns: a null QString would bind as NULL.
QString textOrEmpty(const QString &text)
{
    return text.isNull() ? QString(QLatin1String("")) : text;
}

StoreError run(PreparedStatement &statement, const char *what)
{
    if (statement.exec())
        return {};
    return StoreError::fromSql(statement.lastError(), QLatin1String(what));
}

} // namespace

ImportStore::ImportStore(Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
    , m_statements(std::make_unique<StatementCache>(database))
    , m_search(std::make_unique<SearchBatch>(*m_statements, database.dialect()))
{
}

ImportStore::~ImportStore() = default;

StoreError ImportStore::begin()
{
    if (StoreError error = m_database.begin(); error.isError())
        return error;
    return m_search->open();
}

StoreError ImportStore::commit()
{
    if (StoreError error = m_search->close(); error.isError()) {
        rollback();
        return error;
    }
    m_statements->finishAll();
    return m_database.commit();
}

void ImportStore::rollback()
{
    m_search->discard();
    m_statements->finishAll();
    m_database.rollback();
}

std::optional<qint64> ImportStore::customerWithNumber(const QString &waId, const QString &name, StoreError *error)
{
    const QStringList forms = WaId::equivalents(waId);
    PreparedStatement &find = m_statements->prepared(QStringLiteral("SELECT id FROM customers WHERE wa_id IN (?, ?) ORDER BY id"));
    find.addBindValue(forms.value(0));
    find.addBindValue(forms.value(forms.size() - 1));
    if ((*error = run(find, "find customer")).isError())
        return std::nullopt;
    if (find.next()) {
        const qint64 id = find.value(0).toLongLong();
        find.finish();
        PreparedStatement &name_ = m_statements->prepared(QStringLiteral(
            "UPDATE customers SET display_name = ? WHERE id = ? AND display_name = '' AND profile_name <> ?"));
        name_.addBindValue(textOrEmpty(name));
        name_.addBindValue(id);
        name_.addBindValue(textOrEmpty(name));
        if ((*error = run(name_, "name customer")).isError())
            return std::nullopt;
        return id;
    }
    find.finish();
    PreparedStatement &insert = m_statements->prepared(QStringLiteral(
        "INSERT INTO customers (wa_id, display_name, created_at) VALUES (?, ?, ?) RETURNING id"));
    insert.addBindValue(waId);
    insert.addBindValue(textOrEmpty(name));
    insert.addBindValue(m_clock.now().toMSecsSinceEpoch());
    if ((*error = run(insert, "add customer")).isError() || !insert.next())
        return std::nullopt;
    const qint64 id = insert.value(0).toLongLong();
    insert.finish();
    return id;
}

std::optional<qint64> ImportStore::customerNamed(const QString &name, StoreError *error)
{
    PreparedStatement &find = m_statements->prepared(QStringLiteral(
        "SELECT id FROM customers WHERE lower(display_name) = lower(?) OR (display_name = '' AND lower(profile_name) = lower(?)) "
        "ORDER BY id LIMIT 2"));
    find.addBindValue(name);
    find.addBindValue(name);
    if ((*error = run(find, "find customer by name")).isError())
        return std::nullopt;
    QList<qint64> found;
    while (find.next())
        found << find.value(0).toLongLong();
    find.finish();
    if (found.size() == 1)
        return found.first();
    // Nobody, or two people of that name: a customer of their own, to be told apart later.
    PreparedStatement &insert = m_statements->prepared(QStringLiteral(
        "INSERT INTO customers (display_name, created_at) VALUES (?, ?) RETURNING id"));
    insert.addBindValue(name);
    insert.addBindValue(m_clock.now().toMSecsSinceEpoch());
    if ((*error = run(insert, "add customer by name")).isError() || !insert.next())
        return std::nullopt;
    const qint64 id = insert.value(0).toLongLong();
    insert.finish();
    return id;
}

QString ImportStore::businessNumber(StoreError *error)
{
    if (m_businessNumber)
        return *m_businessNumber;
    PreparedStatement &most = m_statements->prepared(QStringLiteral(
        "SELECT business_number_id FROM conversations GROUP BY business_number_id ORDER BY COUNT(*) DESC LIMIT 1"));
    if ((*error = run(most, "business number")).isError())
        return {};
    m_businessNumber = most.next() ? most.value(0).toString() : QString();
    most.finish();
    return *m_businessNumber;
}

std::optional<qint64> ImportStore::conversationOf(qint64 customerId, StoreError *error)
{
    PreparedStatement &newest = m_statements->prepared(QStringLiteral(
        "SELECT id FROM conversations WHERE customer_id = ? ORDER BY last_message_at DESC, id DESC LIMIT 1"));
    newest.addBindValue(customerId);
    if ((*error = run(newest, "find conversation")).isError())
        return std::nullopt;
    if (newest.next()) {
        const qint64 id = newest.value(0).toLongLong();
        newest.finish();
        return id;
    }
    newest.finish();
    const QString number = businessNumber(error);
    if (error->isError())
        return std::nullopt;
    PreparedStatement &insert = m_statements->prepared(QStringLiteral(
        "INSERT INTO conversations (customer_id, business_number_id, status, created_at) VALUES (?, ?, 'resolved', ?) RETURNING id"));
    insert.addBindValue(customerId);
    insert.addBindValue(textOrEmpty(number));
    insert.addBindValue(m_clock.now().toMSecsSinceEpoch());
    if ((*error = run(insert, "add conversation")).isError() || !insert.next())
        return std::nullopt;
    const qint64 id = insert.value(0).toLongLong();
    insert.finish();
    return id;
}

std::optional<bool> ImportStore::add(qint64 conversationId, const ImportedMessage &message, StoreError *error)
{
    const bool media = message.kind != MessageKind::Text && message.kind != MessageKind::System;
    PreparedStatement &insert = m_statements->prepared(QStringLiteral(
        "INSERT INTO messages (conversation_id, direction, kind, body, caption, media_mime, media_sha256, media_filename, "
        "media_path, edited, revoked, sent_at, stored_at, imported, author, import_key) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) ON CONFLICT DO NOTHING RETURNING id"));
    insert.addBindValue(conversationId);
    insert.addBindValue(message.direction == Direction::Inbound ? QStringLiteral("in") : QStringLiteral("out"));
    insert.addBindValue(messageKindName(message.kind));
    insert.addBindValue(textOrEmpty(media ? QString() : message.text));
    insert.addBindValue(textOrEmpty(media ? message.text : QString()));
    insert.addBindValue(textOrNull(message.mediaMime));
    insert.addBindValue(textOrNull(message.mediaSha256));
    insert.addBindValue(textOrNull(message.mediaFilename));
    insert.addBindValue(textOrNull(message.mediaPath));
    insert.addBindValue(message.edited ? 1 : 0);
    insert.addBindValue(message.deleted ? 1 : 0);
    insert.addBindValue(message.sentAt.toMSecsSinceEpoch());
    insert.addBindValue(m_clock.now().toMSecsSinceEpoch());
    insert.addBindValue(textOrNull(message.author));
    insert.addBindValue(message.importKey);
    if ((*error = run(insert, "add imported message")).isError())
        return std::nullopt;
    const bool added = insert.next();
    if (added)
        m_search->add(insert.value(0).toLongLong());
    insert.finish();
    return added;
}

StoreError ImportStore::finishConversation(qint64 conversationId)
{
    PreparedStatement &latest = m_statements->prepared(QStringLiteral(
        "UPDATE conversations SET last_message_id = newest.id, last_message_at = newest.sent_at "
        "FROM (SELECT id, sent_at FROM messages WHERE conversation_id = ? ORDER BY sent_at DESC, id DESC LIMIT 1) AS newest "
        "WHERE conversations.id = ? AND (conversations.last_message_at IS NULL OR conversations.last_message_at < newest.sent_at)"));
    latest.addBindValue(conversationId);
    latest.addBindValue(conversationId);
    StoreError error = run(latest, "show the newest imported message");
    latest.finish();
    return error;
}

} // namespace Mostrador
