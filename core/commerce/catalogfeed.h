#pragma once

#include "messaging/commerce.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

class QIODevice;

namespace Mostrador {

// The shop's own catalog as a spreadsheet, in the columns of Meta's catalog feed (id, title,
// description, availability, condition, price, link, image_link, brand), so the same file can
// later be uploaded to Commerce Manager. Reads what spreadsheets write: comma, semicolon or tab,
// quoted fields, a BOM, accents, prices with a decimal comma or point and with or without the
// currency ("45.000", "45000.00 COP", "12,99 €"); Spanish headers too (nombre, precio, imagen…).
class CatalogFeed final
{
    Q_DECLARE_TR_FUNCTIONS(Mostrador::CatalogFeed)

public:
    struct RowNotRead {
        int line = 0;
        QString reason;
    };
    struct Read {
        QList<Product> products;
        QList<RowNotRead> rowsNotRead;
        QString problem; // the file as a whole could not be read
    };

    // `decimalComma`: how the shop writes decimals; `currency`: for prices without one. A photo
    // named by a file beside the spreadsheet (or a full path) is kept in `imageFolder`.
    [[nodiscard]] static Read read(QIODevice &device, bool decimalComma, const QString &currency,
                                   const QString &fileFolder = {}, const QString &imageFolder = {});
    [[nodiscard]] static Read read(const QString &path, bool decimalComma, const QString &currency, const QString &imageFolder);

    // The id Meta needs, made from a product's name as a shop would write it ("lampara-nube").
    [[nodiscard]] static QString idFromName(const QString &name);
    // The currency a shop in this country (ISO 3166) prices in.
    [[nodiscard]] static QString currencyOf(const QString &region);

    // UTF-8 with a BOM (spreadsheets then read the accents), comma separated, prices as Meta
    // wants them ("45000.00 COP").
    [[nodiscard]] static QByteArray write(const QList<Product> &products);
};

} // namespace Mostrador
