// The shop's own catalog as a spreadsheet (Meta's feed columns or the shop's own words), read
// with both decimal conventions. Every row is read or named with its line and reason; photos
// named in the sheet are looked for beside it only, never elsewhere on the PC.
#include "commerce/catalogfeed.h"
#include "fuzzsupport.h"

#include <QBuffer>
#include <QTemporaryDir>

#include <cstdlib>

using namespace Mostrador;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Fuzzing::ensureApplication();
    static QTemporaryDir folder;
    QByteArray input = Fuzzing::bytes(data, size);
    for (const bool decimalComma : {true, false}) {
        QBuffer sheet(&input);
        sheet.open(QIODevice::ReadOnly);
        const CatalogFeed::Read read = CatalogFeed::read(sheet, decimalComma, QStringLiteral("COP"), folder.path(),
                                                         folder.filePath(QStringLiteral("photos")));
        for (const Product &product : read.products) {
            if (product.retailerId.isEmpty())
                std::abort(); // every product read has an id (made from its name when missing)
        }
    }
    return 0;
}
