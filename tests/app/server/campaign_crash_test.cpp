// A campaign of 2,000 customers, its sender killed (SIGKILL) half-way and started again: every
// customer gets exactly one message, those who opted out or are blocked none, and no second
// ever carries more messages than the campaign's pace. The pace is measured when each request
// leaves the sender (its outbox says so in its debug log): the sandbox shares this busy test
// process with the receiver, so the times it sees requests bunch up behind its other work.
#include "processrunner.h"
#include "qtprinting.h"
#include "db/database.h"
#include "testenvironment.h"
#include "wireloop.h"

#include <QFile>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>

#include <gtest/gtest.h>

using namespace Mostrador;
using namespace Mostrador::Testing;

namespace {

constexpr int kCustomers = 2000;
constexpr int kOptedOut = 10;
constexpr int kBlocked = 10;
constexpr int kPerSecond = 75;

QString waIdOf(int number)
{
    return QStringLiteral("57300%1").arg(number, 7, 10, QLatin1Char('0'));
}

// "+57 300 000 0042": numbers as a spreadsheet has them.
QString writtenNumber(int number)
{
    const QString digits = waIdOf(number).mid(2);
    return QStringLiteral("+57 %1 %2 %3").arg(digits.left(3), digits.mid(3, 3), digits.mid(6));
}

class CampaignCrash : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override
    {
        loop = std::make_unique<WireLoop>(QDateTime::currentDateTimeUtc(), 5000, GetParam());
        if (!loop->isAvailable())
            GTEST_SKIP() << qPrintable(loop->skipReason());
        // The customers: known to WhatsApp, listed in a CSV; some asked not to get promotions,
        // some are blocked.
        QFile list(loop->store.directory() + QStringLiteral("/clientes.csv"));
        ASSERT_TRUE(list.open(QIODevice::WriteOnly));
        list.write("Nombre;Teléfono\n");
        for (int number = 0; number < kCustomers; ++number) {
            const QString name = QStringLiteral("Cliente%1 Apellido").arg(number);
            loop->sandbox->addCustomer(waIdOf(number), name);
            list.write(QStringLiteral("%1;%2\n").arg(name, writtenNumber(number)).toUtf8());
        }
        list.close();
        listPath = list.fileName();
        // "sent" only: the receiver in this process keeps up, so Meta's word comes within the wait.
        loop->sandbox->setDeliveredAndRead(false);
        for (int number = 0; number < kOptedOut + kBlocked; ++number) {
            const bool optedOut = number < kOptedOut;
            QSqlQuery insert(loop->database->connection());
            insert.prepare(QStringLiteral("INSERT INTO customers (wa_id, created_at, %1) VALUES (?, 0, 1)")
                               .arg(optedOut ? QStringLiteral("opted_out_at") : QStringLiteral("blocked_at")));
            insert.addBindValue(waIdOf(number * 97 % kCustomers));
            ASSERT_TRUE(insert.exec()) << qPrintable(insert.lastError().text());
            (optedOut ? optedOutIds : blockedIds) << waIdOf(number * 97 % kCustomers);
        }
        connect();
    }

    void connect()
    {
        QObject::connect(loop->sandbox.get(), &SandboxServer::messageAccepted, loop->sandbox.get(),
                         [this](const QString &, const QJsonObject &body) {
                             if (body.value(QLatin1String("type")).toString() != QLatin1String("template"))
                                 return;
                             ++received[body.value(QLatin1String("to")).toString()];
                             arrivals << QDateTime::currentMSecsSinceEpoch();
                         });
    }

    QString storeAddress() const
    {
        const StoreLocation location = loop->store.location();
        return location.dialect.isSqlite() ? location.sqlitePath : location.addressFor(location.user, location.password);
    }

    std::unique_ptr<QProcess> startCampaign()
    {
        QProcessEnvironment extra;
        const ApiConfig api = loop->apiConfig();
        extra.insert(QStringLiteral("MOSTRADOR_ACCESS_TOKEN"), api.accessToken);
        extra.insert(QStringLiteral("MOSTRADOR_PHONE_NUMBER_ID"), api.phoneNumberId);
        extra.insert(QStringLiteral("MOSTRADOR_WABA_ID"), api.wabaId);
        extra.insert(QStringLiteral("MOSTRADOR_GRAPH_URL"), api.endpoint(QString()).toString());
        extra.insert(QStringLiteral("MOSTRADOR_COUNTRY"), QStringLiteral("CO"));
        extra.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("mostrador.outbox.debug=true"));
        auto process = std::make_unique<QProcess>();
        process->setProcessEnvironment(executableEnvironment(extra));
        process->start(binaryDirectory() + QStringLiteral("/mostrador-server"),
                       {QStringLiteral("campaign"), QStringLiteral("--db"), storeAddress(), QStringLiteral("--name"),
                        QStringLiteral("mantas de invierno"), QStringLiteral("--template"), QStringLiteral("novedades_hogar"),
                        QStringLiteral("--lang"), QStringLiteral("es"), QStringLiteral("--customers"), listPath,
                        QStringLiteral("--param"), QStringLiteral("{first_name}"), QStringLiteral("--per-second"),
                        QString::number(kPerSecond), QStringLiteral("--confirm-wait"), QStringLiteral("10")});
        EXPECT_TRUE(process->waitForStarted());
        return process;
    }

    // When each message left the sender, from its outbox's log.
    static QList<qint64> sendTimes(const QByteArray &log)
    {
        static const QRegularExpression sending(QStringLiteral("sending message \\d+ at (\\d+)"));
        QList<qint64> times;
        for (auto it = sending.globalMatch(QString::fromUtf8(log)); it.hasNext();)
            times << it.next().captured(1).toLongLong();
        return times;
    }

    // The most messages within one calendar second, over `times`.
    static int busiestSecond(const QList<qint64> &times)
    {
        QHash<qint64, int> perSecond;
        int most = 0;
        for (const qint64 ms : times)
            most = std::max(most, ++perSecond[ms / 1000]);
        return most;
    }

    std::unique_ptr<WireLoop> loop;
    QString listPath;
    QStringList optedOutIds;
    QStringList blockedIds;
    QHash<QString, int> received;
    QList<qint64> arrivals;
};

} // namespace

TEST_P(CampaignCrash, AfterAKillEveryCustomerHasExactlyOneMessageAndThePaceHolds)
{
    auto first = startCampaign();
    ASSERT_TRUE(QTest::qWaitFor([&] { return arrivals.size() >= kCustomers / 2 || first->state() != QProcess::Running; }, 60000))
        << "the campaign did not get half-way";
    ASSERT_EQ(first->state(), QProcess::Running) << first->readAllStandardError().toStdString();
    first->kill(); // SIGKILL: nothing is tidied up
    first->waitForFinished();
    const QList<qint64> firstRun = arrivals;
    const QList<qint64> firstSends = sendTimes(first->readAllStandardError());
    std::cout << "killed after " << firstRun.size() << " messages" << std::endl;

    auto second = startCampaign();
    ASSERT_TRUE(QTest::qWaitFor([&] { return second->state() != QProcess::Running; }, 90000)) << "the campaign did not finish";
    const QString output = QString::fromUtf8(second->readAllStandardOutput());
    const QList<qint64> secondSends = sendTimes(second->readAllStandardError());
    EXPECT_EQ(second->exitCode(), 0) << output.toStdString();
    EXPECT_TRUE(output.contains(QStringLiteral("goes on where it stopped"))) << output.toStdString();

    // Exactly one message each, none to those left out.
    int receivers = 0;
    for (int number = 0; number < kCustomers; ++number) {
        const QString waId = waIdOf(number);
        const int expected = optedOutIds.contains(waId) || blockedIds.contains(waId) ? 0 : 1;
        EXPECT_EQ(received.value(waId), expected) << qPrintable(waId);
        receivers += expected;
    }
    EXPECT_EQ(arrivals.size(), receivers);
    // The store agrees: one campaign message per conversation, each recipient holding theirs.
    EXPECT_EQ(loop->value(QStringLiteral("SELECT COUNT(*) FROM (SELECT conversation_id FROM messages WHERE direction = 'out' "
                                         "GROUP BY conversation_id HAVING COUNT(*) > 1) x")).toInt(), 0);
    EXPECT_EQ(loop->value(QStringLiteral("SELECT COUNT(*) FROM campaign_recipients WHERE message_id IS NOT NULL")).toInt(), receivers);
    EXPECT_EQ(loop->value(QStringLiteral("SELECT COUNT(*) FROM campaign_recipients WHERE skipped = 'opted_out'")).toInt(), kOptedOut);
    // Customers the shop never talked with wait, resolved, outside the open inbox until they answer.
    EXPECT_EQ(loop->value(QStringLiteral("SELECT COUNT(*) FROM conversations WHERE status <> 'resolved'")).toInt(), 0);
    EXPECT_EQ(loop->value(QStringLiteral("SELECT COUNT(*) FROM campaign_recipients WHERE skipped = 'blocked'")).toInt(), kBlocked);

    // The pace, in each run: never more than --per-second in any second, as the requests left.
    ASSERT_GE(firstSends.size(), firstRun.size()) << "the sender's log does not name every send";
    ASSERT_GE(firstSends.size() + secondSends.size(), receivers);
    EXPECT_LE(busiestSecond(firstSends), kPerSecond);
    EXPECT_LE(busiestSecond(secondSends), kPerSecond);
    const QList<qint64> secondRun = arrivals.mid(firstRun.size());
    std::cout << "busiest seconds as sent: " << busiestSecond(firstSends) << " and " << busiestSecond(secondSends)
              << "; as the sandbox saw them: " << busiestSecond(firstRun) << " and " << busiestSecond(secondRun) << std::endl;

    // Meta's refusals, in plain words: the sandbox holds back marketing to numbers ending in 49.
    EXPECT_TRUE(output.contains(QStringLiteral("131049 not delivered to keep engagement healthy"))) << output.toStdString();
}

INSTANTIATE_TEST_SUITE_P(BothBackends, CampaignCrash, ::testing::Values(Backend::Sqlite, Backend::Postgres), backendName);
