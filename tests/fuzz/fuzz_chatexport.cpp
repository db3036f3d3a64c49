// WhatsApp "Export chat" files as a shop loads them (import-chat, the desktop's import): both
// passes, as the importer runs them. Any bytes are read or refused with a reason; a name taken
// from the file never reaches a library or the file system uncleaned (a 27-byte file once
// crashed Qt's MIME matching through an attachment's name); every message read has a time.
#include "common/safefilename.h"
#include "fuzzsupport.h"
#include "import/chatexportreader.h"

#include <QBuffer>

#include <cstdlib>

using namespace Mostrador;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Fuzzing::ensureApplication();
    QByteArray input = Fuzzing::bytes(data, size);
    ChatExportReader reader(QTimeZone(QByteArrayLiteral("America/Bogota")), QLocale(QLocale::Spanish, QLocale::Colombia));
    QBuffer first(&input);
    first.open(QIODevice::ReadOnly);
    QString error;
    if (!reader.scan(first, &error)) {
        if (error.isEmpty())
            std::abort(); // refused without a reason
        return 0;
    }
    QBuffer second(&input);
    second.open(QIODevice::ReadOnly);
    reader.read(second, [](const ExportedMessage &message) {
        if (!message.time.isValid())
            std::abort();
        if (!message.attachment.isEmpty() && SafeFileName::clean(message.attachment).name != message.attachment)
            std::abort(); // an attachment's name came out unclean
        return true;
    });
    return 0;
}
