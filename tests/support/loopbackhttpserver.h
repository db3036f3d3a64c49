#pragma once

#include <QHttpServer>
#include <QUrl>

namespace Mostrador::Testing {

// A port on 127.0.0.1 nobody listens on right now (for a process or receiver a test starts).
[[nodiscard]] quint16 freeLoopbackPort();

// A QHttpServer on 127.0.0.1 with a free port, for tests that need a real HTTP peer whose
// answers they choose (an API that fails, a webhook target that records what it receives).
class LoopbackHttpServer
{
public:
    LoopbackHttpServer();

    QHttpServer &server() { return m_server; }
    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QUrl url(const QString &path = QString()) const;

private:
    QHttpServer m_server;
    quint16 m_port = 0;
};

} // namespace Mostrador::Testing
