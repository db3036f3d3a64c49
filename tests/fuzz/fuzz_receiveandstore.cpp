// The whole receive-and-store path after the signature: parse, then store into a real SQLite
// store, as the receiver does. A batch may be refused (and kept aside), never crash the store; the
// store stays readable after every input.
#include "fuzzsupport.h"

using namespace Mostrador;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Fuzzing::ShopStore::instance().receive(Fuzzing::bytes(data, size));
    return 0;
}
