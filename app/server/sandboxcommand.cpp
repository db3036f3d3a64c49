#include "sandboxcommand.h"

#include "commandsupport.h"
#include "common/clock.h"
#include "sandbox/sandboxserver.h"
#include "sandbox/simulatedcustomers.h"
#include "serverenvironment.h"
#include "terminationrequests.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace Mostrador {

int runSandboxCommand(const QStringList &arguments)
{
    using namespace CommandSupport;
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ServerCommandLine",
        "A pretend WhatsApp Cloud API on this computer, with customers who write in. Signs its webhooks with "
        "MOSTRADOR_APP_SECRET and accepts MOSTRADOR_ACCESS_TOKEN (default: sandbox-token)."));
    const QCommandLineOption listenOption(QStringLiteral("listen"), QCoreApplication::translate("ServerCommandLine", "Where to listen, as HOST:PORT."),
                                          QStringLiteral("host:port"), QStringLiteral("127.0.0.1:8090"));
    const QCommandLineOption webhookOption(QStringLiteral("webhook"), QCoreApplication::translate("ServerCommandLine", "Where to send webhooks (the receiver's URL)."),
                                           QStringLiteral("url"));
    const QCommandLineOption paceOption(QStringLiteral("pace"), QCoreApplication::translate("ServerCommandLine", "Customer messages per minute (0: none)."),
                                        QStringLiteral("n"), QStringLiteral("6"));
    parser.addOptions({listenOption, webhookOption, paceOption});
    process(parser, QStringLiteral("sandbox"), arguments);

    QStringList problems;
    const ServerEnvironment environment = ServerEnvironment::read(&problems);
    problems << environment.missing({QStringLiteral("MOSTRADOR_APP_SECRET")});
    QHostAddress address;
    quint16 port = 0;
    if (!parseListen(parser.value(listenOption), &address, &port))
        problems << QCoreApplication::translate("ServerCommandLine", "--listen must look like 127.0.0.1:8090, not \"%1\".").arg(parser.value(listenOption));
    const QUrl webhook(parser.value(webhookOption));
    if (!webhook.isValid() || !webhook.scheme().startsWith(QLatin1String("http")))
        problems << QCoreApplication::translate("ServerCommandLine", "--webhook must be the receiver's http(s) URL, such as http://127.0.0.1:8080/webhook.");
    bool paceOk = false;
    const double pace = parser.value(paceOption).toDouble(&paceOk);
    if (!paceOk || pace < 0)
        problems << QCoreApplication::translate("ServerCommandLine", "--pace must be a number of messages per minute.");
    if (!problems.isEmpty())
        return configurationError(problems);

    SystemClock clock;
    SandboxServer::Settings settings;
    settings.appSecret = environment.appSecret;
    settings.accessToken = environment.api.accessToken.isEmpty() ? QStringLiteral("sandbox-token") : environment.api.accessToken;
    settings.webhookUrl = webhook;
    if (!environment.api.phoneNumberId.isEmpty())
        settings.business.phoneNumberId = environment.api.phoneNumberId;
    if (!environment.api.wabaId.isEmpty())
        settings.business.wabaId = environment.api.wabaId;
    SandboxServer sandbox(settings, clock);
    if (!sandbox.listen(address, port)) {
        printError(QCoreApplication::translate("ServerCommandLine", "Error: cannot listen on %1:%2; is another program using that port?")
                       .arg(address.toString()).arg(port));
        return kFailure;
    }
    SimulatedCustomers customers(sandbox);
    if (pace > 0) {
        customers.setPace(pace);
        customers.start();
    }

    TerminationRequests signals_;
    QObject::connect(&signals_, &TerminationRequests::terminationRequested, &sandbox, [] { QCoreApplication::exit(0); });

    printOut(QCoreApplication::translate("ServerCommandLine", "Sandbox Cloud API at %1/%2 — phone number id %3, WhatsApp Business Account id %4")
                 .arg(sandbox.baseUrl().toString(), settings.apiVersion, settings.business.phoneNumberId, settings.business.wabaId));
    printOut(QCoreApplication::translate("ServerCommandLine", "Signed webhooks go to %1").arg(webhook.toString()));
    return QCoreApplication::exec();
}

} // namespace Mostrador
