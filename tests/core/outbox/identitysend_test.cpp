// Writing to customers as WhatsApp names them, over real HTTP with the sandbox, on both
// backends: by business-scoped id (`recipient`, no `to`), by a number typed in people's form
// (WhatsApp answers with its own form, which the store learns), and blocking.

#include "outbox/messagesender.h"
#include "outbox/outbox.h"
#include "qtprinting.h"
#include "sandbox/sandboxserver.h"
#include "services/customerblocking.h"
#include "services/shopservices.h"
#include "wireloop.h"

#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Mostrador;
using namespace Mostrador::Testing;

namespace {

class IdentitySendTest : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override
    {
        if (!loop.isAvailable())
            GTEST_SKIP() << qPrintable(loop.skipReason());
        shop = std::make_unique<ShopServices>(*loop.database, *loop.ingestor, *loop.client, loop.clock, media.path(),
                                              ShopServices::Runner::Server);
        Outbox::Settings settings;
        settings.perCustomerIntervalMs = 0;
        shop->outbox().setSettings(settings);
    }

    qint64 conversationOf(const QString &wamid)
    {
        return loop.value(QStringLiteral("SELECT conversation_id FROM messages WHERE wamid = ?"), {wamid}).toLongLong();
    }

    WireLoop loop{QDateTime(QDate(2026, 11, 17), QTime(19, 0), Qt::UTC), 20, GetParam()};
    QTemporaryDir media;
    std::unique_ptr<ShopServices> shop;
};

} // namespace

TEST_P(IdentitySendTest, ACustomerWithoutANumberIsAnsweredByRecipient)
{
    loop.sandbox->addCustomer(SandboxServer::Customer{QString(), QStringLiteral("Renata"), {}, QStringLiteral("CO.8842115509"),
                                                      QStringLiteral("renata.deco"), false});
    ASSERT_TRUE(loop.customerWrites(QStringLiteral("CO.8842115509"), QStringLiteral("¿Hacen pedidos por mayor?")));
    const qint64 conversation = loop.value(QStringLiteral("SELECT id FROM conversations")).toLongLong();
    EXPECT_EQ(loop.value(QStringLiteral("SELECT username FROM customers")).toString(), QStringLiteral("renata.deco"));

    QSignalSpy accepted(&shop->outbox(), &Outbox::messageAccepted);
    const MessageSender::Result sent = shop->sender().sendText(conversation, QStringLiteral("¡Sí! ¿Cuántos necesitan?"));
    ASSERT_NE(sent.messageId, 0);
    ASSERT_TRUE(accepted.wait(5000));
    const QJsonObject body = loop.sandbox->receivedSends().last();
    EXPECT_EQ(body.value(QLatin1String("recipient")).toString(), QStringLiteral("CO.8842115509"));
    EXPECT_FALSE(body.contains(QLatin1String("to")));
    EXPECT_EQ(body.value(QLatin1String("messaging_product")).toString(), QStringLiteral("whatsapp"));
    EXPECT_EQ(body.value(QLatin1String("type")).toString(), QStringLiteral("text"));
    // Its statuses name the user id, not a number, and still reach the message.
    ASSERT_TRUE(QTest::qWaitFor([&] {
        return loop.value(QStringLiteral("SELECT status FROM messages WHERE id = ?"), {sent.messageId}).toInt() >= int(DeliveryStatus::Delivered);
    }, 5000));
    EXPECT_EQ(loop.value(QStringLiteral("SELECT COUNT(*) FROM customers")).toInt(), 1);
}

TEST_P(IdentitySendTest, ANumberTypedAsPeopleWriteItBecomesTheCustomerWhatsAppKnows)
{
    loop.sandbox->addCustomer(QStringLiteral("5215512345678"), QStringLiteral("Ximena Castillo"));
    StoreError error;
    // The shop writes first to +52 55 1234 5678 (a template: no window is open).
    const auto conversation = shop->sender().conversationWith(QStringLiteral("525512345678"), &error);
    ASSERT_TRUE(conversation) << error.detail.toStdString();
    QSignalSpy accepted(&shop->outbox(), &Outbox::messageAccepted);
    ASSERT_NE(shop->sender()
                  .sendTemplate(*conversation, QStringLiteral("pedido_listo"), QStringLiteral("es"),
                                {QStringLiteral("Ximena"), QStringLiteral("1187")}, QStringLiteral("Hola Ximena"))
                  .messageId,
              0);
    ASSERT_TRUE(accepted.wait(5000));
    const QJsonObject body = loop.sandbox->receivedSends().last();
    EXPECT_EQ(body.value(QLatin1String("to")).toString(), QStringLiteral("525512345678"));
    EXPECT_EQ(body.value(QLatin1String("template")).toObject().value(QLatin1String("name")).toString(), QStringLiteral("pedido_listo"));
    // WhatsApp answered with its own form of the number: the customer now has it.
    EXPECT_EQ(loop.value(QStringLiteral("SELECT wa_id FROM customers")).toString(), QStringLiteral("5215512345678"));
    // She answers: the same conversation.
    ASSERT_TRUE(loop.customerWrites(QStringLiteral("5215512345678"), QStringLiteral("¡Gracias!")));
    EXPECT_EQ(loop.value(QStringLiteral("SELECT COUNT(*) FROM conversations")).toInt(), 1);
    EXPECT_EQ(loop.value(QStringLiteral("SELECT COUNT(*) FROM customers")).toInt(), 1);
    EXPECT_EQ(loop.value(QStringLiteral("SELECT COUNT(*) FROM messages WHERE conversation_id = ?"), {*conversation}).toInt(), 2);
}

TEST_P(IdentitySendTest, BlockingFollowsWhatsAppsTwentyFourHourRule)
{
    loop.sandbox->addCustomer(QStringLiteral("34644556677"), QStringLiteral("Diego Torres"));
    ASSERT_TRUE(loop.customerWrites(QStringLiteral("34644556677"), QStringLiteral("Spam spam spam")));
    const qint64 conversation = loop.value(QStringLiteral("SELECT id FROM conversations")).toLongLong();
    CustomerBlocking &blocking = shop->blocking();
    QSignalSpy changed(&blocking, &CustomerBlocking::changed);
    QSignalSpy failed(&blocking, &CustomerBlocking::failed);
    blocking.block(conversation);
    ASSERT_TRUE(changed.wait(5000)) << (failed.isEmpty() ? std::string() : failed.first().at(1).toString().toStdString());
    EXPECT_FALSE(loop.value(QStringLiteral("SELECT blocked_at FROM customers")).isNull());
    const QJsonObject body = loop.sandbox->receivedSends().last();
    EXPECT_EQ(body.value(QLatin1String("block_users")).toArray().first().toObject().value(QLatin1String("user")).toString(),
              QStringLiteral("34644556677"));
    blocking.unblock(conversation);
    ASSERT_TRUE(changed.wait(5000));
    EXPECT_TRUE(loop.value(QStringLiteral("SELECT blocked_at FROM customers")).isNull());

    // Two days later, blocking is no longer allowed: said plainly.
    loop.clock.advance(48 * 3600);
    blocking.block(conversation);
    ASSERT_TRUE(failed.wait(5000));
    EXPECT_TRUE(failed.last().at(1).toString().contains(QLatin1String("24 hours")));
    EXPECT_TRUE(loop.value(QStringLiteral("SELECT blocked_at FROM customers")).isNull());
}

INSTANTIATE_TEST_SUITE_P(Backends, IdentitySendTest, ::testing::Values(Backend::Sqlite, Backend::Postgres), backendName);
