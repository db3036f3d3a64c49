#include "schema.h"

#include "db/backup.h"
#include "db/database.h"

#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace Mostrador::Schema {

namespace {

Q_LOGGING_CATEGORY(lcSchema, "mostrador.schema")

// The PostgreSQL advisory lock migrators take ("MOSTRADR" in ASCII): one at a time per server.
constexpr qint64 kMigrationLock = 0x4d4f535452414452;

struct Migration {
    int version;
    const char *description;
    QStringList (*statements)(const SqlDialect &dialect);
};

// 1: customers, conversations, messages, status history and whatever webhooks brought that is
// not a message. Times are milliseconds since the epoch, UTC.
QStringList initialSchema(const SqlDialect &)
{
    return {
        QStringLiteral(R"(CREATE TABLE customers (
            id {id},
            wa_id TEXT UNIQUE,
            user_id TEXT UNIQUE,
            parent_user_id TEXT,
            username TEXT,
            profile_name TEXT NOT NULL DEFAULT '',
            display_name TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            first_contact_at {bigint},
            arrival_headline TEXT,
            arrival_source TEXT,
            created_at {bigint} NOT NULL))"),
        QStringLiteral(R"(CREATE TABLE conversations (
            id {id},
            customer_id {bigint} NOT NULL REFERENCES customers(id),
            business_number_id TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'open',
            unread_count INTEGER NOT NULL DEFAULT 0,
            last_message_at {bigint},
            last_message_id {bigint},
            last_inbound_at {bigint},
            last_referral_at {bigint},
            window_closed_at {bigint},
            created_at {bigint} NOT NULL,
            UNIQUE (customer_id, business_number_id)))"),
        QStringLiteral("CREATE INDEX conversations_by_activity ON conversations (last_message_at DESC, id DESC)"),
        QStringLiteral(R"(CREATE TABLE messages (
            id {id},
            conversation_id {bigint} NOT NULL REFERENCES conversations(id),
            wamid TEXT UNIQUE,
            client_id TEXT UNIQUE,
            direction TEXT NOT NULL,
            kind TEXT NOT NULL,
            type_name TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT '',
            caption TEXT NOT NULL DEFAULT '',
            media_id TEXT,
            media_mime TEXT,
            media_sha256 TEXT,
            media_filename TEXT,
            media_path TEXT,
            latitude {real},
            longitude {real},
            reply_id TEXT,
            target_wamid TEXT,
            context_wamid TEXT,
            forwarded INTEGER NOT NULL DEFAULT 0,
            referral_json TEXT,
            edited INTEGER NOT NULL DEFAULT 0,
            revoked INTEGER NOT NULL DEFAULT 0,
            automatic INTEGER NOT NULL DEFAULT 0,
            status INTEGER NOT NULL DEFAULT 0,
            status_at {bigint},
            error_code INTEGER,
            error_json TEXT,
            pricing_json TEXT,
            sent_at {bigint} NOT NULL,
            stored_at {bigint} NOT NULL,
            raw_json TEXT))"),
        QStringLiteral("CREATE INDEX messages_by_conversation ON messages (conversation_id, sent_at DESC, id DESC)"),
        QStringLiteral("CREATE INDEX messages_by_target ON messages (target_wamid)"),
        QStringLiteral(R"(CREATE TABLE status_events (
            id {id},
            wamid TEXT NOT NULL,
            status INTEGER NOT NULL,
            occurred_at {bigint},
            stored_at {bigint} NOT NULL,
            error_code INTEGER,
            raw_json TEXT,
            UNIQUE (wamid, status)))"),
        QStringLiteral(R"(CREATE TABLE webhook_other (
            id {id},
            field TEXT NOT NULL,
            reason TEXT NOT NULL,
            stored_at {bigint} NOT NULL,
            payload_json TEXT NOT NULL))"),
    };
}

// 2: the outbox. An outgoing message is a messages row from the moment the user presses send;
// these columns say where it is on its way out.
QStringList outboxColumns(const SqlDialect &)
{
    return {
        QStringLiteral("ALTER TABLE messages ADD COLUMN outbox_state TEXT"),
        QStringLiteral("ALTER TABLE messages ADD COLUMN payload_json TEXT"),
        QStringLiteral("ALTER TABLE messages ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE messages ADD COLUMN next_attempt_at {bigint}"),
        QStringLiteral("CREATE INDEX messages_in_outbox ON messages (outbox_state, conversation_id, id)"),
    };
}

// 3: full-text search, accent- and case-insensitive ("cancion" finds "canción"). SQLite keeps an
// FTS5 index beside messages and customers, maintained by triggers.
// The PostgreSQL counterpart is migration 7.
QStringList searchIndex(const SqlDialect &dialect)
{
    if (!dialect.isSqlite())
        return {};
    return {
        QStringLiteral("CREATE VIRTUAL TABLE message_search USING fts5(body, caption, content='messages', "
                       "content_rowid='id', tokenize=\"unicode61 remove_diacritics 2\")"),
        QStringLiteral("INSERT INTO message_search (message_search) VALUES ('rebuild')"),
        QStringLiteral("CREATE TRIGGER messages_search_insert AFTER INSERT ON messages BEGIN "
                       "INSERT INTO message_search (rowid, body, caption) VALUES (new.id, new.body, new.caption); END"),
        QStringLiteral("CREATE TRIGGER messages_search_delete AFTER DELETE ON messages BEGIN "
                       "INSERT INTO message_search (message_search, rowid, body, caption) VALUES ('delete', old.id, old.body, old.caption); END"),
        QStringLiteral("CREATE TRIGGER messages_search_update AFTER UPDATE OF body, caption ON messages BEGIN "
                       "INSERT INTO message_search (message_search, rowid, body, caption) VALUES ('delete', old.id, old.body, old.caption); "
                       "INSERT INTO message_search (rowid, body, caption) VALUES (new.id, new.body, new.caption); END"),
        QStringLiteral("CREATE VIRTUAL TABLE customer_search USING fts5(profile_name, display_name, notes, content='customers', "
                       "content_rowid='id', tokenize=\"unicode61 remove_diacritics 2\")"),
        QStringLiteral("INSERT INTO customer_search (customer_search) VALUES ('rebuild')"),
        QStringLiteral("CREATE TRIGGER customers_search_insert AFTER INSERT ON customers BEGIN "
                       "INSERT INTO customer_search (rowid, profile_name, display_name, notes) "
                       "VALUES (new.id, new.profile_name, new.display_name, new.notes); END"),
        QStringLiteral("CREATE TRIGGER customers_search_delete AFTER DELETE ON customers BEGIN "
                       "INSERT INTO customer_search (customer_search, rowid, profile_name, display_name, notes) "
                       "VALUES ('delete', old.id, old.profile_name, old.display_name, old.notes); END"),
        QStringLiteral("CREATE TRIGGER customers_search_update AFTER UPDATE OF profile_name, display_name, notes ON customers BEGIN "
                       "INSERT INTO customer_search (customer_search, rowid, profile_name, display_name, notes) "
                       "VALUES ('delete', old.id, old.profile_name, old.display_name, old.notes); "
                       "INSERT INTO customer_search (rowid, profile_name, display_name, notes) "
                       "VALUES (new.id, new.profile_name, new.display_name, new.notes); END"),
    };
}

// 4: what the inbox and the automations keep: labels (seeded in the UI's language later),
// drafts per conversation, quick replies, and simple settings.
QStringList shopTables(const SqlDialect &)
{
    return {
        QStringLiteral(R"(CREATE TABLE labels (
            id {id},
            name TEXT NOT NULL UNIQUE,
            color TEXT NOT NULL,
            position INTEGER NOT NULL DEFAULT 0))"),
        QStringLiteral(R"(CREATE TABLE conversation_labels (
            conversation_id {bigint} NOT NULL REFERENCES conversations(id),
            label_id {bigint} NOT NULL REFERENCES labels(id) ON DELETE CASCADE,
            PRIMARY KEY (conversation_id, label_id)))"),
        QStringLiteral(R"(CREATE TABLE drafts (
            conversation_id {bigint} PRIMARY KEY REFERENCES conversations(id),
            body TEXT NOT NULL,
            reply_to_wamid TEXT,
            updated_at {bigint} NOT NULL))"),
        QStringLiteral(R"(CREATE TABLE quick_replies (
            id {id},
            shortcut TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            attachments_json TEXT NOT NULL DEFAULT '[]',
            position INTEGER NOT NULL DEFAULT 0,
            use_count INTEGER NOT NULL DEFAULT 0))"),
        QStringLiteral(R"(CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL))"),
    };
}

// 5: the outbox finds due messages without reading those waiting (for a retry, or for opening).
QStringList outboxDueIndex(const SqlDialect &)
{
    return {QStringLiteral("CREATE INDEX messages_due ON messages (outbox_state, next_attempt_at)")};
}

// 6: team mode: the people who answer, who has each conversation, private notes the team
// shares, and the soft lock that says someone is replying.
QStringList teamTables(const SqlDialect &)
{
    return {
        QStringLiteral(R"(CREATE TABLE agents (
            id {id},
            name TEXT NOT NULL UNIQUE,
            color TEXT NOT NULL,
            role TEXT NOT NULL DEFAULT 'agent',
            created_at {bigint} NOT NULL))"),
        QStringLiteral("ALTER TABLE conversations ADD COLUMN assigned_agent_id {bigint} REFERENCES agents(id)"),
        QStringLiteral(R"(CREATE TABLE conversation_notes (
            id {id},
            conversation_id {bigint} NOT NULL REFERENCES conversations(id),
            agent_id {bigint} REFERENCES agents(id),
            body TEXT NOT NULL,
            created_at {bigint} NOT NULL))"),
        QStringLiteral("CREATE INDEX notes_by_conversation ON conversation_notes (conversation_id, created_at)"),
        QStringLiteral(R"(CREATE TABLE reply_locks (
            conversation_id {bigint} PRIMARY KEY REFERENCES conversations(id),
            agent_id {bigint} NOT NULL REFERENCES agents(id),
            until_at {bigint} NOT NULL))"),
    };
}

// 7: search on PostgreSQL, accent- and case-insensitive like SQLite's FTS5: a folding function
// (plain SQL, no extension needed, so any server will do) and GIN indexes over the folded text.
QStringList postgresSearch(const SqlDialect &dialect)
{
    if (dialect.isSqlite())
        return {};
    return {
        QStringLiteral("CREATE FUNCTION mostrador_fold(text) RETURNS text AS $$ SELECT lower(translate($1, "
                       "'ÁÀÂÄÃÅáàâäãåÉÈÊËéèêëÍÌÎÏíìîïÓÒÔÖÕóòôöõÚÙÛÜúùûüÑñÇçÝýÿ', "
                       "'AAAAAAaaaaaaEEEEeeeeIIIIiiiiOOOOOoooooUUUUuuuuNnCcYyy')) $$ LANGUAGE sql IMMUTABLE"),
        QStringLiteral("CREATE INDEX messages_search ON messages USING gin "
                       "(to_tsvector('simple', mostrador_fold(coalesce(body, '') || ' ' || coalesce(caption, ''))))"),
        QStringLiteral("CREATE INDEX customers_search ON customers USING gin "
                       "(to_tsvector('simple', mostrador_fold(coalesce(profile_name, '') || ' ' || coalesce(display_name, '') || ' ' || coalesce(notes, ''))))"),
    };
}

// 8: finding customers' files still to fetch reads only those (a partial index), not the whole
// history, since the server looks after every stored batch.
QStringList mediaPendingIndex(const SqlDialect &)
{
    return {QStringLiteral("CREATE INDEX messages_media_pending ON messages (id) "
                           "WHERE media_id IS NOT NULL AND media_path IS NULL AND direction = 'in'")};
}

// 9: read receipts a team desktop asks for (it has no token); the server sends them.
QStringList readReceiptQueue(const SqlDialect &)
{
    return {QStringLiteral(R"(CREATE TABLE read_receipts (
            wamid TEXT PRIMARY KEY,
            conversation_id {bigint} REFERENCES conversations(id),
            requested_at {bigint} NOT NULL))")};
}

// 10: the ingestor indexes a whole webhook batch for search in one statement (SearchBatch).
// While a batch is open (a row in search_batch_open, only ever inside the ingest transaction)
// the insert trigger stands aside; every other writer is indexed row by row as before.
QStringList batchedSearchIndex(const SqlDialect &dialect)
{
    if (!dialect.isSqlite())
        return {};
    return {
        QStringLiteral("CREATE TABLE search_batch_open (opened INTEGER NOT NULL)"),
        QStringLiteral("DROP TRIGGER messages_search_insert"),
        QStringLiteral("CREATE TRIGGER messages_search_insert AFTER INSERT ON messages "
                       "WHEN NOT EXISTS (SELECT 1 FROM search_batch_open) BEGIN "
                       "INSERT INTO message_search (rowid, body, caption) VALUES (new.id, new.body, new.caption); END"),
    };
}

// 11: indexes over columns only some messages fill (what an edit or reaction points at, where an
// outgoing message is on its way) leave out the messages that do not: every message a customer
// sends used to add three index entries of NULLs, a quarter of what storing it cost.
QStringList partialMessageIndexes(const SqlDialect &)
{
    return {
        QStringLiteral("DROP INDEX messages_by_target"),
        QStringLiteral("DROP INDEX messages_in_outbox"),
        QStringLiteral("DROP INDEX messages_due"),
        QStringLiteral("CREATE INDEX messages_by_target ON messages (target_wamid) WHERE target_wamid IS NOT NULL"),
        QStringLiteral("CREATE INDEX messages_in_outbox ON messages (outbox_state, conversation_id, id) WHERE outbox_state IS NOT NULL"),
        QStringLiteral("CREATE INDEX messages_due ON messages (outbox_state, next_attempt_at) WHERE outbox_state IS NOT NULL"),
    };
}

// 12: customers as WhatsApp names them now: blocked by the shop (Meta's block list), and found
// in search by their username too (on PostgreSQL its dots and underscores split words, as FTS5 does).
QStringList customerIdentities(const SqlDialect &dialect)
{
    QStringList steps{QStringLiteral("ALTER TABLE customers ADD COLUMN blocked_at {bigint}")};
    if (!dialect.isSqlite()) {
        steps << QStringLiteral("DROP INDEX customers_search")
              << QStringLiteral("CREATE INDEX customers_search ON customers USING gin (to_tsvector('simple', mostrador_fold("
                                "coalesce(profile_name, '') || ' ' || coalesce(display_name, '') || ' ' || coalesce(notes, '') || ' ' || "
                                "coalesce(translate(username, '._-', '   '), ''))))");
        return steps;
    }
    const QString columns = QStringLiteral("profile_name, display_name, notes, username");
    const QString fresh = QStringLiteral("new.profile_name, new.display_name, new.notes, new.username");
    const QString old = QStringLiteral("old.profile_name, old.display_name, old.notes, old.username");
    return steps << QStringLiteral("DROP TRIGGER customers_search_insert") << QStringLiteral("DROP TRIGGER customers_search_delete")
                 << QStringLiteral("DROP TRIGGER customers_search_update") << QStringLiteral("DROP TABLE customer_search")
                 << QStringLiteral("CREATE VIRTUAL TABLE customer_search USING fts5(%1, content='customers', content_rowid='id', "
                                   "tokenize=\"unicode61 remove_diacritics 2\")").arg(columns)
                 << QStringLiteral("INSERT INTO customer_search (customer_search) VALUES ('rebuild')")
                 << QStringLiteral("CREATE TRIGGER customers_search_insert AFTER INSERT ON customers BEGIN "
                                   "INSERT INTO customer_search (rowid, %1) VALUES (new.id, %2); END").arg(columns, fresh)
                 << QStringLiteral("CREATE TRIGGER customers_search_delete AFTER DELETE ON customers BEGIN "
                                   "INSERT INTO customer_search (customer_search, rowid, %1) VALUES ('delete', old.id, %2); END")
                        .arg(columns, old)
                 << QStringLiteral("CREATE TRIGGER customers_search_update AFTER UPDATE OF %1 ON customers BEGIN "
                                   "INSERT INTO customer_search (customer_search, rowid, %1) VALUES ('delete', old.id, %2); "
                                   "INSERT INTO customer_search (rowid, %1) VALUES (new.id, %3); END")
                        .arg(columns, old, fresh);
}

// 13: team mode enforced by the database: an agent who signs in with their own PostgreSQL role
// (TeamAccessStore) is found by it, and a removed agent keeps their name on what they wrote.
QStringList agentRoles(const SqlDialect &)
{
    return {
        QStringLiteral("ALTER TABLE agents ADD COLUMN db_role TEXT"),
        QStringLiteral("CREATE UNIQUE INDEX agents_by_role ON agents (db_role)"),
        QStringLiteral("ALTER TABLE agents ADD COLUMN removed_at {bigint}"),
    };
}

// 14: Meta's AI agent: which messages it handled, and since when it holds a conversation (until
// the shop writes, which takes the conversation back).
QStringList metaAgent(const SqlDialect &)
{
    return {
        QStringLiteral("ALTER TABLE messages ADD COLUMN handled_by TEXT"),
        QStringLiteral("ALTER TABLE conversations ADD COLUMN standby_since {bigint}"),
    };
}

// 15: what reports need: who of the team wrote a message, when conversations were resolved,
// what Meta charges for a message in columns of its own, and one index holding everything a
// period's report reads of its messages (so it never touches the rows' texts and raw payloads).
QStringList reportFacts(const SqlDialect &dialect)
{
    const QString category = dialect.isSqlite() ? QStringLiteral("json_extract(pricing_json, '$.category')")
                                                : QStringLiteral("(pricing_json::json ->> 'category')");
    const QString billable = dialect.isSqlite()
        ? QStringLiteral("COALESCE(json_extract(pricing_json, '$.billable'), json_extract(pricing_json, '$.type') = 'regular')")
        : QStringLiteral("CASE WHEN COALESCE((pricing_json::json ->> 'billable')::boolean, (pricing_json::json ->> 'type') = 'regular') "
                         "THEN 1 ELSE 0 END");
    return {
        // A conversation's messages by time, as before, now also holding what tells who wrote and
        // whether it counts (so "was the customer waiting then?" reads no row).
        QStringLiteral("DROP INDEX messages_by_conversation"),
        QStringLiteral("CREATE INDEX messages_by_conversation ON messages (conversation_id, sent_at DESC, id DESC, direction, kind, "
                       "automatic, status, handled_by)"),
        QStringLiteral("ALTER TABLE messages ADD COLUMN agent_id {bigint} REFERENCES agents(id)"),
        QStringLiteral("ALTER TABLE messages ADD COLUMN pricing_category TEXT"),
        QStringLiteral("ALTER TABLE messages ADD COLUMN pricing_billable INTEGER"),
        QStringLiteral("UPDATE messages SET pricing_category = %1, pricing_billable = %2 WHERE pricing_json IS NOT NULL").arg(category, billable),
        QStringLiteral("CREATE INDEX messages_for_reports ON messages (sent_at, conversation_id, direction, kind, automatic, status, "
                       "handled_by, agent_id, pricing_category, pricing_billable)"),
        QStringLiteral("CREATE INDEX messages_from_ads ON messages (sent_at) WHERE referral_json IS NOT NULL"),
        QStringLiteral(R"(CREATE TABLE conversation_resolutions (
            id {id},
            conversation_id {bigint} NOT NULL REFERENCES conversations(id),
            resolved_at {bigint} NOT NULL))"),
        QStringLiteral("CREATE INDEX resolutions_by_time ON conversation_resolutions (resolved_at)"),
        QStringLiteral("CREATE INDEX resolutions_by_conversation ON conversation_resolutions (conversation_id, resolved_at)"),
    };
}

// 16: the shop's past brought in from the phone's "Export chat" files: which messages came that
// way (they never had ticks, never open a 24-hour window), who wrote each in a group, and a key
// per imported message so the same file, or a later export of the same chat, adds nothing twice.
QStringList importedHistory(const SqlDialect &)
{
    return {
        QStringLiteral("ALTER TABLE messages ADD COLUMN imported INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE messages ADD COLUMN author TEXT"),
        QStringLiteral("ALTER TABLE messages ADD COLUMN import_key TEXT"),
        QStringLiteral("CREATE UNIQUE INDEX messages_by_import_key ON messages (import_key) WHERE import_key IS NOT NULL"),
        // Reports tell imported history apart without reading rows (see migration 15).
        QStringLiteral("DROP INDEX messages_by_conversation"),
        QStringLiteral("CREATE INDEX messages_by_conversation ON messages (conversation_id, sent_at DESC, id DESC, direction, kind, "
                       "automatic, status, handled_by, imported)"),
        QStringLiteral("DROP INDEX messages_for_reports"),
        QStringLiteral("CREATE INDEX messages_for_reports ON messages (sent_at, conversation_id, direction, kind, automatic, status, "
                       "handled_by, agent_id, pricing_category, pricing_billable, imported)"),
    };
}

// 17: writing first. What Meta's review says of each template (its webhooks), who asked not to
// get promotions (or said yes to them), and campaigns: one row per customer a campaign is for,
// holding the message sent to them, so a campaign run again after a crash never writes twice.
QStringList campaigns(const SqlDialect &)
{
    return {
        QStringLiteral("ALTER TABLE customers ADD COLUMN opted_out_at {bigint}"),
        QStringLiteral("ALTER TABLE customers ADD COLUMN opt_out_reason TEXT"),
        QStringLiteral("ALTER TABLE customers ADD COLUMN opted_in_at {bigint}"),
        QStringLiteral("ALTER TABLE customers ADD COLUMN opt_in_source TEXT"),
        QStringLiteral(R"(CREATE TABLE template_reviews (
            template_id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            language TEXT NOT NULL,
            status TEXT,
            reason TEXT,
            quality TEXT,
            category TEXT,
            previous_category TEXT,
            updated_at {bigint} NOT NULL))"),
        QStringLiteral(R"(CREATE TABLE campaigns (
            id {id},
            name TEXT NOT NULL UNIQUE,
            template_name TEXT NOT NULL,
            template_language TEXT NOT NULL,
            template_category TEXT NOT NULL DEFAULT '',
            template_body TEXT NOT NULL DEFAULT '',
            parameters_json TEXT NOT NULL DEFAULT '[]',
            audience_text TEXT NOT NULL DEFAULT '',
            per_second INTEGER NOT NULL DEFAULT 0,
            send_at {bigint},
            state TEXT NOT NULL DEFAULT 'ready',
            runner TEXT,
            runner_until {bigint},
            created_at {bigint} NOT NULL,
            finished_at {bigint}))"),
        QStringLiteral(R"(CREATE TABLE campaign_recipients (
            campaign_id {bigint} NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
            customer_id {bigint} NOT NULL REFERENCES customers(id),
            parameters_json TEXT NOT NULL DEFAULT '[]',
            message_id {bigint} REFERENCES messages(id),
            skipped TEXT,
            PRIMARY KEY (campaign_id, customer_id)))"),
        QStringLiteral("CREATE INDEX campaign_recipients_by_message ON campaign_recipients (message_id)"),
    };
}

// 18: when a send's request had been written out in full. A message still "sending" after a
// crash that never left the computer is sent again at once; one that left waits for Meta's word.
QStringList sendsLeft(const SqlDialect &)
{
    return {QStringLiteral("ALTER TABLE messages ADD COLUMN left_at {bigint}")};
}

// 19: selling in the chat. The products the shop sells (Meta's catalog on the number, or its own
// list), each order with its lines as they were when it was made (a later price or name does
// not rewrite it), and which labels are an order's stage: the labels a shop used for its orders
// become the stages, so there is one system, not two.
QStringList catalogAndOrders(const SqlDialect &)
{
    return {
        QStringLiteral(R"(CREATE TABLE products (
            id {id},
            source TEXT NOT NULL,
            catalog_id TEXT NOT NULL DEFAULT '',
            retailer_id TEXT NOT NULL,
            name TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            price_cents {bigint},
            currency TEXT NOT NULL DEFAULT '',
            availability TEXT NOT NULL DEFAULT 'in stock',
            image_url TEXT NOT NULL DEFAULT '',
            image_path TEXT,
            image_sha256 TEXT,
            search_text TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0,
            updated_at {bigint} NOT NULL,
            UNIQUE (source, retailer_id)))"),
        QStringLiteral(R"(CREATE TABLE orders (
            id {id},
            conversation_id {bigint} NOT NULL REFERENCES conversations(id),
            customer_id {bigint} NOT NULL REFERENCES customers(id),
            message_id {bigint} UNIQUE REFERENCES messages(id),
            catalog_id TEXT NOT NULL DEFAULT '',
            currency TEXT NOT NULL DEFAULT '',
            total_cents {bigint} NOT NULL DEFAULT 0,
            note TEXT NOT NULL DEFAULT '',
            stage TEXT NOT NULL DEFAULT 'new',
            tracking TEXT NOT NULL DEFAULT '',
            created_at {bigint} NOT NULL,
            stage_at {bigint} NOT NULL))"),
        QStringLiteral("CREATE INDEX orders_by_customer ON orders (customer_id, created_at)"),
        QStringLiteral("CREATE INDEX orders_by_conversation ON orders (conversation_id, created_at)"),
        QStringLiteral("CREATE INDEX orders_by_time ON orders (created_at)"),
        QStringLiteral(R"(CREATE TABLE order_lines (
            order_id {bigint} NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            retailer_id TEXT NOT NULL,
            name TEXT NOT NULL DEFAULT '',
            quantity INTEGER NOT NULL,
            unit_cents {bigint} NOT NULL,
            currency TEXT NOT NULL DEFAULT '',
            image_path TEXT,
            PRIMARY KEY (order_id, position)))"),
        QStringLiteral("ALTER TABLE labels ADD COLUMN order_stage TEXT"),
        QStringLiteral("UPDATE labels SET order_stage = 'new' WHERE name IN ('New order', 'Pedido nuevo', 'Nuevo pedido')"),
        QStringLiteral("UPDATE labels SET order_stage = 'pending_payment' WHERE name IN ('Pending payment', 'Pendiente de pago')"),
        QStringLiteral("UPDATE labels SET order_stage = 'paid' WHERE name IN ('Paid', 'Pagado')"),
        QStringLiteral("UPDATE labels SET order_stage = 'shipped' WHERE name IN ('Shipped', 'Enviado')"),
    };
}

// 20: a promotion sent to a customer who had said no, because the person sending it confirmed
// it: who, when, which template and the "no" it went past.
QStringList promotionsPastANo(const SqlDialect &)
{
    return {
        QStringLiteral(R"(CREATE TABLE promotion_overrides (
            id {id},
            customer_id {bigint} NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
            message_id {bigint} REFERENCES messages(id) ON DELETE SET NULL,
            template_name TEXT NOT NULL,
            refusal TEXT NOT NULL DEFAULT '',
            sent_by TEXT NOT NULL DEFAULT '',
            sent_at {bigint} NOT NULL))"),
        QStringLiteral("CREATE INDEX promotion_overrides_by_customer ON promotion_overrides (customer_id, sent_at)"),
    };
}

// 21: an import of the phone's chats can be undone. Each import is a row (its files, by name and
// by content, the shop's name it was given, what it added); the messages, conversations and
// customers it added point back to it, so undoing removes exactly those.
QStringList undoableImports(const SqlDialect &)
{
    return {
        QStringLiteral(R"(CREATE TABLE chat_imports (
            id {id},
            file_names TEXT NOT NULL,
            file_sha256 TEXT NOT NULL,
            me TEXT NOT NULL DEFAULT '',
            imported_by TEXT NOT NULL DEFAULT '',
            imported_at {bigint} NOT NULL,
            messages_added {bigint} NOT NULL DEFAULT 0,
            undone_at {bigint},
            undone_by TEXT))"),
        QStringLiteral("ALTER TABLE messages ADD COLUMN import_id {bigint} REFERENCES chat_imports(id)"),
        QStringLiteral("ALTER TABLE conversations ADD COLUMN import_id {bigint} REFERENCES chat_imports(id)"),
        QStringLiteral("ALTER TABLE customers ADD COLUMN import_id {bigint} REFERENCES chat_imports(id)"),
        QStringLiteral("CREATE INDEX messages_by_import ON messages (import_id) WHERE import_id IS NOT NULL"),
    };
}

const Migration kMigrations[] = {
    {1, "customers, conversations, messages, status history", &initialSchema},
    {2, "outbox state on messages", &outboxColumns},
    {3, "full-text search", &searchIndex},
    {4, "labels, drafts, quick replies, settings", &shopTables},
    {5, "index of due outgoing messages", &outboxDueIndex},
    {6, "team: agents, assignment, notes, reply locks", &teamTables},
    {7, "search on PostgreSQL", &postgresSearch},
    {8, "index of customers' files still to fetch", &mediaPendingIndex},
    {9, "read receipts waiting for the server", &readReceiptQueue},
    {10, "search indexed a webhook batch at a time", &batchedSearchIndex},
    {11, "message indexes without the rows they do not concern", &partialMessageIndexes},
    {12, "customers: blocked, found by username", &customerIdentities},
    {13, "agents: their own database roles", &agentRoles},
    {14, "conversations held by Meta's AI agent", &metaAgent},
    {15, "reports: message authors, resolutions, messages by time", &reportFacts},
    {16, "history imported from the phone", &importedHistory},
    {17, "templates' reviews, opt-outs and campaigns", &campaigns},
    {18, "when a send left the computer", &sendsLeft},
    {19, "catalog, orders and their stages", &catalogAndOrders},
    {20, "promotions sent past a customer's no", &promotionsPastANo},
    {21, "imports that can be undone", &undoableImports},
};

// Inside a transaction: one migrating program at a time. SQLite's BEGIN IMMEDIATE already holds
// the write lock; PostgreSQL takes an advisory lock held until the transaction ends.
StoreError lockMigrations(Database &database)
{
    if (database.dialect().isSqlite())
        return {};
    return database.exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kMigrationLock));
}

// Whether the store has its version table at all; a failure to look is an error, not "no".
StoreError hasVersionTable(Database &database, bool *exists)
{
    QSqlQuery query(database.connection());
    const QString sql = database.dialect().isSqlite()
        ? QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")
        : QStringLiteral("SELECT COUNT(*) FROM pg_catalog.pg_tables WHERE tablename = 'schema_version' AND schemaname = current_schema()");
    if (!query.exec(sql) || !query.next())
        return StoreError::fromSql(query.lastError(), QStringLiteral("look for the schema version"));
    *exists = query.value(0).toInt() > 0;
    return {};
}

StoreError selectVersion(Database &database, int *version)
{
    QSqlQuery query(database.connection());
    if (!query.exec(QStringLiteral("SELECT MAX(version) FROM schema_version")))
        return StoreError::fromSql(query.lastError(), QStringLiteral("read schema version"));
    *version = query.next() ? query.value(0).toInt() : 0;
    return {};
}

// The store's version; 0 for a new store. A version that cannot be read is an error: taken for
// "new", every migration would run again over a shop's data.
StoreError readVersion(Database &database, int *version)
{
    bool exists = false;
    if (StoreError error = hasVersionTable(database, &exists); error.isError())
        return error;
    if (exists)
        return selectVersion(database, version);
    *version = 0;
    if (database.location().readOnly)
        return {}; // read-only connections only look
    // Two programs creating it at once: PostgreSQL's IF NOT EXISTS is not safe against that, the lock is.
    if (StoreError error = database.begin(); error.isError())
        return error;
    if (StoreError error = lockMigrations(database); error.isError()) {
        database.rollback();
        return error;
    }
    if (StoreError error = database.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"));
        error.isError()) {
        database.rollback();
        return error;
    }
    return database.commit();
}

// Before an existing SQLite store is changed, a copy of it as it was: "<store>.before-v<N>.db".
StoreError copyBeforeMigrating(Database &database, int from)
{
    const StoreLocation &location = database.location();
    if (!location.dialect.isSqlite() || from == 0 || location.sqlitePath.isEmpty() || !QFileInfo::exists(location.sqlitePath))
        return {};
    const QString copy = QStringLiteral("%1.before-v%2.db").arg(location.sqlitePath).arg(latestVersion());
    if (QFileInfo::exists(copy))
        return {}; // an earlier attempt's copy is the store as it was before any of it
    // Programs opening together each copy; the first copy renamed in was taken before any
    // migration started (each migrates only after its own copy is in place), so it is kept.
    if (StoreError error = Backup::copyTo(database, copy, Backup::WhenCopyExists::KeepTheFirst); error.isError())
        return error;
    qCInfo(lcSchema) << "store at version" << from << "copied to" << copy << "before moving it to version" << latestVersion();
    return {};
}

// One migration in its own transaction. Another program may have run it meanwhile (a desktop
// and the server starting together): the version is read again inside the transaction, under
// SQLite's write lock or PostgreSQL's advisory lock, and a migration already there is skipped.
StoreError runMigration(Database &database, const Migration &migration, int *current)
{
    if (StoreError error = database.begin(); error.isError())
        return error;
    const auto fail = [&](const StoreError &error) {
        database.rollback();
        return error;
    };
    if (StoreError error = lockMigrations(database); error.isError())
        return fail(error);
    if (StoreError error = selectVersion(database, current); error.isError())
        return fail(error);
    if (*current >= migration.version) {
        database.rollback();
        return {};
    }
    for (const QString &statement : migration.statements(database.dialect())) {
        if (StoreError error = database.exec(database.dialect().expand(statement)); error.isError())
            return fail(error);
    }
    QSqlQuery record(database.connection());
    record.prepare(QStringLiteral("INSERT INTO schema_version (version) VALUES (?)"));
    record.addBindValue(migration.version);
    if (!record.exec())
        return fail(StoreError::fromSql(record.lastError(), QStringLiteral("record migration")));
    if (StoreError error = database.commit(); error.isError())
        return error;
    *current = migration.version;
    return {};
}

} // namespace

int latestVersion()
{
    return std::end(kMigrations)[-1].version;
}

QStringList statementsOf(int version, const SqlDialect &dialect)
{
    QStringList expanded;
    for (const Migration &migration : kMigrations) {
        if (migration.version == version) {
            for (const QString &statement : migration.statements(dialect))
                expanded << dialect.expand(statement);
        }
    }
    return expanded;
}

StoreError migrate(Database &database, int *version, int upTo)
{
    int current = 0;
    if (StoreError error = readVersion(database, &current); error.isError())
        return error;
    if (current > latestVersion())
        return StoreError::make(StoreError::Kind::TooNew,
                                QStringLiteral("schema version %1, this build knows up to %2").arg(current).arg(latestVersion()));

    if (database.location().readOnly || current >= upTo) {
        *version = current;
        return {};
    }
    if (!database.location().mayMigrate && current > 0)
        return StoreError::make(StoreError::Kind::ServerFirst,
                                QStringLiteral("the team's store is at schema version %1, this build needs %2").arg(current).arg(upTo));
    if (upTo == latestVersion()) {
        if (StoreError error = copyBeforeMigrating(database, current); error.isError())
            return error; // not changed without its copy
    }
    for (const Migration &migration : kMigrations) {
        if (migration.version <= current || migration.version > upTo)
            continue;
        if (StoreError error = runMigration(database, migration, &current); error.isError())
            return error;
    }
    *version = current;
    return {};
}

} // namespace Mostrador::Schema
