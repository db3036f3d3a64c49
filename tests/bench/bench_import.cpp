// Import benchmark: chats exported from a phone, as many as a shop with years of history has,
// brought into a new SQLite store; messages per second, peak memory, and then search over the
// imported history with bench_store's queries.
//
//   build/tests/bench/bench_import [messages=1000000] [chats=100]
#include "benchhistory.h"
#include "import/chatexportreader.h"
#include "import/chatimport.h"
#include "import/importrecordstore.h"
#include "conversations/conversationstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>
#include <sys/resource.h>

using namespace Mostrador;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int messages = args.size() > 1 ? args.at(1).toInt() : 1000000;
    const int chats = args.size() > 2 ? args.at(2).toInt() : 100;
    QTemporaryDir directory;

    // One Android export per chat, written as a stream: a year of messages, some over several lines.
    QElapsedTimer timer;
    timer.start();
    QRandomGenerator random(19);
    QStringList files;
    qint64 bytes = 0;
    const QDateTime start(QDate(2024, 1, 1), QTime(8, 0));
    for (int chat = 0; chat < chats; ++chat) {
        const QString path = directory.filePath(QStringLiteral("Chat de WhatsApp con Cliente %1.txt").arg(chat));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return 1;
        QTextStream out(&file);
        const int count = messages / chats;
        for (int m = 0; m < count; ++m) {
            const QDateTime at = start.addSecs(qint64(m) * (365LL * 24 * 3600 / count));
            out << at.toString(QStringLiteral("d/M/yy, H:mm")) << " - " << (m % 3 ? QStringLiteral("Cliente %1").arg(chat) : QStringLiteral("Casa Nube"))
                << ": " << Bench::sentence(random);
            if (m % 10 == 0)
                out << '\n' << Bench::sentence(random);
            out << '\n';
        }
        out.flush();
        bytes += file.size();
        files << path;
    }
    std::printf("wrote %d chats, %d messages, %.0f MB of text in %.1f s\n", chats, messages, bytes / 1e6, timer.elapsed() / 1000.0);

    // Reading alone: both passes of every file, nothing stored.
    timer.restart();
    qint64 read = 0;
    for (const QString &path : std::as_const(files)) {
        ChatExportReader reader(QTimeZone("America/Bogota"), QLocale(QLocale::Spanish, QLocale::Colombia));
        QFile first(path);
        QString ignored;
        if (!first.open(QIODevice::ReadOnly) || !reader.scan(first, &ignored))
            return 1;
        QFile second(path);
        second.open(QIODevice::ReadOnly);
        reader.read(second, [&](const ExportedMessage &) { return ++read > 0; });
    }
    std::printf("read alone (both passes): %lld messages in %.1f s: %.0f messages/s\n", qlonglong(read), timer.elapsed() / 1000.0,
                read / (timer.elapsed() / 1000.0));

    StoreError error;
    auto database = Database::open(StoreLocation::parse(directory.filePath(QStringLiteral("shop.db"))), &error);
    if (!database)
        return 1;
    ChatImport::Settings settings;
    settings.me = QStringLiteral("Casa Nube");
    settings.zone = QTimeZone("America/Bogota");
    settings.locale = QLocale(QLocale::Spanish, QLocale::Colombia);
    settings.mediaFolder = directory.filePath(QStringLiteral("media"));
    ChatImport import(*database, settings);
    ChatImport::Summary summary;
    QString problem;
    timer.restart();
    if (!import.run(files, &summary, &problem)) {
        std::fprintf(stderr, "import failed: %s\n", qPrintable(problem));
        return 1;
    }
    const double seconds = timer.elapsed() / 1000.0;
    const qint64 firstImport = summary.importId;
    std::printf("imported %lld messages in %d chats in %.1f s: %.0f messages/s\n", qlonglong(summary.messages), summary.chats, seconds,
                summary.messages / seconds);

    timer.restart();
    if (!import.run(files, &summary, &problem))
        return 1;
    std::printf("the same files again: %lld added, %lld already there, %.1f s\n", qlonglong(summary.messages),
                qlonglong(summary.alreadyThere), timer.elapsed() / 1000.0);

    ConversationStore reader(*database);
    qint64 rows = 0;
    const QList<double> search = Bench::timeMany(200, [&](int i) {
        StoreError e;
        rows += reader.search(Bench::searchQueries().at(i % Bench::searchQueries().size()), 20, &e).size();
    });
    std::printf("search over the imported history (20 best, %lld queries, %lld rows): p50 %.2f ms, p95 %.2f ms\n",
                qlonglong(search.size()), qlonglong(rows), Bench::percentile(search, 0.5), Bench::percentile(search, 0.95));

    // Undo import: the first import's messages, conversations and customers out, in one transaction.
    timer.restart();
    const auto undone = ImportRecordStore(*database).undo(firstImport, QStringLiteral("bench"), QDateTime::currentDateTimeUtc());
    if (undone.isError()) {
        std::fprintf(stderr, "undo failed: %s\n", qPrintable(undone.error().detail));
        return 1;
    }
    std::printf("undo import: %lld messages and %d conversations out in %.1f s\n", qlonglong(undone->messages), undone->conversations,
                timer.elapsed() / 1000.0);

    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("peak resident memory: %.0f MB\n", usage.ru_maxrss / 1024.0);
    return 0;
}
