#pragma once

#include "messaging/inboundbatch.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

namespace Mostrador {

// Times are stored as milliseconds since the epoch (UTC); NULL reads as an invalid QDateTime.
[[nodiscard]] inline QDateTime storedTime(const QVariant &milliseconds)
{
    return milliseconds.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(milliseconds.toLongLong(), Qt::UTC);
}

// A null QString binds as SQL NULL; NOT NULL text columns get "" instead.
[[nodiscard]] inline QString textOrEmpty(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

// Rows the store hands to models and services: plain values, no SQL.

struct ConversationSummary {
    qint64 id = 0;
    qint64 customerId = 0;
    QString customerName;   // the shop's name for them, else their WhatsApp profile name
    QString waId;
    QString userId;
    QString username;
    bool blocked = false;   // on the number's block list
    QString status;         // open, pending, resolved
    int unreadCount = 0;
    QDateTime lastMessageAt;
    QString lastMessagePreview;
    MessageKind lastMessageKind = MessageKind::Text;
    Direction lastMessageDirection = Direction::Inbound;
    // The customer waits for a person of the shop (SqlFragments::waitingForUs): what the Waiting
    // for us view, the strip's Waiting now and the reports' Left waiting all count.
    bool waitingForUs = false;
    DeliveryStatus lastMessageStatus = DeliveryStatus::None;
    QDateTime lastInboundAt;
    QDateTime lastReferralAt;
    QDateTime windowClosedAt;
    QStringList labelColors;  // colours of its labels, in label order
    QList<qint64> labelIds;
    bool heldByMetaAgent = false; // Meta's AI agent answers it until the shop writes
    // When the last message is an automatic reply: the customer's last words before it.
    QString customerWordsBeforeAutomaticReply;
};

struct StoredMessage {
    qint64 id = 0;
    qint64 conversationId = 0;
    QString wamid;
    QString clientId;
    Direction direction = Direction::Inbound;
    MessageKind kind = MessageKind::Text;
    QString typeName;
    QString body;
    QString caption;
    QString mediaId;
    QString mediaMime;
    QString mediaFilename;
    QString mediaPath;
    QString contextWamid;
    QString targetWamid;
    DeliveryStatus status = DeliveryStatus::None;
    int errorCode = 0;
    QString outboxState;
    bool automatic = false;
    bool handledByMetaAgent = false; // the customer wrote to Meta's AI agent, or it replied
    bool edited = false;
    bool revoked = false;
    QDateTime sentAt;
    QString quotedText;       // the text of the message this one replies to, when it is stored
    QString referralHeadline; // the ad the customer came from, on their first message
    bool hasLocation = false;
    double latitude = 0;
    double longitude = 0;
    int forwarded = 0;        // 1 forwarded, 2 forwarded many times
    QString reaction;         // the customer's latest reaction to this message, if any
    QDateTime scheduledFor;   // an outgoing message waiting for this time (sent at opening)
    bool imported = false;    // brought in from the phone's exported chats
    QString author;           // who wrote it, for imported messages (as the phone named them)
};

// Keyset positions: the next page starts strictly after (older than) these.
struct ConversationCursor {
    qint64 lastMessageAt = 0; // or, when sorting by window time left, the last inbound time
    qint64 id = 0;
};

struct MessageCursor {
    qint64 sentAt = 0;
    qint64 id = 0;
};

struct ConversationFilter {
    enum class View { All, Open, WaitingForUs, Resolved, ClosingSoon };
    View view = View::All;
    qint64 labelId = 0; // 0: any; else only conversations with this label
    // Team mode: everyone's, only those assigned to `agentId`, or only those nobody has.
    enum class Assignment { Anyone, Mine, Unassigned };
    Assignment assignment = Assignment::Anyone;
    qint64 agentId = 0;
    // For ClosingSoon: customers' last messages between these times (ms) have windows closing soon.
    qint64 closingSoonFrom = 0;
    qint64 closingSoonTo = 0;
    // By last activity (newest first), or by 24-hour window time left (least first; only
    // conversations whose window is open, since the others have no time left).
    enum class Sort { Activity, WindowTimeLeft };
    Sort sort = Sort::Activity;
    qint64 windowOpenSince = 0; // for WindowTimeLeft: customers' last messages after this (ms)
};

// Markers around the matched words in SearchHit::snippet (the UI turns them into bold).
inline constexpr QChar kHighlightStart = QChar(0x0002);
inline constexpr QChar kHighlightEnd = QChar(0x0003);

struct SearchHit {
    qint64 conversationId = 0;
    qint64 messageId = 0;   // 0 when the customer's name or notes matched
    QString customerName;
    QString snippet;
    QDateTime sentAt;
    double rank = 0;        // lower is better
};

} // namespace Mostrador
