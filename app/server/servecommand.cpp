#include "servecommand.h"

#include "api/cloudapiclient.h"
#include "automation/autoresponder.h"
#include "automation/shopautomation.h"
#include "backupcommand.h"
#include "commandsupport.h"
#include "team/teamaccessstore.h"
#include "common/clock.h"
#include "outbox/outbox.h"
#include "media/mediadownloader.h"
#include "db/backup.h"
#include "db/settingsstore.h"
#include "team/readreceipts.h"
#include "db/storenotifications.h"
#include "serverenvironment.h"
#include "services/shopservices.h"
#include "webhook/webhookingestor.h"
#include "terminationrequests.h"
#include "webhook/webhookreceiver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTimer>
#include <QUuid>

namespace Mostrador {

Q_LOGGING_CATEGORY(lcServe, "mostrador.serve")

namespace {

struct TeamServerSettings {
    QByteArray mediaToken;
};

// What desktops sharing this store (team mode) need from the server, kept in the store: the
// number they store messages for, and where and with which token they fetch customers' files
// (MOSTRADOR_TEAM_MEDIA_URL when the address desktops reach differs from the one listened on).
TeamServerSettings publishTeamSettings(Database &database, const QString &phoneNumberId, const QHostAddress &address, quint16 port)
{
    SettingsStore settings(database);
    StoreError error;
    QByteArray token = settings.read(QStringLiteral("team/"), &error).value(QStringLiteral("team/media_token")).toLatin1();
    if (token.isEmpty())
        token = QUuid::createUuid().toByteArray(QUuid::Id128) + QUuid::createUuid().toByteArray(QUuid::Id128);
    const QString url = qEnvironmentVariable("MOSTRADOR_TEAM_MEDIA_URL", QStringLiteral("http://%1:%2").arg(address.toString()).arg(port));
    if (const StoreError problem = settings.write({{QStringLiteral("team/phone_number_id"), phoneNumberId},
                                                   {QStringLiteral("team/media_url"), url},
                                                   {QStringLiteral("team/media_token"), QString::fromLatin1(token)}});
        problem.isError())
        qCWarning(lcServe).noquote() << "could not record the team's settings:" << problem.detail;
    return {token};
}

} // namespace

int runServeCommand(const QStringList &arguments)
{
    using namespace CommandSupport;
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ServerCommandLine",
        "Receives WhatsApp webhooks into the database. Needs MOSTRADOR_APP_SECRET, MOSTRADOR_VERIFY_TOKEN, "
        "MOSTRADOR_ACCESS_TOKEN and MOSTRADOR_PHONE_NUMBER_ID (or the same names ending in _FILE)."));
    const QCommandLineOption dbOption(QStringLiteral("db"), QCoreApplication::translate("ServerCommandLine", "The database: a file path or postgres://…"),
                                      QStringLiteral("path"));
    const QCommandLineOption listenOption(QStringLiteral("listen"), QCoreApplication::translate("ServerCommandLine", "Where to listen, as HOST:PORT."),
                                          QStringLiteral("host:port"), QStringLiteral("127.0.0.1:8080"));
    const QCommandLineOption noBackupOption(QStringLiteral("no-backups"),
                                            QCoreApplication::translate("ServerCommandLine", "Do not make the daily backup (in backups/ beside the database)."));
    const QCommandLineOption mediaOption(QStringLiteral("media"),
                                         QCoreApplication::translate("ServerCommandLine", "Where customers' photos and files go (default: media/ beside a database file)."),
                                         QStringLiteral("folder"));
    parser.addOptions({dbOption, listenOption, noBackupOption, mediaOption});
    process(parser, QStringLiteral("serve"), arguments);

    QStringList problems;
    const ServerEnvironment environment = ServerEnvironment::read(&problems);
    problems << environment.missing({QStringLiteral("MOSTRADOR_APP_SECRET"), QStringLiteral("MOSTRADOR_VERIFY_TOKEN"),
                                     QStringLiteral("MOSTRADOR_ACCESS_TOKEN"), QStringLiteral("MOSTRADOR_PHONE_NUMBER_ID")});
    if (!parser.isSet(dbOption))
        problems << QCoreApplication::translate("ServerCommandLine", "--db is required: where to keep the messages.");
    QHostAddress address;
    quint16 port = 0;
    if (!parseListen(parser.value(listenOption), &address, &port))
        problems << QCoreApplication::translate("ServerCommandLine", "--listen must look like 127.0.0.1:8080, not \"%1\".").arg(parser.value(listenOption));
    if (!problems.isEmpty())
        return configurationError(problems);

    // Customers' files are fetched at once (Meta keeps them only for a while), SHA-256 checked,
    // and served to team desktops on other machines at /media/ with the team's token.
    const StoreLocation location = StoreLocation::parse(parser.value(dbOption));
    const QString mediaFolder = parser.isSet(mediaOption) ? parser.value(mediaOption)
                                : location.dialect.isSqlite() ? QFileInfo(location.sqlitePath).absolutePath() + QStringLiteral("/media")
                                                            : QDir::current().filePath(QStringLiteral("media"));
    auto shop = openServices(parser.value(dbOption), environment.api, mediaFolder);
    if (!shop)
        return kFailure;
    Database &database = shop->database();
    const TeamServerSettings team = publishTeamSettings(database, environment.api.phoneNumberId, address, port);
    if (const StoreError error = TeamAccessStore(database, shop->clock()).refreshIfInUse(); error.isError())
        qCWarning(lcServe).noquote() << "agents' rights were not brought up to date:" << error.detail;
    WebhookReceiver receiver(WebhookReceiver::Settings::forShop(environment.appSecret, environment.verifyToken, mediaFolder, team.mediaToken),
                             shop->ingestor());
    const quint16 listening = receiver.listen(address, port);
    if (!listening) {
        printError(QCoreApplication::translate("ServerCommandLine", "Error: cannot listen on %1:%2; is another program using that port?")
                       .arg(address.toString()).arg(port));
        return kFailure;
    }
    QObject::connect(&receiver, &WebhookReceiver::batchStored, &receiver, [](int messages, int statuses) {
        qCInfo(lcServe) << "stored" << messages << "new messages and" << statuses << "status changes";
    });
    QObject::connect(&receiver, &WebhookReceiver::verificationRequested, &receiver, [](bool accepted) {
        qCInfo(lcServe) << (accepted ? "Meta's verification request accepted" : "verification request with a wrong token refused");
    });

    // The outbox worker sends what this service's automatic replies (and anyone sharing the
    // database) queued, and picked up what was left in flight by a previous run.
    Outbox &outbox = shop->outbox();
    CloudApiClient &client = shop->client();
    QObject::connect(&outbox, &Outbox::messageFailed, &outbox, [](qint64 id, const WireError &error) {
        qCWarning(lcServe).noquote() << "message" << id << "not sent:" << error.logText();
    });
    outbox.pump();
    // Read receipts team desktops asked for (they have no token), sent as soon as they ask.
    ReadReceipts receipts(database, shop->clock());
    StoreNotifications teamChanges(database);
    if (teamChanges.listen())
        QObject::connect(&teamChanges, &StoreNotifications::changed, &receipts, [&receipts, &client] { receipts.sendPending(client); });
    receipts.sendPending(client);
    QTimer pumpTimer;
    pumpTimer.callOnTimeout(&outbox, &Outbox::pump);
    pumpTimer.callOnTimeout(&receipts, [&receipts, &client] { receipts.sendPending(client); });
    pumpTimer.start(30 * 1000);

    // The environment decides when it says anything about automatic replies; otherwise what the
    // shop set in the desktop's Shop menu, when it chose this service to send them (armed by
    // ShopServices already).
    AutoResponder &responder = shop->autoReplies();
    AutoResponder::Settings replySettings = environment.autoReplies;
    OpeningHours openingHours = environment.openingHours;
    if (replySettings.isArmed()) {
        responder.setSettings(replySettings);
        responder.setOpeningHours(openingHours);
    } else if (shop->automation().armedFor(ShopAutomation::Runner::Server)) {
        replySettings = shop->automation().replies;
        openingHours = shop->automation().hours;
    }
    QObject::connect(&responder, &AutoResponder::failed, &responder, [](const QString &reason) {
        qCWarning(lcServe).noquote() << "automatic reply not queued:" << reason;
    });
    QObject::connect(&shop->media(), &MediaDownloader::mediaFailed, &shop->media(), [](qint64 id, const QString &reason) {
        qCWarning(lcServe).noquote() << "file of message" << id << "not downloaded:" << reason;
    });

    BackupScheduler backups(database, defaultBackupFolder(parser.value(dbOption)), 7, shop->clock());
    QObject::connect(&backups, &BackupScheduler::failed, &backups, [](const StoreError &error) {
        qCCritical(lcServe).noquote() << "daily backup failed:" << error.detail;
    });
    if (!parser.isSet(noBackupOption) && database.dialect().isSqlite())
        backups.start();

    TerminationRequests signals_;
    QObject::connect(&signals_, &TerminationRequests::terminationRequested, &receiver, [](int number) {
        // Requests are handled whole inside the event loop, so leaving it after the current event
        // finishes the one in hand; everything acknowledged is already committed.
        qCInfo(lcServe) << "signal" << number << "received: finishing and stopping";
        QCoreApplication::exit(0);
    });

    printOut(QCoreApplication::translate("ServerCommandLine", "Receiving webhooks at http://%1:%2/webhook (health: /healthz), storing in %3")
                 .arg(address.toString()).arg(listening).arg(database.location().describe()));
    QStringList replies;
    if (replySettings.awayEnabled)
        replies << QCoreApplication::translate("ServerCommandLine", "away message outside opening hours (%1)")
                       .arg(QString::fromUtf8(openingHours.zone().id()));
    if (replySettings.greetingEnabled)
        replies << QCoreApplication::translate("ServerCommandLine", "greeting for new customers");
    printOut(replies.isEmpty()
                 ? QCoreApplication::translate("ServerCommandLine",
                                               "Automatic replies are off (choose this service in the desktop's Shop menu, or set "
                                               "MOSTRADOR_AWAY_MESSAGE or MOSTRADOR_GREETING_MESSAGE).")
                 : QCoreApplication::translate("ServerCommandLine", "Automatic replies are on, sent from here: %1.")
                       .arg(replies.join(QStringLiteral("; "))));
    const int code = QCoreApplication::exec();
    printOut(QCoreApplication::translate("ServerCommandLine", "Stopped. %n webhook(s) stored.", nullptr, int(receiver.counters().accepted)));
    return code;
}

} // namespace Mostrador
