// The whole receive-and-store path after the signature: parse, then store into a real SQLite
// store, as the receiver does. A batch may be refused (and kept aside), never crash the store; the
// store stays readable after every input.
#include "fuzzsupport.h"
#include "webhook/webhookparser.h"

using namespace Mostrador;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto parsed = WebhookParser::parse(Fuzzing::bytes(data, size));
    if (!parsed.ok)
        return 0;
    Fuzzing::ShopStore &shop = Fuzzing::ShopStore::instance();
    (void)shop.ingestor->ingest(parsed.batch);
    shop.checkReadable();
    return 0;
}
