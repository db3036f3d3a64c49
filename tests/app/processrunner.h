#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QStringList>
#include <QVariantList>

#include <memory>

class QProcess;

namespace Mostrador::Testing {

struct ProcessOutcome {
    bool started = false;
    bool finishedInTime = false;
    int exitCode = -1;
    QByteArray standardOutput;
    QByteArray standardError;
};

// The environment tests start executables with: the test's private HOME, the offscreen
// platform, an English locale (the tests read English texts), plus `extra`.
[[nodiscard]] QProcessEnvironment executableEnvironment(const QProcessEnvironment &extra = {});

// Runs one of the built executables (by name, from the build's binary directory) to completion,
// with the test's private HOME and the offscreen platform, and collects what it printed.
[[nodiscard]] ProcessOutcome runExecutable(const QString &name, const QStringList &arguments,
                                           const QProcessEnvironment &extra = {}, int timeoutMs = 60000);

// What mostrador-server needs to talk to a sandbox on `sandboxPort` and receive its webhooks.
[[nodiscard]] QProcessEnvironment serverEnvironment(quint16 sandboxPort);

// Asks a running mostrador-server to finish and stop, as the system would: SIGTERM on Linux; on
// Windows the stop event of TerminationRequests::stopEventName (a program started without a
// console cannot be sent Ctrl+C).
void requestStop(QProcess &process);

// Starts a long-running command and waits until it printed its first line (it is listening).
[[nodiscard]] std::unique_ptr<QProcess> startService(const QStringList &arguments, const QProcessEnvironment &extra);

// mostrador-server serve on `db` and a sandbox sending it webhooks, customers writing `pace` a
// minute (0: none); both running, or the test failed saying why.
struct ServeAndSandbox {
    std::unique_ptr<QProcess> serve;
    std::unique_ptr<QProcess> sandbox;
};
[[nodiscard]] ServeAndSandbox startServeAndSandbox(const QString &db, quint16 servePort, quint16 sandboxPort,
                                                   const QProcessEnvironment &environment, int pace);

// Waits until the store at `db` answers `sql` with at least `minimum`, reading it beside the
// service that writes it (SQLite's WAL lets both in).
[[nodiscard]] bool waitForStore(const QString &db, const QString &sql, qint64 minimum, const QVariantList &values = {});

// Waits until a service said a line containing `text` (kept for reading afterwards).
[[nodiscard]] bool waitForOutput(QProcess &process, const QByteArray &text);

} // namespace Mostrador::Testing
