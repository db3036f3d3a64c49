// Quick-reply files a shop imports (JSON written by Mostrador, CSV from a spreadsheet): any bytes
// are read or refused with a reason; what is read is written and read back the same.
#include "automation/quickreplyexchange.h"
#include "fuzzsupport.h"

#include <cstdlib>

using namespace Mostrador;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = Fuzzing::bytes(data, size);
    QString error;
    if (const auto fromCsv = QuickReplyExchange::fromCsv(input, &error)) {
        const auto again = QuickReplyExchange::fromCsv(QuickReplyExchange::toCsv(*fromCsv), &error);
        if (!again || again->size() != fromCsv->size())
            std::abort();
    } else if (error.isEmpty()) {
        std::abort();
    }
    error.clear();
    if (!QuickReplyExchange::fromJson(input, &error) && error.isEmpty())
        std::abort();
    return 0;
}
