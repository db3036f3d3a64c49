// A rate card the shop chooses in Reports (Meta's rates copied into a CSV, maybe by a
// spreadsheet with decimal commas and semicolons): read, or refused with a reason.
#include "fuzzsupport.h"
#include "reports/ratecard.h"

#include <cstdlib>

using namespace Mostrador;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QString error;
    if (!RateCard::parse(Fuzzing::bytes(data, size), &error) && error.isEmpty())
        std::abort();
    return 0;
}
