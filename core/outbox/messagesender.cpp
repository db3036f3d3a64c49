#include "messagesender.h"

#include "api/apijob.h"
#include "api/cloudapiclient.h"
#include "api/uploadmediajob.h"
#include "media/medialimits.h"
#include "outbox.h"

#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>

namespace Mostrador {

MessageSender::MessageSender(Outbox &outbox, CloudApiClient &client, QObject *parent)
    : QObject(parent)
    , m_outbox(outbox)
    , m_client(client)
{
}

std::optional<qint64> MessageSender::conversationWith(const QString &waId, StoreError *error)
{
    return m_outbox.conversationWith(waId, error);
}

MessageSender::Result MessageSender::send(const Outgoing &outgoing)
{
    Result result;
    const auto stored = m_outbox.enqueue(outgoing.conversationId, outgoing.kind, outgoing.text, outgoing.payload, false,
                                         &result.error, outgoing.sendAt);
    if (stored)
        result.messageId = stored->id;
    else if (!outgoing.sendAt.isValid() && m_keeper && m_keeper(outgoing))
        result.keptForLater = true;
    return result;
}

MessageSender::Result MessageSender::sendText(qint64 conversationId, const QString &text, const QString &replyTo,
                                              const QDateTime &sendAt)
{
    return send({conversationId, MessageKind::Text, text, MessagePayloads::text({{}, replyTo, {}}, text), sendAt});
}

MessageSender::Result MessageSender::sendTemplate(qint64 conversationId, const QString &name, const QString &language,
                                                  const QStringList &parameters, const QString &shownText)
{
    return send({conversationId, MessageKind::Text, shownText,
                 MessagePayloads::templateMessage({}, name, language, parameters), {}});
}

MessageSender::Result MessageSender::sendMedia(qint64 conversationId, MessagePayloads::MediaType type, const QString &mediaId,
                                               const QString &caption, const QString &fileName, const QString &replyTo)
{
    return send({conversationId, messageKindFromName(MessagePayloads::mediaTypeName(type)), caption.isEmpty() ? fileName : caption,
                 MessagePayloads::media({{}, replyTo, {}}, type, mediaId, caption, fileName), {}});
}

MessageSender::Result MessageSender::sendReaction(qint64 conversationId, const QString &messageWamid, const QString &emoji)
{
    return send({conversationId, MessageKind::Reaction, emoji, MessagePayloads::reaction({}, messageWamid, emoji), {}});
}

void MessageSender::sendFile(qint64 conversationId, const QString &path, const QString &caption, const QString &shownName,
                             const QString &replyTo)
{
    QFile file(path);
    const QString mime = QMimeDatabase().mimeTypeForFile(path, QMimeDatabase::MatchContent).name();
    const MediaLimits::Verdict verdict = MediaLimits::check(mime, file.size());
    if (!verdict.type) {
        Q_EMIT fileFailed(conversationId, tr("%1 was not sent. %2").arg(QFileInfo(path).fileName(), verdict.problem));
        return;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        Q_EMIT fileFailed(conversationId, tr("Cannot read %1: %2").arg(QFileInfo(path).fileName(), file.errorString()));
        return;
    }
    const QString fileName = shownName.isEmpty() ? QFileInfo(path).fileName() : shownName;
    const MessagePayloads::MediaType type = *verdict.type;
    Q_EMIT fileUploading(conversationId, fileName);
    const QByteArray data = file.readAll();
    UploadMediaJob *upload = m_client.uploadMedia(data, mime, fileName);
    connect(upload, &ApiJob::finished, this, [this, upload, conversationId, type, caption, fileName, replyTo, data, mime] {
        if (!upload->succeeded()) {
            Q_EMIT fileFailed(conversationId, tr("%1 was not sent. %2").arg(fileName, upload->error()->userMessage()));
            return;
        }
        const Result result = sendMedia(conversationId, type, upload->mediaId(), caption, fileName, replyTo);
        if (result.error.isError() && !result.keptForLater) {
            Q_EMIT fileFailed(conversationId, result.error.userMessage);
            return;
        }
        if (m_fileKeeper && result.messageId > 0)
            m_fileKeeper(result.messageId, data, mime);
        Q_EMIT fileQueued(conversationId, result.messageId);
    });
}

StoreError MessageSender::retry(qint64 messageId)
{
    return m_outbox.retry(messageId);
}

MessageSender::Result MessageSender::sendCopyOf(qint64 messageId, MessageKind kind, const QString &shownText)
{
    Result result;
    StoreError error;
    const std::optional<OutgoingMessage> original = m_outbox.requestOf(messageId, &error);
    if (!original) {
        result.error = error.isError() ? error : StoreError::make(StoreError::Kind::Query, QStringLiteral("no such message"));
        return result;
    }
    return send({original->conversationId, kind, shownText, original->payload, {}});
}

StoreError MessageSender::discard(qint64 messageId)
{
    return m_outbox.discard(messageId);
}

} // namespace Mostrador
