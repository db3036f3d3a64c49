// The demo never calls Meta: everything it asks for stays on this computer (its sandbox on
// 127.0.0.1), from the first moment, while the sandbox is still being set up.
#include "demosession.h"
#include "qtprinting.h"

#include <QHostAddress>
#include <QNetworkProxyFactory>
#include <QTest>

#include <gtest/gtest.h>

using namespace Mostrador;

namespace {

// Consulted by Qt for every request the application makes: notes those bound for another
// machine, and lets every request go direct.
class RequestsLeavingThisComputer final : public QNetworkProxyFactory
{
public:
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override
    {
        const QString host = query.peerHostName();
        if (!QHostAddress(host).isLoopback() && host != QLatin1String("localhost"))
            leaving.append(query.url().isValid() ? query.url().toString() : host);
        return {QNetworkProxy(QNetworkProxy::NoProxy)};
    }

    QStringList leaving;
};

} // namespace

TEST(DemoSession, NeverAsksAnythingOfAMachineOtherThanThisOne)
{
    auto *requests = new RequestsLeavingThisComputer; // owned by Qt once set
    QNetworkProxyFactory::setApplicationProxyFactory(requests);
    {
        DemoSession demo;
        QString error;
        ASSERT_TRUE(demo.start(&error)) << error.toStdString();
        QTest::qWait(3000); // the shop's services start, the first polls and sends go out
    }
    const QStringList leaving = requests->leaving;
    QNetworkProxyFactory::setApplicationProxyFactory(nullptr);
    EXPECT_TRUE(leaving.isEmpty()) << leaving.join(QLatin1Char('\n')).toStdString();
}
