#include "sandboxuploads.h"

#include <QHttpServerRequest>
#include <QJsonObject>
#include <QUrlQuery>

namespace Mostrador {

namespace {

using Status = QHttpServerResponse::StatusCode;

QHttpServerResponse uploadError(Status status, int code, const QString &message, bool transient = false)
{
    QJsonObject error{{QStringLiteral("message"), message}, {QStringLiteral("type"), QStringLiteral("OAuthException")},
                      {QStringLiteral("code"), code}};
    if (transient)
        error.insert(QStringLiteral("is_transient"), true);
    return QHttpServerResponse(QJsonObject{{QStringLiteral("error"), error}}, status);
}

} // namespace

QHttpServerResponse SandboxUploads::open(const QHttpServerRequest &request)
{
    const QUrlQuery query = request.query();
    bool ok = false;
    const qint64 length = query.queryItemValue(QStringLiteral("file_length")).toLongLong(&ok);
    const QString type = query.queryItemValue(QStringLiteral("file_type"));
    if (!ok || length <= 0 || type.isEmpty())
        return uploadError(Status::BadRequest, 100, QStringLiteral("(#100) file_length and file_type are required"));
    const QString id = QStringLiteral("upload:SANDBOX%1").arg(++m_counter);
    m_sessions.insert(id, Session{File{{}, type, query.queryItemValue(QStringLiteral("file_name"), QUrl::FullyDecoded)}, length, false, {}});
    return QHttpServerResponse(QJsonObject{{QStringLiteral("id"), id}});
}

QHttpServerResponse SandboxUploads::transfer(const QString &uploadId, const QHttpServerRequest &request)
{
    const auto session = m_sessions.find(uploadId);
    if (session == m_sessions.end())
        return uploadError(Status::BadRequest, 100, QStringLiteral("Unknown upload session"));
    QByteArray &data = session->file.data;
    const qint64 offset = request.value(QByteArrayLiteral("file_offset")).toLongLong();
    if (offset != data.size())
        return uploadError(Status::BadRequest, 100, QStringLiteral("file_offset %1 does not match the %2 bytes received").arg(offset).arg(data.size()));
    QByteArray part = request.body();
    if (m_breakAfter > 0 && !session->broken) {
        session->broken = true;
        data += part.left(m_breakAfter);
        return uploadError(Status::InternalServerError, 2, QStringLiteral("Service temporarily unavailable"), true);
    }
    data += part;
    if (data.size() < session->length)
        return QHttpServerResponse(QJsonObject{{QStringLiteral("id"), uploadId}, {QStringLiteral("file_offset"), data.size()}});
    session->handle = QStringLiteral("4:%1:%2:sandbox%3")
                          .arg(QString::fromLatin1(session->file.name.toUtf8().toBase64()),
                               QString::fromLatin1(session->file.mimeType.toUtf8().toBase64()))
                          .arg(m_counter);
    return QHttpServerResponse(QJsonObject{{QStringLiteral("h"), session->handle}});
}

QHttpServerResponse SandboxUploads::offset(const QString &uploadId) const
{
    const auto session = m_sessions.constFind(uploadId);
    if (session == m_sessions.constEnd())
        return uploadError(Status::BadRequest, 100, QStringLiteral("Unknown upload session"));
    return QHttpServerResponse(QJsonObject{{QStringLiteral("id"), uploadId}, {QStringLiteral("file_offset"), session->file.data.size()}});
}

std::optional<SandboxUploads::File> SandboxUploads::fileFor(const QString &handle) const
{
    for (const Session &session : m_sessions) {
        if (!session.handle.isEmpty() && session.handle == handle)
            return session.file;
    }
    return std::nullopt;
}

} // namespace Mostrador
