#pragma once

#include "api/messagepayloads.h"
#include "messaging/messagetypes.h"
#include "db/storeerror.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QStringList>

#include <functional>

namespace Mostrador {

class CloudApiClient;
class Outbox;

// What the shop sends, by conversation: the one door the desktop, the demo and the server's
// commands use. It builds the request bodies (core/api), stores them through the outbox and
// leaves addressing to the send (by phone number or business-scoped user id).
class MessageSender final : public QObject
{
    Q_OBJECT

public:
    // A message on its way into the store, as kept when the store cannot take it.
    struct Outgoing {
        qint64 conversationId = 0;
        MessageKind kind = MessageKind::Text;
        QString text;        // what the thread shows
        QJsonObject payload; // the request body, without its addressee
        QDateTime sendAt;    // invalid: as soon as possible
    };

    // What became of a send: stored (messageId), kept aside for later (a team's store out of
    // reach), or refused with the store's reason.
    struct Result {
        qint64 messageId = 0;
        bool keptForLater = false;
        StoreError error;

        [[nodiscard]] bool isStoredOrKept() const { return messageId != 0 || keptForLater; }
    };

    MessageSender(Outbox &outbox, CloudApiClient &client, QObject *parent = nullptr);

    // The conversation with the customer whose WhatsApp id is `waId`, created when new.
    [[nodiscard]] std::optional<qint64> conversationWith(const QString &waId, StoreError *error);

    Result sendText(qint64 conversationId, const QString &text, const QString &replyTo = {}, const QDateTime &sendAt = {});
    Result sendTemplate(qint64 conversationId, const QString &name, const QString &language, const QStringList &parameters,
                        const QString &shownText);
    Result sendMedia(qint64 conversationId, MessagePayloads::MediaType type, const QString &mediaId, const QString &caption,
                     const QString &fileName, const QString &replyTo = {});
    Result sendReaction(qint64 conversationId, const QString &messageWamid, const QString &emoji);
    Result send(const Outgoing &outgoing);

    // Checks a file against WhatsApp's limits, uploads it and then sends it; the answer comes as
    // fileQueued or fileFailed (with a sentence for the shop).
    void sendFile(qint64 conversationId, const QString &path, const QString &caption, const QString &shownName = {},
                  const QString &replyTo = {});

    // Team mode: where a message goes when the shared store cannot take it. Returns true when
    // it kept the message to store later.
    using UnstoredKeeper = std::function<bool(const Outgoing &)>;
    void setUnstoredKeeper(UnstoredKeeper keeper) { m_keeper = std::move(keeper); }

    // Where a copy of each file sent goes (the shop's media folder), before fileQueued.
    using SentFileKeeper = std::function<void(qint64 messageId, const QByteArray &data, const QString &mimeType)>;
    void setSentFileKeeper(SentFileKeeper keeper) { m_fileKeeper = std::move(keeper); }

    // A failed or unconfirmed message sent again as it was, or dropped from the queue.
    StoreError retry(qint64 messageId);
    StoreError discard(qint64 messageId);
    // A new message with the same request as `messageId` (which WhatsApp took and then could
    // not deliver): the failed one stays in the history as it was.
    Result sendCopyOf(qint64 messageId, MessageKind kind, const QString &shownText);

Q_SIGNALS:
    void fileUploading(qint64 conversationId, const QString &fileName);
    void fileQueued(qint64 conversationId, qint64 messageId);
    void fileFailed(qint64 conversationId, const QString &reason);

private:
    Outbox &m_outbox;
    CloudApiClient &m_client;
    UnstoredKeeper m_keeper;
    SentFileKeeper m_fileKeeper;
};

} // namespace Mostrador
