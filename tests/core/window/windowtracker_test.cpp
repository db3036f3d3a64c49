#include "window/windowtracker.h"

#include "common/clock.h"
#include "qtprinting.h"
#include "sandbox/webhookpayloads.h"
#include "webhook/webhookingestor.h"
#include "temporarystore.h"
#include "webhook/webhookparser.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QSqlQuery>

#include <gtest/gtest.h>

using namespace Mostrador;
using namespace Mostrador::Testing;
namespace Payloads = Mostrador::WebhookPayloads;

namespace {

const QDateTime kWrote(QDate(2026, 11, 17), QTime(22, 0), Qt::UTC); // a Tuesday night
const Payloads::Sender kCustomer{QStringLiteral("573001112233"), QStringLiteral("Lucía"), QString()};
using State = ServiceWindow::State;

class WindowTrackerTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        database = store.open();
        ASSERT_NE(database, nullptr);
        ingestor = std::make_unique<WebhookIngestor>(*database);
        tracker = std::make_unique<WindowTracker>(*database, clock);
        QObject::connect(ingestor.get(), &WebhookIngestor::conversationsChanged, tracker.get(), &WindowTracker::refresh);
    }

    void customerWrites(const QDateTime &at, const QJsonObject &referral = {})
    {
        QJsonObject message = Payloads::textMessage(QStringLiteral("wamid.in%1").arg(at.toSecsSinceEpoch()), kCustomer, at, QStringLiteral("Hola"));
        if (!referral.isEmpty())
            message.insert(QStringLiteral("referral"), referral);
        const auto parsed = WebhookParser::parse(QJsonDocument(Payloads::envelope(
            {QStringLiteral("w"), QStringLiteral("p"), QStringLiteral("1")}, {kCustomer}, {message})).toJson());
        ASSERT_FALSE(ingestor->ingest(parsed.batch).error.isError());
    }

    void shopReplied(const QDateTime &at)
    {
        QSqlQuery insert(database->connection());
        insert.prepare(QStringLiteral("INSERT INTO messages (conversation_id, wamid, direction, kind, body, status, sent_at, stored_at) "
                                      "VALUES (1, ?, 'out', 'text', 'Hola', 3, ?, 0)"));
        insert.addBindValue(QStringLiteral("wamid.out%1").arg(at.toSecsSinceEpoch()));
        insert.addBindValue(at.toMSecsSinceEpoch());
        ASSERT_TRUE(insert.exec());
    }

    State stateAt(const QDateTime &at)
    {
        clock.set(at);
        tracker->evaluate();
        return tracker->window(1).state;
    }

    ManualClock clock{kWrote};
    TemporaryStore store;
    std::unique_ptr<Database> database;
    std::unique_ptr<WebhookIngestor> ingestor;
    std::unique_ptr<WindowTracker> tracker;
};

} // namespace

TEST_F(WindowTrackerTest, OpenUntilTheLastSecondThenClosed)
{
    customerWrites(kWrote);
    EXPECT_EQ(stateAt(kWrote), State::Open);
    EXPECT_TRUE(tracker->maySendFreeForm(1));
    EXPECT_EQ(stateAt(kWrote.addSecs(24 * 3600 - 1)), State::ClosingSoon); // 23:59:59
    EXPECT_TRUE(tracker->maySendFreeForm(1));
    EXPECT_EQ(stateAt(kWrote.addSecs(24 * 3600)), State::Closed);          // 24:00:00
    EXPECT_FALSE(tracker->maySendFreeForm(1));
}

TEST_F(WindowTrackerTest, SignalsExactlyOnOpenClosingSoonAndClose)
{
    QSignalSpy changes(tracker.get(), &WindowTracker::windowChanged);
    customerWrites(kWrote);
    ASSERT_EQ(changes.count(), 1);
    EXPECT_EQ(changes.last().at(1).value<ServiceWindow>().state, State::Open);

    // The one timer aims at the next change: closing soon, 2 h before the end.
    EXPECT_EQ(tracker->nextChangeAt(), kWrote.addSecs(22 * 3600));
    stateAt(kWrote.addSecs(10 * 3600));
    EXPECT_EQ(changes.count(), 1); // nothing changed in between, nothing said
    stateAt(kWrote.addSecs(22 * 3600));
    ASSERT_EQ(changes.count(), 2);
    EXPECT_EQ(changes.last().at(1).value<ServiceWindow>().state, State::ClosingSoon);
    EXPECT_EQ(tracker->nextChangeAt(), kWrote.addSecs(24 * 3600));
    stateAt(kWrote.addSecs(24 * 3600));
    ASSERT_EQ(changes.count(), 3);
    EXPECT_EQ(changes.last().at(1).value<ServiceWindow>().state, State::Closed);
    EXPECT_FALSE(tracker->nextChangeAt().isValid());
}

TEST_F(WindowTrackerTest, EachCustomerMessageResetsTheWindow)
{
    customerWrites(kWrote);
    clock.set(kWrote.addSecs(20 * 3600));
    customerWrites(kWrote.addSecs(20 * 3600));
    EXPECT_EQ(stateAt(kWrote.addSecs(30 * 3600)), State::Open);
    EXPECT_EQ(tracker->window(1).openUntil, kWrote.addSecs(44 * 3600));
}

TEST_F(WindowTrackerTest, TheShopsOwnMessagesDoNotExtendIt)
{
    customerWrites(kWrote);
    shopReplied(kWrote.addSecs(23 * 3600));
    tracker->refresh({1});
    EXPECT_EQ(stateAt(kWrote.addSecs(24 * 3600)), State::Closed);
}

TEST_F(WindowTrackerTest, A131047ClosesItWhateverTheClockSays)
{
    customerWrites(kWrote);
    ASSERT_FALSE(database->exec(QStringLiteral("UPDATE conversations SET window_closed_at = %1").arg(kWrote.addSecs(3600).toMSecsSinceEpoch())).isError());
    tracker->refresh({1});
    EXPECT_EQ(stateAt(kWrote.addSecs(2 * 3600)), State::Closed);
}

TEST_F(WindowTrackerTest, AnAnsweredAdOpensAFreeEntryPointFor72Hours)
{
    const QJsonObject ad{{QStringLiteral("source_type"), QStringLiteral("ad")}, {QStringLiteral("source_id"), QStringLiteral("1")},
                         {QStringLiteral("headline"), QStringLiteral("Rebajas")}};
    customerWrites(kWrote, ad);
    const QDateTime answered = kWrote.addSecs(3600);
    shopReplied(answered);
    tracker->refresh({1});
    clock.set(answered.addSecs(72 * 3600 - 1));
    tracker->evaluate();
    EXPECT_TRUE(tracker->window(1).isFreeEntryPoint(clock.now()));
    EXPECT_EQ(tracker->window(1).state, State::Closed); // free-form still needs the 24-hour window
    clock.set(answered.addSecs(72 * 3600));
    tracker->evaluate();
    EXPECT_FALSE(tracker->window(1).isFreeEntryPoint(clock.now()));
}

TEST_F(WindowTrackerTest, AnAdAnsweredTooLateOpensNoFreeEntryPoint)
{
    customerWrites(kWrote, {{QStringLiteral("source_type"), QStringLiteral("ad")}, {QStringLiteral("headline"), QStringLiteral("x")}});
    shopReplied(kWrote.addSecs(25 * 3600));
    tracker->refresh({1});
    clock.set(kWrote.addSecs(26 * 3600));
    EXPECT_FALSE(tracker->window(1).isFreeEntryPoint(clock.now()));
}

TEST_F(WindowTrackerTest, ARestartComputesTheSameFromTheStore)
{
    customerWrites(kWrote);
    clock.set(kWrote.addSecs(23 * 3600));
    WindowTracker restarted(*database, clock);
    restarted.reload();
    EXPECT_EQ(restarted.window(1).state, State::ClosingSoon);
    EXPECT_EQ(restarted.window(1).openUntil, kWrote.addSecs(24 * 3600));
}

// A store that cannot be read (here its messages taken away by another program for a moment, as
// a lost team connection does) does not close every window: the composer would refuse to send,
// saying nothing. What was known stays until the store answers again.
TEST_F(WindowTrackerTest, AStoreThatCannotBeReadClosesNoWindow)
{
    customerWrites(kWrote);
    ASSERT_EQ(stateAt(kWrote.addSecs(600)), State::Open);
    auto other = store.open();
    ASSERT_FALSE(other->exec(QStringLiteral("ALTER TABLE messages RENAME TO messages_away")).isError());
    tracker->refresh({1});
    EXPECT_EQ(tracker->window(1).state, State::Open) << "after a refresh that could not read";
    tracker->reload();
    EXPECT_EQ(tracker->window(1).state, State::Open) << "after a reload that could not read";
    ASSERT_FALSE(other->exec(QStringLiteral("ALTER TABLE messages_away RENAME TO messages")).isError());
    tracker->reload();
    EXPECT_EQ(tracker->window(1).state, State::Open);
}
