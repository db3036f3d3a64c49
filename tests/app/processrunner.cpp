#include "processrunner.h"

#include "testenvironment.h"

#include <QProcess>

namespace Mostrador::Testing {

ProcessOutcome runExecutable(const QString &name, const QStringList &arguments,
                             const QProcessEnvironment &extra, int timeoutMs)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), testHome().path());
    if (!environment.contains(QStringLiteral("QT_QPA_PLATFORM")))
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.remove(QStringLiteral("LANGUAGE"));
    environment.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    environment.insert(extra);

    QProcess process;
    process.setProcessEnvironment(environment);
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
