#include "autoresponder.h"

#include "api/messagepayloads.h"
#include "customerlanguage.h"
#include "common/clock.h"
#include "outbox/outbox.h"
#include "store/database.h"
#include "store/storetypes.h"

#include <QLocale>
#include <QSqlQuery>

namespace Mostrador {

namespace {

// Messages that are the customer talking to the shop (not a reaction, edit, deletion or notice).
const QString kCountsAsWriting = QStringLiteral("m.kind NOT IN ('reaction', 'system', 'edit', 'revoke')");

struct LatestMessage {
    QDateTime at;
    QString waId;
    QString name;
};

QDateTime latestTime(Database &database, const QString &condition, const QVariantList &values)
{
    QSqlQuery query(database.connection());
    query.prepare(QStringLiteral("SELECT MAX(m.sent_at) FROM messages m WHERE ") + condition);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec() || !query.next())
        return {};
    return storedTime(query.value(0));
}

} // namespace

AutoResponder::AutoResponder(Database &database, Outbox &outbox, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_outbox(outbox)
    , m_clock(clock)
{
}

void AutoResponder::consider(const QSet<qint64> &conversationIds)
{
    if (!armed())
        return;
    for (qint64 id : conversationIds)
        considerOne(id);
}

void AutoResponder::considerOne(qint64 conversationId)
{
    QSqlQuery latest(m_database.connection());
    latest.prepare(QStringLiteral("SELECT m.sent_at, c.wa_id, c.display_name, c.profile_name FROM messages m "
                                  "JOIN conversations v ON v.id = m.conversation_id JOIN customers c ON c.id = v.customer_id "
                                  "WHERE m.conversation_id = ? AND m.direction = 'in' AND ")
                   + kCountsAsWriting + QStringLiteral(" ORDER BY m.sent_at DESC LIMIT 1"));
    latest.addBindValue(conversationId);
    if (!latest.exec() || !latest.next())
        return;
    const LatestMessage message{storedTime(latest.value(0)), latest.value(1).toString(),
                                latest.value(2).toString().isEmpty() ? latest.value(3).toString() : latest.value(2).toString()};
    // Only while the customer's 24-hour window is open (it always is right after they write),
    // and only customers reachable by number.
    if (message.waId.isEmpty() || message.at.secsTo(m_clock.now()) >= 24 * 3600)
        return;

    const QDateTime lastAutomatic = latestTime(
        m_database, QStringLiteral("m.conversation_id = ? AND m.direction = 'out' AND m.automatic = 1"), {conversationId});
    const QDateTime lastHuman = latestTime(
        m_database, QStringLiteral("m.conversation_id = ? AND m.direction = 'out' AND m.automatic = 0"), {conversationId});
    const QDateTime previousInbound = latestTime(
        m_database, QStringLiteral("m.conversation_id = ? AND m.direction = 'in' AND m.sent_at < ? AND ") + kCountsAsWriting,
        {conversationId, message.at.toMSecsSinceEpoch()});

    const bool english = CustomerLanguage::guess(recentTexts(conversationId), message.waId) == QLatin1String("en");
    const auto inTheirLanguage = [english](const QString &spanish, const QString &englishText) {
        return english && !englishText.trimmed().isEmpty() ? englishText : spanish;
    };
    const bool useEnglish = english && (!m_settings.awayTextEnglish.trimmed().isEmpty() || !m_settings.greetingTextEnglish.trimmed().isEmpty());

    QStringList parts;
    const bool answeredSince = lastAutomatic.isValid() && lastAutomatic >= message.at;
    if (m_settings.greetingEnabled && !answeredSince
        && (!previousInbound.isValid() || previousInbound.daysTo(message.at) >= m_settings.greetingAfterSilenceDays)) {
        parts << inTheirLanguage(m_settings.greetingText, m_settings.greetingTextEnglish);
    }
    const QDateTime closedSince = m_hours.closedSince(message.at);
    const bool closed = !m_hours.isOpen(message.at);
    const bool awayAlreadySent = lastAutomatic.isValid() && (!closedSince.isValid() || lastAutomatic >= closedSince);
    const bool humanJustReplied = lastHuman.isValid() && lastHuman.secsTo(message.at) < m_settings.quietAfterHumanReplyMinutes * 60;
    if (m_settings.awayEnabled && closed && !awayAlreadySent && !humanJustReplied)
        parts << inTheirLanguage(m_settings.awayText, m_settings.awayTextEnglish);
    parts.removeAll(QString());
    if (parts.isEmpty())
        return;

    const QString text = expand(parts.join(QStringLiteral("\n\n")), message.name, m_settings.shopName,
                                message.at.toTimeZone(m_hours.zone()).date(),
                                QLocale(useEnglish ? QLocale::English : QLocale::Spanish));
    StoreError error;
    const auto queued = m_outbox.enqueue(message.waId, MessageKind::Text, text,
                                         MessagePayloads::text({message.waId, {}, {}}, text), true, &error);
    if (!queued) {
        Q_EMIT failed(error.userMessage);
        return;
    }
    Q_EMIT replied(conversationId, queued->id);
}

QStringList AutoResponder::recentTexts(qint64 conversationId) const
{
    QStringList texts;
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT m.body, m.caption FROM messages m WHERE m.conversation_id = ? AND m.direction = 'in' AND ")
                  + kCountsAsWriting + QStringLiteral(" ORDER BY m.sent_at DESC LIMIT 5"));
    query.addBindValue(conversationId);
    if (query.exec()) {
        while (query.next())
            texts << query.value(0).toString() + QLatin1Char(' ') + query.value(1).toString();
    }
    return texts;
}

QString AutoResponder::expand(const QString &text, const QString &customerName, const QString &shopName, QDate today,
                              const QLocale &locale)
{
    const QString firstName = customerName.section(QLatin1Char(' '), 0, 0, QString::SectionSkipEmpty);
    const QString todayText = locale.toString(today, QLocale::LongFormat);
    const QString tomorrowText = locale.toString(today.addDays(1), QLocale::LongFormat);
    QString expanded = text;
    for (const auto &[names, value] : {std::pair{QStringList{QStringLiteral("{nombre}"), QStringLiteral("{name}")}, firstName},
                                       std::pair{QStringList{QStringLiteral("{tienda}"), QStringLiteral("{shop}")}, shopName},
                                       std::pair{QStringList{QStringLiteral("{hoy}"), QStringLiteral("{today}")}, todayText},
                                       std::pair{QStringList{QStringLiteral("{mañana}"), QStringLiteral("{tomorrow}")}, tomorrowText}}) {
        for (const QString &name : names)
            expanded.replace(name, value, Qt::CaseInsensitive);
    }
    return expanded;
}

} // namespace Mostrador
