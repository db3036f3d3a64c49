#include "importstore.h"

#include "common/applicationidentity.h"
#include "db/database.h"
#include "messaging/waid.h"
#include "db/searchbatch.h"
#include "db/statementcache.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QStringList>
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

ImportSource ImportSource::ofFiles(const QStringList &paths, const QString &me)
{
    ImportSource source;
    source.me = me;
    for (const QString &path : paths) {
        source.fileNames << QFileInfo(path).fileName();
        QCryptographicHash hash(QCryptographicHash::Sha256);
        QFile file(path);
        // A file that cannot be read again is found by its name alone.
        source.fileSha256 << (file.open(QIODevice::ReadOnly) && hash.addData(&file) ? QString::fromLatin1(hash.result().toHex())
                                                                                      : QString(QLatin1String("-")));
    }
    source.importedBy = personActing();
    return source;
}

ImportStore::ImportStore(Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
    , m_statements(std::make_unique<StatementCache>(database))
    , m_search(std::make_unique<SearchBatch>(*m_statements, database.dialect()))
{
}

ImportStore::~ImportStore() = default;

StoreError ImportStore::begin(const ImportSource &source)
{
    // A large history touches many index pages: a cache that holds them keeps SQLite from
    // writing them out and reading them back in the middle of the import. Only a speed-up:
    // refused, the import runs as it would anyway.
    if (m_database.dialect().isSqlite())
        (void)m_database.exec(QStringLiteral("PRAGMA cache_size = -131072"));
    if (StoreError error = m_database.begin(); error.isError())
        return error;
    PreparedStatement &record = m_statements->prepared(QStringLiteral(
        "INSERT INTO chat_imports (file_names, file_sha256, me, imported_by, imported_at) VALUES (?, ?, ?, ?, ?) RETURNING id"));
    record.addBindValue(source.fileNames.join(QLatin1Char('\n')));
    record.addBindValue(source.fileSha256.join(QLatin1Char('\n')));
    record.addBindValue(textOrEmpty(source.me));
    record.addBindValue(textOrEmpty(source.importedBy));
    record.addBindValue(m_clock.now().toMSecsSinceEpoch());
    if (StoreError error = run(record, "record the import"); error.isError() || !record.next()) {
        rollback();
        return error.isError() ? error : StoreError::make(StoreError::Kind::Query, QStringLiteral("record the import: no id"));
    }
    m_importId = record.integer(0);
    record.finish();
    return m_search->open();
}

StoreError ImportStore::commit()
{
    StoreError flushed = flush();
    if (flushed.isError()) {
        rollback();
        return flushed;
    }
    if (StoreError error = m_search->close(); error.isError()) {
        rollback();
        return error;
    }
    PreparedStatement &added = m_statements->prepared(QStringLiteral("UPDATE chat_imports SET messages_added = ? WHERE id = ?"));
    added.addBindValue(m_counts.added);
    added.addBindValue(m_importId);
    if (StoreError error = run(added, "count the import"); error.isError()) {
        rollback();
        return error;
    }
    m_statements->finishAll();
    return m_database.commit();
}

void ImportStore::rollback()
{
    m_pending.clear();
    m_pendingRows = 0;
    m_search->discard();
    m_statements->finishAll();
    m_database.rollback();
}

std::optional<qint64> ImportStore::customerWithNumber(const QString &waId, const QString &name, StoreError *error, bool *created)
{
    if (created)
        *created = false;
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
        "INSERT INTO customers (wa_id, display_name, created_at, import_id) VALUES (?, ?, ?, ?) RETURNING id"));
    insert.addBindValue(waId);
    insert.addBindValue(textOrEmpty(name));
    insert.addBindValue(m_clock.now().toMSecsSinceEpoch());
    insert.addBindValue(importIdOrNull());
    if ((*error = run(insert, "add customer")).isError() || !insert.next())
        return std::nullopt;
    const qint64 id = insert.value(0).toLongLong();
    insert.finish();
    if (created)
        *created = true;
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
        "INSERT INTO customers (display_name, created_at, import_id) VALUES (?, ?, ?) RETURNING id"));
    insert.addBindValue(name);
    insert.addBindValue(m_clock.now().toMSecsSinceEpoch());
    insert.addBindValue(importIdOrNull());
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
        "INSERT INTO conversations (customer_id, business_number_id, status, created_at, import_id) VALUES (?, ?, 'resolved', ?, ?) "
        "RETURNING id"));
    insert.addBindValue(customerId);
    insert.addBindValue(textOrEmpty(number));
    insert.addBindValue(m_clock.now().toMSecsSinceEpoch());
    insert.addBindValue(importIdOrNull());
    if ((*error = run(insert, "add conversation")).isError() || !insert.next())
        return std::nullopt;
    const qint64 id = insert.value(0).toLongLong();
    insert.finish();
    return id;
}

namespace {

QString insertRows(int rows)
{
    const QString row = QStringLiteral("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)");
    return QStringLiteral("INSERT INTO messages (conversation_id, direction, kind, body, caption, media_mime, media_sha256, "
                          "media_filename, media_path, edited, revoked, sent_at, stored_at, imported, author, import_key, import_id) VALUES ")
        + QStringList(rows, row).join(QStringLiteral(", "))
        + QStringLiteral(" ON CONFLICT DO NOTHING RETURNING id, kind, media_path IS NOT NULL");
}

bool isMedia(const QString &kind)
{
    return kind == QLatin1String("image") || kind == QLatin1String("video") || kind == QLatin1String("audio")
        || kind == QLatin1String("document") || kind == QLatin1String("sticker");
}

} // namespace

StoreError ImportStore::add(qint64 conversationId, const ImportedMessage &message)
{
    const bool media = message.kind != MessageKind::Text && message.kind != MessageKind::System;
    m_pending << conversationId << (message.direction == Direction::Inbound ? QStringLiteral("in") : QStringLiteral("out"))
              << messageKindName(message.kind) << textOrEmpty(media ? QString() : message.text)
              << textOrEmpty(media ? message.text : QString()) << textOrNull(message.mediaMime) << textOrNull(message.mediaSha256)
              << textOrNull(message.mediaFilename) << textOrNull(message.mediaPath) << (message.edited ? 1 : 0)
              << (message.deleted ? 1 : 0) << message.sentAt.toMSecsSinceEpoch() << m_clock.now().toMSecsSinceEpoch()
              << textOrNull(message.author) << message.importKey << importIdOrNull();
    if (++m_pendingRows == kBatch)
        return flush();
    return {};
}

StoreError ImportStore::flush()
{
    if (m_pendingRows == 0)
        return {};
    PreparedStatement &insert = m_statements->prepared(insertRows(m_pendingRows));
    for (const QVariant &value : std::as_const(m_pending))
        insert.addBindValue(value);
    const int rows = std::exchange(m_pendingRows, 0);
    m_pending.clear();
    if (StoreError error = run(insert, "add imported messages"); error.isError())
        return error;
    qint64 added = 0;
    while (insert.next()) {
        ++added;
        m_search->add(insert.integer(0));
        if (isMedia(insert.value(1).toString()))
            ++(insert.integer(2) ? m_counts.mediaKept : m_counts.mediaOmitted);
    }
    insert.finish();
    m_counts.added += added;
    m_counts.alreadyThere += rows - added;
    // Index what came so far for search now and then, so a big import holds no long list.
    if ((m_sinceIndexed += added) >= kIndexEvery) {
        m_sinceIndexed = 0;
        if (StoreError error = m_search->close(); error.isError())
            return error;
        return m_search->open();
    }
    return {};
}

StoreError ImportStore::finishConversation(qint64 conversationId)
{
    if (StoreError error = flush(); error.isError())
        return error;
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
