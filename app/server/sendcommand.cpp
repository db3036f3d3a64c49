#include "sendcommand.h"

#include "common/applicationidentity.h"
#include "api/cloudapiclient.h"
#include "api/messagepayloads.h"
#include "api/templatetext.h"
#include "campaigns/consentstore.h"
#include "inbox/shopeditstore.h"
#include "commandsupport.h"
#include "identity/phonenumbers.h"
#include "messaging/waid.h"
#include "services/shopservices.h"
#include "common/clock.h"
#include "outbox/messagesender.h"
#include "outbox/outbox.h"
#include "serverenvironment.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>

namespace Mostrador {

namespace {

// What the thread and the export show of a template sent from a terminal (its text is Meta's):
// "pedido_listo (es): Lucía · 1042".
QString templateShownText(const QString &name, const QString &language, const QStringList &parameters)
{
    const QString shown = QStringLiteral("%1 (%2)").arg(name, language);
    return parameters.isEmpty() ? shown : shown + QStringLiteral(": ") + parameters.join(QStringLiteral(" · "));
}

} // namespace

int runSendCommand(const QStringList &arguments)
{
    using namespace CommandSupport;
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ServerCommandLine",
        "Sends one WhatsApp message and records it in the database. Needs MOSTRADOR_ACCESS_TOKEN and "
        "MOSTRADOR_PHONE_NUMBER_ID; MOSTRADOR_GRAPH_URL points it elsewhere (the sandbox)."));
    const QCommandLineOption dbOption(QStringLiteral("db"), QCoreApplication::translate("ServerCommandLine", "The database: a file path or postgres://…"), QStringLiteral("path"));
    const QCommandLineOption toOption(QStringLiteral("to"), QCoreApplication::translate("ServerCommandLine", "The customer: a phone number in any form people write it (the shop's country by default, or MOSTRADOR_COUNTRY), or their WhatsApp user id."), QStringLiteral("number"));
    const QCommandLineOption textOption(QStringLiteral("text"), QCoreApplication::translate("ServerCommandLine", "The text to send (only within 24 hours of the customer's last message)."), QStringLiteral("text"));
    const QCommandLineOption templateOption(QStringLiteral("template"), QCoreApplication::translate("ServerCommandLine", "An approved template's name."), QStringLiteral("name"));
    const QCommandLineOption langOption(QStringLiteral("lang"), QCoreApplication::translate("ServerCommandLine", "The template's language code, such as es or en_US."), QStringLiteral("code"));
    const QCommandLineOption paramOption(QStringLiteral("param"), QCoreApplication::translate("ServerCommandLine", "A template body parameter; repeat for {{1}}, {{2}}, …"), QStringLiteral("value"));
    const QCommandLineOption despiteOption(QStringLiteral("despite-opt-out"),
                                           QCoreApplication::translate("ServerCommandLine",
                                               "Send a template to a customer who asked for no promotions all the same (kept on record)."));
    parser.addOptions({dbOption, toOption, textOption, templateOption, langOption, paramOption, despiteOption});
    process(parser, QStringLiteral("send"), arguments);

    QStringList problems;
    const ServerEnvironment environment = ServerEnvironment::read(&problems);
    problems << environment.missing({QStringLiteral("MOSTRADOR_ACCESS_TOKEN"), QStringLiteral("MOSTRADOR_PHONE_NUMBER_ID")});
    if (!parser.isSet(dbOption))
        problems << QCoreApplication::translate("ServerCommandLine", "--db is required.");
    if (parser.value(toOption).isEmpty())
        problems << QCoreApplication::translate("ServerCommandLine", "--to is required.");
    if (parser.isSet(textOption) == parser.isSet(templateOption))
        problems << QCoreApplication::translate("ServerCommandLine", "Give either --text or --template (one of them).");
    if (parser.isSet(templateOption) && parser.value(langOption).isEmpty())
        problems << QCoreApplication::translate("ServerCommandLine", "--template needs --lang.");
    if (parser.isSet(textOption)) {
        const QString invalid = MessagePayloads::validateText(parser.value(textOption));
        if (!invalid.isEmpty())
            problems << invalid;
    }
    if (!problems.isEmpty())
        return configurationError(problems);

    auto database = openStore(parser.value(dbOption), false);
    if (!database)
        return kFailure;

    SystemClock clock;
    CloudApiClient client(environment.api);
    Outbox outbox(*database, client, clock);
    MessageSender sender(outbox, client);
    Outbox::Settings settings;
    settings.maxAttempts = 1; // a command reports; it does not wait minutes to retry
    outbox.setSettings(settings);

    int code = kFailure;
    QEventLoop loop;
    QObject::connect(&outbox, &Outbox::messageAccepted, &loop, [&](qint64, const QString &wamid) {
        printOut(wamid);
        code = 0;
        loop.quit();
    });
    QObject::connect(&outbox, &Outbox::messageFailed, &loop, [&](qint64, const WireError &error) {
        printError(QCoreApplication::translate("ServerCommandLine", "Not sent [%1, code %2]: %3")
                       .arg(categoryName(error.category)).arg(error.code).arg(error.userMessage()));
        printError(error.logText());
        loop.quit();
    });
    QObject::connect(&outbox, &Outbox::storeFailed, &loop, [&](const StoreError &error) {
        printError(QCoreApplication::translate("ServerCommandLine", "Error: %1").arg(error.userMessage));
        loop.quit();
    });

    // A number as people write it ("+57 300 111 2233", "300 111 2233") becomes WhatsApp's id for it.
    QString recipient = parser.value(toOption).trimmed();
    if (!WaId::isBusinessScopedUserId(recipient)) {
        QString problem;
        const QString region = qEnvironmentVariable("MOSTRADOR_COUNTRY", ShopServices::regionOf(*database));
        const auto reading = PhoneNumbers::read(recipient, region, &problem);
        if (!reading)
            return configurationError({problem});
        recipient = reading->waId;
    }
    StoreError error;
    const auto conversation = sender.conversationWith(recipient, &error);
    // A customer who said no gets no promotion from here either: a marketing template is refused
    // unless --despite-opt-out says the shop means it, and then it is kept on record.
    bool pastTheirNo = false;
    if (conversation && parser.isSet(templateOption)) {
        const auto customer = ShopEditStore(*database).customerOf(*conversation, &error);
        if (error.isError()) {
            printError(QCoreApplication::translate("ServerCommandLine", "Error: %1").arg(error.userMessage));
            return kFailure;
        }
        if (customer && customer->optedOutAt.isValid()) {
            const QString name = parser.value(templateOption);
            const QString said = QCoreApplication::translate("ServerCommandLine", "%1 asked for no promotions (%2, %3).")
                                     .arg(!customer->displayName.isEmpty() ? customer->displayName
                                          : !customer->profileName.isEmpty() ? customer->profileName : recipient,
                                          customer->optOutReason,
                                          QLocale().toString(customer->optedOutAt.toLocalTime(), QLocale::ShortFormat));
            if (!parser.isSet(despiteOption)) {
                if (environment.api.wabaId.isEmpty()) {
                    return configurationError({said, QCoreApplication::translate("ServerCommandLine",
                        "Set MOSTRADOR_WABA_ID so send can tell whether %1 is a promotion, or add --despite-opt-out.").arg(name)});
                }
                QString problem;
                const auto chosen = approvedTemplate(client, name, parser.value(langOption), &problem);
                if (!chosen) {
                    printError(problem);
                    return kFailure;
                }
                if (TemplateChoice::isPromotion(*chosen)) {
                    return configurationError({said, QCoreApplication::translate("ServerCommandLine",
                        "%1 is a promotion (marketing): not sent. Add --despite-opt-out to send it all the same.").arg(name)});
                }
            } else {
                pastTheirNo = true;
            }
        }
    }
    const MessageSender::Result sent =
        !conversation ? MessageSender::Result{0, false, error}
        : parser.isSet(textOption)
            ? sender.sendText(*conversation, parser.value(textOption))
            : sender.sendTemplate(*conversation, parser.value(templateOption), parser.value(langOption), parser.values(paramOption),
                                  templateShownText(parser.value(templateOption), parser.value(langOption), parser.values(paramOption)));
    if (!sent.messageId) {
        printError(QCoreApplication::translate("ServerCommandLine", "Error: %1").arg(sent.error.userMessage));
        return kFailure;
    }
    loop.exec();
    if (pastTheirNo && code == 0) {
        const QString by = personActing(database->location().user);
        if (StoreError kept = ConsentStore(*database).recordPromotionPastNo(*conversation, sent.messageId, parser.value(templateOption),
                                                                            by, clock.now());
            kept.isError())
            printError(QCoreApplication::translate("ServerCommandLine", "Sent, but not kept on record: %1").arg(kept.userMessage));
    }
    return code;
}

} // namespace Mostrador
