// The receiver's listener refuses what it will not accept before reading it, over real TCP on
// 127.0.0.1: bodies announced too large, bodies without a length, endless headers, clients too
// slow, too many at once; and ordinary requests, several on one connection, still go through.

#include "webhook/guardedlistener.h"

#include <QHttpServer>
#include <QHttpServerResponse>
#include <QTcpSocket>
#include <QTest>

#include <gtest/gtest.h>

using namespace Mostrador;

namespace {

class GuardedListenerTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        GuardedListener::Limits limits;
        limits.maxBodyBytes = 1000;
        limits.maxHeaderBytes = 512;
        limits.maxConnections = 3;
        limits.headerTimeoutMs = 300;
        limits.requestTimeoutMs = 500;
        listener = new GuardedListener(limits, &server);
        ASSERT_TRUE(listener->listen(QHostAddress::LocalHost, 0));
        server.route(QStringLiteral("/x"), [](const QHttpServerRequest &request) {
            return QHttpServerResponse(QByteArrayLiteral("text/plain"), QByteArrayLiteral("got ") + QByteArray::number(request.body().size()));
        });
        server.bind(listener);
    }

    std::unique_ptr<QTcpSocket> connectNow()
    {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QHostAddress::LocalHost, listener->serverPort());
        EXPECT_TRUE(socket->waitForConnected(3000));
        return socket;
    }

    // Everything the server said until it closed (or `timeoutMs` passed).
    static QByteArray answer(QTcpSocket &socket, int timeoutMs = 3000)
    {
        QByteArray all;
        (void)QTest::qWaitFor([&] {
            all += socket.readAll();
            return socket.state() == QAbstractSocket::UnconnectedState;
        }, timeoutMs);
        return all + socket.readAll();
    }

    QHttpServer server;
    GuardedListener *listener = nullptr;
};

} // namespace

TEST_F(GuardedListenerTest, ABodyAnnouncedTooLargeIsRefusedBeforeItIsSent)
{
    auto socket = connectNow();
    socket->write("POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 400000000\r\nX-Hub-Signature-256: sha256=wrong\r\n\r\n");
    const QByteArray reply = answer(*socket);
    EXPECT_TRUE(reply.startsWith("HTTP/1.1 413")) << reply.constData();
    EXPECT_EQ(listener->counters().tooLarge, 1u);
}

TEST_F(GuardedListenerTest, ABodyWithoutALengthIsRefused)
{
    auto socket = connectNow();
    socket->write("POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n");
    EXPECT_TRUE(answer(*socket).startsWith("HTTP/1.1 411"));
}

TEST_F(GuardedListenerTest, HeadersThatNeverEndAreRefused)
{
    auto socket = connectNow();
    socket->write("GET /x HTTP/1.1\r\nX-Pad: " + QByteArray(2000, 'a'));
    EXPECT_TRUE(answer(*socket).startsWith("HTTP/1.1 431"));
}

TEST_F(GuardedListenerTest, AClientTooSlowIsClosed)
{
    auto socket = connectNow();
    socket->write("GET /x HTTP/1.1\r\nHost: a\r\n"); // and then nothing (slowloris)
    EXPECT_TRUE(answer(*socket).isEmpty());
    EXPECT_EQ(socket->state(), QAbstractSocket::UnconnectedState);
    EXPECT_EQ(listener->counters().timedOut, 1u);
}

TEST_F(GuardedListenerTest, PastTheLimitNewConnectionsAreTurnedAway)
{
    std::vector<std::unique_ptr<QTcpSocket>> holding;
    for (int i = 0; i < 3; ++i)
        holding.push_back(connectNow());
    QTest::qWait(50);
    auto late = connectNow();
    EXPECT_TRUE(answer(*late).startsWith("HTTP/1.1 503"));
}

TEST_F(GuardedListenerTest, OrdinaryRequestsStillGoThroughOneAfterAnotherOnAConnection)
{
    auto socket = connectNow();
    socket->write("POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello");
    QByteArray reply;
    ASSERT_TRUE(QTest::qWaitFor([&] { reply += socket->readAll(); return reply.contains("got 5"); }, 3000)) << reply.constData();
    reply.clear();
    socket->write("POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc");
    ASSERT_TRUE(QTest::qWaitFor([&] { reply += socket->readAll(); return reply.contains("got 3"); }, 3000)) << reply.constData();
    // A second request too large on the same connection is refused too.
    socket->write("POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 5000\r\n\r\n");
    EXPECT_TRUE(answer(*socket).contains("HTTP/1.1 413"));
}
