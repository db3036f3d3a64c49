#include "autoresponder.h"

#include "api/messagepayloads.h"
#include "customerlanguage.h"
#include "common/clock.h"
#include "outbox/outbox.h"
#include "messaging/servicewindow.h"

#include <QLocale>

namespace Mostrador {

AutoResponder::AutoResponder(Database &database, Outbox &outbox, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_activity(database)
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
    StoreError error;
    const std::optional<ConversationActivity> activity = m_activity.activity(conversationId, &error);
    if (!activity)
        return;
    const QDateTime &wroteAt = activity->customerWroteAt;
    // Only while the customer's 24-hour window is open (it always is right after they write),
    // and only customers reachable by number.
    if (activity->waId.isEmpty() || !ServiceWindow::isOpen(wroteAt, m_clock.now()))
        return;
    // Meta's AI agent is answering this customer; a reply from here would take the conversation
    // from it, which is the shop's decision to make, not an automatic one.
    if (activity->heldByMetaAgent)
        return;
    const QDateTime &lastAutomatic = activity->lastAutomaticReplyAt;
    const QDateTime &lastHuman = activity->lastPersonReplyAt;
    const QDateTime &previousInbound = activity->customerWroteBefore;

    const bool english = CustomerLanguage::guess(activity->recentCustomerTexts, activity->waId) == QLatin1String("en");
    const auto inTheirLanguage = [english](const QString &spanish, const QString &englishText) {
        return english && !englishText.trimmed().isEmpty() ? englishText : spanish;
    };
    const bool useEnglish = english && (!m_settings.awayTextEnglish.trimmed().isEmpty() || !m_settings.greetingTextEnglish.trimmed().isEmpty());

    QStringList parts;
    const bool answeredSince = lastAutomatic.isValid() && lastAutomatic >= wroteAt;
    if (m_settings.greetingEnabled && !answeredSince
        && (!previousInbound.isValid() || previousInbound.daysTo(wroteAt) >= m_settings.greetingAfterSilenceDays)) {
        parts << inTheirLanguage(m_settings.greetingText, m_settings.greetingTextEnglish);
    }
    const QDateTime closedSince = m_hours.closedSince(wroteAt);
    const bool closed = !m_hours.isOpen(wroteAt);
    const bool awayAlreadySent = lastAutomatic.isValid() && (!closedSince.isValid() || lastAutomatic >= closedSince);
    const bool humanJustReplied = lastHuman.isValid() && lastHuman.secsTo(wroteAt) < m_settings.quietAfterHumanReplyMinutes * 60;
    if (m_settings.awayEnabled && closed && !awayAlreadySent && !humanJustReplied)
        parts << inTheirLanguage(m_settings.awayText, m_settings.awayTextEnglish);
    parts.removeAll(QString());
    if (parts.isEmpty())
        return;

    const QString text = expand(parts.join(QStringLiteral("\n\n")), activity->customerName, m_settings.shopName,
                                wroteAt.toTimeZone(m_hours.zone()).date(),
                                QLocale(useEnglish ? QLocale::English : QLocale::Spanish));
    const auto queued = m_outbox.enqueue(conversationId, MessageKind::Text, text, MessagePayloads::text({}, text), true, &error);
    if (!queued) {
        Q_EMIT failed(error.userMessage);
        return;
    }
    Q_EMIT replied(conversationId, queued->id);
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
