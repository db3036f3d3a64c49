#pragma once

#include <QDBusConnection>
#include <QProcess>
#include <QString>

namespace Mostrador::Testing {

// A D-Bus session bus of the test's own: a real dbus-daemon, gone with the object, so services
// a test puts on it meet nothing of the desktop's (or of the test script's) session.
class PrivateSessionBus
{
public:
    PrivateSessionBus();
    ~PrivateSessionBus();
    PrivateSessionBus(const PrivateSessionBus &) = delete;
    PrivateSessionBus &operator=(const PrivateSessionBus &) = delete;

    [[nodiscard]] bool isAvailable() const { return m_skipReason.isEmpty(); }
    [[nodiscard]] QString skipReason() const { return m_skipReason; }
    [[nodiscard]] QString address() const { return m_address; }

    // A new connection to the bus, under its own name (one per party in a test).
    [[nodiscard]] QDBusConnection connect(const QString &name);

private:
    QProcess m_daemon;
    QString m_address;
    QString m_skipReason;
    QStringList m_connectionNames;
};

} // namespace Mostrador::Testing
