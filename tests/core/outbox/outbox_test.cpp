#include "outbox/outbox.h"

#include "sandbox/webhookdispatcher.h"

#include "api/messagepayloads.h"
#include "qtprinting.h"
#include "window/windowtracker.h"
#include "wireloop.h"

#include <QSignalSpy>
#include <QSqlQuery>

#include <gtest/gtest.h>

using namespace Mostrador;
using namespace Mostrador::Testing;
namespace Payloads = Mostrador::MessagePayloads;

namespace {

const QString kCustomer = QStringLiteral("573001112233");

class OutboxTest : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override
    {
        if (!loop.isAvailable())
            GTEST_SKIP() << qPrintable(loop.skipReason());
        loop.sandbox->addCustomer(kCustomer, QStringLiteral("Lucía"));
        outbox = std::make_unique<Outbox>(*loop.database, *loop.client, loop.clock);
        Outbox::Settings settings;
        settings.firstRetrySeconds = 0; // retry at once: the test clock does not move by itself
        settings.unconfirmedGraceSeconds = 0;
        settings.perCustomerIntervalMs = 0; // the test clock stands still
        outbox->setSettings(settings);
    }

    void customerWrites()
    {
        ASSERT_TRUE(loop.customerWrites(kCustomer, QStringLiteral("Hola")));
    }

    qint64 enqueueText(const QString &text)
    {
        StoreError error;
        const auto message = outbox->enqueue(*outbox->conversationWith(kCustomer, &error), MessageKind::Text, text, Payloads::text({kCustomer, {}, {}}, text), false, &error);
        EXPECT_TRUE(message.has_value()) << error.detail.toStdString();
        return message ? message->id : 0;
    }

    QString stateOf(qint64 id)
    {
        return loop.value(QStringLiteral("SELECT outbox_state FROM messages WHERE id = ?"), {id}).toString();
    }

    bool waitForState(qint64 id, const QString &state, int timeoutMs = 5000)
    {
        return QTest::qWaitFor([&] { return stateOf(id) == state; }, timeoutMs);
    }

    WireLoop loop{QDateTime(QDate(2026, 11, 17), QTime(19, 0), Qt::UTC), 20, GetParam()};
    std::unique_ptr<Outbox> outbox;
};

} // namespace

TEST_P(OutboxTest, StoresBeforeSendingAndSendsInOrder)
{
    customerWrites();
    QStringList sentBodies;
    QObject::connect(loop.sandbox.get(), &SandboxServer::messageAccepted, loop.sandbox.get(),
                     [&](const QString &, const QJsonObject &body) {
                         sentBodies << body.value(QLatin1String("text")).toObject().value(QLatin1String("body")).toString();
                     });
    QList<qint64> ids;
    for (int i = 1; i <= 5; ++i) {
        ids << enqueueText(QStringLiteral("Parte %1").arg(i));
        // Stored at once, before anything went out.
        EXPECT_EQ(stateOf(ids.last()), QStringLiteral("queued"));
    }
    ASSERT_TRUE(waitForState(ids.last(), QStringLiteral("accepted")));
    EXPECT_EQ(sentBodies, (QStringList{QStringLiteral("Parte 1"), QStringLiteral("Parte 2"), QStringLiteral("Parte 3"),
                                       QStringLiteral("Parte 4"), QStringLiteral("Parte 5")}));
    // Each carried its client id as callback data, so statuses find it.
    for (const QJsonObject &body : loop.sandbox->receivedSends())
        EXPECT_TRUE(body.value(QLatin1String("biz_opaque_callback_data")).toString().startsWith(QLatin1String("mostrador:")));
}

TEST_P(OutboxTest, RetriesRateLimitsAndGivesUpOnTemplateErrors)
{
    WireLoop tight(QDateTime(QDate(2026, 11, 17), QTime(19, 0), Qt::UTC), 1, GetParam());
    tight.sandbox->addCustomer(kCustomer, QStringLiteral("Lucía"));
    Outbox limited(*tight.database, *tight.client, tight.clock);
    Outbox::Settings settings;
    settings.firstRetrySeconds = 0;
    settings.perCustomerIntervalMs = 0;
    limited.setSettings(settings);
    QSignalSpy retries(&limited, &Outbox::messageWillRetry);
    QSignalSpy accepted(&limited, &Outbox::messageAccepted);
    StoreError error;
    for (int i = 0; i < 2; ++i)
        limited.enqueue(*limited.conversationWith(kCustomer, &error), MessageKind::Text, QStringLiteral("hello_world"),
                        Payloads::templateMessage({kCustomer, {}, {}}, QStringLiteral("hello_world"), QStringLiteral("en_US")), false, &error);
    // Two conversations' worth of room but one customer: they go one after the other; the second
    // hits the 1-per-second limit, waits, and goes once the clock moves on.
    ASSERT_TRUE(QTest::qWaitFor([&] { return accepted.count() == 1 && retries.count() >= 1; }, 5000));
    tight.clock.advance(2);
    limited.pump();
    ASSERT_TRUE(accepted.count() == 2 || accepted.wait(5000));
    EXPECT_EQ(accepted.count(), 2);

    QSignalSpy failed(&limited, &Outbox::messageFailed);
    tight.clock.advance(2);
    limited.enqueue(*limited.conversationWith(kCustomer, &error), MessageKind::Text, QStringLiteral("x"),
                    Payloads::templateMessage({kCustomer, {}, {}}, QStringLiteral("no_existe"), QStringLiteral("es")), false, &error);
    ASSERT_TRUE(failed.wait(5000));
    const WireError refusal = failed.last().at(1).value<WireError>();
    EXPECT_EQ(refusal.code, 132001);
    EXPECT_FALSE(refusal.userMessage().isEmpty());
}

TEST_P(OutboxTest, AClosedWindowIsRefusedLocallyWithAClearReason)
{
    customerWrites();
    WindowTracker windows(*loop.database, loop.clock);
    windows.reload();
    outbox->setWindowTracker(&windows);
    loop.clock.advance(25 * 3600);
    windows.evaluate();
    QSignalSpy failed(outbox.get(), &Outbox::messageFailed);
    const int sendsBefore = int(loop.sandbox->receivedSends().size());
    const qint64 id = enqueueText(QStringLiteral("¿Sigues ahí?"));
    ASSERT_TRUE(failed.wait(5000));
    EXPECT_EQ(failed.last().at(1).value<WireError>().category, WireError::Category::OutsideWindow);
    EXPECT_TRUE(failed.last().at(1).value<WireError>().userMessage().contains(QLatin1String("template")));
    EXPECT_EQ(stateOf(id), QStringLiteral("failed"));
    EXPECT_EQ(loop.sandbox->receivedSends().size(), sendsBefore); // nothing went out
}

// After a crash, every outbox state is picked up again without sending anything twice.
TEST_P(OutboxTest, ARestartRecoversEveryStateWithoutDuplicates)
{
    customerWrites();
    OutgoingStore store(*loop.database);
    StoreError error;
    const qint64 conversation = *store.conversationForCustomer(kCustomer, loop.apiConfig().phoneNumberId, &error);
    const auto add = [&](const QString &text) {
        return *store.enqueue(conversation, MessageKind::Text, text, Payloads::text({kCustomer, {}, {}}, text), false, &error);
    };
    const OutgoingMessage queued = add(QStringLiteral("queued"));
    const OutgoingMessage accepted = add(QStringLiteral("accepted"));
    ASSERT_EQ(store.claimForSending(accepted.id, &error), std::optional<bool>(true));
    ASSERT_FALSE(store.markAccepted(accepted.id, QStringLiteral("wamid.accepted")).isError());
    const OutgoingMessage failed = add(QStringLiteral("failed"));
    WireError undeliverable;
    undeliverable.code = 131026;
    undeliverable.category = WireError::Category::Undeliverable;
    ASSERT_FALSE(store.markFailed(failed.id, undeliverable).isError());
    // In flight when the process died, and its status webhook did come: adopted.
    const OutgoingMessage inFlightConfirmed = add(QStringLiteral("in flight, confirmed"));
    ASSERT_EQ(store.claimForSending(inFlightConfirmed.id, &error), std::optional<bool>(true));
    // In flight (its request written out) and no word ever came: unconfirmed, for the user to decide.
    const OutgoingMessage inFlightLost = add(QStringLiteral("in flight, lost"));
    ASSERT_EQ(store.claimForSending(inFlightLost.id, &error), std::optional<bool>(true));
    ASSERT_FALSE(store.markLeft(inFlightLost.id, loop.clock.now()).isError());
    // Taken for sending but never written out (the process died first): Meta cannot have it, it goes again.
    const OutgoingMessage neverLeft = add(QStringLiteral("never left"));
    ASSERT_EQ(store.claimForSending(neverLeft.id, &error), std::optional<bool>(true));

    // Meta's status for the confirmed one arrives after the restart, naming its client id.
    loop.sandbox->dispatcher().deliver(WebhookPayloads::envelope(
        loop.sandbox->settings().business, {}, {},
        {WebhookPayloads::status(QStringLiteral("wamid.confirmed"), kCustomer, QStringLiteral("delivered"), loop.clock.now(),
                                 inFlightConfirmed.clientId)}));
    ASSERT_TRUE(waitForState(inFlightConfirmed.id, QStringLiteral("accepted")));

    QSignalSpy unconfirmed(outbox.get(), &Outbox::messageUnconfirmed);
    const int sendsBefore = int(loop.sandbox->receivedSends().size());
    outbox->recover();
    ASSERT_TRUE(waitForState(queued.id, QStringLiteral("accepted")));
    ASSERT_TRUE(unconfirmed.count() == 1 || unconfirmed.wait(5000));
    EXPECT_EQ(unconfirmed.count(), 1);
    EXPECT_EQ(unconfirmed.first().at(0).toLongLong(), inFlightLost.id);

    EXPECT_EQ(stateOf(accepted.id), QStringLiteral("accepted"));
    EXPECT_EQ(stateOf(failed.id), QStringLiteral("failed"));
    EXPECT_EQ(stateOf(inFlightConfirmed.id), QStringLiteral("accepted"));
    EXPECT_EQ(loop.value(QStringLiteral("SELECT wamid FROM messages WHERE id = ?"), {inFlightConfirmed.id}).toString(),
              QStringLiteral("wamid.confirmed"));
    EXPECT_EQ(stateOf(inFlightLost.id), QStringLiteral("unconfirmed"));
    ASSERT_TRUE(waitForState(neverLeft.id, QStringLiteral("accepted")));
    // Only the queued message and the one that never left went out; nothing was sent twice.
    EXPECT_EQ(loop.sandbox->receivedSends().size(), sendsBefore + 2);
}

TEST_P(OutboxTest, KeepsTheThroughputLimitsPerCustomerAndPerNumber)
{
    customerWrites();
    Outbox::Settings settings;
    settings.perCustomerIntervalMs = 1000;
    settings.maxPerSecond = 80;
    outbox->setSettings(settings);
    QSignalSpy accepted(outbox.get(), &Outbox::messageAccepted);
    enqueueText(QStringLiteral("uno"));
    enqueueText(QStringLiteral("dos"));
    ASSERT_TRUE(accepted.wait(5000));
    QTest::qWait(200);
    EXPECT_EQ(accepted.count(), 1) << "the second message to the same customer must wait its turn";
    loop.clock.advance(1);
    outbox->pump();
    ASSERT_TRUE(accepted.count() == 2 || accepted.wait(5000));
}

TEST_P(OutboxTest, TheUserCanFixAndRetryOrDiscardAFailedMessage)
{
    QSignalSpy failed(outbox.get(), &Outbox::messageFailed);
    QSignalSpy accepted(outbox.get(), &Outbox::messageAccepted);
    StoreError error;
    const auto wrong = outbox->enqueue(*outbox->conversationWith(kCustomer, &error), MessageKind::Text, QStringLiteral("pedido_lsito"),
                                       Payloads::templateMessage({kCustomer, {}, {}}, QStringLiteral("pedido_lsito"), QStringLiteral("es")),
                                       false, &error);
    ASSERT_TRUE(failed.wait(5000));
    ASSERT_EQ(stateOf(wrong->id), QStringLiteral("failed"));

    // Edit: the template name is corrected and the message goes again, same client id.
    ASSERT_FALSE(outbox->retry(wrong->id, Payloads::templateMessage({kCustomer, {}, {}}, QStringLiteral("pedido_listo"), QStringLiteral("es"),
                                                                    {QStringLiteral("Lucía"), QStringLiteral("1042")}),
                               QStringLiteral("pedido_listo")).isError());
    ASSERT_TRUE(accepted.wait(5000));
    EXPECT_EQ(stateOf(wrong->id), QStringLiteral("accepted"));
    EXPECT_EQ(loop.sandbox->receivedSends().last().value(QLatin1String("biz_opaque_callback_data")).toString(), wrong->clientId);
    // An accepted message cannot be sent again by mistake.
    EXPECT_TRUE(outbox->retry(wrong->id).isError());

    const auto another = outbox->enqueue(*outbox->conversationWith(kCustomer, &error), MessageKind::Text, QStringLiteral("x"),
                                         Payloads::templateMessage({kCustomer, {}, {}}, QStringLiteral("no_existe"), QStringLiteral("es")),
                                         false, &error);
    ASSERT_TRUE(failed.wait(5000));
    ASSERT_FALSE(outbox->discard(another->id).isError());
    EXPECT_EQ(stateOf(another->id), QStringLiteral("discarded"));
    EXPECT_EQ(loop.value(QStringLiteral("SELECT COUNT(*) FROM messages WHERE id = ?"), {another->id}).toInt(), 1); // kept in history
}

TEST_P(OutboxTest, AReplyScheduledForOpeningWaitsWithoutHoldingBackTheConversation)
{
    customerWrites();
    StoreError error;
    const QString later = QStringLiteral("Buenos días, ya abrimos: sí tenemos la lámpara en blanco.");
    const QDateTime opening = loop.clock.now().addSecs(10 * 3600);
    const auto scheduled = outbox->enqueue(*outbox->conversationWith(kCustomer, &error), MessageKind::Text, later, Payloads::text({kCustomer, {}, {}}, later), false,
                                           &error, opening);
    ASSERT_TRUE(scheduled) << error.detail.toStdString();
    const qint64 now = enqueueText(QStringLiteral("Te lo confirmo mañana a primera hora."));
    ASSERT_TRUE(waitForState(now, QStringLiteral("accepted"))) << "the later message is not held back";
    QTest::qWait(200);
    outbox->pump();
    EXPECT_EQ(stateOf(scheduled->id), QStringLiteral("queued")) << "not before its time";

    loop.clock.set(opening.addSecs(1));
    outbox->pump();
    ASSERT_TRUE(waitForState(scheduled->id, QStringLiteral("accepted")));
    EXPECT_EQ(loop.sandbox->receivedSends().size(), 2);
}

// clang-format off
INSTANTIATE_TEST_SUITE_P(Backends, OutboxTest, ::testing::Values(Backend::Sqlite, Backend::Postgres), backendName);
