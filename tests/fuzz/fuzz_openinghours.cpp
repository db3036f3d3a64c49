// Opening hours as the shop types them (and as the server's environment file gives them): any
// text is read or refused with a reason; what is read writes back to text that reads the same, and
// answers questions about any moment.
#include "automation/openinghours.h"
#include "fuzzsupport.h"

#include <cstdlib>

using namespace Mostrador;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(Fuzzing::bytes(data, size));
    const QTimeZone zone("America/Bogota");
    QString error;
    const auto hours = OpeningHours::parse(text, zone, &error);
    if (!hours) {
        if (error.isEmpty())
            std::abort(); // refused without a reason
        return 0;
    }
    const QString written = hours->weekText();
    const auto again = OpeningHours::parse(written, zone, &error);
    if (!again || again->weekText() != written)
        std::abort(); // what is written back must read the same
    const QDateTime monday(QDate(2026, 11, 30), QTime(21, 0), zone);
    (void)hours->isOpen(monday);
    (void)hours->nextOpening(monday);
    (void)hours->closedSince(monday);
    return 0;
}
