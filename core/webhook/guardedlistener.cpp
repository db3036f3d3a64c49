#include "guardedlistener.h"

#include <QLoggingCategory>
#include <QTcpSocket>
#include <QTimer>

namespace Mostrador {

Q_LOGGING_CATEGORY(lcGuard, "mostrador.webhook.guard")

namespace {

constexpr int kDrainMs = 1000;

// The value of header `name` (lower case) in a header block, or nothing.
std::optional<QByteArray> headerValue(const QByteArray &headers, const QByteArray &name)
{
    for (const QByteArray &line : headers.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == name)
            return line.mid(colon + 1).trimmed();
    }
    return std::nullopt;
}

} // namespace

GuardedListener::GuardedListener(Limits limits, QObject *parent)
    : QTcpServer(parent)
    , m_limits(limits)
{
}

void GuardedListener::incomingConnection(qintptr handle)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(handle)) {
        delete socket;
        return;
    }
    if (m_sockets.size() >= m_limits.maxConnections) {
        ++m_counters.tooMany;
        refuse(socket, QByteArrayLiteral("503 Service Unavailable\r\nRetry-After: 1"));
        return;
    }
    Watched &watched = m_sockets[socket];
    watched.deadline = new QTimer(socket);
    watched.deadline->setSingleShot(true);
    connect(watched.deadline, &QTimer::timeout, socket, [this, socket] {
        ++m_counters.timedOut;
        qCInfo(lcGuard) << "closed a connection that was too slow";
        socket->abort();
    });
    watched.deadline->start(m_limits.headerTimeoutMs);
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { inspect(socket); });
    connect(socket, &QTcpSocket::bytesWritten, this, [this, socket] { answered(socket); });
    connect(socket, &QTcpSocket::disconnected, this, [this, socket] { forget(socket); });
    connect(socket, &QObject::destroyed, this, [this, socket] { m_sockets.remove(socket); });
    inspect(socket);
}

void GuardedListener::inspect(QTcpSocket *socket)
{
    const auto watched = m_sockets.find(socket);
    if (watched == m_sockets.end() || watched->inRequest)
        return;
    // Peeked, not read: QHttpServer reads the same bytes once the connection is handed over.
    const QByteArray start = socket->peek(m_limits.maxHeaderBytes + 4);
    const qsizetype end = start.indexOf("\r\n\r\n");
    if (end < 0) {
        if (start.size() > m_limits.maxHeaderBytes) {
            ++m_counters.headersTooLarge;
            refuse(socket, QByteArrayLiteral("431 Request Header Fields Too Large"));
        }
        return;
    }
    const QByteArray headers = start.left(end);
    if (headerValue(headers, "transfer-encoding")) {
        ++m_counters.withoutLength;
        refuse(socket, QByteArrayLiteral("411 Length Required"));
        return;
    }
    bool ok = true;
    const qint64 length = headerValue(headers, "content-length").value_or(QByteArrayLiteral("0")).toLongLong(&ok);
    if (!ok || length < 0 || length > m_limits.maxBodyBytes) {
        ++m_counters.tooLarge;
        refuse(socket, ok ? QByteArrayLiteral("413 Payload Too Large") : QByteArrayLiteral("400 Bad Request"));
        return;
    }
    watched->inRequest = true;
    watched->deadline->start(m_limits.requestTimeoutMs);
    if (!watched->handedOver) {
        watched->handedOver = true;
        addPendingConnection(socket);
        Q_EMIT newConnection();
    }
    // The request's bytes arrived before QHttpServer listened to this socket: tell it they are there.
    QTimer::singleShot(0, socket, [socket] { Q_EMIT socket->readyRead(); });
}

void GuardedListener::answered(QTcpSocket *socket)
{
    // An answer went out: the next request on this connection is looked at afresh.
    const auto watched = m_sockets.find(socket);
    if (watched == m_sockets.end() || socket->bytesToWrite() > 0)
        return;
    watched->inRequest = false;
    watched->deadline->start(m_limits.headerTimeoutMs);
    if (socket->bytesAvailable() > 0)
        QTimer::singleShot(0, socket, [this, socket] { inspect(socket); });
}

void GuardedListener::refuse(QTcpSocket *socket, const QByteArray &statusLine)
{
    const qsizetype lineEnd = statusLine.indexOf('\r');
    qCInfo(lcGuard).noquote() << "refused a request:" << QString::fromLatin1(lineEnd < 0 ? statusLine : statusLine.left(lineEnd));
    forget(socket);
    socket->write(QByteArrayLiteral("HTTP/1.1 ") + statusLine + QByteArrayLiteral("\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
    // What the client is still sending is read and dropped for a moment, never kept, so it sees
    // the answer instead of a broken connection; then the connection closes whatever it sends.
    connect(socket, &QTcpSocket::readyRead, socket, [socket] {
        char sink[16384];
        while (socket->read(sink, sizeof sink) > 0) {
        }
    });
    const qint64 buffered = socket->bytesAvailable();
    socket->skip(buffered);
    QTimer::singleShot(kDrainMs, socket, [socket] { socket->disconnectFromHost(); });
    QTimer::singleShot(kDrainMs + 2000, socket, &QTcpSocket::abort);
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
}

void GuardedListener::forget(QTcpSocket *socket)
{
    const auto watched = m_sockets.find(socket);
    if (watched == m_sockets.end())
        return;
    const bool handedOver = watched->handedOver;
    delete watched->deadline;
    m_sockets.erase(watched);
    socket->disconnect(this);
    // Handed over, the socket is QHttpServer's to delete; otherwise it is ours.
    if (!handedOver)
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
}

} // namespace Mostrador
