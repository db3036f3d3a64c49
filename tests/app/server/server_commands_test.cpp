// mostrador-server's commands as a shop's always-on machine runs them: real processes talking
// over 127.0.0.1.
#include "processrunner.h"
#include "loopbackhttpserver.h"
#include "automation/shopautomation.h"
#include "messaging/messagetypes.h"
#include "campaigns/consentstore.h"
#include "db/database.h"
#include "temporarypostgres.h"
#include "testenvironment.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace Mostrador::Testing;

TEST(ServerCommands, ServeRefusesToStartWithoutItsSecrets)
{
    const auto outcome = runExecutable(QStringLiteral("mostrador-server"),
                                       {QStringLiteral("serve"), QStringLiteral("--db"), QStringLiteral("/tmp/x.db")});
    EXPECT_EQ(outcome.exitCode, 2);
    EXPECT_TRUE(outcome.standardError.contains("MOSTRADOR_APP_SECRET is not set")) << outcome.standardError.constData();
    EXPECT_TRUE(outcome.standardError.contains("MOSTRADOR_ACCESS_TOKEN is not set"));
}

TEST(ServerCommands, AnAwayMessageNeedsValidOpeningHours)
{
    QTemporaryDir directory;
    QProcessEnvironment environment = serverEnvironment(1);
    environment.insert(QStringLiteral("MOSTRADOR_AWAY_MESSAGE"), QStringLiteral("Cerrado"));
    const QStringList serve{QStringLiteral("serve"), QStringLiteral("--db"), directory.filePath(QStringLiteral("s.db"))};
    const auto withoutHours = runExecutable(QStringLiteral("mostrador-server"), serve, environment);
    EXPECT_EQ(withoutHours.exitCode, 2);
    EXPECT_TRUE(withoutHours.standardError.contains("MOSTRADOR_AWAY_MESSAGE needs MOSTRADOR_OPENING_HOURS"))
        << withoutHours.standardError.constData();
    environment.insert(QStringLiteral("MOSTRADOR_OPENING_HOURS"), QStringLiteral("mon-fri 9-13 13-9"));
    const auto badHours = runExecutable(QStringLiteral("mostrador-server"), serve, environment);
    EXPECT_EQ(badHours.exitCode, 2);
    EXPECT_TRUE(badHours.standardError.contains("13:00-09:00 closes before it opens.")) << badHours.standardError.constData();
}

TEST(ServerCommands, SecretsCanComeFromFiles)
{
    QTemporaryDir directory;
    QFile secret(directory.filePath(QStringLiteral("secret")));
    ASSERT_TRUE(secret.open(QIODevice::WriteOnly));
    secret.write("from-a-file\n");
    secret.close();
    QProcessEnvironment environment = serverEnvironment(1);
    environment.remove(QStringLiteral("MOSTRADOR_APP_SECRET"));
    environment.insert(QStringLiteral("MOSTRADOR_APP_SECRET_FILE"), directory.filePath(QStringLiteral("missing")));
    const auto missing = runExecutable(QStringLiteral("mostrador-server"),
                                       {QStringLiteral("serve"), QStringLiteral("--db"), directory.filePath(QStringLiteral("s.db"))}, environment);
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_TRUE(missing.standardError.contains("MOSTRADOR_APP_SECRET_FILE")) << missing.standardError.constData();
}

TEST(ServerCommands, BadListenAddressAndFormatAreClearErrors)
{
    const auto listen = runExecutable(QStringLiteral("mostrador-server"),
                                      {QStringLiteral("serve"), QStringLiteral("--db"), QStringLiteral("x.db"), QStringLiteral("--listen"), QStringLiteral("here")},
                                      serverEnvironment(1));
    EXPECT_EQ(listen.exitCode, 2);
    EXPECT_TRUE(listen.standardError.contains("--listen")) << listen.standardError.constData();

    const auto format = runExecutable(QStringLiteral("mostrador-server"),
                                      {QStringLiteral("export"), QStringLiteral("--db"), QStringLiteral("x.db"), QStringLiteral("--format"), QStringLiteral("xml")});
    EXPECT_EQ(format.exitCode, 2);
    EXPECT_TRUE(format.standardError.contains("jsonl or csv"));

    const auto absent = runExecutable(QStringLiteral("mostrador-server"),
                                      {QStringLiteral("export"), QStringLiteral("--db"), QStringLiteral("/nonexistent/shop.db")});
    EXPECT_EQ(absent.exitCode, 1);
    EXPECT_TRUE(absent.standardError.contains("no Mostrador database")) << absent.standardError.constData();
}

TEST(ServerCommands, SandboxServeSendAndExportTogether)
{
    QTemporaryDir directory;
    const QString db = directory.filePath(QStringLiteral("shop.db"));
    const quint16 servePort = freeLoopbackPort();
    const quint16 sandboxPort = freeLoopbackPort();
    const QProcessEnvironment environment = serverEnvironment(sandboxPort);

    auto [serve, sandbox] = startServeAndSandbox(db, servePort, sandboxPort, environment, 1200);
    ASSERT_TRUE(serve->state() == QProcess::Running && sandbox->state() == QProcess::Running);

    // Customers write in (20 a second); wait until a few conversations are stored.
    ASSERT_TRUE(waitForStore(db, QStringLiteral("SELECT COUNT(*) FROM conversations"), 3));

    const auto sent = runExecutable(QStringLiteral("mostrador-server"),
                                    {QStringLiteral("send"), QStringLiteral("--db"), db, QStringLiteral("--to"), QStringLiteral("573001112233"),
                                     QStringLiteral("--template"), QStringLiteral("pedido_listo"), QStringLiteral("--lang"), QStringLiteral("es"),
                                     QStringLiteral("--param"), QStringLiteral("Lucía"), QStringLiteral("--param"), QStringLiteral("1042")},
                                    environment);
    EXPECT_EQ(sent.exitCode, 0) << sent.standardError.constData();
    const QByteArray wamid = sent.standardOutput.trimmed();
    EXPECT_TRUE(wamid.startsWith("wamid.")) << sent.standardOutput.constData();

    // The same customer, written as people write numbers: the same conversation, not a new one.
    const auto again = runExecutable(QStringLiteral("mostrador-server"),
                                     {QStringLiteral("send"), QStringLiteral("--db"), db, QStringLiteral("--to"), QStringLiteral("+57 300 111 2233"),
                                      QStringLiteral("--template"), QStringLiteral("pedido_listo"), QStringLiteral("--lang"), QStringLiteral("es"),
                                      QStringLiteral("--param"), QStringLiteral("Lucía"), QStringLiteral("--param"), QStringLiteral("1043")},
                                     environment);
    EXPECT_EQ(again.exitCode, 0) << again.standardError.constData();
    const QByteArray secondWamid = again.standardOutput.trimmed();

    const auto notANumber = runExecutable(QStringLiteral("mostrador-server"),
                                          {QStringLiteral("send"), QStringLiteral("--db"), db, QStringLiteral("--to"), QStringLiteral("Lucía"),
                                           QStringLiteral("--text"), QStringLiteral("hola")},
                                          environment);
    EXPECT_EQ(notANumber.exitCode, 2);
    EXPECT_TRUE(notANumber.standardError.contains("Type a phone number")) << notANumber.standardError.constData();

    const auto refused = runExecutable(QStringLiteral("mostrador-server"),
                                       {QStringLiteral("send"), QStringLiteral("--db"), db, QStringLiteral("--to"), QStringLiteral("573001112233"),
                                        QStringLiteral("--template"), QStringLiteral("no_such_template"), QStringLiteral("--lang"), QStringLiteral("es")},
                                       environment);
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_TRUE(refused.standardError.contains("132001")) << refused.standardError.constData();

    // Issue #30: she says BAJA. A promotion from the terminal is refused (exit 2) naming her no;
    // an order notice still goes; --despite-opt-out sends the promotion and keeps it on record.
    {
        Mostrador::StoreError error;
        auto store = Mostrador::Database::open(Mostrador::StoreLocation::parse(db), &error);
        ASSERT_NE(store, nullptr) << qPrintable(error.detail);
        QSqlQuery who(store->connection());
        ASSERT_TRUE(who.exec(QStringLiteral("SELECT id FROM customers WHERE wa_id = '573001112233'")) && who.next());
        const qint64 customerId = who.value(0).toLongLong();
        // The read ends first: a write under a read still open on the same connection cannot
        // wait for the serving process's writes (SQLite answers BUSY at once), and the test was flaky.
        who.finish();
        const Mostrador::StoreError saved = Mostrador::ConsentStore(*store).customerSaysNo(customerId, QStringLiteral("message: BAJA"),
                                                                                       QDateTime::currentDateTimeUtc());
        ASSERT_FALSE(saved.isError()) << qPrintable(saved.detail);
    }
    const QStringList promotion{QStringLiteral("send"), QStringLiteral("--db"), db, QStringLiteral("--to"), QStringLiteral("573001112233"),
                                QStringLiteral("--template"), QStringLiteral("novedades_hogar"), QStringLiteral("--lang"), QStringLiteral("es"),
                                QStringLiteral("--param"), QStringLiteral("Lucía")};
    const auto saidNo = runExecutable(QStringLiteral("mostrador-server"), promotion, environment);
    EXPECT_EQ(saidNo.exitCode, 2) << saidNo.standardOutput.constData();
    EXPECT_TRUE(saidNo.standardError.contains("BAJA") && saidNo.standardError.contains("--despite-opt-out"))
        << saidNo.standardError.constData();
    const auto notice = runExecutable(QStringLiteral("mostrador-server"),
                                      {QStringLiteral("send"), QStringLiteral("--db"), db, QStringLiteral("--to"), QStringLiteral("573001112233"),
                                       QStringLiteral("--template"), QStringLiteral("pedido_listo"), QStringLiteral("--lang"), QStringLiteral("es"),
                                       QStringLiteral("--param"), QStringLiteral("Lucía"), QStringLiteral("--param"), QStringLiteral("1044")},
                                      environment);
    EXPECT_EQ(notice.exitCode, 0) << "an order notice is no promotion: " << notice.standardError.constData();
    const auto despite = runExecutable(QStringLiteral("mostrador-server"), promotion + QStringList{QStringLiteral("--despite-opt-out")},
                                       environment);
    EXPECT_EQ(despite.exitCode, 0) << despite.standardError.constData();
    EXPECT_TRUE(waitForStore(db, QStringLiteral("SELECT COUNT(*) FROM promotion_overrides WHERE template_name = 'novedades_hogar'"), 1));

    // The statuses of the template arrive, up to read.
    ASSERT_TRUE(waitForStore(db, QStringLiteral("SELECT status FROM messages WHERE wamid = ?"), int(Mostrador::DeliveryStatus::Read),
                             {QString::fromUtf8(wamid)}));

    // SIGTERM: the service finishes and exits cleanly.
    requestStop(*serve);
    ASSERT_TRUE(serve->waitForFinished(10000));
    EXPECT_EQ(serve->exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(serve->exitCode(), 0);
    EXPECT_TRUE(serve->readAllStandardOutput().contains("Stopped."));
    requestStop(*sandbox);
    sandbox->waitForFinished(10000);

    const auto exported = runExecutable(QStringLiteral("mostrador-server"),
                                        {QStringLiteral("export"), QStringLiteral("--db"), db, QStringLiteral("--format"), QStringLiteral("jsonl")});
    ASSERT_EQ(exported.exitCode, 0) << exported.standardError.constData();
    const QList<QByteArray> lines = exported.standardOutput.trimmed().split('\n');
    ASSERT_GE(lines.size(), 5);
    bool foundTemplate = false;
    qint64 firstConversation = -1;
    qint64 secondConversation = -2;
    int inbound = 0;
    for (const QByteArray &line : lines) {
        const QJsonObject row = QJsonDocument::fromJson(line).object();
        ASSERT_FALSE(row.isEmpty()) << line.constData();
        for (const char *key : {"conversation_id", "customer_wa_id", "customer_user_id", "customer_username", "direction", "type", "text",
                                "status", "sent_at", "wamid"})
            EXPECT_TRUE(row.contains(QLatin1String(key))) << key;
        if (row.value(QLatin1String("wamid")).toString().toUtf8() == secondWamid)
            secondConversation = row.value(QLatin1String("conversation_id")).toVariant().toLongLong();
        if (row.value(QLatin1String("wamid")).toString().toUtf8() == wamid) {
            foundTemplate = true;
            firstConversation = row.value(QLatin1String("conversation_id")).toVariant().toLongLong();
            EXPECT_EQ(row.value(QLatin1String("direction")).toString(), QStringLiteral("outbound"));
            EXPECT_EQ(row.value(QLatin1String("status")).toString(), QStringLiteral("read"));
            EXPECT_EQ(row.value(QLatin1String("type")).toString(), QStringLiteral("template"));
            EXPECT_EQ(row.value(QLatin1String("text")).toString(), QStringLiteral("pedido_listo (es): Lucía · 1042"));
        }
        if (row.value(QLatin1String("direction")).toString() == QLatin1String("inbound"))
            ++inbound;
    }
    EXPECT_TRUE(foundTemplate);
    EXPECT_EQ(firstConversation, secondConversation) << "+57 300 111 2233 is 573001112233";
    EXPECT_GE(inbound, 5);
    // The customers' photos were fetched by the service, beside the database, named by SHA-256.
    const QStringList photos = QDir(directory.filePath(QStringLiteral("media"))).entryList(QDir::Files);
    EXPECT_FALSE(photos.isEmpty());
    for (const QString &photo : photos)
        EXPECT_EQ(photo.section(QLatin1Char('.'), 0, 0).size(), 64) << qPrintable(photo);

    const auto csv = runExecutable(QStringLiteral("mostrador-server"),
                                   {QStringLiteral("export"), QStringLiteral("--db"), db, QStringLiteral("--format"), QStringLiteral("csv")});
    EXPECT_EQ(csv.exitCode, 0);
    EXPECT_TRUE(csv.standardOutput.startsWith("conversation_id,customer_wa_id,"));
    EXPECT_EQ(csv.standardOutput.count("\r\n"), lines.size() + 1);
}

TEST(ServerCommands, BackupAndRestoreFromTheCommandLine)
{
    QTemporaryDir directory;
    const QString db = directory.filePath(QStringLiteral("shop.db"));
    {
        const auto created = runExecutable(QStringLiteral("mostrador-server"),
                                           {QStringLiteral("backup"), QStringLiteral("--db"), db});
        EXPECT_EQ(created.exitCode, 1) << "backing up a database that does not exist must fail";
        EXPECT_TRUE(created.standardError.contains("no Mostrador database"));
    }
    auto database = Mostrador::Database::open(Mostrador::StoreLocation::parse(db), nullptr);
    ASSERT_NE(database, nullptr);
    ASSERT_FALSE(database->exec(QStringLiteral("INSERT INTO customers (wa_id, profile_name, created_at) VALUES ('1', 'Ana', 0)")).isError());
    database.reset();

    const auto backup = runExecutable(QStringLiteral("mostrador-server"),
                                      {QStringLiteral("backup"), QStringLiteral("--db"), db, QStringLiteral("--keep"), QStringLiteral("2")});
    ASSERT_EQ(backup.exitCode, 0) << backup.standardError.constData();
    const QString file = QString::fromUtf8(backup.standardOutput.trimmed());
    EXPECT_TRUE(file.contains(QLatin1String("/backups/mostrador-"))) << file.toStdString();
    EXPECT_TRUE(QFile::exists(file));

    QFile damaged(db);
    ASSERT_TRUE(damaged.open(QIODevice::WriteOnly));
    damaged.write(QByteArray(4096, 'x'));
    damaged.close();

    const auto restore = runExecutable(QStringLiteral("mostrador-server"),
                                       {QStringLiteral("restore"), QStringLiteral("--db"), db, QStringLiteral("--from"), file});
    ASSERT_EQ(restore.exitCode, 0) << restore.standardError.constData();
    database = Mostrador::Database::open(Mostrador::StoreLocation::parse(db), nullptr);
    ASSERT_NE(database, nullptr);
}

TEST(ServerCommands, ServeAnswersOnceOutsideOpeningHours)
{
    QTemporaryDir directory;
    const QString db = directory.filePath(QStringLiteral("shop.db"));
    const quint16 servePort = freeLoopbackPort();
    const quint16 sandboxPort = freeLoopbackPort();
    QProcessEnvironment environment = serverEnvironment(sandboxPort);
    const QString away = QStringLiteral("Gracias por escribir a {tienda}. Ahora estamos cerrados.");
    // Open one hour a day, twelve hours from now: closed while the test runs.
    const int openHour = (QDateTime::currentDateTimeUtc().time().hour() + 12) % 24;
    environment.insert(QStringLiteral("MOSTRADOR_SHOP_NAME"), QStringLiteral("Casa Nube"));
    environment.insert(QStringLiteral("MOSTRADOR_AWAY_MESSAGE"), away);
    environment.insert(QStringLiteral("MOSTRADOR_TIMEZONE"), QStringLiteral("UTC"));
    environment.insert(QStringLiteral("MOSTRADOR_OPENING_HOURS"), QStringLiteral("mon-sun %1:00-%1:59").arg(openHour, 2, 10, QLatin1Char('0')));

    auto [serve, sandbox] = startServeAndSandbox(db, servePort, sandboxPort, environment, 1200);
    ASSERT_TRUE(serve->state() == QProcess::Running && sandbox->state() == QProcess::Running);
    // A few customers wrote (the away message is queued as each message is stored).
    ASSERT_TRUE(waitForStore(db, QStringLiteral("SELECT COUNT(DISTINCT conversation_id) FROM messages WHERE automatic = 1"), 2));
    requestStop(*serve);
    ASSERT_TRUE(serve->waitForFinished(10000));
    requestStop(*sandbox);
    sandbox->waitForFinished(10000);
    EXPECT_TRUE(serve->readAllStandardOutput().contains("Automatic replies are on, sent from here: away message outside opening hours (UTC)."));

    const auto exported = runExecutable(QStringLiteral("mostrador-server"),
                                        {QStringLiteral("export"), QStringLiteral("--db"), db, QStringLiteral("--format"), QStringLiteral("jsonl")});
    ASSERT_EQ(exported.exitCode, 0) << exported.standardError.constData();
    QHash<QString, int> inboundByConversation;
    QHash<QString, int> awayByConversation;
    for (const QByteArray &line : exported.standardOutput.trimmed().split('\n')) {
        const QJsonObject row = QJsonDocument::fromJson(line).object();
        const QString conversation = row.value(QLatin1String("conversation_id")).toVariant().toString();
        if (row.value(QLatin1String("direction")).toString() == QLatin1String("inbound"))
            ++inboundByConversation[conversation];
        else if (row.value(QLatin1String("text")).toString() == QStringLiteral("Gracias por escribir a Casa Nube. Ahora estamos cerrados."))
            ++awayByConversation[conversation];
    }
    ASSERT_GE(inboundByConversation.size(), 2);
    for (auto it = inboundByConversation.cbegin(); it != inboundByConversation.cend(); ++it)
        EXPECT_EQ(awayByConversation.value(it.key()), 1) << "conversation " << it.key().toStdString() << " with " << it.value() << " messages";
}

TEST(ServerCommands, ServeSendsTheAutomaticRepliesTheShopGaveItFromTheDesktop)
{
    QTemporaryDir directory;
    const QString db = directory.filePath(QStringLiteral("shop.db"));
    const auto setUp = [&db](Mostrador::ShopAutomation::Runner runner) {
        Mostrador::StoreError error;
        auto database = Mostrador::Database::open(Mostrador::StoreLocation::parse(db), &error);
        ASSERT_NE(database, nullptr) << error.detail.toStdString();
        Mostrador::ShopAutomation automation;
        automation.hours = Mostrador::OpeningHours(QTimeZone("America/Bogota"));
        automation.replies.awayEnabled = true;
        automation.replies.awayText = QStringLiteral("Ya cerramos.");
        automation.runner = runner;
        ASSERT_FALSE(automation.save(*database).isError());
    };
    const auto startupText = [&db] {
        auto serve = startService({QStringLiteral("serve"), QStringLiteral("--db"), db, QStringLiteral("--no-backups"),
                                   QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(freeLoopbackPort())},
                                  serverEnvironment(1));
        EXPECT_TRUE(waitForOutput(*serve, "Automatic replies are"));
        requestStop(*serve);
        serve->waitForFinished(10000);
        return serve->readAllStandardOutput();
    };

    setUp(Mostrador::ShopAutomation::Runner::Server);
    EXPECT_TRUE(startupText().contains("Automatic replies are on, sent from here: away message outside opening hours (America/Bogota)."));
    setUp(Mostrador::ShopAutomation::Runner::ThisComputer);
    EXPECT_TRUE(startupText().contains("Automatic replies are off")) << "the desktop sends them: never both";
}

// The owner gives a person their own sign-in and takes it away, from a terminal, by the names the
// guide uses; the address printed is one the person can sign in with, and then cannot.
TEST(ServerCommands, TeamAddAgentPrintsASignInAndRemoveAgentEndsIt)
{
    Mostrador::Testing::TemporaryPostgres postgres;
    if (!postgres.isAvailable())
        GTEST_SKIP() << qPrintable(postgres.skipReason());
    auto owner = Mostrador::Database::open(Mostrador::StoreLocation::parse(postgres.url()), nullptr);
    ASSERT_NE(owner, nullptr);

    const auto added = runExecutable(QStringLiteral("mostrador-server"), {QStringLiteral("team"), QStringLiteral("add-agent"), QStringLiteral("--db"),
                                                                        postgres.url(), QStringLiteral("--name"), QStringLiteral("Lucía")});
    ASSERT_EQ(added.exitCode, 0) << added.standardError.constData();
    QString address;
    for (const QByteArray &line : added.standardOutput.split('\n')) {
        if (line.startsWith("postgres://"))
            address = QString::fromUtf8(line.trimmed());
    }
    ASSERT_FALSE(address.isEmpty()) << added.standardOutput.constData();
    EXPECT_TRUE(address.contains(QLatin1String("sslmode=prefer"))) << qPrintable(address);
    EXPECT_NE(Mostrador::Database::open(Mostrador::StoreLocation::parse(address), nullptr), nullptr) << "she can sign in";

    const auto removed = runExecutable(QStringLiteral("mostrador-server"), {QStringLiteral("team"), QStringLiteral("remove-agent"), QStringLiteral("--db"),
                                                                          postgres.url(), QStringLiteral("--name"), QStringLiteral("Lucía")});
    ASSERT_EQ(removed.exitCode, 0) << removed.standardError.constData();
    EXPECT_EQ(Mostrador::Database::open(Mostrador::StoreLocation::parse(address), nullptr), nullptr) << "and then cannot";

    const auto nobody = runExecutable(QStringLiteral("mostrador-server"), {QStringLiteral("team"), QStringLiteral("remove-agent"), QStringLiteral("--db"),
                                                                         postgres.url(), QStringLiteral("--name"), QStringLiteral("Nadie")});
    EXPECT_EQ(nobody.exitCode, 2);
    EXPECT_TRUE(nobody.standardError.contains("no agent")) << nobody.standardError.constData();
    const auto single = runExecutable(QStringLiteral("mostrador-server"), {QStringLiteral("team"), QStringLiteral("add-agent"), QStringLiteral("--db"),
                                                                         QStringLiteral("shop.db"), QStringLiteral("--name"), QStringLiteral("X")});
    EXPECT_EQ(single.exitCode, 2) << "a single PC's store has no team";
}

// A customer's data from a terminal: exported as a ZIP, then forgotten.
TEST(ServerCommands, CustomerExportAndForget)
{
    QTemporaryDir directory;
    const QString db = directory.filePath(QStringLiteral("shop.db"));
    {
        auto database = Mostrador::Database::open(Mostrador::StoreLocation::parse(db), nullptr);
        ASSERT_NE(database, nullptr);
        ASSERT_FALSE(database->exec(QStringLiteral("INSERT INTO customers (wa_id, profile_name, created_at) VALUES ('573001112233', 'Lucía', 0)")).isError());
        ASSERT_FALSE(database->exec(QStringLiteral("INSERT INTO conversations (customer_id, business_number_id, created_at) VALUES (1, '1', 0)")).isError());
        ASSERT_FALSE(database->exec(QStringLiteral("INSERT INTO messages (conversation_id, wamid, direction, kind, body, sent_at, stored_at) "
                                                   "VALUES (1, 'wamid.1', 'in', 'text', 'Hola, ¿tienen la manta?', 0, 0)")).isError());
    }
    const QString zip = directory.filePath(QStringLiteral("lucia.zip"));
    const auto exported = runExecutable(QStringLiteral("mostrador-server"), {QStringLiteral("customer"), QStringLiteral("export"), QStringLiteral("--db"), db,
                                                                           QStringLiteral("--customer"), QStringLiteral("+57 300 111 2233"),
                                                                           QStringLiteral("--output"), zip});
    ASSERT_EQ(exported.exitCode, 0) << exported.standardError.constData();
    EXPECT_TRUE(exported.standardOutput.contains("1 messages")) << exported.standardOutput.constData();
    EXPECT_TRUE(QFile::exists(zip));

    const auto unconfirmed = runExecutable(QStringLiteral("mostrador-server"), {QStringLiteral("customer"), QStringLiteral("forget"), QStringLiteral("--db"),
                                                                              db, QStringLiteral("--customer"), QStringLiteral("573001112233")});
    EXPECT_EQ(unconfirmed.exitCode, 2) << "forgetting asks for --yes";
    const auto forgot = runExecutable(QStringLiteral("mostrador-server"), {QStringLiteral("customer"), QStringLiteral("forget"), QStringLiteral("--db"), db,
                                                                         QStringLiteral("--customer"), QStringLiteral("573001112233"), QStringLiteral("--yes")});
    ASSERT_EQ(forgot.exitCode, 0) << forgot.standardError.constData();
    auto database = Mostrador::Database::open(Mostrador::StoreLocation::parse(db), nullptr);
    QSqlQuery count(database->connection());
    ASSERT_TRUE(count.exec(QStringLiteral("SELECT COUNT(*) FROM messages")) && count.next());
    EXPECT_EQ(count.value(0).toInt(), 0);
    const auto unknown = runExecutable(QStringLiteral("mostrador-server"), {QStringLiteral("customer"), QStringLiteral("export"), QStringLiteral("--db"), db,
                                                                          QStringLiteral("--customer"), QStringLiteral("573001112233")});
    EXPECT_EQ(unknown.exitCode, 2);
}

// The report from a terminal: a known history, the figures under the names README gives them.
TEST(ServerCommands, ReportPrintsTheFiguresAsJsonAndCsv)
{
    QTemporaryDir directory;
    const QString db = directory.filePath(QStringLiteral("shop.db"));
    {
        auto database = Mostrador::Database::open(Mostrador::StoreLocation::parse(db), nullptr);
        ASSERT_NE(database, nullptr);
        // 2026-11-02 10:00 and 10:05 in Bogotá (UTC-5): she wrote, and ten minutes later was answered.
        const qint64 wrote = QDateTime(QDate(2026, 11, 2), QTime(15, 0), Qt::UTC).toMSecsSinceEpoch();
        ASSERT_FALSE(database->exec(QStringLiteral("INSERT INTO customers (wa_id, profile_name, first_contact_at, created_at) VALUES ('573001112233', 'Lucía', ?, 0)"),
                                    {wrote}, "customer").isError());
        ASSERT_FALSE(database->exec(QStringLiteral("INSERT INTO conversations (customer_id, business_number_id, created_at) VALUES (1, '1', ?)"),
                                    {wrote}, "conversation").isError());
        ASSERT_FALSE(database->exec(QStringLiteral("INSERT INTO messages (conversation_id, wamid, direction, kind, body, sent_at, stored_at) "
                                                   "VALUES (1, 'wamid.1', 'in', 'text', '¿Tienen la manta gris?', ?, 0), "
                                                   "(1, 'wamid.2', 'out', 'text', 'Sí, la tenemos', ?, 0)"),
                                    {wrote, wrote + 600 * 1000}, "messages").isError());
    }
    const QStringList period{QStringLiteral("report"), QStringLiteral("--db"), db, QStringLiteral("--from"), QStringLiteral("2026-11-01"),
                             QStringLiteral("--to"), QStringLiteral("2026-11-30"), QStringLiteral("--tz"), QStringLiteral("America/Bogota")};
    const auto json = runExecutable(QStringLiteral("mostrador-server"), period);
    ASSERT_EQ(json.exitCode, 0) << json.standardError.constData();
    const QJsonObject figures = QJsonDocument::fromJson(json.standardOutput).object();
    EXPECT_EQ(figures.value(QLatin1String("reply_time")).toObject().value(QLatin1String("median")).toDouble(), 600);
    EXPECT_EQ(figures.value(QLatin1String("unanswered")).toInt(-1), 0);
    EXPECT_EQ(figures.value(QLatin1String("lost")).toInt(-1), 0);
    EXPECT_EQ(figures.value(QLatin1String("customers")).toObject().value(QLatin1String("new")).toInt(), 1);
    EXPECT_EQ(figures.value(QLatin1String("period")).toObject().value(QLatin1String("from")).toString(), QStringLiteral("2026-11-01T00:00:00-05:00"));
    const QJsonArray days = figures.value(QLatin1String("days")).toArray();
    ASSERT_EQ(days.size(), 30);
    EXPECT_EQ(days.at(1).toObject().value(QLatin1String("customer_messages")).toInt(), 1);

    const auto csv = runExecutable(QStringLiteral("mostrador-server"), period + QStringList{QStringLiteral("--format"), QStringLiteral("csv")});
    ASSERT_EQ(csv.exitCode, 0) << csv.standardError.constData();
    EXPECT_TRUE(csv.standardOutput.contains("reply_time.median,600\r\n")) << csv.standardOutput.left(400).constData();

    const auto exported = runExecutable(QStringLiteral("mostrador-server"), {QStringLiteral("export"), QStringLiteral("--db"), db});
    ASSERT_EQ(exported.exitCode, 0);
    const QList<QByteArray> lines = exported.standardOutput.trimmed().split('\n');
    ASSERT_EQ(lines.size(), 2);
    EXPECT_EQ(QJsonDocument::fromJson(lines.at(0)).object().value(QLatin1String("origin")).toString(), QStringLiteral("customer"));
    EXPECT_EQ(QJsonDocument::fromJson(lines.at(1)).object().value(QLatin1String("origin")).toString(), QStringLiteral("shop"));

    const auto badDate = runExecutable(QStringLiteral("mostrador-server"),
                                       {QStringLiteral("report"), QStringLiteral("--db"), db, QStringLiteral("--from"), QStringLiteral("1/11/2026")});
    EXPECT_EQ(badDate.exitCode, 2);
    EXPECT_TRUE(badDate.standardError.contains("YYYY-MM-DD")) << badDate.standardError.constData();
    const auto badZone = runExecutable(QStringLiteral("mostrador-server"),
                                       {QStringLiteral("report"), QStringLiteral("--db"), db, QStringLiteral("--tz"), QStringLiteral("Bogota")});
    EXPECT_EQ(badZone.exitCode, 2);
    const auto help = runExecutable(QStringLiteral("mostrador-server"), {QStringLiteral("report"), QStringLiteral("--help")});
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_TRUE(help.standardOutput.contains("mostrador-server report [")) << "the usage line names the command: " << help.standardOutput.left(200).constData();
}

// A shop that grew into a team moves its SQLite store into PostgreSQL from a terminal: every row
// arrives, counted on both sides; the team's store then searches and takes new rows; a second
// move into the same database is refused, and the store is left as it was.
TEST(ServerCommands, MoveToPostgresCopiesEveryRowAndCountsThem)
{
    Mostrador::Testing::TemporaryPostgres postgres;
    if (!postgres.isAvailable())
        GTEST_SKIP() << qPrintable(postgres.skipReason());
    QTemporaryDir directory;
    const QString db = directory.filePath(QStringLiteral("shop.db"));
    {
        auto database = Mostrador::Database::open(Mostrador::StoreLocation::parse(db), nullptr);
        ASSERT_NE(database, nullptr);
        for (const QString &statement : {
                 QStringLiteral("INSERT INTO customers (wa_id, profile_name, created_at) VALUES ('573001112233', 'Lucía Gómez', 0)"),
                 QStringLiteral("INSERT INTO customers (wa_id, profile_name, display_name, notes, created_at) "
                                "VALUES ('34611223344', 'Jordi', 'Jordi Puig', 'Prefiere \"envío\" por la tarde; paga con Bizum', 0)"),
                 QStringLiteral("INSERT INTO conversations (customer_id, business_number_id, created_at) VALUES (1, '1', 0)"),
                 QStringLiteral("INSERT INTO conversations (customer_id, business_number_id, status, created_at) VALUES (2, '1', 'resolved', 0)"),
                 QStringLiteral("INSERT INTO messages (conversation_id, wamid, direction, kind, body, sent_at, stored_at) "
                                "VALUES (1, 'wamid.1', 'in', 'text', '¿Tenéis la canción de cuna en lámpara?', 1000, 1000)"),
                 QStringLiteral("INSERT INTO messages (conversation_id, wamid, direction, kind, body, sent_at, stored_at) "
                                "VALUES (2, 'wamid.2', 'in', 'text', 'Línea 1\nLínea 2 😀', 2000, 2000)"),
                 QStringLiteral("INSERT INTO labels (name, color, position) VALUES ('Pedido nuevo', '#1fa67a', 0)"),
                 QStringLiteral("INSERT INTO conversation_labels (conversation_id, label_id) VALUES (1, 1)"),
                 QStringLiteral("INSERT INTO quick_replies (shortcut, title, body) VALUES ('envio', 'Envío', 'Hola {nombre}, el envío cuesta 12.000.')"),
             })
            ASSERT_FALSE(database->exec(statement).isError()) << qPrintable(statement);
    }

    const QStringList move{QStringLiteral("move-to-postgres"), QStringLiteral("--from"), db, QStringLiteral("--to"), postgres.url()};
    const auto moved = runExecutable(QStringLiteral("mostrador-server"), move);
    ASSERT_EQ(moved.exitCode, 0) << moved.standardError.constData() << moved.standardOutput.constData();
    EXPECT_TRUE(moved.standardOutput.contains("messages")) << moved.standardOutput.constData();
    EXPECT_FALSE(moved.standardOutput.contains("DIFFERENT"));
    EXPECT_TRUE(moved.standardError.contains("100 %")) << "the progress reached the end: " << moved.standardError.constData();

    auto team = Mostrador::Database::open(Mostrador::StoreLocation::parse(postgres.url()), nullptr);
    ASSERT_NE(team, nullptr);
    const auto text = [&](const QString &sql) {
        QSqlQuery query(team->connection());
        return query.exec(sql) && query.next() ? query.value(0).toString() : QStringLiteral("(none)");
    };
    EXPECT_EQ(text(QStringLiteral("SELECT body FROM messages WHERE wamid = 'wamid.2'")), QStringLiteral("Línea 1\nLínea 2 😀"));
    EXPECT_EQ(text(QStringLiteral("SELECT notes FROM customers WHERE wa_id = '34611223344'")),
              QStringLiteral("Prefiere \"envío\" por la tarde; paga con Bizum"));
    EXPECT_EQ(text(QStringLiteral("SELECT COUNT(*) FROM conversation_labels")), QStringLiteral("1"));
    EXPECT_EQ(text(QStringLiteral("SELECT name FROM labels ORDER BY id LIMIT 1")), QStringLiteral("Pedido nuevo"));
    // The next customer gets a new id, not one of the copied ones.
    ASSERT_FALSE(team->exec(QStringLiteral("INSERT INTO customers (wa_id, profile_name, created_at) VALUES ('5215512345678', 'Ximena', 0)")).isError());
    EXPECT_EQ(text(QStringLiteral("SELECT id FROM customers WHERE wa_id = '5215512345678'")), QStringLiteral("3"));

    const auto again = runExecutable(QStringLiteral("mostrador-server"), move);
    EXPECT_EQ(again.exitCode, 2);
    EXPECT_TRUE(again.standardError.contains("already holds")) << again.standardError.constData();
    EXPECT_EQ(text(QStringLiteral("SELECT COUNT(*) FROM customers")), QStringLiteral("3")) << "left as it was";
}

// Chats exported from the phone brought in from a terminal, by the names the issue gives; the
// summary printed; a file that is not a chat refused with exit 2 and nothing imported; export
// then says who wrote each message and that it was imported.
TEST(ServerCommands, ImportChatPrintsTheSummaryAndExportCarriesAuthorAndImported)
{
    QTemporaryDir directory;
    const QString db = directory.filePath(QStringLiteral("shop.db"));
    const QString chat = directory.filePath(QStringLiteral("WhatsApp Chat with Lucía Gómez.txt"));
    QFile text(chat);
    ASSERT_TRUE(text.open(QIODevice::WriteOnly));
    text.write(QStringLiteral("12/31/20, 11:50\u202FPM - Lucía Gómez: Do you have the grey blanket?\r\n"
                              "12/31/20, 11:52\u202FPM - Casa Nube: Yes, two left.\r\n"
                              "Shall I keep one?\r\n"
                              "1/2/21, 9:05\u202FAM - Lucía Gómez: <Media omitted>\r\n").toUtf8());
    text.close();
    const QString notAChat = directory.filePath(QStringLiteral("contacts.csv"));
    QFile csv(notAChat);
    ASSERT_TRUE(csv.open(QIODevice::WriteOnly));
    csv.write("name,phone\nLucia,+57 300 111 2233\n");
    csv.close();

    const auto refused = runExecutable(QStringLiteral("mostrador-server"),
                                       {QStringLiteral("import-chat"), QStringLiteral("--db"), db, QStringLiteral("--me"),
                                        QStringLiteral("Casa Nube"), chat, notAChat});
    EXPECT_EQ(refused.exitCode, 2);
    EXPECT_TRUE(refused.standardError.contains("contacts.csv")) << refused.standardError.constData();

    const QStringList import{QStringLiteral("import-chat"), QStringLiteral("--db"), db, QStringLiteral("--me"), QStringLiteral("Casa Nube"),
                             QStringLiteral("--phone"), QStringLiteral("+57 300 111 2233"), QStringLiteral("--tz"),
                             QStringLiteral("America/Bogota"), chat};
    const auto imported = runExecutable(QStringLiteral("mostrador-server"), import);
    ASSERT_EQ(imported.exitCode, 0) << imported.standardError.constData();
    EXPECT_TRUE(imported.standardOutput.contains("Chats: 1")) << imported.standardOutput.constData();
    EXPECT_TRUE(imported.standardOutput.contains("Messages added: 3")) << imported.standardOutput.constData();
    EXPECT_TRUE(imported.standardOutput.contains("Media not included in the export: 1")) << imported.standardOutput.constData();
    const auto again = runExecutable(QStringLiteral("mostrador-server"), import);
    EXPECT_TRUE(again.standardOutput.contains("Messages added: 0")) << again.standardOutput.constData();
    EXPECT_TRUE(again.standardOutput.contains("Already there: 3"));

    const auto exported = runExecutable(QStringLiteral("mostrador-server"), {QStringLiteral("export"), QStringLiteral("--db"), db});
    ASSERT_EQ(exported.exitCode, 0);
    const QList<QByteArray> lines = exported.standardOutput.trimmed().split('\n');
    ASSERT_EQ(lines.size(), 3);
    const QJsonObject second = QJsonDocument::fromJson(lines.at(1)).object();
    EXPECT_EQ(second.value(QLatin1String("author")).toString(), QStringLiteral("Casa Nube"));
    EXPECT_EQ(second.value(QLatin1String("imported")).toBool(), true);
    EXPECT_EQ(second.value(QLatin1String("direction")).toString(), QStringLiteral("outbound"));
    EXPECT_EQ(second.value(QLatin1String("text")).toString(), QStringLiteral("Yes, two left.\nShall I keep one?"));
    EXPECT_EQ(second.value(QLatin1String("sent_at")).toString(), QStringLiteral("2021-01-01T04:52:00.000Z"));
    EXPECT_EQ(second.value(QLatin1String("customer_wa_id")).toString(), QStringLiteral("573001112233"));
}

// Issue #30: a shop name that wrote nothing in the chat would file the shop's lines as the
// customer's. Refused (exit 2) naming who did write; --force imports anyway.
TEST(ServerCommands, ImportChatUnderANameThatWroteNothingIsRefusedNamingTheAuthors)
{
    QTemporaryDir directory;
    const QString db = directory.filePath(QStringLiteral("shop.db"));
    const QString chat = directory.filePath(QStringLiteral("Chat de WhatsApp con Andrea Salazar.txt"));
    QFile text(chat);
    ASSERT_TRUE(text.open(QIODevice::WriteOnly));
    text.write("3/11/26, 10:02 - Andrea Salazar: Hola, ¿tienen el jarrón azul?\n"
               "3/11/26, 10:05 - Tienda Casa Nube: Sí, nos queda uno.\n");
    text.close();

    const auto refused = runExecutable(QStringLiteral("mostrador-server"), {QStringLiteral("import-chat"), QStringLiteral("--db"), db,
                                                                            QStringLiteral("--me"), QStringLiteral("Tienda"), chat});
    EXPECT_EQ(refused.exitCode, 2) << refused.standardOutput.constData();
    const QString said = QString::fromUtf8(refused.standardError);
    EXPECT_TRUE(said.contains(QStringLiteral("Andrea Salazar")) && said.contains(QStringLiteral("Tienda Casa Nube")))
        << said.toStdString();
    EXPECT_TRUE(said.contains(QStringLiteral("--force"))) << said.toStdString();
    const auto nothing = runExecutable(QStringLiteral("mostrador-server"), {QStringLiteral("export"), QStringLiteral("--db"), db});
    EXPECT_TRUE(nothing.standardOutput.trimmed().isEmpty()) << "nothing was imported";

    // The name as the chat writes it (case aside) is taken.
    const auto right = runExecutable(QStringLiteral("mostrador-server"), {QStringLiteral("import-chat"), QStringLiteral("--db"), db,
                                                                          QStringLiteral("--me"), QStringLiteral("tienda casa nube"), chat});
    EXPECT_EQ(right.exitCode, 0) << right.standardError.constData();
    EXPECT_TRUE(right.standardOutput.contains("Messages added: 2")) << right.standardOutput.constData();

    // --force: a chat the shop only read, every line the customer's.
    const QString other = directory.filePath(QStringLiteral("solo-lectura.txt"));
    QFile read(other);
    ASSERT_TRUE(read.open(QIODevice::WriteOnly));
    read.write("3/11/26, 11:00 - Bruno Díaz: ¿Abren el domingo?\n");
    read.close();
    const auto forced = runExecutable(QStringLiteral("mostrador-server"),
                                      {QStringLiteral("import-chat"), QStringLiteral("--db"), db, QStringLiteral("--me"),
                                       QStringLiteral("Tienda Casa Nube"), QStringLiteral("--force"), other});
    EXPECT_EQ(forced.exitCode, 0) << forced.standardError.constData();
    EXPECT_TRUE(forced.standardOutput.contains("Import: 2 (import-chat --undo 2")) << forced.standardOutput.constData();

    // Undone by the file, then by number: each takes out its own import, and says what went.
    const auto byFile = runExecutable(QStringLiteral("mostrador-server"),
                                      {QStringLiteral("import-chat"), QStringLiteral("--db"), db, QStringLiteral("--undo"), chat});
    EXPECT_EQ(byFile.exitCode, 0) << byFile.standardError.constData();
    EXPECT_TRUE(byFile.standardOutput.contains("Import undone: 1")) << byFile.standardOutput.constData();
    EXPECT_TRUE(byFile.standardOutput.contains("Messages removed: 2")) << byFile.standardOutput.constData();
    const auto byNumber = runExecutable(QStringLiteral("mostrador-server"),
                                        {QStringLiteral("import-chat"), QStringLiteral("--db"), db, QStringLiteral("--undo"), QStringLiteral("2")});
    EXPECT_EQ(byNumber.exitCode, 0) << byNumber.standardError.constData();
    EXPECT_TRUE(byNumber.standardOutput.contains("Messages removed: 1")) << byNumber.standardOutput.constData();
    const auto empty = runExecutable(QStringLiteral("mostrador-server"), {QStringLiteral("export"), QStringLiteral("--db"), db});
    EXPECT_TRUE(empty.standardOutput.trimmed().isEmpty()) << empty.standardOutput.constData();
    const auto twice = runExecutable(QStringLiteral("mostrador-server"),
                                     {QStringLiteral("import-chat"), QStringLiteral("--db"), db, QStringLiteral("--undo"), QStringLiteral("2")});
    EXPECT_EQ(twice.exitCode, 2);
    EXPECT_TRUE(twice.standardError.contains("already undone")) << twice.standardError.constData();
}

// Issue #35: 27 bytes that crashed the importer (exit 139). Now a summary or a clear refusal,
// exit 0 or 2, never a signal; the store's earlier messages are still there.
TEST(ServerCommands, ImportChatOnTheFileThatCrashedItEndsWithASummaryNotASignal)
{
    QTemporaryDir directory;
    const QString db = directory.filePath(QStringLiteral("shop.db"));
    const QString good = directory.filePath(QStringLiteral("WhatsApp Chat with Lucía.txt"));
    QFile text(good);
    ASSERT_TRUE(text.open(QIODevice::WriteOnly));
    text.write("12/31/20, 11:50 PM - Lucía Gómez: Do you have the grey blanket?\n12/31/20, 11:52 PM - Casa Nube: Yes.\n");
    text.close();
    ASSERT_EQ(runExecutable(QStringLiteral("mostrador-server"), {QStringLiteral("import-chat"), QStringLiteral("--db"), db,
                                                                 QStringLiteral("--me"), QStringLiteral("Casa Nube"), good})
                  .exitCode,
              0);

    const QString crash = directory.filePath(QStringLiteral("crash.txt"));
    QFile bytes(crash);
    ASSERT_TRUE(bytes.open(QIODevice::WriteOnly));
    bytes.write(QByteArray::fromHex("332d332d32333a33332d206e3a200400002e766366202862746129"));
    bytes.close();
    const auto outcome = runExecutable(QStringLiteral("mostrador-server"), {QStringLiteral("import-chat"), QStringLiteral("--db"), db,
                                                                            QStringLiteral("--me"), QStringLiteral("n"), crash});
    ASSERT_TRUE(outcome.finishedInTime);
    // -1 is a crash (a signal); 0 a summary, 2 a refusal.
    EXPECT_TRUE(outcome.exitCode == 0 || outcome.exitCode == 2) << outcome.exitCode << outcome.standardError.constData();
    EXPECT_FALSE(QByteArray(outcome.standardOutput + outcome.standardError).trimmed().isEmpty());

    const auto exported = runExecutable(QStringLiteral("mostrador-server"), {QStringLiteral("export"), QStringLiteral("--db"), db});
    ASSERT_EQ(exported.exitCode, 0);
    EXPECT_GE(exported.standardOutput.trimmed().split('\n').size(), 2) << "the earlier chat is still there";
}

// Issue #31: the forms real phones write, from the command line, and --dates for a chat whose
// dates read both ways.
TEST(ServerCommands, ImportChatReadsThePhonesRealFormsAndSaysTheDatesItRead)
{
    QTemporaryDir directory;
    const QString db = directory.filePath(QStringLiteral("shop.db"));
    const QString chat = directory.filePath(QStringLiteral("WhatsApp Chat with Ana.txt"));
    QFile text(chat);
    ASSERT_TRUE(text.open(QIODevice::WriteOnly));
    const QString lrm(QChar(0x200E));
    text.write((QStringLiteral("[1/2/21, 10:00:00] Ana Ruiz: ") + lrm + QStringLiteral("Messages and calls are end-to-end encrypted. No one outside of this chat can read them.\n")
                + QStringLiteral("[1/2/21, 10:00:05] Ana Ruiz: Hola, ¿tenéis la lámpara?\n")
                + lrm + QStringLiteral("[1/2/21, 10:01:00] Ana Ruiz: ") + lrm + QStringLiteral("hình ảnh bị bỏ qua\n")
                + lrm + QStringLiteral("[1/2/21, 10:02:00] Ana Ruiz: ") + lrm + QStringLiteral("This message was deleted.\n")
                + QStringLiteral("[3/2/21, 10:03:00] Casa Nube: Sí, mañana\n"))
                   .toUtf8());
    text.close();
    const QStringList import{QStringLiteral("import-chat"), QStringLiteral("--db"), db, QStringLiteral("--me"), QStringLiteral("Casa Nube"),
                             QStringLiteral("--tz"), QStringLiteral("Europe/Madrid"), QStringLiteral("--dates"), QStringLiteral("month-first"), chat};
    const auto imported = runExecutable(QStringLiteral("mostrador-server"), import);
    ASSERT_EQ(imported.exitCode, 0) << imported.standardError.constData();
    EXPECT_TRUE(imported.standardOutput.contains("Messages added: 5")) << imported.standardOutput.constData();
    EXPECT_TRUE(imported.standardOutput.contains("Media not included in the export: 1")) << imported.standardOutput.constData();
    EXPECT_TRUE(imported.standardOutput.contains("Dates: WhatsApp Chat with Ana.txt: 2021-01-02 10:00 – 2021-03-02 10:03, month first"))
        << imported.standardOutput.constData();

    const auto wrong = runExecutable(QStringLiteral("mostrador-server"),
                                     {QStringLiteral("import-chat"), QStringLiteral("--db"), db, QStringLiteral("--me"), QStringLiteral("Casa Nube"),
                                      QStringLiteral("--dates"), QStringLiteral("sideways"), chat});
    EXPECT_EQ(wrong.exitCode, 2);
    EXPECT_TRUE(wrong.standardError.contains("--dates")) << wrong.standardError.constData();
}
