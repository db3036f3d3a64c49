#pragma once

#include <QProcess>
#include <QTcpServer>

// Starts `mostrador-server serve` for a benchmark on a free loopback port with the bench's
// secret, a store in `dbPath` and no backups; `extra` adds to (or overrides) its environment.
// Returns the port (0 when it did not start).
inline quint16 startBenchServe(QProcess &serve, const QString &binary, const QString &dbPath, const QByteArray &secret,
                               const QProcessEnvironment &extra = {})
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("MOSTRADOR_APP_SECRET"), QString::fromLatin1(secret));
    environment.insert(QStringLiteral("MOSTRADOR_VERIFY_TOKEN"), QStringLiteral("v"));
    environment.insert(QStringLiteral("MOSTRADOR_ACCESS_TOKEN"), QStringLiteral("t"));
    environment.insert(QStringLiteral("MOSTRADOR_PHONE_NUMBER_ID"), QStringLiteral("p"));
    environment.insert(extra);
    serve.setProcessEnvironment(environment);
    serve.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    serve.start(binary, {QStringLiteral("serve"), QStringLiteral("--no-backups"), QStringLiteral("--db"), dbPath,
                         QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port)});
    return serve.waitForReadyRead(10000) ? port : 0;
}
