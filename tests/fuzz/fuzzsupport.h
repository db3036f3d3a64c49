#pragma once

#include "db/database.h"
#include "webhook/webhookingestor.h"
#include "webhook/webhookparser.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>

namespace Mostrador::Fuzzing {

// libFuzzer's bytes, not copied (they live for the call).
inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
}

// Qt's SQL drivers are plugins: they are found through an application object.
inline void ensureApplication()
{
    static int argc = 1;
    static char name[] = "mostrador-fuzz";
    static char *argv[] = {name, nullptr};
    static QCoreApplication *application = QCoreApplication::instance() ? nullptr : new QCoreApplication(argc, argv);
    (void)application;
}

// One real SQLite store for the whole run, with the ingestor the receiver uses.
struct ShopStore {
    QTemporaryDir folder;
    std::unique_ptr<Database> database;
    std::unique_ptr<WebhookIngestor> ingestor;

    static ShopStore &instance()
    {
        static ShopStore *store = [] {
            ensureApplication();
            auto *made = new ShopStore;
            StoreError error;
            made->database = Database::open(StoreLocation::parse(made->folder.filePath(QStringLiteral("fuzz.db"))), &error);
            if (!made->database)
                std::abort();
            made->ingestor = std::make_unique<WebhookIngestor>(*made->database);
            return made;
        }();
        return *store;
    }

    // A webhook's body as the receiver hands it on after the signature: parsed, stored; a batch
    // may be refused (and kept aside), never crash the store.
    void receive(const QByteArray &body)
    {
        const auto parsed = WebhookParser::parse(body);
        if (!parsed.ok)
            return;
        (void)ingestor->ingest(parsed.batch);
        checkReadable();
    }

    // The store must stay usable whatever came in.
    void checkReadable()
    {
        QSqlQuery check(database->connection());
        if (!check.exec(QStringLiteral("SELECT COUNT(*) FROM messages")) || !check.next())
            std::abort();
    }
};

} // namespace Mostrador::Fuzzing
