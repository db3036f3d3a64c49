// Team roles enforced by PostgreSQL: an agent connects as their own role and the database itself
// refuses what the role may not do (change the shop's settings, quick replies or team, delete
// history, write a note in someone else's name, read the server's private settings) while the
// daily work succeeds; a removed agent is cut off at once.
#include "team/teamaccessstore.h"

#include "api/cloudapiclient.h"
#include "outbox/outbox.h"
#include "qtprinting.h"
#include "sandbox/webhookpayloads.h"
#include "commerce/catalogstore.h"
#include "inbox/labelstore.h"
#include "commerce/orderstore.h"
#include "automation/quickreplystore.h"
#include "db/settingsstore.h"
#include "inbox/shopeditstore.h"
#include "team/teamstore.h"
#include "webhook/webhookingestor.h"
#include "temporarystore.h"
#include "webhook/webhookparser.h"

#include <QJsonDocument>

#include <gtest/gtest.h>

using namespace Mostrador;
using namespace Mostrador::Testing;
namespace Payloads = Mostrador::WebhookPayloads;

namespace {

const Payloads::Business kShop{QStringLiteral("100200300400500"), QStringLiteral("106540352242922"), QStringLiteral("576017654321")};
const Payloads::Sender kLucia{QStringLiteral("573001112233"), QStringLiteral("Lucía Gómez"), QString()};

class TeamAccessTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        store = std::make_unique<TemporaryStore>(Backend::Postgres);
        if (!store->isAvailable())
            GTEST_SKIP() << qPrintable(store->skipReason());
        owner = store->open();
        ASSERT_TRUE(owner);
        const auto parsed = WebhookParser::parse(QJsonDocument(Payloads::envelope(kShop, {kLucia},
            {Payloads::textMessage(QStringLiteral("wamid.first"), kLucia, clock.now(), QStringLiteral("Hola"))})).toJson());
        ASSERT_TRUE(parsed.ok);
        ASSERT_FALSE(WebhookIngestor(*owner).ingest(parsed.batch).error.isError());
        conversation = scalar(*owner, QStringLiteral("SELECT MIN(id) FROM conversations")).toLongLong();
        customer = scalar(*owner, QStringLiteral("SELECT MIN(id) FROM customers")).toLongLong();
    }

    // The address `team add-agent` prints, opened as that agent's desktop would.
    std::unique_ptr<Database> signInAs(const TeamAccessStore::NewAgent &agent, StoreError *error) const
    {
        return Database::open(StoreLocation::parse(owner->location().addressFor(agent.role, agent.password)), error);
    }

    ManualClock clock{QDateTime(QDate(2026, 11, 30), QTime(15, 0), Qt::UTC)};
    std::unique_ptr<TemporaryStore> store;
    std::unique_ptr<Database> owner;
    qint64 conversation = 0;
    qint64 customer = 0;
};

} // namespace

TEST_F(TeamAccessTest, AnAgentAnswersCustomersButCannotRunTheShop)
{
    TeamAccessStore access(*owner, clock);
    StoreError error;
    const auto lucia = access.addAgent(QStringLiteral("Lucía Pérez"), &error);
    ASSERT_TRUE(lucia) << error.detail.toStdString();
    EXPECT_TRUE(lucia->role.startsWith(QStringLiteral("mostrador_"))) << lucia->role.toStdString();
    EXPECT_GE(lucia->password.size(), 20);
    ASSERT_FALSE(SettingsStore(*owner).write({{QStringLiteral("private/backup_key"), QStringLiteral("s3cr3t")},
                                              {QStringLiteral("team/phone_number_id"), QStringLiteral("106540352242922")}}).isError());

    const auto agentDb = signInAs(*lucia, &error);
    ASSERT_TRUE(agentDb) << error.detail.toStdString();
    TeamStore team(*agentDb, clock);
    const auto me = team.signIn(QStringLiteral("whatever she typed"), QStringLiteral("#000000"), &error);
    ASSERT_TRUE(me) << error.detail.toStdString();
    EXPECT_EQ(me->name, QStringLiteral("Lucía Pérez")) << "her role says who she is";
    EXPECT_EQ(me->role, Agent::Role::Agent);

    // The daily work succeeds.
    ShopEditStore edits(*agentDb);
    EXPECT_FALSE(edits.setStatus(conversation, QStringLiteral("resolved")).isError());
    EXPECT_FALSE(edits.setNotes(customer, QStringLiteral("Prefiere entrega por la tarde")).isError());
    EXPECT_FALSE(edits.saveDraft(conversation, QStringLiteral("Te escribo en un momento")).isError());
    EXPECT_FALSE(team.assign(conversation, me->id).isError());
    EXPECT_TRUE(team.claimReply(conversation, me->id, 30, &error)) << error.detail.toStdString();
    EXPECT_TRUE(team.addNote(conversation, me->id, QStringLiteral("Pagó por Nequi"), &error)) << error.detail.toStdString();
    LabelStore labels(*agentDb);
    const auto labelId = scalar(*owner, QStringLiteral("INSERT INTO labels (name, color) VALUES ('Pagado', '#27ae60') RETURNING id")).toLongLong();
    EXPECT_FALSE(labels.setLabel(conversation, labelId, true).isError());
    CloudApiClient client{ApiConfig{}};
    Outbox outbox(*agentDb, client, clock);
    EXPECT_TRUE(outbox.enqueue(conversation, MessageKind::Text, QStringLiteral("¡Hola Lucía!"), {}, false, &error))
        << error.detail.toStdString();
    // Orders: written down by hand and moved through their stages by whoever answers.
    OrderLine blanket;
    blanket.retailerId = QStringLiteral("manta-lana");
    blanket.quantity = 1;
    blanket.unitCents = 14500000;
    blanket.currency = QStringLiteral("COP");
    const auto order = OrderStore(*agentDb).addByHand(conversation, {blanket}, QStringLiteral("Entrega el sábado"), clock.now(), &error);
    ASSERT_TRUE(order) << error.detail.toStdString();
    EXPECT_FALSE(OrderStore(*agentDb).setStage(*order, OrderStage::Shipped, clock.now(), QStringLiteral("SERVI-1")).isError());
    EXPECT_EQ(SettingsStore(*agentDb).read(QStringLiteral("team/"), &error).value(QStringLiteral("team/phone_number_id")),
              QStringLiteral("106540352242922"));

    // What belongs to the owner is refused by the database itself, in words she can act on.
    const auto refused = [](const StoreError &problem) { return problem.kind == StoreError::Kind::NotAllowed; };
    EXPECT_TRUE(refused(SettingsStore(*agentDb).write({{QStringLiteral("automation/away_enabled"), QStringLiteral("0")}})));
    QuickReply reply;
    reply.shortcut = QStringLiteral("gratis");
    reply.title = QStringLiteral("Envío gratis");
    reply.body = QStringLiteral("¡Envío gratis hoy!");
    EXPECT_FALSE(QuickReplyStore(*agentDb).save(reply, &error));
    // The catalog is the owner's (Shop ▸ Catalog).
    Product product;
    product.retailerId = QStringLiteral("gratis");
    product.name = QStringLiteral("Regalo");
    EXPECT_FALSE(CatalogStore(*agentDb).saveLocal(product, clock.now(), &error));
    EXPECT_TRUE(refused(error)) << error.detail.toStdString();
    EXPECT_TRUE(refused(agentDb->exec(QStringLiteral("DELETE FROM messages"))));
    EXPECT_TRUE(refused(agentDb->exec(QStringLiteral("UPDATE messages SET body = 'otra cosa'"))));
    EXPECT_TRUE(refused(agentDb->exec(QStringLiteral("DELETE FROM customers"))));
    EXPECT_TRUE(refused(agentDb->exec(QStringLiteral("INSERT INTO agents (name, color, created_at) VALUES ('Intrusa', '#000000', 0)"))));
    EXPECT_TRUE(refused(agentDb->exec(QStringLiteral("UPDATE agents SET role = 'owner'"))));
    const qint64 ownerAgent = TeamStore(*owner, clock).signIn(QStringLiteral("Marta"), QStringLiteral("#c0392b"), &error)->id;
    EXPECT_FALSE(team.addNote(conversation, ownerAgent, QStringLiteral("escrita en nombre de Marta"), &error));
    EXPECT_TRUE(refused(error)) << "a note only in her own name: " << error.detail.toStdString();
    EXPECT_TRUE(refused(agentDb->exec(QStringLiteral("CREATE TABLE mine (x int)"))));
    EXPECT_EQ(scalar(*agentDb, QStringLiteral("SELECT COUNT(*) FROM settings WHERE key LIKE 'private/%'")).toInt(), 0);
    EXPECT_EQ(scalar(*owner, QStringLiteral("SELECT COUNT(*) FROM settings WHERE key LIKE 'private/%'")).toInt(), 1);
    EXPECT_EQ(scalar(*owner, QStringLiteral("SELECT COUNT(*) FROM messages")).toInt(), 2) << "nothing of the history went";
}

TEST_F(TeamAccessTest, ARemovedAgentIsCutOffAtOnce)
{
    TeamAccessStore access(*owner, clock);
    StoreError error;
    const auto diego = access.addAgent(QStringLiteral("Diego"), &error);
    ASSERT_TRUE(diego) << error.detail.toStdString();
    const auto agentDb = signInAs(*diego, &error);
    ASSERT_TRUE(agentDb) << error.detail.toStdString();
    TeamStore team(*agentDb, clock);
    const auto me = team.signIn(QString(), QString(), &error);
    ASSERT_TRUE(me);
    ASSERT_FALSE(team.assign(conversation, me->id).isError());
    ASSERT_TRUE(team.addNote(conversation, me->id, QStringLiteral("Llamar mañana"), &error));
    ASSERT_TRUE(agentDb->isReachable());

    bool found = false;
    ASSERT_FALSE(access.removeAgent(QStringLiteral("Diego"), &found).isError());
    EXPECT_TRUE(found);
    EXPECT_FALSE(agentDb->isReachable()) << "his open session was closed";
    EXPECT_TRUE(agentDb->reconnect().isError());
    EXPECT_FALSE(signInAs(*diego, &error)) << "and he cannot sign in again";
    EXPECT_TRUE(scalar(*owner, QStringLiteral("SELECT assigned_agent_id FROM conversations WHERE id = ?"), {conversation}).isNull())
        << "his conversations went back to the team";
    EXPECT_EQ(TeamStore(*owner, clock).notes(conversation, &error).value(0).agentName, QStringLiteral("Diego")) << "what he wrote stays";
    EXPECT_EQ(TeamStore(*owner, clock).agents(&error).size(), 0);

    EXPECT_FALSE(access.removeAgent(QStringLiteral("Nadie"), &found).isError());
    EXPECT_FALSE(found);
    // Let back in: the same person, with a new password.
    const auto again = access.addAgent(QStringLiteral("Diego"), &error);
    ASSERT_TRUE(again);
    const auto back = signInAs(*again, &error);
    ASSERT_TRUE(back) << error.detail.toStdString();
    EXPECT_EQ(TeamStore(*back, clock).signIn(QString(), QString(), &error)->id, me->id);
}

// The server signs in as its own role: it stores what WhatsApp sends, merges customers, reads and
// writes the settings kept for it and forgets customers, but cannot change the schema or the rights.
TEST_F(TeamAccessTest, TheServerHasItsOwnRoleForTheDataNotTheSchema)
{
    TeamAccessStore access(*owner, clock);
    StoreError error;
    ASSERT_FALSE(SettingsStore(*owner).write({{QStringLiteral("private/backup_key"), QStringLiteral("s3cr3t")}}).isError());
    const auto server = access.addServer(&error);
    ASSERT_TRUE(server) << error.detail.toStdString();
    EXPECT_EQ(server->role, access.serverRole());
    const auto serverDb = signInAs(*server, &error);
    ASSERT_TRUE(serverDb) << error.detail.toStdString();

    const Payloads::Sender diego{QStringLiteral("34644556677"), QStringLiteral("Diego"), QString()};
    const auto parsed = WebhookParser::parse(QJsonDocument(Payloads::envelope(kShop, {diego},
        {Payloads::textMessage(QStringLiteral("wamid.second"), diego, clock.now(), QStringLiteral("¿Abren el sábado?"))})).toJson());
    const WebhookIngestor::Outcome stored = WebhookIngestor(*serverDb).ingest(parsed.batch);
    EXPECT_FALSE(stored.error.isError()) << stored.error.detail.toStdString();
    EXPECT_EQ(stored.newMessages, 1);
    EXPECT_EQ(SettingsStore(*serverDb).read(QStringLiteral("private/"), &error).value(QStringLiteral("private/backup_key")), QStringLiteral("s3cr3t"));
    EXPECT_FALSE(SettingsStore(*serverDb).write({{QStringLiteral("team/phone_number_id"), QStringLiteral("106540352242922")}}).isError());
    EXPECT_FALSE(serverDb->exec(QStringLiteral("DELETE FROM drafts")).isError()) << "its data, to change as the shop's work needs";

    const auto refused = [](const StoreError &problem) { return problem.kind == StoreError::Kind::NotAllowed; };
    EXPECT_TRUE(refused(serverDb->exec(QStringLiteral("DROP TABLE messages"))));
    EXPECT_TRUE(refused(serverDb->exec(QStringLiteral("CREATE TABLE mine (x int)"))));
    EXPECT_TRUE(refused(serverDb->exec(QStringLiteral("ALTER TABLE messages ADD COLUMN x int"))));
    EXPECT_FALSE(TeamAccessStore(*serverDb, clock).refreshIfInUse().isError()) << "the rights are the owner's to give: it leaves them be";

    // Given again: a new password (the test's throwaway server trusts local sign-ins, so only the
    // change itself is checked here).
    const auto again = access.addServer(&error);
    ASSERT_TRUE(again);
    EXPECT_NE(again->password, server->password);
    EXPECT_TRUE(signInAs(*again, &error));
}
