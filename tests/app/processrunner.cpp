#include "processrunner.h"

#include "api/apiconfig.h"

#include "testenvironment.h"

#include "db/database.h"

#include <QProcess>
#include <QSqlQuery>
#include <QTest>

#include <gtest/gtest.h>

#ifdef Q_OS_WIN
#include <string>

#include <windows.h>
#endif

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

QProcessEnvironment serverEnvironment(quint16 sandboxPort)
{
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("MOSTRADOR_APP_SECRET"), QStringLiteral("test-secret"));
    environment.insert(QStringLiteral("MOSTRADOR_VERIFY_TOKEN"), QStringLiteral("test-verify"));
    environment.insert(QStringLiteral("MOSTRADOR_ACCESS_TOKEN"), QStringLiteral("test-token"));
    environment.insert(QStringLiteral("MOSTRADOR_PHONE_NUMBER_ID"), QStringLiteral("106540352242922"));
    environment.insert(QStringLiteral("MOSTRADOR_WABA_ID"), QStringLiteral("100200300400500"));
    environment.insert(QStringLiteral("MOSTRADOR_GRAPH_URL"), QStringLiteral("http://127.0.0.1:%1/%2").arg(sandboxPort).arg(ApiConfig::kGraphVersion));
    return environment;
}

void requestStop(QProcess &process)
{
#ifdef Q_OS_WIN
    // The name TerminationRequests::stopEventName gives (app/server/terminationrequests_windows.cpp).
    const std::wstring name = QStringLiteral("Local\\MostradorStop-%1").arg(process.processId()).toStdWString();
    if (const HANDLE event = OpenEventW(EVENT_MODIFY_STATE, FALSE, name.c_str())) {
        SetEvent(event);
        CloseHandle(event);
    }
#else
    process.terminate();
#endif
}

// Starts a long-running command and waits until it printed its first line (it is listening).
std::unique_ptr<QProcess> startService(const QStringList &arguments, const QProcessEnvironment &extra)
{
    auto process = std::make_unique<QProcess>();
    process->setProcessEnvironment(executableEnvironment(extra));
    process->start(binaryDirectory() + QStringLiteral("/mostrador-server"), arguments);
    EXPECT_TRUE(process->waitForStarted());
    EXPECT_TRUE(QTest::qWaitFor([&] { return process->canReadLine() || process->state() != QProcess::Running; }, 10000));
    return process;
}

ServeAndSandbox startServeAndSandbox(const QString &db, quint16 servePort, quint16 sandboxPort, const QProcessEnvironment &environment,
                                     int pace)
{
    ServeAndSandbox both;
    both.serve = startService({QStringLiteral("serve"), QStringLiteral("--db"), db, QStringLiteral("--listen"),
                               QStringLiteral("127.0.0.1:%1").arg(servePort)}, environment);
    EXPECT_EQ(both.serve->state(), QProcess::Running) << both.serve->readAllStandardError().constData();
    both.sandbox = startService({QStringLiteral("sandbox"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(sandboxPort),
                                 QStringLiteral("--webhook"), QStringLiteral("http://127.0.0.1:%1/webhook").arg(servePort),
                                 QStringLiteral("--pace"), QString::number(pace)}, environment);
    EXPECT_EQ(both.sandbox->state(), QProcess::Running) << both.sandbox->readAllStandardError().constData();
    return both;
}

// Waits until the store at `db` answers `sql` with at least `minimum`, reading it beside the
// service that writes it (SQLite's WAL lets both in).
bool waitForStore(const QString &db, const QString &sql, qint64 minimum, const QVariantList &values)
{
    return QTest::qWaitFor([&] {
        StoreLocation location = StoreLocation::parse(db);
        location.readOnly = true;
        location.checkOnOpen = false;
        StoreError error;
        auto database = Database::open(location, &error);
        if (!database)
            return false;
        QSqlQuery query(database->connection());
        query.prepare(sql);
        for (const QVariant &value : values)
            query.addBindValue(value);
        return query.exec() && query.next() && query.value(0).toLongLong() >= minimum;
    }, 20000);
}

// Waits until a service said a line containing `text` (kept for reading afterwards).
bool waitForOutput(QProcess &process, const QByteArray &text)
{
    return QTest::qWaitFor([&] { return process.peek(1 << 20).contains(text) || process.state() != QProcess::Running; }, 10000)
        && process.peek(1 << 20).contains(text);
}

} // namespace Mostrador::Testing
