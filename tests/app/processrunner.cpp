#include "processrunner.h"

#include "testenvironment.h"

#include <QProcess>

namespace Mostrador::Testing {

QProcessEnvironment executableEnvironment(const QProcessEnvironment &extra)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), testHome().path());
    if (!environment.contains(QStringLiteral("QT_QPA_PLATFORM")))
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.remove(QStringLiteral("LANGUAGE"));
    // The tests read the English texts; the language follows the locale as for a user.
    environment.insert(QStringLiteral("LANG"), QStringLiteral("en_US.UTF-8"));
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("en_US.UTF-8"));
    environment.insert(extra);
    return environment;
}

ProcessOutcome runExecutable(const QString &name, const QStringList &arguments,
                             const QProcessEnvironment &extra, int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(executableEnvironment(extra));
    process.start(binaryDirectory() + QLatin1Char('/') + name, arguments);

    ProcessOutcome outcome;
    outcome.started = process.waitForStarted();
    if (!outcome.started)
        return outcome;
    outcome.finishedInTime = process.waitForFinished(timeoutMs);
    if (!outcome.finishedInTime) {
        process.kill();
        process.waitForFinished();
    }
    outcome.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    outcome.standardOutput = process.readAllStandardOutput();
    outcome.standardError = process.readAllStandardError();
    return outcome;
}

} // namespace Mostrador::Testing
