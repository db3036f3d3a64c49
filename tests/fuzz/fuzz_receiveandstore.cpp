// The whole receive-and-store path after the signature: parse, then store into a real SQLite
// store, as the receiver does. A batch may be refused (and kept aside), never crash the store; the
// store stays readable after every input.
#include "fuzzsupport.h"
#include "store/database.h"
#include "store/webhookingestor.h"
#include "webhook/webhookparser.h"

#include <QSqlQuery>
#include <QTemporaryDir>

#include <cstdlib>
#include <memory>

using namespace Mostrador;

namespace {

struct Store {
    QTemporaryDir folder;
    std::unique_ptr<Database> database;
    std::unique_ptr<WebhookIngestor> ingestor;
};

Store &store()
{
    static Store *store = [] {
        Fuzzing::ensureApplication();
        auto *made = new Store;
        StoreError error;
        made->database = Database::open(StoreLocation::parse(made->folder.filePath(QStringLiteral("fuzz.db"))), &error);
        if (!made->database)
            std::abort();
        made->ingestor = std::make_unique<WebhookIngestor>(*made->database);
        return made;
    }();
    return *store;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto parsed = WebhookParser::parse(Fuzzing::bytes(data, size));
    if (!parsed.ok)
        return 0;
    Store &shop = store();
    (void)shop.ingestor->ingest(parsed.batch);
    QSqlQuery check(shop.database->connection());
    if (!check.exec(QStringLiteral("SELECT COUNT(*) FROM messages")) || !check.next())
        std::abort(); // the store must stay usable whatever came in
    return 0;
}
