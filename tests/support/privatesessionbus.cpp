#include "privatesessionbus.h"

#include <QStandardPaths>

namespace Mostrador::Testing {

PrivateSessionBus::PrivateSessionBus()
{
    const QString daemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
    if (daemon.isEmpty()) {
        m_skipReason = QStringLiteral("dbus-daemon is not installed (package dbus-daemon)");
        return;
    }
    m_daemon.start(daemon, {QStringLiteral("--session"), QStringLiteral("--nofork"), QStringLiteral("--nopidfile"),
                            QStringLiteral("--print-address=1")});
    if (!m_daemon.waitForStarted(5000) || !m_daemon.waitForReadyRead(5000)) {
        m_skipReason = QStringLiteral("dbus-daemon did not start: ") + m_daemon.errorString();
        return;
    }
    m_address = QString::fromUtf8(m_daemon.readLine()).trimmed();
    if (m_address.isEmpty())
        m_skipReason = QStringLiteral("dbus-daemon gave no address");
}

PrivateSessionBus::~PrivateSessionBus()
{
    for (const QString &name : std::as_const(m_connectionNames))
        QDBusConnection::disconnectFromBus(name);
    m_daemon.terminate();
    m_daemon.waitForFinished(5000);
}

QDBusConnection PrivateSessionBus::connect(const QString &name)
{
    m_connectionNames << name;
    return QDBusConnection::connectToBus(m_address, name);
}

} // namespace Mostrador::Testing
