// Report benchmark: a year of a busy shop — 1,000,000 messages in 10,000 conversations, with
// replies, automatic replies, priced template messages, ad arrivals and resolutions — then each
// report period timed (p50, p95) as Shop ▸ Reports and `mostrador-server report` compute it.
//
//   build/tests/bench/bench_report [messages=1000000] [conversations=10000] [path]
#include "reports/reportbuilder.h"
#include "benchhistory.h"
#include "db/database.h"

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

namespace {

const QTimeZone kBogota("America/Bogota");

void generate(Database &database, int messages, int conversations, const QDateTime &end)
{
    QElapsedTimer timer;
    timer.start();
    QRandomGenerator random(2026);
    must(database.begin());
    QSqlQuery customer(database.connection());
    customer.prepare(QStringLiteral("INSERT INTO customers (wa_id, profile_name, first_contact_at, created_at) VALUES (?, ?, ?, 0)"));
    QSqlQuery conversation(database.connection());
    conversation.prepare(QStringLiteral("INSERT INTO conversations (customer_id, business_number_id, created_at) VALUES (?, 'p', ?)"));
    const qint64 year = 365LL * 24 * 3600 * 1000;
    const qint64 start = end.toMSecsSinceEpoch() - year;
    for (int c = 1; c <= conversations; ++c) {
        const qint64 first = start + qint64(random.bounded(quint32(365 * 24))) * 3600 * 1000;
        customer.addBindValue(QStringLiteral("57300%1").arg(c, 7, 10, QLatin1Char('0')));
        customer.addBindValue(QStringLiteral("Cliente %1").arg(c));
        customer.addBindValue(first);
        customer.exec();
        conversation.addBindValue(c);
        conversation.addBindValue(first);
        conversation.exec();
    }
    QSqlQuery insert(database.connection());
    insert.prepare(QStringLiteral("INSERT INTO messages (conversation_id, wamid, direction, kind, body, automatic, status, referral_json, "
                                  "pricing_json, pricing_category, pricing_billable, sent_at, stored_at) VALUES (?, ?, ?, 'text', ?, ?, ?, ?, ?, ?, ?, ?, 0)"));
    QSqlQuery resolve(database.connection());
    resolve.prepare(QStringLiteral("INSERT INTO conversation_resolutions (conversation_id, resolved_at) VALUES (?, ?)"));
    const QString service = QStringLiteral(R"({"category":"service","type":"free_customer_service","pricing_model":"PMP","billable":false})");
    const QString marketing = QStringLiteral(R"({"category":"marketing","type":"regular","pricing_model":"PMP","billable":true})");
    const QString referral = QStringLiteral(R"({"source_id":"120210000000001","source_type":"ad","headline":"Mantas -20 %"})");
    // Exchanges of about five messages: the customer writes (twice, sometimes), an automatic
    // reply now and then, a person answers minutes or hours later, sometimes a resolution.
    int written = 0;
    const qint64 step = year / (messages / 5 + 1);
    qint64 at = start;
    while (written < messages) {
        const int target = 1 + int(random.bounded(quint32(conversations)));
        at += step;
        qint64 time = at;
        const auto add = [&](bool inbound, bool automatic, const QVariant &referralJson, const QVariant &pricing) {
            insert.addBindValue(target);
            insert.addBindValue(QStringLiteral("wamid.r%1").arg(written));
            insert.addBindValue(inbound ? QStringLiteral("in") : QStringLiteral("out"));
            insert.addBindValue(inbound ? QStringLiteral("¿Tienen la manta gris?") : QStringLiteral("Sí, la tenemos."));
            insert.addBindValue(automatic ? 1 : 0);
            insert.addBindValue(inbound ? 0 : 4);
            insert.addBindValue(referralJson);
            insert.addBindValue(pricing);
            const bool priced = !pricing.isNull();
            const bool isMarketing = priced && pricing.toString() == marketing;
            insert.addBindValue(priced ? QVariant(isMarketing ? QStringLiteral("marketing") : QStringLiteral("service")) : QVariant(QMetaType::fromType<QString>()));
            insert.addBindValue(priced ? QVariant(isMarketing ? 1 : 0) : QVariant(QMetaType::fromType<int>()));
            insert.addBindValue(time);
            insert.exec();
            ++written;
        };
        const QVariant none(QMetaType::fromType<QString>());
        add(true, false, random.bounded(50) == 0 ? QVariant(referral) : none, none);
        time += 60 * 1000;
        add(true, false, none, none);
        if (random.bounded(4) == 0)
            add(false, true, none, service);
        time += qint64(random.bounded(quint32(3 * 3600))) * 1000;
        add(false, false, none, random.bounded(30) == 0 ? marketing : service);
        time += 5 * 60 * 1000;
        add(true, false, none, none);
        if (random.bounded(3) == 0) {
            resolve.addBindValue(target);
            resolve.addBindValue(time + 600 * 1000);
            resolve.exec();
        }
        if (written % 100000 < 6) {
            must(database.commit());
            must(database.begin());
        }
    }
    must(database.commit());
    must(database.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
    std::printf("generated %d messages in %d conversations over a year in %.1f s\n", written, conversations, timer.elapsed() / 1000.0);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTemporaryDir directory;
    Bench::HistoryArguments arguments;
    auto database = Bench::openHistory(app.arguments(), directory, &arguments);
    if (!database)
        return 1;
    const QDateTime end(QDate(2026, 11, 30), QTime(23, 0), kBogota);
    if (arguments.fresh)
        generate(*database, arguments.messages, arguments.conversations, end);

    QString problem;
    OpeningHours hours = *OpeningHours::parse(QStringLiteral("mon-fri 09:00-13:00 16:00-20:00; sat 10:00-14:00"), kBogota, &problem);
    ManualClock clock(end);
    ReportBuilder builder(*database, hours, RateCard::shipped(), clock);
    const struct {
        const char *name;
        ReportPeriod period;
        int runs;
    } periods[] = {{"today", ReportPeriod::of(ReportPeriod::Kind::Today, end, kBogota), 40},
                   {"last 7 days", ReportPeriod::of(ReportPeriod::Kind::Last7Days, end, kBogota), 40},
                   {"last 30 days", ReportPeriod::of(ReportPeriod::Kind::Last30Days, end, kBogota), 20},
                   {"last month", ReportPeriod::of(ReportPeriod::Kind::LastMonth, end, kBogota), 20},
                   {"whole year", ReportPeriod::days(end.date().addDays(-364), end.date(), kBogota), 5}};
    StoreError error;
    for (const auto &[name, period, runs] : periods) {
        QList<double> ms;
        qint64 counted = 0;
        for (int run = 0; run < runs; ++run) {
            QElapsedTimer timer;
            timer.start();
            const auto report = builder.build(period, &error);
            ms << timer.nsecsElapsed() / 1e6;
            counted = report ? report->messagesIn + report->messagesOut : -1;
        }
        std::printf("%-14s %8lld messages: p50 %7.1f ms, p95 %7.1f ms\n", name, qlonglong(counted), Bench::percentile(ms, 0.5),
                    Bench::percentile(ms, 0.95));
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("peak RSS %.1f MB (with the store's pages mapped)\n", usage.ru_maxrss / 1024.0);
    return 0;
}
