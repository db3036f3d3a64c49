// Each figure of a report computed on small histories whose answer is known by hand, on both
// backends: waits across midnight and a daylight-saving change, automatic replies in the middle
// of a wait, resolved-then-reopened conversations, closed hours, the team, and costs.

#include "reports/reportbuilder.h"
#include "reports/reportformat.h"
#include "reports/ratecard.h"

#include "common/clock.h"
#include "conversations/conversationstore.h"
#include "import/chatimport.h"
#include "outbox/outgoingstore.h"
#include "inbox/shopeditstore.h"
#include "fixtures.h"
#include "storedhistory.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Mostrador;
using namespace Mostrador::Testing;

namespace {

const QTimeZone kMadrid("Europe/Madrid");

QDateTime madrid(int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, month, day), QTime(hour, minute), kMadrid).toUTC();
}

class ReportBuilderTest : public IngestingStoreTest
{
protected:
    void SetUp() override
    {
        IngestingStoreTest::SetUp();
        if (IsSkipped() || HasFatalFailure())
            return;
        outgoing = std::make_unique<OutgoingStore>(*database, clock);
    }

    qint64 customerWrites(const QString &waId, const QDateTime &when, const QString &text = QStringLiteral("hola"),
                          const Referral &referral = {})
    {
        WireMessage wire;
        wire.wamid = QStringLiteral("wamid.in.%1").arg(++m_counter);
        wire.businessPhoneNumberId = QStringLiteral("106540352242922");
        wire.customer.waId = waId;
        wire.customer.profileName = QStringLiteral("Cliente ") + waId.right(4);
        wire.timestamp = when;
        wire.kind = MessageKind::Text;
        wire.typeName = QStringLiteral("text");
        wire.text = text;
        wire.referral = referral;
        WebhookBatch batch;
        batch.messages.append(wire);
        EXPECT_EQ(ingestor->ingest(batch).newMessages, 1);
        return scalar(*database, QStringLiteral("SELECT v.id FROM conversations v JOIN customers c ON c.id = v.customer_id WHERE c.wa_id = ?"),
                      {waId})
            .toLongLong();
    }

    qint64 shopWrites(qint64 conversationId, const QDateTime &when, bool automatic = false)
    {
        clock.set(when);
        StoreError error;
        const auto message = outgoing->enqueue(conversationId, MessageKind::Text, QStringLiteral("respuesta"),
                                               QJsonObject{{QStringLiteral("type"), QStringLiteral("text")}}, automatic, &error);
        EXPECT_TRUE(message.has_value()) << error.detail.toStdString();
        return message ? message->id : 0;
    }

    void resolve(qint64 conversationId, const QDateTime &when, const QString &status = QStringLiteral("resolved"))
    {
        clock.set(when);
        ASSERT_FALSE(ShopEditStore(*database, clock).setStatus(conversationId, status).isError());
    }

    ShopReport report(QDate first, QDate last, const QString &week = QString(), const QDateTime &now = madrid(12, 31, 12))
    {
        clock.set(now);
        QString problem;
        const OpeningHours hours = week.isEmpty() ? OpeningHours(kMadrid) : *OpeningHours::parse(week, kMadrid, &problem);
        StoreError error;
        const auto built = ReportBuilder(*database, hours, RateCard::shipped(), clock).build(ReportPeriod::days(first, last, kMadrid), &error);
        EXPECT_TRUE(built.has_value()) << error.detail.toStdString();
        return built.value_or(ShopReport());
    }

    ManualClock clock{madrid(10, 1, 9)};
    std::unique_ptr<OutgoingStore> outgoing;

private:
    int m_counter = 0;
};

TEST_P(ReportBuilderTest, AutomaticRepliesDoNotEndAWaitAndFiguresAreMedianAndP90)
{
    const qint64 lucia = customerWrites(QStringLiteral("573001110001"), madrid(11, 2, 10, 0));
    customerWrites(QStringLiteral("573001110001"), madrid(11, 2, 10, 5)); // still the same wait
    shopWrites(lucia, madrid(11, 2, 10, 20));                             // 20 minutes
    const qint64 pedro = customerWrites(QStringLiteral("573001110002"), madrid(11, 2, 11, 0));
    shopWrites(pedro, madrid(11, 2, 11, 1), true); // the greeting: not a person
    shopWrites(pedro, madrid(11, 2, 11, 10));      // 10 minutes after he wrote

    const ShopReport figures = report(QDate(2026, 11, 2), QDate(2026, 11, 2));
    EXPECT_EQ(figures.replyTime.count, 2);
    EXPECT_DOUBLE_EQ(figures.replyTime.median.value_or(-1), 900);       // (600 + 1200) / 2
    EXPECT_DOUBLE_EQ(figures.replyTime.p90.value_or(-1), 600 + 0.9 * 600); // linear, as a spreadsheet
    EXPECT_EQ(figures.messagesIn, 3);
    EXPECT_EQ(figures.messagesOut, 3);
    EXPECT_EQ(figures.messagesByOrigin[int(MessageOrigin::Automatic)], 1);
    EXPECT_EQ(figures.messagesByOrigin[int(MessageOrigin::Shop)], 2);
    EXPECT_TRUE(figures.unanswered.isEmpty());
    EXPECT_EQ(figures.conversations, 2);
    EXPECT_EQ(figures.newCustomers, 2);
    EXPECT_FALSE(figures.replyTimeBusinessHours.has_value()) << "no opening hours, no business-hours figure";

    const QJsonObject json = ReportFormat::toJson(figures);
    EXPECT_EQ(json.value(QLatin1String("reply_time")).toObject().value(QLatin1String("median")).toDouble(), 900);
    EXPECT_EQ(json.value(QLatin1String("unanswered")).toInt(-1), 0);
    EXPECT_EQ(json.value(QLatin1String("lost")).toInt(-1), 0);
}

TEST_P(ReportBuilderTest, AWaitAcrossMidnightAndTheClockChangeBelongsToTheDayItBegan)
{
    // Saturday 24 October 23:30 (summer time, UTC+2) until Sunday 25 October 09:00 (winter
    // time, UTC+1): the night had 25 hours, so the wait is 10 h 30 min.
    const qint64 ana = customerWrites(QStringLiteral("34600111222"), madrid(10, 24, 23, 30));
    shopWrites(ana, madrid(10, 25, 9, 0));

    const ShopReport saturday = report(QDate(2026, 10, 24), QDate(2026, 10, 24));
    EXPECT_EQ(saturday.replyTime.count, 0) << "no reply by the end of Saturday";
    ASSERT_EQ(saturday.unanswered.size(), 1);
    EXPECT_TRUE(saturday.lost.isEmpty()) << "her window was still open when Saturday ended";
    ASSERT_EQ(saturday.days.size(), 1);
    EXPECT_EQ(saturday.days.at(0).customerMessages, 1);
    EXPECT_EQ(saturday.customerMessagesByHour[5][23], 1) << "Saturday, 23 h local";

    const ShopReport sunday = report(QDate(2026, 10, 25), QDate(2026, 10, 25));
    EXPECT_EQ(sunday.replyTime.count, 0) << "the wait began the day before";
    EXPECT_EQ(sunday.messagesOut, 1);
    EXPECT_EQ(sunday.period.from.msecsTo(sunday.period.to), 25LL * 3600 * 1000);

    const ShopReport both = report(QDate(2026, 10, 24), QDate(2026, 10, 25));
    EXPECT_DOUBLE_EQ(both.replyTime.median.value_or(-1), 10.5 * 3600);
    EXPECT_TRUE(both.unanswered.isEmpty());
    ASSERT_EQ(both.days.size(), 2);
    EXPECT_EQ(both.days.at(0).replyTime.count, 1) << "the wait belongs to the day it began";
    EXPECT_EQ(both.days.at(1).replyTime.count, 0);
}

TEST_P(ReportBuilderTest, UnansweredAtTheEndAndLostWhenTheWindowClosed)
{
    const qint64 old = customerWrites(QStringLiteral("573001110003"), madrid(11, 2, 10, 0));
    const qint64 late = customerWrites(QStringLiteral("573001110004"), madrid(11, 4, 23, 0));
    const qint64 answered = customerWrites(QStringLiteral("573001110005"), madrid(11, 3, 9, 0));
    shopWrites(answered, madrid(11, 3, 9, 30));
    shopWrites(old, madrid(11, 2, 10, 1), true); // an away reply does not answer

    const ShopReport figures = report(QDate(2026, 11, 2), QDate(2026, 11, 4), QString(), madrid(11, 5, 10, 0));
    ASSERT_EQ(figures.unanswered.size(), 2);
    EXPECT_EQ(figures.unanswered.at(0).conversationId, old);
    EXPECT_EQ(figures.unanswered.at(1).conversationId, late);
    ASSERT_EQ(figures.lost.size(), 1) << "the late one's window is still open until the 5th at 23:00";
    EXPECT_EQ(figures.lost.at(0).conversationId, old);
    EXPECT_EQ(figures.replyTime.count, 1);
}

// Issue #30: the strip's "Waiting now", the inbox's "Waiting for us" and Reports ▸ Today's
// "Left waiting" once said 1, 8 and 11 at the same moment. One meaning now, one number: after
// a reply, an automatic reply, a campaign, an import, a resolution and a wait from yesterday.
TEST_P(ReportBuilderTest, WaitingIsOneNumberInTheInboxTheStripAndTheReport)
{
    const qint64 alone = customerWrites(QStringLiteral("573001110021"), madrid(12, 3, 10, 0));
    const qint64 answered = customerWrites(QStringLiteral("573001110022"), madrid(12, 3, 10, 0));
    shopWrites(answered, madrid(12, 3, 10, 5));
    const qint64 awayReply = customerWrites(QStringLiteral("573001110023"), madrid(12, 3, 11, 0));
    shopWrites(awayReply, madrid(12, 3, 11, 1), true);
    const qint64 sinceYesterday = customerWrites(QStringLiteral("573001110024"), madrid(12, 2, 20, 0));
    const qint64 thenACampaign = customerWrites(QStringLiteral("573001110025"), madrid(12, 3, 9, 0));
    const qint64 promotion = shopWrites(thenACampaign, madrid(12, 3, 12, 0));
    // What CampaignStore::attach marks on a campaign's message.
    ASSERT_FALSE(database->exec(QStringLiteral("UPDATE messages SET handled_by = 'campaign' WHERE id = ?"), {promotion}, "campaign")
                     .isError());
    const qint64 resolvedUnanswered = customerWrites(QStringLiteral("573001110026"), madrid(12, 3, 10, 0));
    resolve(resolvedUnanswered, madrid(12, 3, 10, 10));
    // A chat from the phone in which the customer wrote last: history waits for nobody.
    QTemporaryDir folder;
    const QString chat = folder.filePath(QStringLiteral("Chat de WhatsApp con Marta.txt"));
    ASSERT_TRUE(writeFile(chat, "3/12/26, 8:00 - Casa Nube: Buenos días\n3/12/26, 8:30 - Marta Ruiz: ¿Tienen cojines?\n"));
    ChatImport::Settings settings;
    settings.me = QStringLiteral("Casa Nube");
    settings.zone = kMadrid;
    settings.locale = QLocale(QLocale::Spanish, QLocale::Spain);
    settings.mediaFolder = folder.filePath(QStringLiteral("media"));
    ChatImport::Summary imported;
    QString problem;
    ASSERT_TRUE(ChatImport(*database, settings).run({chat}, &imported, &problem)) << qPrintable(problem);
    ASSERT_EQ(imported.messages, 2);

    const QSet<qint64> waiting{alone, awayReply, sinceYesterday, thenACampaign};
    clock.set(madrid(12, 3, 18, 0));
    StoreError error;
    EXPECT_EQ(ReportBuilder(*database, OpeningHours(kMadrid), RateCard::shipped(), clock).waitingNow(&error), waiting.size());
    EXPECT_FALSE(error.isError());

    ConversationFilter filter;
    filter.view = ConversationFilter::View::WaitingForUs;
    QSet<qint64> listed;
    for (const ConversationSummary &row : ConversationStore(*database).conversations(filter, std::nullopt, 100, &error)) {
        listed.insert(row.id);
        EXPECT_TRUE(row.waitingForUs);
    }
    EXPECT_FALSE(error.isError());
    EXPECT_EQ(listed, waiting);

    const ShopReport today = report(QDate(2026, 12, 3), QDate(2026, 12, 3), QString(), madrid(12, 3, 18, 0));
    QSet<qint64> leftWaiting;
    for (const ReportedChat &left : today.unanswered) {
        leftWaiting.insert(left.conversationId);
        if (left.conversationId == sinceYesterday) {
            EXPECT_EQ(left.waitingSince, madrid(12, 2, 20, 0)) << "waiting since it began, the day before";
        }
    }
    EXPECT_EQ(leftWaiting, waiting);
}

TEST_P(ReportBuilderTest, AResolvedThenReopenedConversationCountsEachResolution)
{
    const qint64 rosa = customerWrites(QStringLiteral("573001110006"), madrid(11, 9, 10, 0));
    shopWrites(rosa, madrid(11, 9, 10, 5));
    resolve(rosa, madrid(11, 9, 10, 30));                      // 30 minutes open
    customerWrites(QStringLiteral("573001110006"), madrid(11, 9, 12, 0)); // reopens it
    shopWrites(rosa, madrid(11, 9, 12, 1));
    resolve(rosa, madrid(11, 9, 13, 0), QStringLiteral("open")); // still open: nothing to undo
    resolve(rosa, madrid(11, 9, 13, 0));                         // 60 minutes after she wrote again
    resolve(rosa, madrid(11, 9, 13, 1), QStringLiteral("open")); // undone at once…
    resolve(rosa, madrid(11, 9, 13, 2));                         // …and resolved again: 62 minutes

    const ShopReport figures = report(QDate(2026, 11, 9), QDate(2026, 11, 9));
    EXPECT_EQ(figures.resolutionTime.count, 2);
    EXPECT_DOUBLE_EQ(figures.resolutionTime.median.value_or(-1), (30 + 62) * 60 / 2.0);
    EXPECT_EQ(figures.replyTime.count, 2);
}

TEST_P(ReportBuilderTest, AConversationOpenedTheDayBeforeIsResolvedInTheDayItCloses)
{
    // He wrote on the 12th at 22:00 and again the next morning; resolved on the 13th at 10:00:
    // open 12 hours, counted on the 13th.
    const qint64 tomas = customerWrites(QStringLiteral("573001110011"), madrid(11, 12, 22, 0));
    customerWrites(QStringLiteral("573001110011"), madrid(11, 13, 8, 0));
    shopWrites(tomas, madrid(11, 13, 9, 0));
    resolve(tomas, madrid(11, 13, 10, 0));

    const ShopReport thirteenth = report(QDate(2026, 11, 13), QDate(2026, 11, 13));
    EXPECT_EQ(thirteenth.resolutionTime.count, 1);
    EXPECT_DOUBLE_EQ(thirteenth.resolutionTime.median.value_or(-1), 12 * 3600);
    EXPECT_EQ(thirteenth.replyTime.count, 0) << "the wait began on the 12th";
    EXPECT_EQ(report(QDate(2026, 11, 12), QDate(2026, 11, 12)).resolutionTime.count, 0);
}

TEST_P(ReportBuilderTest, BusinessHoursAndClosedHoursFollowTheOpeningHours)
{
    const QString week = QStringLiteral("mon-fri 09:00-13:00");
    // Friday 6 November 12:30, answered Monday 9 November 09:30: 30 + 30 open minutes.
    const qint64 eva = customerWrites(QStringLiteral("34600111333"), madrid(11, 6, 12, 30));
    shopWrites(eva, madrid(11, 9, 9, 30));
    // Saturday: two messages, one away reply; Sunday: one message, no reply.
    const qint64 raul = customerWrites(QStringLiteral("34600111444"), madrid(11, 7, 10, 0));
    shopWrites(raul, madrid(11, 7, 10, 0).addSecs(10), true);
    customerWrites(QStringLiteral("34600111444"), madrid(11, 7, 10, 5));
    customerWrites(QStringLiteral("34600111555"), madrid(11, 8, 18, 0));

    const ShopReport figures = report(QDate(2026, 11, 6), QDate(2026, 11, 9), week);
    EXPECT_DOUBLE_EQ(figures.replyTime.median.value_or(-1), (2 * 24 + 21) * 3600);
    ASSERT_TRUE(figures.replyTimeBusinessHours.has_value());
    EXPECT_DOUBLE_EQ(figures.replyTimeBusinessHours->median.value_or(-1), 3600);
    EXPECT_EQ(figures.closedMessages.value_or(-1), 3);
    EXPECT_EQ(figures.closedChats.value_or(-1), 2);
    EXPECT_EQ(figures.closedAwayReplied.value_or(-1), 1);
    EXPECT_TRUE(figures.openByHour[0][9]);
    EXPECT_FALSE(figures.openByHour[5][10]) << "closed on Saturdays";
}

TEST_P(ReportBuilderTest, TheTeamsRepliesAreCountedByPerson)
{
    ASSERT_FALSE(database->exec(QStringLiteral("INSERT INTO agents (name, color, created_at) VALUES ('Marta', '#336699', 0)")).isError());
    const qint64 marta = scalar(*database, QStringLiteral("SELECT id FROM agents WHERE name = 'Marta'")).toLongLong();
    const qint64 conversation = customerWrites(QStringLiteral("573001110007"), madrid(11, 10, 10, 0));
    outgoing->setAuthor(marta);
    shopWrites(conversation, madrid(11, 10, 10, 3));

    const ShopReport figures = report(QDate(2026, 11, 10), QDate(2026, 11, 10));
    ASSERT_EQ(figures.agents.size(), 1);
    EXPECT_EQ(figures.agents.at(0).name, QStringLiteral("Marta"));
    EXPECT_DOUBLE_EQ(figures.agents.at(0).replyTime.median.value_or(-1), 180);
}

TEST_P(ReportBuilderTest, CostsComeFromMetasPricingPricedWithTheRateCard)
{
    const qint64 conversation = customerWrites(QStringLiteral("573001110008"), madrid(11, 11, 10, 0));
    const qint64 reply = shopWrites(conversation, madrid(11, 11, 10, 1));
    const qint64 offer = shopWrites(conversation, madrid(11, 11, 18, 0));
    ASSERT_FALSE(outgoing->markAccepted(reply, QStringLiteral("wamid.out.reply")).isError());
    ASSERT_FALSE(outgoing->markAccepted(offer, QStringLiteral("wamid.out.offer")).isError());
    WebhookBatch batch;
    const auto delivered = [](const QString &wamid, const QString &category, bool billable) {
        StatusUpdate status;
        status.wamid = wamid;
        status.status = DeliveryStatus::Delivered;
        status.statusName = QStringLiteral("delivered");
        status.timestamp = madrid(11, 11, 18, 5);
        status.pricingCategory = category;
        status.pricingType = billable ? QStringLiteral("regular") : QStringLiteral("free_customer_service");
        status.pricingModel = QStringLiteral("PMP");
        status.pricingBillable = billable;
        return status;
    };
    batch.statuses = {delivered(QStringLiteral("wamid.out.reply"), QStringLiteral("service"), false),
                      delivered(QStringLiteral("wamid.out.offer"), QStringLiteral("marketing"), true)};
    ingestor->ingest(batch);

    const ShopReport figures = report(QDate(2026, 11, 1), QDate(2026, 11, 30));
    EXPECT_EQ(figures.costs.billable, 1);
    EXPECT_EQ(figures.costs.free, 1);
    EXPECT_EQ(figures.costs.serviceMessages, 1);
    EXPECT_NEAR(figures.costs.total, *RateCard::shipped().rate(QStringLiteral("CO"), QStringLiteral("marketing")), 1e-9);
    EXPECT_EQ(figures.costs.currency, QStringLiteral("USD"));
    EXPECT_TRUE(figures.costs.rateCardDate.isValid());
}

// Meta's rules changed on 1 October 2026: replies inside the window and utility templates inside
// it are billed from then on. Statuses as Meta sends them on each side of the date; each message
// is priced by the card of its own day, and what the status says wins over the card.
TEST_P(ReportBuilderTest, EachMessageIsPricedByTheRateCardOfItsOwnDay)
{
    const QString colombian = QStringLiteral("573001110020");
    const qint64 conversation = customerWrites(colombian, madrid(9, 25, 10, 0));
    struct Sent {
        QDateTime at;
        QString category;
        QString type;
        bool billable;
    };
    const QList<Sent> sends{
        {madrid(9, 25, 10, 1), QStringLiteral("service"), QStringLiteral("free_customer_service"), false},  // the old rules: free
        {madrid(9, 25, 10, 2), QStringLiteral("utility"), QStringLiteral("free_customer_service"), false},  // in the window: free
        {madrid(9, 26, 12, 0), QStringLiteral("marketing"), QStringLiteral("regular"), true},
        {madrid(10, 5, 10, 1), QStringLiteral("service"), QStringLiteral("regular"), true},                 // the new rules: billed
        {madrid(10, 5, 10, 2), QStringLiteral("utility"), QStringLiteral("regular"), true},                 // in the window, billed
        {madrid(10, 6, 9, 0), QStringLiteral("service"), QStringLiteral("free_entry_point"), false},        // after an ad: still free
    };
    WebhookBatch statuses;
    for (int index = 0; index < sends.size(); ++index) {
        const Sent &sent = sends.at(index);
        if (sent.at > madrid(10, 1, 0, 0))
            customerWrites(colombian, sent.at.addSecs(-30));
        const qint64 id = shopWrites(conversation, sent.at);
        const QString wamid = QStringLiteral("wamid.out.priced.%1").arg(index);
        ASSERT_FALSE(outgoing->markAccepted(id, wamid).isError());
        StatusUpdate status;
        status.wamid = wamid;
        status.status = DeliveryStatus::Delivered;
        status.statusName = QStringLiteral("delivered");
        status.timestamp = sent.at.addSecs(5);
        status.pricingCategory = sent.category;
        status.pricingType = sent.type;
        status.pricingModel = QStringLiteral("PMP");
        status.pricingBillable = sent.billable;
        statuses.statuses.append(status);
    }
    WireMessage agentReply; // Meta Business Agent answers while it holds the conversation
    agentReply.wamid = QStringLiteral("wamid.out.meta-agent");
    agentReply.direction = Direction::Outbound;
    agentReply.handledByMetaAgent = true;
    agentReply.businessPhoneNumberId = QStringLiteral("106540352242922");
    agentReply.customer.waId = colombian;
    agentReply.timestamp = madrid(10, 7, 23, 0);
    agentReply.kind = MessageKind::Text;
    agentReply.typeName = QStringLiteral("text");
    agentReply.text = QStringLiteral("Hola, soy el asistente de la tienda");
    statuses.messages.append(agentReply);
    ingestor->ingest(statuses);

    const RateCard cards = RateCard::shipped();
    const double marketingInJuly = *cards.rate(QStringLiteral("CO"), QStringLiteral("marketing"), QDate(2026, 9, 26));
    const double serviceInOctober = *cards.rate(QStringLiteral("CO"), QStringLiteral("service"), QDate(2026, 10, 5));
    const double utilityInOctober = *cards.rate(QStringLiteral("CO"), QStringLiteral("utility"), QDate(2026, 10, 5));
    EXPECT_FALSE(cards.periodOn(QDate(2026, 9, 30)).rates.value(QStringLiteral("CO")).contains(QStringLiteral("service")))
        << "the card of July 2025 has no service column";

    const ShopReport figures = report(QDate(2026, 9, 20), QDate(2026, 10, 10));
    EXPECT_EQ(figures.costs.billable, 3);
    EXPECT_EQ(figures.costs.free, 3);
    EXPECT_EQ(figures.costs.serviceMessages, 3);
    EXPECT_EQ(figures.costs.billableServiceMessages, 1);
    EXPECT_EQ(figures.costs.metaAgentMessages, 1);
    EXPECT_NEAR(figures.costs.total, marketingInJuly + serviceInOctober + utilityInOctober, 1e-9);
    for (const CostLine &line : figures.costs.byMonth)
        EXPECT_EQ(line.unpriced, 0) << line.month.toStdString() << " " << line.category.toStdString();
    ASSERT_EQ(figures.costs.byCard.size(), 2);
    EXPECT_EQ(figures.costs.byCard.at(0).effective, QDate(2025, 7, 1));
    EXPECT_EQ(figures.costs.byCard.at(0).messages, 1);
    EXPECT_EQ(figures.costs.byCard.at(1).effective, QDate(2026, 10, 1));
    EXPECT_EQ(figures.costs.byCard.at(1).messages, 2);
    EXPECT_EQ(figures.costs.rateCardDate, QDate(2026, 10, 1));

    const QJsonObject costs = ReportFormat::toJson(figures).value(QStringLiteral("costs")).toObject();
    EXPECT_EQ(costs.value(QStringLiteral("service_billable")).toInt(), 1);
    EXPECT_EQ(costs.value(QStringLiteral("meta_agent_messages")).toInt(), 1);
    const QJsonArray byCard = costs.value(QStringLiteral("by_card")).toArray();
    ASSERT_EQ(byCard.size(), 2);
    EXPECT_EQ(byCard.at(1).toObject().value(QStringLiteral("date")).toString(), QStringLiteral("2026-10-01"));
    EXPECT_EQ(byCard.at(1).toObject().value(QStringLiteral("messages")).toInt(), 2);
    bool serviceBilledInOctober = false;
    for (const QJsonValue &line : costs.value(QStringLiteral("by_month")).toArray()) {
        const QJsonObject month = line.toObject();
        if (month.value(QStringLiteral("month")) == QStringLiteral("2026-10") && month.value(QStringLiteral("category")) == QStringLiteral("service"))
            serviceBilledInOctober = month.value(QStringLiteral("billable")).toInt() == 1 && month.value(QStringLiteral("cost")).toDouble() > 0;
    }
    EXPECT_TRUE(serviceBilledInOctober);
    const QByteArray csv = ReportFormat::toCsv(figures);
    EXPECT_TRUE(csv.contains("costs.by_card.1.date,2026-10-01")) << csv.constData();
    EXPECT_TRUE(csv.contains("costs.service_billable,1")) << csv.constData();
    EXPECT_NEAR(costs.value(QStringLiteral("by_origin")).toObject().value(QStringLiteral("shop")).toObject().value(QStringLiteral("cost")).toDouble(),
                std::round((marketingInJuly + serviceInOctober + utilityInOctober) * 10000) / 10000, 1e-4);
}

// What the away message and the greeting cost is their own line: since October 2026 a shop sees
// what its automatic replies cost apart from its people's.
TEST_P(ReportBuilderTest, AutomaticRepliesAreCostedApartFromThePeoplesReplies)
{
    const qint64 conversation = customerWrites(QStringLiteral("5215512345678"), madrid(11, 3, 23, 0));
    const qint64 away = shopWrites(conversation, madrid(11, 3, 23, 0), true);
    const qint64 person = shopWrites(conversation, madrid(11, 4, 9, 30));
    WebhookBatch batch;
    for (const auto &[id, wamid] : {std::pair{away, QStringLiteral("wamid.out.away")}, std::pair{person, QStringLiteral("wamid.out.person")}}) {
        ASSERT_FALSE(outgoing->markAccepted(id, wamid).isError());
        StatusUpdate status;
        status.wamid = wamid;
        status.status = DeliveryStatus::Delivered;
        status.statusName = QStringLiteral("delivered");
        status.timestamp = madrid(11, 4, 9, 31);
        status.pricingCategory = QStringLiteral("service");
        status.pricingType = QStringLiteral("regular");
        status.pricingModel = QStringLiteral("PMP");
        status.pricingBillable = true;
        batch.statuses.append(status);
    }
    ingestor->ingest(batch);

    const double reply = *RateCard::shipped().rate(QStringLiteral("MX"), QStringLiteral("service"), QDate(2026, 11, 4));
    const ShopReport figures = report(QDate(2026, 11, 1), QDate(2026, 11, 30));
    EXPECT_NEAR(figures.costs.byOrigin.at(std::size_t(MessageOrigin::Automatic)), reply, 1e-9);
    EXPECT_NEAR(figures.costs.byOrigin.at(std::size_t(MessageOrigin::Shop)), reply, 1e-9);
    EXPECT_EQ(figures.costs.billableByOrigin.at(std::size_t(MessageOrigin::Automatic)), 1);
    EXPECT_NEAR(figures.costs.total, 2 * reply, 1e-9);
}

TEST_P(ReportBuilderTest, ArrivalsFromAnAdAreCountedByAd)
{
    Referral ad;
    ad.sourceId = QStringLiteral("120210000000001");
    ad.sourceType = QStringLiteral("ad");
    ad.headline = QStringLiteral("Mantas de lana -20 %");
    customerWrites(QStringLiteral("573001110009"), madrid(11, 12, 10, 0), QStringLiteral("Me interesa"), ad);
    customerWrites(QStringLiteral("573001110010"), madrid(11, 12, 11, 0), QStringLiteral("Precio?"), ad);
    customerWrites(QStringLiteral("573001110010"), madrid(11, 12, 11, 1), QStringLiteral("gracias"));

    const ShopReport figures = report(QDate(2026, 11, 12), QDate(2026, 11, 12));
    ASSERT_EQ(figures.ads.size(), 1);
    EXPECT_EQ(figures.ads.at(0).headline, QStringLiteral("Mantas de lana -20 %"));
    EXPECT_EQ(figures.ads.at(0).customers, 2);
    EXPECT_EQ(figures.ads.at(0).messages, 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, ReportBuilderTest, ::testing::Values(Backend::Sqlite, Backend::Postgres), backendName);

TEST(RateCardTest, ReadsASpreadsheetsCsvAndSaysWhatIsWrong)
{
    QString problem;
    const auto card = RateCard::parse("\xEF\xBB\xBF# effective: 2026-10-01\r\ncountry;marketing;utility\r\nCO;0,0125;0,0008\r\n*;0,06;0,008\r\n", &problem);
    ASSERT_TRUE(card.has_value()) << problem.toStdString();
    EXPECT_EQ(card->effective(), QDate(2026, 10, 1));
    EXPECT_DOUBLE_EQ(card->rate(QStringLiteral("co"), QStringLiteral("Marketing")).value_or(-1), 0.0125);
    EXPECT_DOUBLE_EQ(card->rate(QStringLiteral("MX"), QStringLiteral("utility")).value_or(-1), 0.008);
    EXPECT_FALSE(card->rate(QStringLiteral("MX"), QStringLiteral("authentication")).has_value());

    EXPECT_EQ(card->rate(QStringLiteral("CO"), QStringLiteral("service")).value_or(-1), 0.0008) << "no service column: the utility rate";

    EXPECT_FALSE(RateCard::parse("country,marketing\nColombia,0.01\n", &problem));
    EXPECT_TRUE(problem.contains(QStringLiteral("Line 2"))) << problem.toStdString();
    EXPECT_FALSE(RateCard::parse("country,marketing\nCO,gratis\n", &problem));
    EXPECT_TRUE(problem.contains(QStringLiteral("gratis"))) << problem.toStdString();
}

TEST(RateCardTest, TheShopsDatedCardTakesOverFromItsDateAndTheShippedOnesStay)
{
    const RateCard shipped = RateCard::shipped();
    ASSERT_GE(shipped.periods().size(), 2);
    EXPECT_EQ(shipped.periodOn(QDate(2026, 9, 30)).effective, QDate(2025, 7, 1));
    EXPECT_EQ(shipped.periodOn(QDate(2026, 10, 1)).effective, QDate(2026, 10, 1));
    EXPECT_EQ(shipped.periodOn(QDate(2024, 1, 1)).effective, QDate(2025, 7, 1)) << "before every card: the oldest";
    for (const RateCard::Period &period : shipped.periods()) {
        EXPECT_FALSE(period.source.isEmpty());
        EXPECT_EQ(period.currency, QStringLiteral("USD"));
    }
    const auto october = shipped.periodOn(QDate(2026, 10, 1));
    for (const QString &market : {QStringLiteral("CO"), QStringLiteral("MX"), QStringLiteral("AR"), QStringLiteral("CL"), QStringLiteral("PE"),
                                  QStringLiteral("BR"), QStringLiteral("ES"), QStringLiteral("US"), QStringLiteral("*")})
        EXPECT_TRUE(october.rates.value(market).contains(QStringLiteral("service"))) << market.toStdString();

    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("rates.csv"));
    ASSERT_TRUE(writeFile(path, "# effective: 2027-01-01\n# source: WhatsApp Manager\ncountry,marketing,utility,authentication,service\nCO,0.02,0.001,0.001,0.001\n"));
    QString problem;
    const RateCard laid = RateCard::shopOrShipped(path, &problem);
    EXPECT_TRUE(problem.isEmpty()) << problem.toStdString();
    ASSERT_EQ(laid.periods().size(), shipped.periods().size() + 1);
    EXPECT_DOUBLE_EQ(laid.rate(QStringLiteral("CO"), QStringLiteral("service"), QDate(2027, 2, 1)).value_or(-1), 0.001);
    EXPECT_EQ(laid.rate(QStringLiteral("CO"), QStringLiteral("service"), QDate(2026, 11, 1)),
              shipped.rate(QStringLiteral("CO"), QStringLiteral("service"), QDate(2026, 11, 1)));
    EXPECT_EQ(laid.source(), QStringLiteral("WhatsApp Manager"));

    ASSERT_TRUE(writeFile(path, "country,marketing\nCO,barato\n"));
    const RateCard refused = RateCard::shopOrShipped(path, &problem);
    EXPECT_TRUE(problem.contains(QStringLiteral("barato"))) << problem.toStdString();
    EXPECT_EQ(refused.periods().size(), shipped.periods().size()) << "a card that does not read leaves the shipped ones";
}

TEST(ReportPeriodTest, TheMonthSoFarAtTheSamePaceForecastsTheMonth)
{
    const QTimeZone bogota("America/Bogota");
    const QDateTime tenthAtMidnight(QDate(2026, 11, 11), QTime(0, 0), bogota); // 10 of 30 days gone
    EXPECT_NEAR(ReportPeriod::monthAtThisPace(10.0, tenthAtMidnight, bogota), 30.0, 1e-9);
    const QDateTime firstHour(QDate(2026, 11, 1), QTime(1, 0), bogota);
    EXPECT_NEAR(ReportPeriod::monthAtThisPace(1.0, firstHour, bogota), 30.0, 1e-9) << "at least a day's pace";
}

TEST(ReportPeriodTest, ThePreviousPeriodIsAsLongOrTheMonthBefore)
{
    const QDateTime now = madrid(11, 30, 15);
    const ReportPeriod week = ReportPeriod::of(ReportPeriod::Kind::Last7Days, now, kMadrid);
    EXPECT_EQ(week.firstDay(), QDate(2026, 11, 24));
    EXPECT_EQ(week.lastDay(), QDate(2026, 11, 30));
    EXPECT_EQ(week.previous().firstDay(), QDate(2026, 11, 17));
    EXPECT_EQ(week.previous().lastDay(), QDate(2026, 11, 23));
    const ReportPeriod month = ReportPeriod::of(ReportPeriod::Kind::LastMonth, now, kMadrid);
    EXPECT_EQ(month.firstDay(), QDate(2026, 10, 1));
    EXPECT_EQ(month.lastDay(), QDate(2026, 10, 31));
    EXPECT_EQ(month.previous().firstDay(), QDate(2026, 9, 1));
    EXPECT_EQ(month.previous().lastDay(), QDate(2026, 9, 30));
}

} // namespace
