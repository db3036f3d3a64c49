#include "campaignstore.h"

#include "db/database.h"
#include "conversations/conversationtypes.h"
#include "messaging/messagetypes.h"
#include "messaging/waid.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace Mostrador {

namespace {

const char *const kStateNames[] = {"ready", "running", "paused", "cancelled", "finished"};

// A customer as the audience rules see them; the columns every audience query selects.
const QString kCandidateColumns = QStringLiteral(
    "c.id, c.wa_id, c.user_id, CASE WHEN c.display_name <> '' THEN c.display_name ELSE c.profile_name END, c.notes, "
    "c.blocked_at IS NOT NULL, c.opted_out_at IS NOT NULL");

QVariant timeOrNull(const QDateTime &at)
{
    return at.isValid() ? QVariant(at.toMSecsSinceEpoch()) : QVariant(QMetaType::fromType<qint64>());
}

QString jsonList(const QStringList &values)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(values)).toJson(QJsonDocument::Compact));
}

QStringList listFromJson(const QString &json)
{
    QStringList values;
    for (const QJsonValue &value : QJsonDocument::fromJson(json.toUtf8()).array())
        values << value.toString();
    return values;
}

StoreError run(QSqlQuery &query, const char *what)
{
    if (!query.exec())
        return StoreError::fromSql(query.lastError(), QLatin1String(what));
    return {};
}

Campaign campaignFrom(const QSqlQuery &query)
{
    Campaign campaign;
    campaign.id = query.value(0).toLongLong();
    campaign.name = query.value(1).toString();
    campaign.templateName = query.value(2).toString();
    campaign.templateLanguage = query.value(3).toString();
    campaign.templateCategory = query.value(4).toString();
    campaign.templateBody = query.value(5).toString();
    campaign.parameters = listFromJson(query.value(6).toString());
    campaign.audience = query.value(7).toString();
    campaign.perSecond = query.value(8).toInt();
    campaign.sendAt = storedTime(query.value(9));
    campaign.state = campaignStateFromName(query.value(10).toString());
    campaign.runner = query.value(11).toString();
    campaign.runnerUntil = storedTime(query.value(12));
    campaign.createdAt = storedTime(query.value(13));
    campaign.finishedAt = storedTime(query.value(14));
    return campaign;
}

const QString kCampaignColumns = QStringLiteral(
    "id, name, template_name, template_language, template_category, template_body, parameters_json, audience_text, "
    "per_second, send_at, state, runner, runner_until, created_at, finished_at");

} // namespace

QString campaignStateName(CampaignState state)
{
    return QLatin1String(kStateNames[int(state)]);
}

CampaignState campaignStateFromName(const QString &name)
{
    for (int state = 0; state < int(std::size(kStateNames)); ++state) {
        if (name == QLatin1String(kStateNames[state]))
            return CampaignState(state);
    }
    return CampaignState::Ready;
}

CampaignStore::CampaignStore(Database &database)
    : m_database(database)
{
}

std::optional<Campaign> CampaignStore::find(const QString &name, StoreError *error)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT %1 FROM campaigns WHERE name = ?").arg(kCampaignColumns));
    query.addBindValue(name);
    if ((*error = run(query, "find campaign")).isError() || !query.next())
        return std::nullopt;
    return campaignFrom(query);
}

std::optional<Campaign> CampaignStore::find(qint64 id, StoreError *error)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT %1 FROM campaigns WHERE id = ?").arg(kCampaignColumns));
    query.addBindValue(id);
    if ((*error = run(query, "find campaign")).isError() || !query.next())
        return std::nullopt;
    return campaignFrom(query);
}

QList<Campaign> CampaignStore::all(StoreError *error)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT %1 FROM campaigns ORDER BY created_at DESC, id DESC").arg(kCampaignColumns));
    QList<Campaign> campaigns;
    if ((*error = run(query, "campaigns")).isError())
        return campaigns;
    while (query.next())
        campaigns << campaignFrom(query);
    return campaigns;
}

std::optional<qint64> CampaignStore::create(const Campaign &campaign, const QList<CampaignRecipient> &recipients, StoreError *error)
{
    if ((*error = m_database.begin()).isError())
        return std::nullopt;
    QSqlQuery insert(m_database.connection());
    insert.prepare(QStringLiteral(
        "INSERT INTO campaigns (name, template_name, template_language, template_category, template_body, parameters_json, "
        "audience_text, per_second, send_at, state, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    insert.addBindValue(campaign.name);
    insert.addBindValue(campaign.templateName);
    insert.addBindValue(campaign.templateLanguage);
    insert.addBindValue(campaign.templateCategory.isNull() ? QStringLiteral("") : campaign.templateCategory);
    insert.addBindValue(campaign.templateBody.isNull() ? QStringLiteral("") : campaign.templateBody);
    insert.addBindValue(jsonList(campaign.parameters));
    insert.addBindValue(campaign.audience.isNull() ? QStringLiteral("") : campaign.audience);
    insert.addBindValue(campaign.perSecond);
    insert.addBindValue(timeOrNull(campaign.sendAt));
    insert.addBindValue(campaignStateName(campaign.state));
    insert.addBindValue(campaign.createdAt.toMSecsSinceEpoch());
    if ((*error = run(insert, "new campaign")).isError() || !insert.next()) {
        m_database.rollback();
        return std::nullopt;
    }
    const qint64 id = insert.value(0).toLongLong();
    insert.finish();
    QSqlQuery add(m_database.connection());
    add.prepare(QStringLiteral("INSERT INTO campaign_recipients (campaign_id, customer_id, parameters_json, skipped) VALUES (?, ?, ?, ?) "
                               "ON CONFLICT (campaign_id, customer_id) DO NOTHING"));
    for (const CampaignRecipient &recipient : recipients) {
        add.addBindValue(id);
        add.addBindValue(recipient.customerId);
        add.addBindValue(jsonList(recipient.parameters));
        add.addBindValue(recipient.skipped.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(recipient.skipped));
        if ((*error = run(add, "campaign recipients")).isError()) {
            m_database.rollback();
            return std::nullopt;
        }
    }
    if ((*error = m_database.commit()).isError())
        return std::nullopt;
    return id;
}

StoreError CampaignStore::setState(qint64 campaignId, CampaignState state)
{
    const bool over = state == CampaignState::Finished || state == CampaignState::Cancelled;
    return m_database.exec(QStringLiteral("UPDATE campaigns SET state = ?, finished_at = CASE WHEN ? = 1 THEN ? ELSE finished_at END "
                                          "WHERE id = ? AND state NOT IN ('finished', 'cancelled')"),
                           {campaignStateName(state), over ? 1 : 0, QDateTime::currentMSecsSinceEpoch(), campaignId},
                           "campaign state");
}

StoreError CampaignStore::remove(qint64 campaignId)
{
    return m_database.exec(QStringLiteral("DELETE FROM campaigns WHERE id = ? AND NOT EXISTS "
                                          "(SELECT 1 FROM campaign_recipients WHERE campaign_id = ? AND message_id IS NOT NULL)"),
                           {campaignId, campaignId}, "remove campaign");
}

std::optional<bool> CampaignStore::claim(qint64 campaignId, const QString &runner, const QDateTime &now, const QDateTime &until,
                                         StoreError *error)
{
    QSqlQuery update(m_database.connection());
    update.prepare(QStringLiteral("UPDATE campaigns SET runner = ?, runner_until = ? WHERE id = ? "
                                  "AND (runner IS NULL OR runner = ? OR runner_until IS NULL OR runner_until < ?)"));
    update.addBindValue(runner);
    update.addBindValue(until.toMSecsSinceEpoch());
    update.addBindValue(campaignId);
    update.addBindValue(runner);
    update.addBindValue(now.toMSecsSinceEpoch());
    if ((*error = run(update, "claim campaign")).isError())
        return std::nullopt;
    return update.numRowsAffected() == 1;
}

StoreError CampaignStore::release(qint64 campaignId, const QString &runner)
{
    return m_database.exec(QStringLiteral("UPDATE campaigns SET runner = NULL, runner_until = NULL WHERE id = ? AND runner = ?"),
                           {campaignId, runner}, "release campaign");
}

QList<qint64> CampaignStore::runnable(const QDateTime &now, StoreError *error)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT id FROM campaigns WHERE state IN ('ready', 'running') "
                                 "AND (runner IS NULL OR runner_until IS NULL OR runner_until < ?) "
                                 "AND (send_at IS NULL OR send_at <= ?) ORDER BY created_at, id"));
    query.addBindValue(now.toMSecsSinceEpoch());
    query.addBindValue(now.addSecs(60).toMSecsSinceEpoch());
    QList<qint64> found;
    if ((*error = run(query, "runnable campaigns")).isError())
        return found;
    while (query.next())
        found << query.value(0).toLongLong();
    return found;
}

namespace {

QList<CampaignCandidate> candidates(QSqlQuery &query, StoreError *error)
{
    QList<CampaignCandidate> found;
    if ((*error = run(query, "campaign audience")).isError())
        return found;
    while (query.next()) {
        found << CampaignCandidate{query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
                                   query.value(3).toString(), query.value(4).toString(), query.value(5).toBool(),
                                   query.value(6).toBool()};
    }
    return found;
}

} // namespace

QList<CampaignCandidate> CampaignStore::withLabel(const QString &label, StoreError *error)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT DISTINCT %1 FROM customers c JOIN conversations v ON v.customer_id = c.id "
                                 "JOIN conversation_labels cl ON cl.conversation_id = v.id JOIN labels l ON l.id = cl.label_id "
                                 "WHERE lower(l.name) = lower(?) ORDER BY c.id").arg(kCandidateColumns));
    query.addBindValue(label);
    return candidates(query, error);
}

QList<CampaignCandidate> CampaignStore::whoWrote(const QDateTime &from, const QDateTime &to, StoreError *error)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT %1 FROM customers c WHERE EXISTS (SELECT 1 FROM conversations v JOIN messages m "
                                 "ON m.conversation_id = v.id WHERE v.customer_id = c.id AND m.direction = 'in' "
                                 "AND m.sent_at >= ? AND m.sent_at < ?) ORDER BY c.id").arg(kCandidateColumns));
    query.addBindValue(from.toMSecsSinceEpoch());
    query.addBindValue(to.toMSecsSinceEpoch());
    return candidates(query, error);
}

QList<CampaignCandidate> CampaignStore::matching(const QString &text, StoreError *error)
{
    // Names, notes and numbers; accents and case as the shop typed them.
    const QString pattern = QLatin1Char('%') + text.trimmed().toLower() + QLatin1Char('%');
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT %1 FROM customers c WHERE lower(c.display_name) LIKE ? OR lower(c.profile_name) LIKE ? "
                                 "OR lower(c.notes) LIKE ? OR c.wa_id LIKE ? ORDER BY c.id").arg(kCandidateColumns));
    for (int i = 0; i < 4; ++i)
        query.addBindValue(pattern);
    return candidates(query, error);
}

QList<CampaignCandidate> CampaignStore::byNumbers(const QStringList &waIds, const QDateTime &now, bool create, StoreError *error)
{
    QList<CampaignCandidate> found;
    if ((*error = m_database.begin()).isError())
        return found;
    QSqlQuery find(m_database.connection());
    find.prepare(QStringLiteral("SELECT %1 FROM customers c WHERE c.wa_id IN (?, ?) ORDER BY c.id LIMIT 1").arg(kCandidateColumns));
    QSqlQuery insert(m_database.connection());
    insert.prepare(QStringLiteral("INSERT INTO customers (wa_id, created_at) VALUES (?, ?) RETURNING id"));
    for (const QString &waId : waIds) {
        const QStringList forms = WaId::equivalents(waId);
        find.addBindValue(forms.first());
        find.addBindValue(forms.last());
        QList<CampaignCandidate> known = candidates(find, error);
        if (error->isError()) {
            m_database.rollback();
            return {};
        }
        if (!known.isEmpty()) {
            found << known.first();
            continue;
        }
        if (!create) {
            found << CampaignCandidate{0, waId, {}, {}, {}, false, false};
            continue;
        }
        insert.addBindValue(waId);
        insert.addBindValue(now.toMSecsSinceEpoch());
        if ((*error = run(insert, "customer from a list")).isError() || !insert.next()) {
            m_database.rollback();
            return {};
        }
        found << CampaignCandidate{insert.value(0).toLongLong(), waId, {}, {}, {}, false, false};
        insert.finish();
    }
    if ((*error = m_database.commit()).isError())
        return {};
    return found;
}

std::optional<CampaignStore::Place> CampaignStore::placeOf(qint64 conversationId, StoreError *error)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT last_message_id, last_message_at FROM conversations WHERE id = ?"));
    query.addBindValue(conversationId);
    if ((*error = run(query, "campaign: conversation's place")).isError() || !query.next())
        return std::nullopt;
    return Place{query.value(0), query.value(1)};
}

StoreError CampaignStore::keepPlace(qint64 conversationId, const Place &place)
{
    if (place.lastMessageId.isNull()) {
        // Nothing was said in it before: it waits, resolved, until the customer answers.
        return m_database.exec(QStringLiteral("UPDATE conversations SET status = 'resolved' WHERE id = ?"), {conversationId},
                               "campaign: a new conversation");
    }
    return m_database.exec(QStringLiteral("UPDATE conversations SET last_message_id = ?, last_message_at = ? WHERE id = ?"),
                           {place.lastMessageId, place.lastMessageAt, conversationId}, "campaign: keep the conversation's place");
}

StoreResult<QList<PendingRecipient>> CampaignStore::pending(qint64 campaignId, int limit)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT r.customer_id, c.wa_id, c.user_id, r.parameters_json FROM campaign_recipients r "
                                 "JOIN customers c ON c.id = r.customer_id WHERE r.campaign_id = ? AND r.message_id IS NULL "
                                 "AND r.skipped IS NULL ORDER BY r.customer_id LIMIT ?"));
    query.addBindValue(campaignId);
    query.addBindValue(limit);
    if (StoreError error = run(query, "campaign: pending"); error.isError())
        return error;
    QList<PendingRecipient> found;
    while (query.next()) {
        found << PendingRecipient{query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
                                  listFromJson(query.value(3).toString())};
    }
    return found;
}

std::optional<bool> CampaignStore::attach(qint64 campaignId, qint64 customerId, qint64 messageId, StoreError *error)
{
    QSqlQuery update(m_database.connection());
    update.prepare(QStringLiteral("UPDATE campaign_recipients SET message_id = ? WHERE campaign_id = ? AND customer_id = ? "
                                  "AND message_id IS NULL"));
    update.addBindValue(messageId);
    update.addBindValue(campaignId);
    update.addBindValue(customerId);
    if ((*error = run(update, "campaign: attach message")).isError())
        return std::nullopt;
    if (update.numRowsAffected() != 1)
        return false;
    // Reports tell a campaign's messages apart (they answer nobody who was waiting).
    if ((*error = m_database.exec(QStringLiteral("UPDATE messages SET handled_by = 'campaign' WHERE id = ?"), {messageId},
                                  "campaign: mark message")).isError())
        return std::nullopt;
    return true;
}

namespace {

StoreResult<QList<qint64>> ids(QSqlQuery &query, const char *what)
{
    if (StoreError error = run(query, what); error.isError())
        return error;
    QList<qint64> found;
    while (query.next())
        found << query.value(0).toLongLong();
    return found;
}

// The one number a COUNT(*) query gives.
StoreResult<int> count(QSqlQuery &query, const char *what)
{
    if (StoreError error = run(query, what); error.isError())
        return error;
    return query.next() ? query.value(0).toInt() : 0;
}

} // namespace

StoreResult<int> CampaignStore::unsettled(qint64 campaignId)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT COUNT(*) FROM campaign_recipients r JOIN messages m ON m.id = r.message_id "
                                 "WHERE r.campaign_id = ? AND m.outbox_state IN ('queued', 'sending')"));
    query.addBindValue(campaignId);
    return count(query, "campaign: unsettled");
}

StoreResult<QList<qint64>> CampaignStore::inFlightWithoutWamid(qint64 campaignId)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT m.id FROM campaign_recipients r JOIN messages m ON m.id = r.message_id "
                                 "WHERE r.campaign_id = ? AND m.outbox_state IN ('sending', 'unconfirmed') AND m.wamid IS NULL"));
    query.addBindValue(campaignId);
    return ids(query, "campaign: in flight");
}

StoreResult<QList<qint64>> CampaignStore::queued(qint64 campaignId)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT m.id FROM campaign_recipients r JOIN messages m ON m.id = r.message_id "
                                 "WHERE r.campaign_id = ? AND m.outbox_state = 'queued'"));
    query.addBindValue(campaignId);
    return ids(query, "campaign: queued");
}

StoreResult<int> CampaignStore::writtenSince(const QDateTime &since)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT COUNT(*) FROM campaign_recipients r JOIN messages m ON m.id = r.message_id WHERE m.sent_at >= ?"));
    query.addBindValue(since.toMSecsSinceEpoch());
    return count(query, "campaign: written today");
}

CampaignTally CampaignStore::tally(qint64 campaignId, StoreError *error)
{
    CampaignTally tally;
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "SELECT r.skipped, m.outbox_state, m.status, m.error_code, m.pricing_category, m.pricing_billable, c.wa_id, "
        "CASE WHEN m.id IS NOT NULL AND EXISTS (SELECT 1 FROM messages i WHERE i.conversation_id = m.conversation_id "
        "AND i.direction = 'in' AND i.sent_at > m.sent_at) THEN 1 ELSE 0 END, r.message_id IS NULL "
        "FROM campaign_recipients r JOIN customers c ON c.id = r.customer_id LEFT JOIN messages m ON m.id = r.message_id "
        "WHERE r.campaign_id = ?"));
    query.addBindValue(campaignId);
    if ((*error = run(query, "campaign results")).isError())
        return tally;
    while (query.next()) {
        const QString skipped = query.value(0).toString();
        if (!skipped.isEmpty()) {
            ++tally.skipped;
            ++tally.skippedByReason[skipped];
            continue;
        }
        ++tally.audience;
        if (query.value(8).toBool()) {
            ++tally.waiting;
            continue;
        }
        const QString state = query.value(1).toString();
        const auto status = DeliveryStatus(query.value(2).toInt());
        if (state == QLatin1String("queued")) {
            ++tally.waiting;
        } else if (state == QLatin1String("sending")) {
            ++tally.sending;
        } else if (state == QLatin1String("unconfirmed")) {
            ++tally.unconfirmed;
        } else if (state == QLatin1String("failed") || state == QLatin1String("discarded") || status == DeliveryStatus::Failed) {
            ++tally.failed;
            ++tally.failuresByCode[query.value(3).toInt()];
        } else {
            ++tally.sent;
            if (status >= DeliveryStatus::Delivered)
                ++tally.delivered;
            if (status >= DeliveryStatus::Read)
                ++tally.read;
        }
        if (query.value(7).toBool())
            ++tally.replied;
        const QString category = query.value(4).toString();
        if (!category.isEmpty() && query.value(5).toInt() != 0)
            tally.charged.append({query.value(6).toString(), category});
    }
    return tally;
}

} // namespace Mostrador
