#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QStringList>

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

} // namespace Mostrador::Testing
