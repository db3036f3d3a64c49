// Contact files a shop loads to name its customers: vCard (2.1 with quoted-printable, 3.0, 4.0)
// and CSV from Google Contacts, Outlook or a spreadsheet. Any bytes are read or refused with a
// reason.
#include "fuzzsupport.h"
#include "import/contactfile.h"

#include <QBuffer>

#include <cstdlib>

using namespace Mostrador;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArray input = Fuzzing::bytes(data, size);
    (void)ContactFile::fromVCards(input);
    QBuffer csv(&input);
    csv.open(QIODevice::ReadOnly);
    QString error;
    if (!ContactFile::fromCsv(csv, &error) && error.isEmpty())
        std::abort();
    return 0;
}
