// Store benchmark: a generated shop history of 10,000 conversations and 1,000,000 messages
// (one conversation with 50,000), then search and first-page timings, size and peak memory.
//
//   build/tests/bench/bench_store [messages=1000000] [conversations=10000] [path]
#include "benchhistory.h"
#include "db/database.h"
#include "conversations/conversationstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <sys/resource.h>

using namespace Mostrador;
using Mostrador::Bench::must;


int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTemporaryDir directory;
    Bench::HistoryArguments arguments;
    auto database = Bench::openHistory(app.arguments(), directory, &arguments);
    if (!database)
        return 1;
    const int messages = arguments.messages;
    const int conversations = arguments.conversations;
    const QString path = arguments.path;
    const bool generate = arguments.fresh;

    QRandomGenerator random(2026);
    const int bigMessages = std::min(50000, messages / 4);
    const int smallMessages = 50;
    if (generate) {
        QElapsedTimer timer;
        timer.start();
        const qint64 start = QDateTime(QDate(2023, 1, 1), QTime(9, 0), Qt::UTC).toMSecsSinceEpoch();
        must(database->begin());
        QSqlQuery customer(database->connection());
        customer.prepare(QStringLiteral("INSERT INTO customers (wa_id, profile_name, created_at) VALUES (?, ?, 0)"));
        QSqlQuery conversation(database->connection());
        conversation.prepare(QStringLiteral("INSERT INTO conversations (customer_id, business_number_id, created_at) VALUES (?, 'p', 0)"));
        for (int c = 1; c <= conversations; ++c) {
            customer.addBindValue(QStringLiteral("57300%1").arg(c, 7, 10, QLatin1Char('0')));
            customer.addBindValue(QStringLiteral("%1 %2").arg(Bench::shopWords().at(c % Bench::shopWords().size()), Bench::shopWords().at((c * 7) % Bench::shopWords().size())));
            customer.exec();
            conversation.addBindValue(c);
            conversation.exec();
        }
        QSqlQuery insert(database->connection());
        insert.prepare(QStringLiteral("INSERT INTO messages (conversation_id, wamid, direction, kind, body, status, sent_at, stored_at) "
                                      "VALUES (?, ?, ?, 'text', ?, ?, ?, 0)"));
        // Conversation 1 is the long one, 2 the short one; the rest share what is left.
        for (int m = 0; m < messages; ++m) {
            int target;
            if (m < bigMessages)
                target = 1;
            else if (m < bigMessages + smallMessages)
                target = 2;
            else
                target = 3 + int(random.bounded(quint32(conversations - 2)));
            insert.addBindValue(target);
            insert.addBindValue(QStringLiteral("wamid.b%1").arg(m));
            insert.addBindValue(m % 3 ? QStringLiteral("in") : QStringLiteral("out"));
            insert.addBindValue(Bench::sentence(random));
            insert.addBindValue(m % 3 ? 0 : 4);
            insert.addBindValue(start + qint64(m) * 90000);
            insert.exec();
            if (m % 100000 == 99999) {
                must(database->commit());
                must(database->begin());
            }
        }
        must(database->exec(QStringLiteral(
            "UPDATE conversations SET last_message_id = (SELECT MAX(id) FROM messages m WHERE m.conversation_id = conversations.id), "
            "last_message_at = (SELECT MAX(sent_at) FROM messages m WHERE m.conversation_id = conversations.id), "
            "last_inbound_at = (SELECT MAX(sent_at) FROM messages m WHERE m.conversation_id = conversations.id AND direction = 'in')")));
        must(database->commit());
        must(database->exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        std::printf("generated %d messages in %d conversations in %.1f s (%.0f messages/s)\n", messages, conversations,
                    timer.elapsed() / 1000.0, messages / (timer.elapsed() / 1000.0));
    }

    ConversationStore reader(*database);
    qint64 rows = 0; // keeps the compiler from dropping the reads
    const QStringList &queries = Bench::searchQueries();
    const QList<double> search = Bench::timeMany(200, [&](int i) {
        StoreError e;
        rows += reader.search(queries.at(i % queries.size()), 20, &e).size();
    });
    std::printf("search (20 best, %lld queries): p50 %.2f ms, p95 %.2f ms\n", qlonglong(search.size()),
                Bench::percentile(search, 0.5), Bench::percentile(search, 0.95));

    const QList<double> inbox = Bench::timeMany(200, [&](int) {
        StoreError e;
        rows += reader.conversations({}, std::nullopt, 50, &e).size();
    });
    std::printf("first inbox page (50 conversations): p50 %.3f ms, p95 %.3f ms\n", Bench::percentile(inbox, 0.5), Bench::percentile(inbox, 0.95));

    // Waiting for us: each conversation's last message that starts or ends a wait, found per row.
    ConversationFilter waitingForUs;
    waitingForUs.view = ConversationFilter::View::WaitingForUs;
    const QList<double> waiting = Bench::timeMany(50, [&](int) {
        StoreError e;
        rows += reader.conversations(waitingForUs, std::nullopt, 50, &e).size();
    });
    std::printf("first Waiting for us page (50 conversations): p50 %.3f ms, p95 %.3f ms\n", Bench::percentile(waiting, 0.5),
                Bench::percentile(waiting, 0.95));

    const QList<double> big = Bench::timeMany(200, [&](int) {
        StoreError e;
        rows += reader.messages(1, std::nullopt, 50, &e).size();
    });
    const QList<double> small = Bench::timeMany(200, [&](int) {
        StoreError e;
        rows += reader.messages(2, std::nullopt, 50, &e).size();
    });
    std::printf("first page of a %d-message conversation: p50 %.3f ms; of a %d-message one: p50 %.3f ms (ratio %.2f)\n",
                bigMessages, Bench::percentile(big, 0.5), smallMessages, Bench::percentile(small, 0.5),
                Bench::percentile(big, 0.5) / Bench::percentile(small, 0.5));

    const QList<double> deep = Bench::timeMany(100, [&](int i) {
        StoreError e;
        rows += reader.messages(1, MessageCursor{QDateTime(QDate(2023, 1, 1), QTime(9, 0), Qt::UTC).toMSecsSinceEpoch() + qint64(i * 400) * 90000, 0}, 50, &e).size();
    });
    std::printf("a page deep in the long conversation (keyset): p50 %.3f ms\n", Bench::percentile(deep, 0.5));

    std::printf("rows read: %lld\n", qlonglong(rows));
    std::printf("database: %.0f MB\n", QFileInfo(path).size() / 1e6);
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("peak resident memory: %.0f MB\n", usage.ru_maxrss / 1024.0);
    return 0;
}
