#include "terminationrequests.h"

#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace Mostrador {

namespace {

int g_pipe[2] = {-1, -1};

extern "C" void onSignal(int number)
{
    TerminationRequests::request(number);
}

} // namespace

void TerminationRequests::request(int signalNumber)
{
    // Async-signal-safe: one byte down the socket pair, read in the event loop.
    const char byte = char(signalNumber);
    [[maybe_unused]] const auto ignored = ::write(g_pipe[0], &byte, 1);
}

TerminationRequests::TerminationRequests(QObject *parent)
    : QObject(parent)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_pipe) != 0)
        return;
    m_notifier = new QSocketNotifier(g_pipe[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, [this] {
        char byte = 0;
        if (::read(g_pipe[1], &byte, 1) == 1)
            Q_EMIT terminationRequested(int(byte));
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
}

TerminationRequests::~TerminationRequests()
{
    signal(SIGTERM, SIG_DFL);
    signal(SIGINT, SIG_DFL);
}

} // namespace Mostrador
