#pragma once

#include <QHash>
#include <QTcpServer>

class QTcpSocket;
class QTimer;

namespace Mostrador {

// The receiver listens on the internet, so nobody may make it read more than it will accept.
// QHttpServer 6.4 reads a whole request body before a handler sees it; this listener stands in
// front: it looks at each request's headers as they arrive (without taking them from the
// socket) and only then hands the connection to QHttpServer. A body announced over the limit
// gets 413 at once and is never read; a body without a length (chunked) gets 411; headers that
// never end, or end too late (slowloris), close the connection; so does a connection that stays
// silent; and past a number of connections at once, newcomers get 503. Memory stays flat
// whatever is sent.
class GuardedListener final : public QTcpServer
{
    Q_OBJECT

public:
    struct Limits {
        qint64 maxBodyBytes = 3 * 1024 * 1024;
        int maxHeaderBytes = 16 * 1024;
        int maxConnections = 64;
        int headerTimeoutMs = 10 * 1000;   // from connecting (or the last answer) to the end of the headers
        int requestTimeoutMs = 30 * 1000;  // from the headers to the answer
    };

    struct Counters {
        quint64 tooLarge = 0;
        quint64 withoutLength = 0;
        quint64 headersTooLarge = 0;
        quint64 timedOut = 0;
        quint64 tooMany = 0;
    };

    explicit GuardedListener(Limits limits, QObject *parent = nullptr);

    [[nodiscard]] const Counters &counters() const { return m_counters; }

protected:
    void incomingConnection(qintptr handle) override;

private:
    struct Watched {
        QTimer *deadline = nullptr;
        bool handedOver = false;
        bool inRequest = false; // headers accepted, no answer yet
    };

    void inspect(QTcpSocket *socket);
    void refuse(QTcpSocket *socket, const QByteArray &statusLine);
    void answered(QTcpSocket *socket);
    void forget(QTcpSocket *socket);

    Limits m_limits;
    Counters m_counters;
    QHash<QTcpSocket *, Watched> m_sockets;
};

} // namespace Mostrador
