#include "automation/autoresponder.h"

#include "api/messagepayloads.h"
#include "outbox/outbox.h"
#include "qtprinting.h"
#include "wireloop.h"

#include <gtest/gtest.h>

using namespace Mostrador;
using namespace Mostrador::Testing;

namespace {

const QString kCustomer = QStringLiteral("573001112233");
const QDate kTuesday(2026, 11, 17);

QDateTime bogota(QDate date, QTime time)
{
    return QDateTime(date, time, QTimeZone("America/Bogota")).toUTC();
}

// A shop in Bogotá open Monday to Saturday 9–13 and 16–20; the PC's clock is in UTC.
class AutoResponderTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        loop.sandbox->addCustomer(kCustomer, QStringLiteral("Lucía Gómez"));
        OpeningHours hours{QTimeZone("America/Bogota")};
        for (int day = Qt::Monday; day <= Qt::Saturday; ++day)
            hours.setDay(Qt::DayOfWeek(day), {{QTime(9, 0), QTime(13, 0)}, {QTime(16, 0), QTime(20, 0)}});
        responder.setOpeningHours(hours);
        AutoResponder::Settings settings;
        settings.shopName = QStringLiteral("Casa Nube");
        settings.awayEnabled = true;
        settings.awayText = QStringLiteral("Hola {nombre}, en {tienda} abrimos a las 9:00. Te respondemos entonces.");
        responder.setSettings(settings);
        QObject::connect(loop.ingestor.get(), &WebhookIngestor::conversationsChanged, &responder, &AutoResponder::consider);
    }

    void writesAt(const QDateTime &when, const QString &text = QStringLiteral("Hola"))
    {
        // Waits for the message itself: the outbox's status webhooks also arrive as batches.
        loop.clock.set(when);
        const int before = loop.value(QStringLiteral("SELECT COUNT(*) FROM messages WHERE direction = 'in'")).toInt();
        loop.sandbox->customerSends(kCustomer, QStringLiteral("text"), {{QStringLiteral("body"), text}});
        ASSERT_TRUE(QTest::qWaitFor(
            [&] { return loop.value(QStringLiteral("SELECT COUNT(*) FROM messages WHERE direction = 'in'")).toInt() == before + 1; }, 5000));
    }

    int automaticReplies()
    {
        return loop.value(QStringLiteral("SELECT COUNT(*) FROM messages WHERE direction = 'out' AND automatic = 1")).toInt();
    }

    WireLoop loop{bogota(kTuesday, QTime(21, 0))};
    Outbox outbox{*loop.database, *loop.client, loop.clock};
    AutoResponder responder{*loop.database, outbox, loop.clock};
};

} // namespace

TEST_F(AutoResponderTest, OneAwayReplyPerClosedPeriodHoweverManyMessages)
{
    writesAt(bogota(kTuesday, QTime(22, 0)), QStringLiteral("¿Tienen la lámpara Nube?"));
    writesAt(bogota(kTuesday, QTime(22, 1)), QStringLiteral("¿En blanco?"));
    writesAt(bogota(kTuesday, QTime(23, 30)), QStringLiteral("¿Hola?"));
    EXPECT_EQ(automaticReplies(), 1);
    EXPECT_EQ(loop.value(QStringLiteral("SELECT body FROM messages WHERE automatic = 1")).toString(),
              QStringLiteral("Hola Lucía, en Casa Nube abrimos a las 9:00. Te respondemos entonces."));

    writesAt(bogota(kTuesday.addDays(1), QTime(10, 0)), QStringLiteral("Ya abrieron?"));
    EXPECT_EQ(automaticReplies(), 1) << "open: no automatic reply";
    writesAt(bogota(kTuesday.addDays(1), QTime(14, 0)), QStringLiteral("¿Y el envío?"));
    EXPECT_EQ(automaticReplies(), 2) << "the lunch break is a new closed period";
}

TEST_F(AutoResponderTest, AClosedDateGetsAnAwayReplyEvenOnAnOpenWeekday)
{
    OpeningHours hours{QTimeZone("America/Bogota")};
    hours.setDay(Qt::Wednesday, {{QTime(9, 0), QTime(20, 0)}});
    hours.addClosedDate(kTuesday.addDays(1));
    responder.setOpeningHours(hours);
    writesAt(bogota(kTuesday.addDays(1), QTime(11, 0)));
    EXPECT_EQ(automaticReplies(), 1);
}

TEST_F(AutoResponderTest, NoAwayReplyWithinTenMinutesOfAPersonReplying)
{
    writesAt(bogota(kTuesday, QTime(20, 30)));
    ASSERT_EQ(automaticReplies(), 1);
    loop.clock.set(bogota(kTuesday, QTime(20, 40)));
    StoreError error;
    const QString text = QStringLiteral("Sí, te la guardo");
    ASSERT_TRUE(outbox.enqueue(*outbox.conversationWith(kCustomer, &error), MessageKind::Text, text, MessagePayloads::text({kCustomer, {}, {}}, text), false, &error));
    // Wednesday just before closing the customer writes, a person answers at 20:02, after closing.
    writesAt(bogota(kTuesday.addDays(1), QTime(19, 55))); // open
    loop.clock.set(bogota(kTuesday.addDays(1), QTime(20, 2)));
    ASSERT_TRUE(outbox.enqueue(*outbox.conversationWith(kCustomer, &error), MessageKind::Text, text, MessagePayloads::text({kCustomer, {}, {}}, text), false, &error));
    writesAt(bogota(kTuesday.addDays(1), QTime(20, 5)));
    EXPECT_EQ(automaticReplies(), 1) << "someone from the shop is there: no away message";
    writesAt(bogota(kTuesday.addDays(1), QTime(20, 30)));
    EXPECT_EQ(automaticReplies(), 2) << "after the quiet minutes the away message goes out";
}

TEST_F(AutoResponderTest, GreetingForANewCustomerAndAfterFourteenDaysOfSilence)
{
    AutoResponder::Settings settings;
    settings.shopName = QStringLiteral("Casa Nube");
    settings.greetingEnabled = true;
    settings.greetingText = QStringLiteral("¡Bienvenida a {tienda}, {nombre}!");
    responder.setSettings(settings);

    writesAt(bogota(kTuesday, QTime(10, 0)));
    EXPECT_EQ(automaticReplies(), 1);
    EXPECT_EQ(loop.value(QStringLiteral("SELECT body FROM messages WHERE automatic = 1")).toString(),
              QStringLiteral("¡Bienvenida a Casa Nube, Lucía!"));
    writesAt(bogota(kTuesday, QTime(10, 5)));
    writesAt(bogota(kTuesday.addDays(13), QTime(10, 0)));
    EXPECT_EQ(automaticReplies(), 1) << "13 days of silence is not enough";
    writesAt(bogota(kTuesday.addDays(27), QTime(10, 0)));
    EXPECT_EQ(automaticReplies(), 2) << "after 14 days the customer is greeted again";
}

TEST_F(AutoResponderTest, ACustomerWhoWritesInEnglishIsAnsweredInEnglish)
{
    AutoResponder::Settings settings;
    settings.shopName = QStringLiteral("Casa Nube");
    settings.awayEnabled = true;
    settings.awayText = QStringLiteral("Hola {nombre}, ya cerramos. Abrimos {mañana}.");
    settings.awayTextEnglish = QStringLiteral("Hi {nombre}, we're closed. We open {mañana}.");
    responder.setSettings(settings);

    writesAt(bogota(kTuesday, QTime(22, 0)), QStringLiteral("Hi! Do you ship to Miami?"));
    EXPECT_EQ(loop.value(QStringLiteral("SELECT body FROM messages WHERE automatic = 1")).toString(),
              QStringLiteral("Hi Lucía, we're closed. We open Wednesday, November 18, 2026."));

    // Without an English version the Spanish one goes: never nothing.
    settings.awayTextEnglish.clear();
    responder.setSettings(settings);
    writesAt(bogota(kTuesday.addDays(1), QTime(22, 0)), QStringLiteral("Hello again, any news?"));
    EXPECT_EQ(loop.value(QStringLiteral("SELECT body FROM messages WHERE automatic = 1 ORDER BY id DESC LIMIT 1")).toString(),
              QStringLiteral("Hola Lucía, ya cerramos. Abrimos jueves, 19 de noviembre de 2026."));
}

TEST_F(AutoResponderTest, ReactionsAreNeverAnswered)
{
    loop.clock.set(bogota(kTuesday, QTime(22, 0)));
    loop.sandbox->customerSends(kCustomer, QStringLiteral("reaction"),
                                {{QStringLiteral("message_id"), QStringLiteral("wamid.shop")}, {QStringLiteral("emoji"), QStringLiteral("👍")}});
    ASSERT_TRUE(loop.waitForBatches(1));
    ASSERT_EQ(loop.value(QStringLiteral("SELECT kind FROM messages")).toString(), QStringLiteral("reaction"));
    EXPECT_EQ(automaticReplies(), 0);
}

TEST(AutoResponderPlaceholders, ExpandInBothLanguagesWithAccents)
{
    const QDate today(2026, 11, 17);
    const QLocale spanish(QLocale::Spanish, QLocale::Spain);
    EXPECT_EQ(AutoResponder::expand(QStringLiteral("Hola {nombre}, gracias por escribir a {tienda}. Mañana ({mañana}) abrimos."),
                                    QStringLiteral("  Ángela María Núñez"), QStringLiteral("Droguería Ñandú"), today, spanish),
              QStringLiteral("Hola Ángela, gracias por escribir a Droguería Ñandú. Mañana (miércoles, 18 de noviembre de 2026) abrimos."));
    EXPECT_EQ(AutoResponder::expand(QStringLiteral("Hi {name}, {shop} is closed {today}."), QStringLiteral("Sam"),
                                    QStringLiteral("Home & Co"), today, QLocale(QLocale::English, QLocale::UnitedStates)),
              QStringLiteral("Hi Sam, Home & Co is closed Tuesday, November 17, 2026."));
}

// Meta's AI agent holds the conversation: what the customer wrote to it and what it answered are
// kept and shown as such, no away message competes with it (which would take the conversation
// from it), and once the shop writes, the conversation is the shop's again.
TEST_F(AutoResponderTest, WhileMetasAgentAnswersNothingIsSentAutomaticallyAndWritingTakesItBack)
{
    loop.clock.set(bogota(kTuesday, QTime(22, 0)));
    loop.sandbox->customerTalksToMetaAgent(kCustomer, QStringLiteral("¿Hacen envíos a Medellín?"),
                                           QStringLiteral("¡Hola! Sí, enviamos a todo el país."));
    ASSERT_TRUE(QTest::qWaitFor([&] { return loop.value(QStringLiteral("SELECT COUNT(*) FROM messages")).toInt() == 2; }, 5000));
    EXPECT_EQ(loop.value(QStringLiteral("SELECT COUNT(*) FROM messages WHERE handled_by = 'meta_agent'")).toInt(), 2);
    EXPECT_EQ(loop.value(QStringLiteral("SELECT body FROM messages WHERE direction = 'out'")).toString(),
              QStringLiteral("¡Hola! Sí, enviamos a todo el país.")) << "the agent's reply, as the customer saw it";
    EXPECT_FALSE(loop.value(QStringLiteral("SELECT standby_since FROM conversations")).isNull());
    EXPECT_EQ(loop.value(QStringLiteral("SELECT unread_count FROM conversations")).toInt(), 1) << "the shop sees the customer wrote";
    QTest::qWait(200);
    EXPECT_EQ(automaticReplies(), 0) << "closed, but Meta's agent is answering";

    // The shop writes: the conversation is taken back, and later messages come as usual.
    StoreError error;
    const QString text = QStringLiteral("Soy Marta, de la tienda: te cuento las tarifas.");
    ASSERT_TRUE(outbox.enqueue(*outbox.conversationWith(kCustomer, &error), MessageKind::Text, text, MessagePayloads::text({kCustomer, {}, {}}, text), false, &error));
    ASSERT_TRUE(QTest::qWaitFor([&] { return loop.value(QStringLiteral("SELECT standby_since FROM conversations")).isNull(); }, 5000));
    writesAt(bogota(kTuesday, QTime(23, 0)), QStringLiteral("¡Gracias!"));
    EXPECT_EQ(automaticReplies(), 1) << "the shop holds it again: its away message is back";
}
