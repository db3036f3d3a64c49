#include "webhookingestor.h"

#include "campaigns/consentstore.h"

#include "campaigns/templatereviewstore.h"

#include "customers/customermergestore.h"
#include "db/database.h"
#include "import/importstore.h"
#include "messaging/optout.h"
#include "commerce/orderstore.h"
#include "messaging/waid.h"
#include "db/storenotifications.h"
#include "conversations/conversationtypes.h"

#include <QDateTime>

#include <algorithm>
#include <QJsonArray>
#include <QJsonDocument>
#include <QVariant>

namespace Mostrador {

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QVariant msOrNull(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant(QMetaType::fromType<qint64>());
}

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

QString compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString errorsJson(const QList<WireError> &errors)
{
    QJsonArray array;
    for (const WireError &error : errors)
        array.append(error.toJson());
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QString referralJson(const Referral &referral)
{
    return compactJson({{QStringLiteral("source_url"), referral.sourceUrl},
                        {QStringLiteral("source_id"), referral.sourceId},
                        {QStringLiteral("source_type"), referral.sourceType},
                        {QStringLiteral("headline"), referral.headline},
                        {QStringLiteral("body"), referral.body},
                        {QStringLiteral("ctwa_clid"), referral.ctwaClid}});
}

} // namespace

WebhookIngestor::WebhookIngestor(Database &database, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_statements(database)
    , m_search(m_statements, database.dialect())
{
}

StoreError WebhookIngestor::run(PreparedStatement &query, const char *what)
{
    if (!query.exec())
        return StoreError::fromSql(query.lastError(), QLatin1String(what));
    return {};
}

WebhookIngestor::Outcome WebhookIngestor::ingest(const WebhookBatch &batch)
{
    Outcome outcome = ingest(batch, Mode::Together);
    // Something in it could not be stored (what the store refused, not a full disk or a lost
    // server): store the rest, one by one, and keep what failed aside with its reason, so one bad
    // message never holds back the others (and Meta does not redeliver it for days).
    if (outcome.error.isError() && outcome.error.kind == StoreError::Kind::Query && !batch.isEmpty())
        outcome = ingest(batch, Mode::OneByOne);
    return outcome;
}

WebhookIngestor::Outcome WebhookIngestor::ingest(const WebhookBatch &batch, Mode mode)
{
    Outcome outcome;
    QSet<qint64> changed;
    if ((outcome.error = m_database.begin()).isError())
        return outcome;

    const auto abort = [&](StoreError error) {
        m_search.discard();
        m_statements.finishAll();
        m_database.rollback();
        forgetCachedIds();
        outcome = Outcome{};
        outcome.error = std::move(error);
        return outcome;
    };
    // Together: the first failure undoes the batch. One by one: each item in a savepoint; one
    // that fails is undone alone and kept raw with the store's reason.
    const auto store = [&](const auto &storeItem, const QString &field, const QJsonObject &raw) -> StoreError {
        if (mode == Mode::Together)
            return storeItem();
        if (StoreError error = m_database.exec(QStringLiteral("SAVEPOINT item")); error.isError())
            return error;
        const StoreError error = storeItem();
        m_statements.finishAll(); // SQLite releases a savepoint only once no statement is running
        if (!error.isError())
            return m_database.exec(QStringLiteral("RELEASE SAVEPOINT item"));
        if (StoreError undone = m_database.exec(QStringLiteral("ROLLBACK TO SAVEPOINT item")); undone.isError())
            return undone;
        if (StoreError released = m_database.exec(QStringLiteral("RELEASE SAVEPOINT item")); released.isError())
            return released;
        forgetCachedIds();
        ++outcome.keptAside;
        return storeOther(field, QStringLiteral("could not be stored: ") + error.detail, raw);
    };

    // One by one, search is indexed row by row (the trigger), which a savepoint undoes with its row.
    if (mode == Mode::Together) {
        if (StoreError error = m_search.open(); error.isError())
            return abort(error);
    }
    QSet<qint64> fromHistory;
    for (const WireMessage &message : batch.messages) {
        QSet<qint64> &touched = message.fromHistory ? fromHistory : changed;
        if (StoreError error = store([&] { return storeMessage(message, outcome, touched); }, QStringLiteral("messages"), message.raw);
            error.isError())
            return abort(error);
    }
    for (const HistoryChunk &chunk : batch.history) {
        if (StoreError error = storeHistoryProgress(chunk); error.isError())
            return abort(error);
    }
    if (StoreError error = storeContacts(batch.contactChanges); error.isError())
        return abort(error);
    if (StoreError error = settleHistory(fromHistory); error.isError())
        return abort(error);
    for (const TemplateChange &change : batch.templateChanges) {
        if (StoreError error = TemplateReviewStore(m_database).record(change, QDateTime::currentDateTimeUtc()); error.isError())
            return abort(error);
    }
    for (const StatusUpdate &status : batch.statuses) {
        if (StoreError error = store([&] { return applyStatus(status, outcome, changed); }, QStringLiteral("statuses"), status.raw);
            error.isError())
            return abort(error);
    }
    for (const WireError &error : batch.errors) {
        if (StoreError problem = storeOther(QStringLiteral("errors"), error.logText(), error.toJson()); problem.isError())
            return abort(problem);
    }
    for (const OtherChange &other : batch.others) {
        if (StoreError problem = storeOther(other.field, other.reason, other.value); problem.isError())
            return abort(problem);
        ++outcome.otherChanges;
    }

    if (StoreError error = m_search.close(); error.isError())
        return abort(error);
    m_statements.finishAll();
    if (!changed.isEmpty())
        StoreNotifications::announce(m_database, StoreNotifications::Change::Messages, changed); // delivered on commit
    if (StoreError error = m_database.commit(); error.isError()) {
        forgetCachedIds();
        outcome = Outcome{};
        outcome.error = error;
        return outcome;
    }
    if (!changed.isEmpty())
        Q_EMIT conversationsChanged(changed);
    if (!fromHistory.isEmpty() || !batch.history.isEmpty() || !batch.contactChanges.isEmpty())
        Q_EMIT historyStored(fromHistory);
    if (!batch.templateChanges.isEmpty())
        Q_EMIT templatesReviewed();
    return outcome;
}

// How far the app's history has come: chunks arrive in any order, so the furthest is kept;
// a refusal to share (2593109) is kept too.
StoreError WebhookIngestor::storeHistoryProgress(const HistoryChunk &chunk)
{
    const auto keepHighest = [this](const char *key, int value) -> StoreError {
        if (value < 0)
            return {};
        PreparedStatement &upsert = m_statements.prepared(QStringLiteral(
            "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = "
            "CASE WHEN CAST(settings.value AS INTEGER) < CAST(excluded.value AS INTEGER) THEN excluded.value ELSE settings.value END"));
        upsert.addBindValue(QLatin1String(key));
        upsert.addBindValue(QString::number(value));
        return run(upsert, "history progress");
    };
    if (StoreError error = keepHighest("coexistence/history_progress", chunk.progress); error.isError())
        return error;
    if (StoreError error = keepHighest("coexistence/history_phase", chunk.phase); error.isError())
        return error;
    const bool declined = std::any_of(chunk.errors.cbegin(), chunk.errors.cend(), [](const WireError &error) {
        return error.code == WireError::kHistorySharingDeclined;
    });
    if (declined) {
        if (StoreError error = keepHighest("coexistence/history_declined", 1); error.isError())
            return error;
    }
    for (const WireError &error : chunk.errors) {
        if (StoreError problem = storeOther(QStringLiteral("history"), error.logText(), error.toJson()); problem.isError())
            return problem;
    }
    return {};
}

// The app's address book: a contact added or edited names the customer of that number (made
// when new) for the shop, unless the shop already named them; a removed contact stays a customer.
StoreError WebhookIngestor::storeContacts(const QList<ContactChange> &changes)
{
    if (changes.isEmpty())
        return {};
    ImportStore customers(m_database);
    for (const ContactChange &change : changes) {
        if (change.removed)
            continue;
        StoreError error;
        if (!customers.customerWithNumber(change.waId, change.fullName.isEmpty() ? change.firstName : change.fullName, &error))
            return error;
    }
    forgetCachedIds();
    return {};
}

// A conversation that only history has made waits for nobody.
StoreError WebhookIngestor::settleHistory(const QSet<qint64> &conversationIds)
{
    for (const qint64 id : conversationIds) {
        PreparedStatement &settle = m_statements.prepared(QStringLiteral(
            "UPDATE conversations SET status = 'resolved' WHERE id = ? AND status = 'open' AND unread_count = 0 "
            "AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = conversations.id AND m.imported = 0)"));
        settle.addBindValue(id);
        if (StoreError error = run(settle, "settle history"); error.isError())
            return error;
    }
    return {};
}

// Ids learnt in a transaction that did not commit may not exist.
void WebhookIngestor::forgetCachedIds()
{
    m_customerCache.clear();
    m_conversationCache.clear();
}

std::optional<qint64> WebhookIngestor::customerFor(const CustomerIdentity &identity, const QDateTime &at,
                                                   StoreError *error)
{
    // Most messages come from customers seen moments ago: when nothing about them is new, the
    // cached id saves a lookup and an update.
    const QString key = identity.waId.isEmpty() ? QStringLiteral("u:") + identity.userId : QStringLiteral("w:") + identity.waId;
    const auto cached = m_customerCache.constFind(key);
    if (cached != m_customerCache.constEnd() && cached->identity.profileName == identity.profileName
        && cached->identity.userId == identity.userId && cached->identity.username == identity.username
        && cached->identity.parentUserId == identity.parentUserId)
        return cached->id;
    const auto remember = [&](qint64 id) {
        if (m_customerCache.size() > kMaxCachedCustomers)
            m_customerCache.clear();
        m_customerCache.insert(key, CachedCustomer{id, identity});
        return id;
    };

    // The customer under any form of their number (WaId::equivalents) or their business-scoped
    // id. Two customers found means one person known twice: they become one.
    const QStringList forms = identity.waId.isEmpty() ? QStringList() : WaId::equivalents(identity.waId);
    PreparedStatement &find = m_statements.prepared(QStringLiteral(
        "SELECT id FROM customers WHERE wa_id IN (?, ?) OR (user_id = ? AND user_id IS NOT NULL) ORDER BY id"));
    find.addBindValue(textOrNull(forms.value(0)));
    find.addBindValue(textOrNull(forms.value(forms.size() - 1)));
    find.addBindValue(textOrNull(identity.userId));
    if ((*error = run(find, "find customer")).isError())
        return std::nullopt;
    QList<qint64> found;
    while (find.next())
        found << find.value(0).toLongLong();

    if (!found.isEmpty()) {
        const qint64 id = found.first();
        for (qsizetype i = 1; i < found.size(); ++i) {
            if ((*error = CustomerMergeStore(m_database).merge(id, found.at(i))).isError())
                return std::nullopt;
            forgetCachedIds();
        }
        // Learn identifiers and the profile name as they appear; WhatsApp's word on the
        // number's form wins; nothing is erased.
        PreparedStatement &update = m_statements.prepared(QStringLiteral(
            "UPDATE customers SET wa_id = COALESCE(?, wa_id), user_id = COALESCE(?, user_id), "
            "parent_user_id = COALESCE(?, parent_user_id), username = COALESCE(?, username), "
            "profile_name = CASE WHEN ? = '' THEN profile_name ELSE ? END WHERE id = ?"));
        update.addBindValue(textOrNull(identity.waId));
        update.addBindValue(textOrNull(identity.userId));
        update.addBindValue(textOrNull(identity.parentUserId));
        update.addBindValue(textOrNull(identity.username));
        update.addBindValue(textOrEmpty(identity.profileName));
        update.addBindValue(textOrEmpty(identity.profileName));
        update.addBindValue(id);
        if ((*error = run(update, "update customer")).isError())
            return std::nullopt;
        return remember(id);
    }

    PreparedStatement &insert = m_statements.prepared(QStringLiteral(
        "INSERT INTO customers (wa_id, user_id, parent_user_id, username, profile_name, first_contact_at, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    insert.addBindValue(textOrNull(identity.waId));
    insert.addBindValue(textOrNull(identity.userId));
    insert.addBindValue(textOrNull(identity.parentUserId));
    insert.addBindValue(textOrNull(identity.username));
    insert.addBindValue(textOrEmpty(identity.profileName));
    insert.addBindValue(msOrNull(at));
    insert.addBindValue(nowMs());
    if ((*error = run(insert, "insert customer")).isError() || !insert.next())
        return std::nullopt;
    return remember(insert.value(0).toLongLong());
}

std::optional<qint64> WebhookIngestor::conversationFor(qint64 customerId, const QString &businessNumberId,
                                                       StoreError *error)
{
    const QString key = QString::number(customerId) + QLatin1Char(':') + businessNumberId;
    if (const auto cached = m_conversationCache.constFind(key); cached != m_conversationCache.constEnd())
        return *cached;

    // The no-op update makes RETURNING give the id of an existing row too.
    PreparedStatement &upsert = m_statements.prepared(QStringLiteral(
        "INSERT INTO conversations (customer_id, business_number_id, created_at) VALUES (?, ?, ?) "
        "ON CONFLICT (customer_id, business_number_id) DO UPDATE SET customer_id = excluded.customer_id "
        "RETURNING id"));
    upsert.addBindValue(customerId);
    upsert.addBindValue(textOrEmpty(businessNumberId));
    upsert.addBindValue(nowMs());
    if ((*error = run(upsert, "conversation")).isError() || !upsert.next())
        return std::nullopt;
    const qint64 id = upsert.value(0).toLongLong();
    if (m_conversationCache.size() > kMaxCachedCustomers)
        m_conversationCache.clear();
    m_conversationCache.insert(key, id);
    return id;
}

StoreError WebhookIngestor::storeMessage(const WireMessage &message, Outcome &outcome, QSet<qint64> &changed)
{
    if (message.wamid.isEmpty() || message.customer.isEmpty())
        return storeOther(QStringLiteral("messages"), QStringLiteral("message without id or sender"), message.raw);

    StoreError error;
    const QDateTime sentAt = message.timestamp.isValid() ? message.timestamp : QDateTime::currentDateTimeUtc();
    const auto customerId = customerFor(message.customer, sentAt, &error);
    if (!customerId)
        return error.isError() ? error : StoreError::make(StoreError::Kind::Query, QStringLiteral("customer"));
    const auto conversationId = conversationFor(*customerId, message.businessPhoneNumberId, &error);
    if (!conversationId)
        return error.isError() ? error : StoreError::make(StoreError::Kind::Query, QStringLiteral("conversation"));

    const bool inbound = message.direction == Direction::Inbound;
    // The app's history sends a media message first as a placeholder, and its file later (for
    // the last 14 days): the later one fills the placeholder in.
    if (message.fromHistory && !message.media.id.isEmpty()) {
        PreparedStatement &fill = m_statements.prepared(QStringLiteral(
            "UPDATE messages SET kind = ?, type_name = ?, caption = ?, media_id = ?, media_mime = ?, media_sha256 = ?, "
            "media_filename = ? WHERE wamid = ? AND type_name = 'media_placeholder' RETURNING id"));
        fill.addBindValue(messageKindName(message.kind));
        fill.addBindValue(textOrEmpty(message.typeName));
        fill.addBindValue(textOrEmpty(message.caption));
        fill.addBindValue(textOrNull(message.media.id));
        fill.addBindValue(textOrNull(message.media.mimeType));
        fill.addBindValue(textOrNull(message.media.sha256));
        fill.addBindValue(textOrNull(message.media.filename));
        fill.addBindValue(message.wamid);
        if ((error = run(fill, "fill a history placeholder")).isError())
            return error;
        if (fill.next()) {
            fill.finish();
            changed.insert(*conversationId);
            return {};
        }
        fill.finish();
    }
    PreparedStatement &insert = m_statements.prepared(QStringLiteral(
        "INSERT INTO messages (conversation_id, wamid, direction, kind, type_name, body, caption, "
        "media_id, media_mime, media_sha256, media_filename, latitude, longitude, reply_id, target_wamid, "
        "context_wamid, forwarded, referral_json, status, error_code, error_json, sent_at, stored_at, raw_json, handled_by, imported) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (wamid) DO NOTHING RETURNING id"));
    insert.addBindValue(*conversationId);
    insert.addBindValue(message.wamid);
    insert.addBindValue(inbound ? QStringLiteral("in") : QStringLiteral("out"));
    insert.addBindValue(messageKindName(message.kind));
    insert.addBindValue(textOrEmpty(message.typeName));
    insert.addBindValue(textOrEmpty(message.text));
    insert.addBindValue(textOrEmpty(message.caption));
    insert.addBindValue(textOrNull(message.media.id));
    insert.addBindValue(textOrNull(message.media.mimeType));
    insert.addBindValue(textOrNull(message.media.sha256));
    insert.addBindValue(textOrNull(message.media.filename));
    insert.addBindValue(message.hasLocation ? QVariant(message.latitude) : QVariant(QMetaType::fromType<double>()));
    insert.addBindValue(message.hasLocation ? QVariant(message.longitude) : QVariant(QMetaType::fromType<double>()));
    insert.addBindValue(textOrNull(message.replyId));
    insert.addBindValue(textOrNull(message.targetMessageId));
    insert.addBindValue(textOrNull(message.contextMessageId));
    insert.addBindValue(message.forwarded ? (message.frequentlyForwarded ? 2 : 1) : 0);
    insert.addBindValue(message.referral.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(referralJson(message.referral)));
    insert.addBindValue(int(message.fromHistory ? message.historyStatus : inbound ? DeliveryStatus::None : DeliveryStatus::Sent));
    insert.addBindValue(message.errors.isEmpty() ? QVariant(QMetaType::fromType<int>()) : QVariant(message.errors.first().code));
    insert.addBindValue(message.errors.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(errorsJson(message.errors)));
    insert.addBindValue(sentAt.toMSecsSinceEpoch());
    insert.addBindValue(nowMs());
    insert.addBindValue(compactJson(message.raw));
    insert.addBindValue(message.handledByMetaAgent ? QVariant(QStringLiteral("meta_agent")) : QVariant(QMetaType::fromType<QString>()));
    insert.addBindValue(message.fromHistory ? 1 : 0);
    if ((error = run(insert, "insert message")).isError())
        return error;
    if (!insert.next()) {
        ++outcome.duplicateMessages;
        return {};
    }
    const qint64 messageId = insert.value(0).toLongLong();
    m_search.add(messageId);
    ++outcome.newMessages;
    changed.insert(*conversationId);

    // History neither makes a conversation unread nor opens a window: it happened on the phone.
    const bool customerWrote = inbound && !message.fromHistory && countsAsCustomerWriting(message.kind);
    PreparedStatement &conversation = m_statements.prepared(QStringLiteral(
        "UPDATE conversations SET "
        "last_message_id = CASE WHEN last_message_at IS NULL OR last_message_at <= ? THEN ? ELSE last_message_id END, "
        "last_message_at = CASE WHEN last_message_at IS NULL OR last_message_at < ? THEN ? ELSE last_message_at END, "
        "last_inbound_at = CASE WHEN ? = 1 AND (last_inbound_at IS NULL OR last_inbound_at < ?) THEN ? ELSE last_inbound_at END, "
        "last_referral_at = CASE WHEN ? = 1 THEN ? ELSE last_referral_at END, "
        "window_closed_at = CASE WHEN ? = 1 THEN NULL ELSE window_closed_at END, "
        "unread_count = unread_count + ?, "
        "status = CASE WHEN ? = 1 AND status = 'resolved' THEN 'open' ELSE status END, "
        // Meta's agent holds it from its first standby message; a message on the usual field
        // means the shop holds it again.
        "standby_since = CASE WHEN ? = 1 THEN COALESCE(standby_since, ?) WHEN ? = 1 THEN NULL ELSE standby_since END "
        "WHERE id = ?"));
    const qint64 at = sentAt.toMSecsSinceEpoch();
    const int wrote = customerWrote ? 1 : 0;
    const int referred = customerWrote && !message.referral.isEmpty() ? 1 : 0;
    conversation.addBindValue(at);
    conversation.addBindValue(messageId);
    conversation.addBindValue(at);
    conversation.addBindValue(at);
    conversation.addBindValue(wrote);
    conversation.addBindValue(at);
    conversation.addBindValue(at);
    conversation.addBindValue(referred);
    conversation.addBindValue(at);
    conversation.addBindValue(wrote);
    conversation.addBindValue(wrote);
    conversation.addBindValue(wrote);
    conversation.addBindValue(message.handledByMetaAgent ? 1 : 0);
    conversation.addBindValue(at);
    conversation.addBindValue(inbound && !message.fromHistory ? 1 : 0);
    conversation.addBindValue(*conversationId);
    if ((error = run(conversation, "update conversation")).isError())
        return error;

    // "BAJA", "STOP", the marketing template's stop button: no campaign writes to them again
    // (they can still write, and be answered).
    const QString said = QStringLiteral("message: ") + message.text.left(60);
    if (customerWrote && OptOut::isRequest(message.text))
        error = ConsentStore(m_database).customerSaysNo(*customerId, said, sentAt);
    else if (customerWrote && OptOut::isOptIn(message.text))
        error = ConsentStore(m_database).customerSaysYes(*customerId, said, sentAt);
    if (error.isError())
        return error;

    // A cart from the catalog becomes an order, in the same transaction as its message.
    if (message.kind == MessageKind::Order && inbound && !message.fromHistory && !message.orderLines.isEmpty()) {
        (void)OrderStore(m_database).addCart(messageId, *conversationId, *customerId, message.catalogId, message.orderLines,
                                             message.text, sentAt, &error);
        if (error.isError())
            return error;
    }

    if (message.identityChange.changesIdentity()) {
        // The same person under a new number or id: everything stays with them.
        if ((error = CustomerMergeStore(m_database).adopt(*customerId, message.identityChange.newWaId,
                                                     message.identityChange.newUserId)).isError())
            return error;
        forgetCachedIds();
    }

    if (referred) {
        PreparedStatement &arrival = m_statements.prepared(QStringLiteral("UPDATE customers SET arrival_headline = COALESCE(arrival_headline, ?), "
                                       "arrival_source = COALESCE(arrival_source, ?) WHERE id = ?"));
        arrival.addBindValue(message.referral.headline);
        arrival.addBindValue(message.referral.sourceType);
        arrival.addBindValue(*customerId);
        if ((error = run(arrival, "customer arrival")).isError())
            return error;
    }
    return applyToTarget(message);
}

// Edits and revokes change the message they point at; the edit or revoke itself stays too.
StoreError WebhookIngestor::applyToTarget(const WireMessage &message)
{
    if (message.targetMessageId.isEmpty())
        return {};
    if (message.kind == MessageKind::Edit) {
        // The edited message may have come in this same batch: index it before its text changes.
        if (StoreError error = m_search.close(); error.isError())
            return error;
        PreparedStatement &edit = m_statements.prepared(QStringLiteral("UPDATE messages SET body = ?, caption = ?, edited = 1 WHERE wamid = ?"));
        edit.addBindValue(textOrEmpty(message.text));
        edit.addBindValue(textOrEmpty(message.caption));
        edit.addBindValue(message.targetMessageId);
        return run(edit, "apply edit");
    }
    if (message.kind == MessageKind::Revoke) {
        PreparedStatement &revoke = m_statements.prepared(QStringLiteral("UPDATE messages SET revoked = 1 WHERE wamid = ?"));
        revoke.addBindValue(message.targetMessageId);
        return run(revoke, "apply revoke");
    }
    return {};
}

StoreError WebhookIngestor::applyStatus(const StatusUpdate &status, Outcome &outcome, QSet<qint64> &changed)
{
    if (status.wamid.isEmpty() || status.status == DeliveryStatus::None)
        return storeOther(QStringLiteral("statuses"), QStringLiteral("status without id or known state"), status.raw);

    const int code = status.errors.isEmpty() ? 0 : status.errors.first().code;
    PreparedStatement &history = m_statements.prepared(QStringLiteral("INSERT INTO status_events (wamid, status, occurred_at, stored_at, error_code, raw_json) "
                                   "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (wamid, status) DO NOTHING"));
    history.addBindValue(status.wamid);
    history.addBindValue(int(status.status));
    history.addBindValue(msOrNull(status.timestamp));
    history.addBindValue(nowMs());
    history.addBindValue(code ? QVariant(code) : QVariant(QMetaType::fromType<int>()));
    history.addBindValue(compactJson(status.raw));
    if (StoreError error = run(history, "status history"); error.isError())
        return error;

    // A send whose answer was lost in a crash has no wamid yet: the callback data names it.
    if (!status.bizOpaqueCallbackData.isEmpty()) {
        PreparedStatement &adopt = m_statements.prepared(QStringLiteral("UPDATE messages SET wamid = ?, outbox_state = CASE WHEN outbox_state IN ('sending', 'unconfirmed') "
                                     "THEN 'accepted' ELSE outbox_state END WHERE client_id = ? AND wamid IS NULL"));
        adopt.addBindValue(status.wamid);
        adopt.addBindValue(status.bizOpaqueCallbackData);
        if (StoreError error = run(adopt, "match status to send"); error.isError())
            return error;
    }

    QJsonObject pricing;
    if (!status.pricingCategory.isEmpty() || !status.pricingType.isEmpty()) {
        pricing = {{QStringLiteral("category"), status.pricingCategory},
                   {QStringLiteral("type"), status.pricingType},
                   {QStringLiteral("pricing_model"), status.pricingModel}};
        if (status.pricingBillable)
            pricing.insert(QStringLiteral("billable"), *status.pricingBillable);
    }
    PreparedStatement &update = m_statements.prepared(QStringLiteral(
        "UPDATE messages SET status = ?, status_at = ?, "
        "error_code = COALESCE(?, error_code), error_json = COALESCE(?, error_json), "
        "pricing_json = COALESCE(?, pricing_json), pricing_category = COALESCE(?, pricing_category), "
        "pricing_billable = COALESCE(?, pricing_billable) "
        "WHERE wamid = ? AND status < ? RETURNING conversation_id"));
    update.addBindValue(int(status.status));
    update.addBindValue(msOrNull(status.timestamp));
    update.addBindValue(code ? QVariant(code) : QVariant(QMetaType::fromType<int>()));
    update.addBindValue(status.errors.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(errorsJson(status.errors)));
    update.addBindValue(pricing.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(compactJson(pricing)));
    update.addBindValue(status.pricingCategory.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(status.pricingCategory.toLower()));
    const bool billable = status.pricingBillable.value_or(status.pricingType == QLatin1String("regular"));
    update.addBindValue(pricing.isEmpty() ? QVariant(QMetaType::fromType<int>()) : QVariant(billable ? 1 : 0));
    update.addBindValue(status.wamid);
    update.addBindValue(int(status.status));
    if (StoreError error = run(update, "apply status"); error.isError())
        return error;
    if (!update.next())
        return {};
    const qint64 conversationId = update.value(0).toLongLong();
    ++outcome.statusesApplied;
    changed.insert(conversationId);

    // The API knows the window better than our clock: this refusal means it is closed now.
    if (WireError::meansWindowClosed(code)) {
        PreparedStatement &close = m_statements.prepared(QStringLiteral("UPDATE conversations SET window_closed_at = ? WHERE id = ?"));
        close.addBindValue(msOrNull(status.timestamp.isValid() ? status.timestamp : QDateTime::currentDateTimeUtc()));
        close.addBindValue(conversationId);
        return run(close, "close window");
    }
    return {};
}

StoreError WebhookIngestor::storeOther(const QString &field, const QString &reason, const QJsonObject &payload)
{
    PreparedStatement &insert = m_statements.prepared(QStringLiteral("INSERT INTO webhook_other (field, reason, stored_at, payload_json) VALUES (?, ?, ?, ?)"));
    insert.addBindValue(textOrEmpty(field));
    insert.addBindValue(textOrEmpty(reason));
    insert.addBindValue(nowMs());
    insert.addBindValue(compactJson(payload));
    return run(insert, "store other change");
}

} // namespace Mostrador
