#include "loopbackhttpserver.h"

#include <QTcpServer>

#include <QHostAddress>

namespace Mostrador::Testing {

quint16 freeLoopbackPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

LoopbackHttpServer::LoopbackHttpServer()
{
    m_port = m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl LoopbackHttpServer::url(const QString &path) const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    url.setPath(path.isEmpty() ? QStringLiteral("/") : path);
    return url;
}

} // namespace Mostrador::Testing
