#pragma once

#include <QObject>

class QSocketNotifier;

namespace Mostrador {

// Turns a request to stop into a Qt signal, delivered in the event loop (not in the handler the
// system calls), so the service can finish what it is doing before it exits.
// On Linux: SIGTERM and SIGINT (terminationrequests_unix.cpp). On Windows: Ctrl+C, Ctrl+Break,
// closing the console window, signing out and shutting down (terminationrequests_windows.cpp),
// reported as SIGINT or SIGTERM; and, for programs that start mostrador-server without a
// console (a service wrapper, the tests), the named event stopEventName(its process id) set.
class TerminationRequests final : public QObject
{
    Q_OBJECT

public:
    explicit TerminationRequests(QObject *parent = nullptr);
    ~TerminationRequests() override;

    // What the system handler does, callable from any thread (and from tests).
    static void request(int signalNumber);
#ifdef Q_OS_WIN
    // The event another program sets to ask the process `processId` to stop.
    [[nodiscard]] static QString stopEventName(qint64 processId);
#endif

Q_SIGNALS:
    void terminationRequested(int signalNumber);

private:
    QSocketNotifier *m_notifier = nullptr;
#ifdef Q_OS_WIN
    void *m_stopEvent = nullptr;
#endif
};

} // namespace Mostrador
