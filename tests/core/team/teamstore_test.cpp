// Team mode: two desktops and one server on one store. Agents, assignment, the reply lock and
// notes behave the same on SQLite and PostgreSQL; on PostgreSQL every change reaches the other
// desktops at once through LISTEN/NOTIFY.
#include "commerce/orderstore.h"
#include "team/teamstore.h"

#include "api/cloudapiclient.h"
#include "api/messagepayloads.h"
#include "outbox/outbox.h"
#include "outbox/outgoingstore.h"
#include "qtprinting.h"
#include "sandbox/sandboxserver.h"
#include "sandbox/webhookpayloads.h"
#include "webhook/webhookingestor.h"
#include "team/readreceipts.h"
#include "db/storenotifications.h"
#include "temporarystore.h"
#include "webhook/webhookparser.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

using namespace Mostrador;
using namespace Mostrador::Testing;
namespace Payloads = Mostrador::WebhookPayloads;

namespace {

const Payloads::Business kShop{QStringLiteral("100200300400500"), QStringLiteral("106540352242922"), QStringLiteral("576017654321")};
const Payloads::Sender kLucia{QStringLiteral("573001112233"), QStringLiteral("Lucía Gómez"), QString()};

WebhookBatch textFrom(const Payloads::Sender &sender, const QString &wamid, const QString &body)
{
    const auto parsed = WebhookParser::parse(QJsonDocument(Payloads::envelope(kShop, {sender},
        {Payloads::textMessage(wamid, sender, QDateTime::currentDateTimeUtc(), body)})).toJson());
    EXPECT_TRUE(parsed.ok) << qPrintable(parsed.error);
    return parsed.batch;
}

class TeamTest : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override
    {
        store = std::make_unique<TemporaryStore>(GetParam());
        if (!store->isAvailable())
            GTEST_SKIP() << qPrintable(store->skipReason());
        server = store->open();
        desktopA = store->open();
        desktopB = store->open();
        ASSERT_TRUE(server && desktopA && desktopB);
        ingestor = std::make_unique<WebhookIngestor>(*server);
        ASSERT_FALSE(ingestor->ingest(textFrom(kLucia, QStringLiteral("wamid.first"), QStringLiteral("Hola"))).error.isError());
        conversation = scalar(*server, QStringLiteral("SELECT MIN(id) FROM conversations")).toLongLong();
    }

    ManualClock clock{QDateTime(QDate(2026, 11, 23), QTime(15, 0), Qt::UTC)};
    std::unique_ptr<TemporaryStore> store;
    std::unique_ptr<Database> server;
    std::unique_ptr<Database> desktopA;
    std::unique_ptr<Database> desktopB;
    std::unique_ptr<WebhookIngestor> ingestor;
    qint64 conversation = 0;
};

class TeamOnPostgres : public TeamTest
{
};

} // namespace

TEST_P(TeamTest, AgentsSignInAndTheFirstIsTheOwner)
{
    TeamStore a(*desktopA, clock);
    TeamStore b(*desktopB, clock);
    StoreError error;
    const auto marta = a.signIn(QStringLiteral("Marta"), QStringLiteral("#c0392b"), &error);
    ASSERT_TRUE(marta) << error.detail.toStdString();
    const auto diego = b.signIn(QStringLiteral("Diego"), QStringLiteral("#2980b9"), &error);
    ASSERT_TRUE(diego);
    EXPECT_EQ(marta->role, Agent::Role::Owner);
    EXPECT_EQ(diego->role, Agent::Role::Agent);
    EXPECT_EQ(b.signIn(QStringLiteral(" Marta "), QStringLiteral("#8e44ad"), &error)->id, marta->id) << "the same person again";
    EXPECT_EQ(a.agents(&error).size(), 2);
}

TEST_P(TeamTest, AssignmentLockAndNotesAreSharedByEveryDesktop)
{
    TeamStore a(*desktopA, clock);
    TeamStore b(*desktopB, clock);
    StoreError error;
    const Agent marta = *a.signIn(QStringLiteral("Marta"), QStringLiteral("#c0392b"), &error);
    const Agent diego = *b.signIn(QStringLiteral("Diego"), QStringLiteral("#2980b9"), &error);

    ASSERT_FALSE(a.assign(conversation, marta.id).isError());
    EXPECT_EQ(b.assignee(conversation, &error), std::optional<qint64>(marta.id));

    // Marta starts typing: Diego sees «Marta is replying» and cannot take the conversation.
    EXPECT_EQ(a.claimReply(conversation, marta.id, 30, &error)->id, marta.id);
    EXPECT_EQ(b.claimReply(conversation, diego.id, 30, &error)->id, marta.id);
    EXPECT_EQ(b.replying(conversation, &error)->name, QStringLiteral("Marta"));
    // She stops typing and the lock lapses: now Diego may.
    clock.advance(31);
    EXPECT_EQ(b.claimReply(conversation, diego.id, 30, &error)->id, diego.id);
    ASSERT_FALSE(b.releaseReply(conversation, diego.id).isError());
    EXPECT_FALSE(a.replying(conversation, &error));

    ASSERT_TRUE(a.addNote(conversation, marta.id, QStringLiteral("Pagó por Nequi, falta confirmar."), &error));
    const QList<TeamNote> notes = b.notes(conversation, &error);
    ASSERT_EQ(notes.size(), 1);
    EXPECT_EQ(notes.first().agentName, QStringLiteral("Marta"));
    EXPECT_EQ(scalar(*server, QStringLiteral("SELECT COUNT(*) FROM messages WHERE direction = 'out'")).toInt(), 0)
        << "a private note is never a message";
}

TEST_P(TeamTest, MessagesEnqueuedFromTwoDesktopsAreEachSentOnce)
{
    SandboxServer::Settings settings;
    settings.accessToken = QStringLiteral("team-token-0000000000000000");
    settings.maxSendsPerSecond = 1000;
    SandboxServer sandbox(settings, clock);
    ASSERT_NE(sandbox.listen(QHostAddress::LocalHost, 0), 0);
    sandbox.addCustomer(kLucia.waId, kLucia.name);
    sandbox.customerSends(kLucia.waId, QStringLiteral("text"), {{QStringLiteral("body"), QStringLiteral("Hola")}}); // opens the window
    const ApiConfig config = sandbox.clientConfig();
    CloudApiClient client(config);

    // Both desktops write at once; they only store (in team mode the server sends).
    OutgoingStore a(*desktopA, clock);
    OutgoingStore b(*desktopB, clock);
    StoreError error;
    const qint64 conversationA = *a.conversationForCustomer(kLucia.waId, config.phoneNumberId, &error);
    for (int i = 0; i < 10; ++i) {
        for (OutgoingStore *desk : {&a, &b}) {
            const QString text = QStringLiteral("%1 %2").arg(desk == &a ? QStringLiteral("Marta") : QStringLiteral("Diego")).arg(i);
            ASSERT_TRUE(desk->enqueue(conversationA, MessageKind::Text, text, MessagePayloads::text({kLucia.waId, {}, {}}, text), false, &error))
                << error.detail.toStdString();
        }
    }
    // Two senders on the same store (a server restarted over a running one, say): still once each.
    auto second = store->open();
    Outbox first(*server, client, clock);
    Outbox other(*second, client, clock);
    Outbox::Settings fast;
    fast.perCustomerIntervalMs = 0;
    first.setSettings(fast);
    other.setSettings(fast);
    ASSERT_TRUE(QTest::qWaitFor([&] {
        first.pump();
        other.pump();
        return scalar(*server, QStringLiteral("SELECT COUNT(*) FROM messages WHERE outbox_state = 'accepted'")).toInt() == 20;
    }, 10000));
    QSet<QString> clientIds;
    for (const QJsonObject &body : sandbox.receivedSends())
        clientIds.insert(body.value(QLatin1String("biz_opaque_callback_data")).toString());
    EXPECT_EQ(sandbox.receivedSends().size(), 20) << "each message went out exactly once";
    EXPECT_EQ(clientIds.size(), 20);
}

TEST_P(TeamTest, ReadReceiptsAskedByADesktopAreSentByTheServerOnce)
{
    SandboxServer::Settings settings;
    settings.accessToken = QStringLiteral("team-token-0000000000000000");
    SandboxServer sandbox(settings, clock);
    ASSERT_NE(sandbox.listen(QHostAddress::LocalHost, 0), 0);
    CloudApiClient client(sandbox.clientConfig());

    ReadReceipts desktop(*desktopA, clock);
    ASSERT_FALSE(desktop.request(QStringLiteral("wamid.first"), conversation).isError());
    ASSERT_FALSE(ReadReceipts(*desktopB, clock).request(QStringLiteral("wamid.first"), conversation).isError()) << "asked twice, kept once";
    ReadReceipts server(*this->server, clock);
    QSignalSpy sent(&server, &ReadReceipts::sent);
    server.sendPending(client);
    ASSERT_TRUE(sent.wait(5000));
    ASSERT_EQ(sandbox.receivedSends().size(), 1);
    EXPECT_EQ(sandbox.receivedSends().first().value(QLatin1String("status")).toString(), QStringLiteral("read"));
    EXPECT_EQ(sandbox.receivedSends().first().value(QLatin1String("message_id")).toString(), QStringLiteral("wamid.first"));
    EXPECT_EQ(scalar(*desktopA, QStringLiteral("SELECT COUNT(*) FROM read_receipts")).toInt(), 0);
    server.sendPending(client);
    QTest::qWait(200);
    EXPECT_EQ(sandbox.receivedSends().size(), 1) << "sent once";
}

TEST_P(TeamOnPostgres, ChangesReachTheOtherDesktopsAtOnce)
{
    StoreNotifications hearsA(*desktopA);
    auto hearsB = std::make_unique<StoreNotifications>(*desktopB);
    ASSERT_TRUE(hearsA.listen());
    ASSERT_TRUE(hearsB->listen());
    QSignalSpy atA(&hearsA, &StoreNotifications::changed);
    QSignalSpy atB(hearsB.get(), &StoreNotifications::changed);

    // The server stores a webhook: both desktops hear of that conversation.
    ASSERT_FALSE(ingestor->ingest(textFrom(kLucia, QStringLiteral("wamid.second"), QStringLiteral("¿Y el envío?"))).error.isError());
    ASSERT_TRUE(atA.wait(3000));
    ASSERT_TRUE(atB.count() > 0 || atB.wait(3000));
    EXPECT_EQ(atB.first().at(0).value<StoreNotifications::Change>(), StoreNotifications::Change::Messages);
    EXPECT_EQ(atB.first().at(1).value<QSet<qint64>>(), QSet<qint64>{conversation});

    // An assignment made on A reaches B.
    atB.clear();
    TeamStore a(*desktopA, clock);
    StoreError error;
    const Agent marta = *a.signIn(QStringLiteral("Marta"), QStringLiteral("#c0392b"), &error);
    ASSERT_FALSE(a.assign(conversation, marta.id).isError());
    ASSERT_TRUE(atB.wait(3000));
    EXPECT_EQ(atB.last().at(0).value<StoreNotifications::Change>(), StoreNotifications::Change::Assignment);
    EXPECT_EQ(TeamStore(*desktopB, clock).assignee(conversation, &error), std::optional<qint64>(marta.id));

    // An order written on A, and its stage moved there, reach B as orders.
    atB.clear();
    OrderLine lamp;
    lamp.retailerId = QStringLiteral("lampara-nube");
    lamp.quantity = 1;
    lamp.unitCents = 18900000;
    lamp.currency = QStringLiteral("COP");
    const auto order = OrderStore(*desktopA).addByHand(conversation, {lamp}, {}, QDateTime::currentDateTimeUtc(), &error);
    ASSERT_TRUE(order) << error.detail.toStdString();
    ASSERT_TRUE(atB.wait(3000));
    EXPECT_EQ(atB.last().at(0).value<StoreNotifications::Change>(), StoreNotifications::Change::Orders);
    atB.clear();
    ASSERT_FALSE(OrderStore(*desktopA).setStage(*order, OrderStage::Paid, QDateTime::currentDateTimeUtc()).isError());
    ASSERT_TRUE(atB.wait(3000));
    EXPECT_EQ(atB.last().at(0).value<StoreNotifications::Change>(), StoreNotifications::Change::Orders);
    EXPECT_EQ(atB.last().at(1).value<QSet<qint64>>(), QSet<qint64>{conversation});
    EXPECT_EQ(OrderStore(*desktopB).order(*order, &error)->stage, OrderStage::Paid);

    // A desktop that lost its connection reconnects, sees what it missed, and hears again.
    hearsB.reset(); // it listened on the connection that goes away
    desktopB.reset();
    ASSERT_FALSE(ingestor->ingest(textFrom(kLucia, QStringLiteral("wamid.third"), QStringLiteral("¿Hola?"))).error.isError());
    desktopB = store->open();
    EXPECT_EQ(scalar(*desktopB, QStringLiteral("SELECT COUNT(*) FROM messages")).toInt(), 3) << "nothing was lost meanwhile";
    StoreNotifications again(*desktopB);
    ASSERT_TRUE(again.listen());
    QSignalSpy back(&again, &StoreNotifications::changed);
    ASSERT_FALSE(ingestor->ingest(textFrom(kLucia, QStringLiteral("wamid.fourth"), QStringLiteral("Gracias"))).error.isError());
    EXPECT_TRUE(back.wait(3000));
}

TEST_P(TeamOnPostgres, NothingIsAnnouncedForAChangeThatDidNotCommit)
{
    StoreNotifications hearsA(*desktopA);
    ASSERT_TRUE(hearsA.listen());
    QSignalSpy atA(&hearsA, &StoreNotifications::changed);
    ASSERT_FALSE(server->begin().isError());
    StoreNotifications::announce(*server, StoreNotifications::Change::Messages, {conversation});
    server->rollback();
    EXPECT_FALSE(atA.wait(500));
}

// clang-format off
INSTANTIATE_TEST_SUITE_P(Backends, TeamTest, ::testing::Values(Backend::Sqlite, Backend::Postgres), backendName);
INSTANTIATE_TEST_SUITE_P(Backends, TeamOnPostgres, ::testing::Values(Backend::Postgres), backendName);
