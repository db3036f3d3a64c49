#pragma once

#include "openinghours.h"
#include "automation/activitystore.h"

#include <QObject>
#include <QSet>

namespace Mostrador {

class Clock;
class Database;
class Outbox;

// Answers customers on the shop's behalf, honestly and sparingly: an away message when they write
// while the shop is closed (once per closed period per conversation, and not when someone from
// the shop replied a few minutes ago) and a greeting for a first message ever or after a long
// silence, in English when the customer writes in English and the shop wrote an English version.
// Replies go through the outbox marked as automatic; reactions, edits, deletions and
// system messages are never answered, nor is anything the business itself sent.
class AutoResponder final : public QObject
{
    Q_OBJECT

public:
    struct Settings {
        QString shopName;
        bool awayEnabled = false;
        QString awayText;
        QString awayTextEnglish;     // optional: for customers who write in English
        int quietAfterHumanReplyMinutes = 10;
        bool greetingEnabled = false;
        QString greetingText;
        QString greetingTextEnglish; // optional, as above
        int greetingAfterSilenceDays = 14;

        [[nodiscard]] bool isArmed() const { return awayEnabled || greetingEnabled; }
    };

    AutoResponder(Database &database, Outbox &outbox, const Clock &clock, QObject *parent = nullptr);

    void setSettings(const Settings &settings) { m_settings = settings; }
    void setOpeningHours(const OpeningHours &hours) { m_hours = hours; }
    [[nodiscard]] bool armed() const { return m_settings.isArmed(); }

    // Looks at conversations that just changed (WebhookIngestor::conversationsChanged) and answers
    // those whose customer's latest message calls for it.
    void consider(const QSet<qint64> &conversationIds);

    // {nombre}/{name}: the customer's first name; {tienda}/{shop}: the shop's name;
    // {hoy}/{today} and {mañana}/{tomorrow}: dates in `locale`.
    [[nodiscard]] static QString expand(const QString &text, const QString &customerName, const QString &shopName,
                                        QDate today, const QLocale &locale);

Q_SIGNALS:
    void replied(qint64 conversationId, qint64 messageId);
    void failed(const QString &reason);

private:
    void considerOne(qint64 conversationId);

    ActivityStore m_activity;
    Outbox &m_outbox;
    const Clock &m_clock;
    Settings m_settings;
    OpeningHours m_hours;
};

} // namespace Mostrador
