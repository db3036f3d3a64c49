#include "conversationstore.h"

#include "db/database.h"
#include "db/sqlfragments.h"
#include "conversations/searchsnippet.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace Mostrador {

namespace {

const QString kConversationColumnsTemplate = QStringLiteral(
    "v.id, v.customer_id, CASE WHEN c.display_name <> '' THEN c.display_name ELSE c.profile_name END, c.wa_id, c.user_id, "
    "c.username, c.blocked_at, v.status, v.unread_count, v.last_message_at, "
    "CASE WHEN m.caption <> '' THEN m.caption ELSE m.body END, m.kind, m.direction, m.status, "
    "v.last_inbound_at, v.last_referral_at, v.window_closed_at, "
    "(SELECT %1 FROM (SELECT l.id || ':' || l.color AS color FROM conversation_labels cl JOIN labels l ON l.id = cl.label_id "
    "  WHERE cl.conversation_id = v.id ORDER BY l.position) AS label_colors), v.standby_since, "
    // After an automatic reply, what the customer last said is what the shop needs to see.
    "CASE WHEN m.direction = 'out' AND m.automatic <> 0 THEN (SELECT CASE WHEN i.caption <> '' THEN i.caption ELSE i.body END "
    "  FROM messages i WHERE i.conversation_id = v.id AND i.direction = 'in' AND i.kind <> 'reaction' "
    "  ORDER BY i.sent_at DESC, i.id DESC LIMIT 1) END, "
    "CASE WHEN %2 THEN 1 ELSE 0 END "
    "FROM conversations v JOIN customers c ON c.id = v.customer_id LEFT JOIN messages m ON m.id = v.last_message_id ");

const QString kMessageColumns = QStringLiteral(
    "m.id, m.conversation_id, m.wamid, m.client_id, m.direction, m.kind, m.type_name, m.body, m.caption, m.media_id, m.media_mime, "
    "m.media_filename, m.media_path, m.context_wamid, m.target_wamid, m.status, m.error_code, m.outbox_state, m.automatic, m.edited, "
    "m.revoked, m.sent_at, "
    "(SELECT CASE WHEN q.caption <> '' THEN q.caption ELSE q.body END FROM messages q WHERE q.wamid = m.context_wamid), "
    "m.referral_json, m.latitude, m.longitude, m.forwarded, "
    "(SELECT r.body FROM messages r WHERE r.target_wamid = m.wamid AND r.kind = 'reaction' ORDER BY r.sent_at DESC, r.id DESC LIMIT 1), "
    "CASE WHEN m.outbox_state = 'queued' AND m.attempts = 0 THEN m.next_attempt_at END, m.handled_by, m.imported, m.author "
    "FROM messages m ");

QString conversationColumns(const SqlDialect &dialect)
{
    return kConversationColumnsTemplate.arg(dialect.isSqlite() ? QStringLiteral("group_concat(color, ',')")
                                                               : QStringLiteral("string_agg(color, ',')"),
                                            SqlFragments::waitingForUs(QStringLiteral("v")));
}

ConversationSummary readConversation(const QSqlQuery &query)
{
    ConversationSummary row;
    row.id = query.value(0).toLongLong();
    row.customerId = query.value(1).toLongLong();
    row.customerName = query.value(2).toString();
    row.waId = query.value(3).toString();
    row.userId = query.value(4).toString();
    row.username = query.value(5).toString();
    row.blocked = !query.value(6).isNull();
    row.status = query.value(7).toString();
    row.unreadCount = query.value(8).toInt();
    row.lastMessageAt = storedTime(query.value(9));
    row.lastMessagePreview = query.value(10).toString();
    row.lastMessageKind = messageKindFromName(query.value(11).toString());
    row.lastMessageDirection = query.value(12).toString() == QLatin1String("out") ? Direction::Outbound : Direction::Inbound;
    row.lastMessageStatus = DeliveryStatus(query.value(13).toInt());
    row.lastInboundAt = storedTime(query.value(14));
    row.lastReferralAt = storedTime(query.value(15));
    row.windowClosedAt = storedTime(query.value(16));
    // "id:#colour" pairs, comma-separated.
    const QStringList labels = query.value(17).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &label : labels) {
        row.labelIds << label.section(QLatin1Char(':'), 0, 0).toLongLong();
        row.labelColors << label.section(QLatin1Char(':'), 1);
    }
    row.heldByMetaAgent = !query.value(18).isNull();
    row.customerWordsBeforeAutomaticReply = query.value(19).toString();
    row.waitingForUs = query.value(20).toInt() != 0;
    return row;
}

StoredMessage readMessage(const QSqlQuery &query)
{
    StoredMessage row;
    row.id = query.value(0).toLongLong();
    row.conversationId = query.value(1).toLongLong();
    row.wamid = query.value(2).toString();
    row.clientId = query.value(3).toString();
    row.direction = query.value(4).toString() == QLatin1String("out") ? Direction::Outbound : Direction::Inbound;
    row.kind = messageKindFromName(query.value(5).toString());
    row.typeName = query.value(6).toString();
    row.body = query.value(7).toString();
    row.caption = query.value(8).toString();
    row.mediaId = query.value(9).toString();
    row.mediaMime = query.value(10).toString();
    row.mediaFilename = query.value(11).toString();
    row.mediaPath = query.value(12).toString();
    row.contextWamid = query.value(13).toString();
    row.targetWamid = query.value(14).toString();
    row.status = DeliveryStatus(query.value(15).toInt());
    row.errorCode = query.value(16).toInt();
    row.outboxState = query.value(17).toString();
    row.automatic = query.value(18).toInt() != 0;
    row.edited = query.value(19).toInt() != 0;
    row.revoked = query.value(20).toInt() != 0;
    row.sentAt = storedTime(query.value(21));
    row.quotedText = query.value(22).toString();
    if (!query.value(23).isNull())
        row.referralHeadline = QJsonDocument::fromJson(query.value(23).toString().toUtf8()).object().value(QLatin1String("headline")).toString();
    row.hasLocation = !query.value(24).isNull();
    row.latitude = query.value(24).toDouble();
    row.longitude = query.value(25).toDouble();
    row.forwarded = query.value(26).toInt();
    row.reaction = query.value(27).toString();
    row.scheduledFor = storedTime(query.value(28));
    row.handledByMetaAgent = query.value(29).toString() == QLatin1String("meta_agent");
    row.imported = query.value(30).toInt() != 0;
    row.author = query.value(31).toString();
    return row;
}

struct KeysetPosition {
    bool set = false;
    qint64 time = 0;
    qint64 id = 0;
    bool ascending = false; // oldest first instead of newest first
};

// One keyset page, newest first: rows strictly before `position` in (time, id) order. Both
// paging queries use it, so both stay index-only walks whose cost does not grow with history.
template<typename Row>
QList<Row> page(const QString &select, const QVariantList &values, const QString &timeColumn, const QString &idColumn,
                const KeysetPosition &position, int limit, Row (*read)(const QSqlQuery &),
                Database &database, StoreError *error)
{
    QString sql = select;
    const QString beyond = position.ascending ? QStringLiteral(">") : QStringLiteral("<");
    if (position.set)
        sql += QStringLiteral(" AND (%1 %3 ? OR (%1 = ? AND %2 %3 ?))").arg(timeColumn, idColumn, beyond);
    const QString order = position.ascending ? QStringLiteral("ASC") : QStringLiteral("DESC");
    sql += QStringLiteral(" ORDER BY %1 %3, %2 %3 LIMIT ?").arg(timeColumn, idColumn, order);
    QSqlQuery query(database.connection());
    query.setForwardOnly(true);
    query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (position.set) {
        query.addBindValue(position.time);
        query.addBindValue(position.time);
        query.addBindValue(position.id);
    }
    query.addBindValue(limit);
    QList<Row> rows;
    if (!query.exec()) {
        *error = StoreError::fromSql(query.lastError(), QStringLiteral("page"));
        return rows;
    }
    while (query.next())
        rows << read(query);
    return rows;
}

QString filterCondition(ConversationFilter::View view)
{
    switch (view) {
    case ConversationFilter::View::All:
        return QStringLiteral("1 = 1");
    case ConversationFilter::View::Open:
        return QStringLiteral("v.status <> 'resolved'");
    case ConversationFilter::View::WaitingForUs:
        return SqlFragments::waitingForUs(QStringLiteral("v"));
    case ConversationFilter::View::Resolved:
        return QStringLiteral("v.status = 'resolved'");
    case ConversationFilter::View::ClosingSoon:
        return QStringLiteral("v.status <> 'resolved' AND v.window_closed_at IS NULL AND v.last_inbound_at >= ? AND v.last_inbound_at < ?");
    }
    return QStringLiteral("1 = 1");
}

// Each word becomes a quoted term, so punctuation in what people type can never break the
// FTS5 query syntax.
constexpr qint64 kRecentMessages = 20000;

QString ftsQuery(const QString &text)
{
    static const QRegularExpression words(QStringLiteral("[\\w]+"), QRegularExpression::UseUnicodePropertiesOption);
    QStringList terms;
    for (auto it = words.globalMatch(text); it.hasNext();)
        terms << QLatin1Char('"') + it.next().captured(0) + QLatin1Char('"');
    // Whole words match as they are (cheap); only the last one, perhaps still being typed, also
    // matches as the start of longer words.
    if (!terms.isEmpty())
        terms.last() += QLatin1Char('*');
    return terms.join(QLatin1Char(' '));
}

// The candidate queries: (row id, rank) where a lower rank is a better match.
struct SearchStatements {
    QString recentMessages; // binds: query, id floor, limit
    QString olderMessages;  // binds: query, id ceiling, limit
    QString customers;      // binds: query, limit
};

SearchStatements searchStatements(const SqlDialect &dialect)
{
    if (dialect.isSqlite())
        return {QStringLiteral("SELECT rowid, rank FROM message_search WHERE message_search MATCH ? AND rowid > ? ORDER BY rank LIMIT ?"),
                QStringLiteral("SELECT rowid, rank FROM message_search WHERE message_search MATCH ? AND rowid <= ? ORDER BY rank LIMIT ?"),
                QStringLiteral("SELECT rowid, rank FROM customer_search WHERE customer_search MATCH ? ORDER BY rank LIMIT ?")};
    // PostgreSQL: the same folded text the GIN indexes of migration 7 hold.
    const QString message = QStringLiteral("to_tsvector('simple', mostrador_fold(coalesce(body, '') || ' ' || coalesce(caption, '')))");
    const QString customer = QStringLiteral(
        "to_tsvector('simple', mostrador_fold(coalesce(profile_name, '') || ' ' || coalesce(display_name, '') || ' ' || coalesce(notes, '') || ' ' || "
        "coalesce(translate(username, '._-', '   '), '')))");
    const QString messages = QStringLiteral("SELECT id, -ts_rank(%1, q) AS rank FROM messages, to_tsquery('simple', ?) q WHERE %1 @@ q AND id %2 ? "
                                            "ORDER BY rank LIMIT ?");
    return {messages.arg(message, QStringLiteral(">")), messages.arg(message, QStringLiteral("<=")),
            QStringLiteral("SELECT id, -ts_rank(%1, q) AS rank FROM customers, to_tsquery('simple', ?) q WHERE %1 @@ q ORDER BY rank LIMIT ?")
                .arg(customer)};
}

// "canción env" → 'cancion' & 'env':* (folded like the index; the last word may be unfinished).
QString tsQuery(const QString &text)
{
    QStringList terms;
    for (const QString &term : SearchText::terms(text))
        terms << QLatin1Char('\'') + term + QLatin1Char('\'');
    if (!terms.isEmpty())
        terms.last() += QStringLiteral(":*");
    return terms.join(QStringLiteral(" & "));
}

} // namespace

ConversationStore::ConversationStore(Database &database)
    : m_database(database)
{
}

QList<ConversationSummary> ConversationStore::conversations(const ConversationFilter &filter,
                                                      const std::optional<ConversationCursor> &after, int limit,
                                                      StoreError *error)
{
    QString select = QStringLiteral("SELECT ") + conversationColumns(m_database.dialect()) + QStringLiteral("WHERE ")
        + filterCondition(filter.view) + QStringLiteral(" AND v.last_message_at IS NOT NULL");
    QVariantList values;
    if (filter.view == ConversationFilter::View::ClosingSoon)
        values << filter.closingSoonFrom << filter.closingSoonTo;
    if (filter.labelId) {
        select += QStringLiteral(" AND EXISTS (SELECT 1 FROM conversation_labels cl WHERE cl.conversation_id = v.id AND cl.label_id = ?)");
        values << filter.labelId;
    }
    if (filter.assignment == ConversationFilter::Assignment::Mine) {
        select += QStringLiteral(" AND v.assigned_agent_id = ?");
        values << filter.agentId;
    } else if (filter.assignment == ConversationFilter::Assignment::Unassigned) {
        select += QStringLiteral(" AND v.assigned_agent_id IS NULL");
    }
    if (filter.sort == ConversationFilter::Sort::WindowTimeLeft) {
        select += QStringLiteral(" AND v.window_closed_at IS NULL AND v.last_inbound_at > ?");
        values << filter.windowOpenSince;
        const KeysetPosition position{after.has_value(), after ? after->lastMessageAt : 0, after ? after->id : 0, true};
        return page<ConversationSummary>(select, values, QStringLiteral("v.last_inbound_at"), QStringLiteral("v.id"), position, limit,
                                         &readConversation, m_database, error);
    }
    const KeysetPosition position = after ? KeysetPosition{true, after->lastMessageAt, after->id, false} : KeysetPosition{};
    return page<ConversationSummary>(select, values, QStringLiteral("v.last_message_at"), QStringLiteral("v.id"), position, limit,
                                     &readConversation, m_database, error);
}

std::optional<ConversationSummary> ConversationStore::conversation(qint64 id, StoreError *error)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT ") + conversationColumns(m_database.dialect()) + QStringLiteral("WHERE v.id = ?"));
    query.addBindValue(id);
    if (!query.exec()) {
        *error = StoreError::fromSql(query.lastError(), QStringLiteral("conversation"));
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    return readConversation(query);
}

QList<StoredMessage> ConversationStore::messages(qint64 conversationId, const std::optional<MessageCursor> &before, int limit,
                                           StoreError *error)
{
    const KeysetPosition position = before ? KeysetPosition{true, before->sentAt, before->id} : KeysetPosition{};
    return page<StoredMessage>(QStringLiteral("SELECT ") + kMessageColumns + QStringLiteral("WHERE m.conversation_id = ? AND m.kind <> 'reaction'"),
                               {conversationId}, QStringLiteral("m.sent_at"), QStringLiteral("m.id"), position, limit, &readMessage,
                               m_database, error);
}

QList<SearchHit> ConversationStore::search(const QString &text, int limit, StoreError *error)
{
    QList<SearchHit> hits;
    const QString match = ftsQuery(text);
    if (match.isEmpty())
        return hits;

    // Two steps: first the best rows by rank, reading nothing else; then texts and names for
    // those few rows only. A common word can match a tenth of a years-long history, and ranking
    // all of that costs hundreds of milliseconds.
    struct Candidate {
        bool customer;
        qint64 rowid;
        double rank;
    };
    QList<Candidate> candidates;
    // Recent messages first: rank the matches among the last kRecentMessages messages, and look
    // further back only when those give fewer than `limit` (then the words are rare and the
    // older matches few).
    qint64 recentFloor = 0;
    {
        QSqlQuery newest(m_database.connection());
        if (newest.exec(QStringLiteral("SELECT MAX(id) FROM messages")) && newest.next())
            recentFloor = std::max<qint64>(0, newest.value(0).toLongLong() - kRecentMessages);
    }
    const auto collect = [&](const QString &sql, const QVariantList &values, bool customers) {
        QSqlQuery best(m_database.connection());
        best.setForwardOnly(true);
        best.prepare(sql);
        for (const QVariant &value : values)
            best.addBindValue(value);
        if (!best.exec()) {
            *error = StoreError::fromSql(best.lastError(), QStringLiteral("search"));
            return false;
        }
        // Names weigh more than a word in passing: a customer match ranks as twice as good.
        while (best.next())
            candidates << Candidate{customers, best.value(0).toLongLong(), best.value(1).toDouble() * (customers ? 2 : 1)};
        return true;
    };
    const SearchStatements sql = searchStatements(m_database.dialect());
    const QString query = m_database.dialect().isSqlite() ? match : tsQuery(text);
    if (!collect(sql.recentMessages, {query, recentFloor, limit}, false))
        return hits;
    if (candidates.size() < limit && recentFloor > 0 && !collect(sql.olderMessages, {query, recentFloor, limit - int(candidates.size())}, false))
        return hits;
    if (!collect(sql.customers, {query, limit}, true))
        return hits;
    std::sort(candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) { return a.rank < b.rank; });
    if (candidates.size() > limit)
        candidates.resize(limit);

    // Snippets are cut and highlighted here rather than by FTS5's snippet(), which would run
    // the whole query again for every row.
    const QStringList words = SearchText::terms(text);
    QSqlQuery messageDetail(m_database.connection());
    messageDetail.prepare(QStringLiteral(
        "SELECT CASE WHEN m.caption <> '' THEN m.body || ' ' || m.caption ELSE m.body END, m.conversation_id, m.sent_at, "
        "CASE WHEN c.display_name <> '' THEN c.display_name ELSE c.profile_name END "
        "FROM messages m JOIN conversations v ON v.id = m.conversation_id JOIN customers c ON c.id = v.customer_id "
        "WHERE m.id = ?"));
    QSqlQuery customerDetail(m_database.connection());
    customerDetail.prepare(QStringLiteral(
        "SELECT c.profile_name || ' ' || c.display_name || ' ' || c.notes, v.id, v.last_message_at, "
        "CASE WHEN c.display_name <> '' THEN c.display_name ELSE c.profile_name END "
        "FROM customers c JOIN conversations v ON v.customer_id = c.id WHERE c.id = ? ORDER BY v.last_message_at DESC LIMIT 1"));
    for (const Candidate &candidate : std::as_const(candidates)) {
        QSqlQuery &detail = candidate.customer ? customerDetail : messageDetail;
        detail.addBindValue(candidate.rowid);
        if (!detail.exec()) {
            *error = StoreError::fromSql(detail.lastError(), QStringLiteral("search details"));
            return hits;
        }
        if (!detail.next())
            continue;
        SearchHit hit;
        hit.snippet = SearchText::snippet(detail.value(0).toString().simplified(), words);
        hit.conversationId = detail.value(1).toLongLong();
        hit.sentAt = storedTime(detail.value(2));
        hit.customerName = detail.value(3).toString();
        hit.messageId = candidate.customer ? 0 : candidate.rowid;
        hit.rank = candidate.rank;
        hits << hit;
        detail.finish();
    }
    return hits;
}

int ConversationStore::keptAsideCount(StoreError *error)
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM webhook_other WHERE reason LIKE 'could not be stored:%'")) || !query.next()) {
        *error = StoreError::fromSql(query.lastError(), QStringLiteral("kept aside"));
        return 0;
    }
    return query.value(0).toInt();
}

} // namespace Mostrador
