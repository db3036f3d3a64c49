// Whatever arrives on /webhook (after the signature) goes through the parser: any bytes must give
// a batch or a clear error, never a crash, a hang or undefined behaviour.
#include "fuzzsupport.h"
#include "webhook/webhookparser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto result = Mostrador::WebhookParser::parse(Mostrador::Fuzzing::bytes(data, size));
    (void)result;
    return 0;
}
