#include "terminationrequests.h"

#include <QMetaObject>
#include <QPointer>
#include <QWinEventNotifier>

#include <atomic>
#include <csignal>

#include <windows.h>

namespace Mostrador {

namespace {

QPointer<TerminationRequests> g_instance;
// Set once the object is gone, i.e. once the service has finished what it was doing.
std::atomic_bool g_finished{false};

// Called by Windows on a thread of its own.
BOOL WINAPI onConsoleEvent(DWORD type)
{
    switch (type) {
    case CTRL_C_EVENT:
    case CTRL_BREAK_EVENT:
        TerminationRequests::request(SIGINT);
        return TRUE;
    case CTRL_CLOSE_EVENT:
    case CTRL_LOGOFF_EVENT:
    case CTRL_SHUTDOWN_EVENT:
        TerminationRequests::request(SIGTERM);
        // Windows ends the process when this returns: give the service the few seconds Windows
        // allows to finish the request in hand and close the store.
        for (int waited = 0; waited < 4500 && !g_finished; waited += 50)
            Sleep(50);
        return TRUE;
    default:
        return FALSE;
    }
}

} // namespace

void TerminationRequests::request(int signalNumber)
{
    if (TerminationRequests *instance = g_instance.data()) {
        QMetaObject::invokeMethod(instance, [instance, signalNumber] { Q_EMIT instance->terminationRequested(signalNumber); },
                                  Qt::QueuedConnection);
    }
}

QString TerminationRequests::stopEventName(qint64 processId)
{
    return QStringLiteral("Local\\MostradorStop-%1").arg(processId);
}

TerminationRequests::TerminationRequests(QObject *parent)
    : QObject(parent)
{
    g_instance = this;
    g_finished = false;
    SetConsoleCtrlHandler(onConsoleEvent, TRUE);
    // A program without a console of its own (a service wrapper, the tests) asks by this event.
    m_stopEvent = CreateEventW(nullptr, TRUE, FALSE, stopEventName(GetCurrentProcessId()).toStdWString().c_str());
    if (m_stopEvent) {
        auto *notifier = new QWinEventNotifier(m_stopEvent, this);
        connect(notifier, &QWinEventNotifier::activated, this, [this, notifier] {
            notifier->setEnabled(false);
            Q_EMIT terminationRequested(SIGTERM);
        });
    }
}

TerminationRequests::~TerminationRequests()
{
    SetConsoleCtrlHandler(onConsoleEvent, FALSE);
    if (m_stopEvent)
        CloseHandle(m_stopEvent);
    g_finished = true;
}

} // namespace Mostrador
