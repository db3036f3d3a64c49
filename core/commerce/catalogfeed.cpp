#include "catalogfeed.h"

#include "common/safefilename.h"

#include "common/contentfiles.h"
#include "common/csvreader.h"
#include "common/foldedtext.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMimeDatabase>
#include <QUrl>

namespace Mostrador {

namespace {

enum Column { Id, Title, Description, Availability, Condition, Price, Link, ImageLink, Brand, ColumnCount };

// Each column's name in Meta's feed first, then what shops write in their own sheets.
const QStringList kHeaders[ColumnCount] = {
    {QStringLiteral("id"), QStringLiteral("sku"), QStringLiteral("referencia"), QStringLiteral("codigo"), QStringLiteral("retailer_id")},
    {QStringLiteral("title"), QStringLiteral("name"), QStringLiteral("nombre"), QStringLiteral("producto"), QStringLiteral("titulo")},
    {QStringLiteral("description"), QStringLiteral("descripcion")},
    {QStringLiteral("availability"), QStringLiteral("disponibilidad")},
    {QStringLiteral("condition"), QStringLiteral("condicion"), QStringLiteral("estado")},
    {QStringLiteral("price"), QStringLiteral("precio"), QStringLiteral("valor")},
    {QStringLiteral("link"), QStringLiteral("enlace")},
    {QStringLiteral("image_link"), QStringLiteral("image"), QStringLiteral("imagen"), QStringLiteral("foto"), QStringLiteral("photo")},
    {QStringLiteral("brand"), QStringLiteral("marca")},
};

// Meta's availability words, from what people write.
QString availabilityOf(const QString &typed)
{
    const QString folded = foldedText(typed).trimmed();
    if (folded.isEmpty() || folded == QLatin1String("in stock") || folded == QLatin1String("disponible") || folded == QLatin1String("si")
        || folded == QLatin1String("yes") || folded == QLatin1String("en existencia") || folded == QLatin1String("hay"))
        return QStringLiteral("in stock");
    if (folded.contains(QLatin1String("agotado")) || folded.contains(QLatin1String("out of stock")) || folded == QLatin1String("no"))
        return QStringLiteral("out of stock");
    if (folded.contains(QLatin1String("preorder")) || folded.contains(QLatin1String("pedido")))
        return QStringLiteral("preorder");
    if (folded.contains(QLatin1String("available for order")))
        return QStringLiteral("available for order");
    return QStringLiteral("in stock");
}

QString quoted(const QString &field)
{
    if (!field.contains(QLatin1Char(',')) && !field.contains(QLatin1Char('"')) && !field.contains(QLatin1Char('\n'))
        && !field.contains(QLatin1Char('\r')))
        return field;
    return QLatin1Char('"') + QString(field).replace(QLatin1String("\""), QLatin1String("\"\"")) + QLatin1Char('"');
}

// A photo named in the sheet that is a file on this PC, kept by its content.
void keepLocalPhoto(Product &product, const QString &link, const QString &fileFolder, const QString &imageFolder)
{
    if (imageFolder.isEmpty() || link.isEmpty())
        return;
    const QUrl url(link);
    if (url.scheme().startsWith(QLatin1String("http")))
        return;
    // A name written in the sheet: a photo beside it or in a folder below it, never elsewhere.
    const SafeFileName::Cleaned name = SafeFileName::cleanRelativePath(url.isLocalFile() ? url.toLocalFile() : link);
    if (name.name.isEmpty() || fileFolder.isEmpty())
        return;
    QString path = QDir(fileFolder).filePath(name.name);
    if (!QFileInfo::exists(path)) // a folder written for another PC: the photo beside the sheet
        path = QDir(fileFolder).filePath(SafeFileName::clean(name.name).name);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QString mime = QMimeDatabase().mimeTypeForFile(path).name();
    if (!mime.startsWith(QLatin1String("image/")))
        return;
    const ContentFiles::Kept kept = ContentFiles::keep(imageFolder, file.readAll(), mime);
    product.imagePath = kept.path;
    product.imageSha256 = kept.sha256;
}

} // namespace

CatalogFeed::Read CatalogFeed::read(const QString &path, bool decimalComma, const QString &currency, const QString &imageFolder)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Read result;
        result.problem = tr("%1 could not be opened: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return result;
    }
    return read(file, decimalComma, currency, QFileInfo(path).absolutePath(), imageFolder);
}

CatalogFeed::Read CatalogFeed::read(QIODevice &device, bool decimalComma, const QString &currency, const QString &fileFolder,
                                    const QString &imageFolder)
{
    Read result;
    CsvReader csv(device);
    QStringList headers;
    if (!csv.next(&headers)) {
        result.problem = tr("The file is empty.");
        return result;
    }
    int columns[ColumnCount];
    std::fill(std::begin(columns), std::end(columns), -1);
    for (int column = 0; column < headers.size(); ++column) {
        const QString header = foldedText(headers.at(column)).trimmed();
        for (int known = 0; known < ColumnCount; ++known) {
            if (columns[known] < 0 && kHeaders[known].contains(header))
                columns[known] = column;
        }
    }
    if (columns[Title] < 0) {
        result.problem = tr("The file has no column for the products' names: call one \"title\" (as Meta's catalog does) or \"nombre\".");
        return result;
    }
    QStringList fields;
    QSet<QString> ids;
    while (csv.next(&fields)) {
        const auto field = [&fields, &columns](Column column) { return columns[column] < 0 ? QString() : fields.value(columns[column]).trimmed(); };
        if (std::all_of(fields.cbegin(), fields.cend(), [](const QString &value) { return value.trimmed().isEmpty(); }))
            continue;
        Product product;
        product.source = QStringLiteral("local");
        product.name = field(Title);
        product.retailerId = field(Id);
        product.description = field(Description);
        product.availability = availabilityOf(field(Availability));
        product.currency = currency.toUpper();
        if (product.name.isEmpty()) {
            result.rowsNotRead << RowNotRead{csv.line(), tr("no name")};
            continue;
        }
        if (const QString price = field(Price); !price.isEmpty()) {
            QString code;
            product.priceCents = Money::parse(price, decimalComma, currency, &code);
            if (!product.priceCents) {
                result.rowsNotRead << RowNotRead{csv.line(), tr("\"%1\" is not a price").arg(price)};
                continue;
            }
            product.currency = code;
        }
        if (product.retailerId.isEmpty()) // Meta needs an id: one from the name
            product.retailerId = idFromName(product.name);
        if (ids.contains(product.retailerId)) {
            result.rowsNotRead << RowNotRead{csv.line(), tr("the id %1 is on an earlier row").arg(product.retailerId)};
            continue;
        }
        ids.insert(product.retailerId);
        const QString image = field(ImageLink);
        if (image.startsWith(QLatin1String("http://")) || image.startsWith(QLatin1String("https://")))
            product.imageUrl = image;
        else
            keepLocalPhoto(product, image, fileFolder, imageFolder);
        result.products << product;
    }
    return result;
}

QString CatalogFeed::idFromName(const QString &name)
{
    const QString readable = foldedText(name).simplified().replace(QLatin1Char(' '), QLatin1Char('-')).left(100);
    if (!readable.isEmpty())
        return readable;
    // A name of accents alone folds to nothing: an id from its bytes, the same for the same name.
    return QStringLiteral("product-")
        + QString::fromLatin1(QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Sha1).toHex().left(12));
}

QString CatalogFeed::currencyOf(const QString &region)
{
    static const QHash<QString, QString> currencies{
        {QStringLiteral("AR"), QStringLiteral("ARS")}, {QStringLiteral("BR"), QStringLiteral("BRL")}, {QStringLiteral("CL"), QStringLiteral("CLP")},
        {QStringLiteral("CO"), QStringLiteral("COP")}, {QStringLiteral("CR"), QStringLiteral("CRC")}, {QStringLiteral("EC"), QStringLiteral("USD")},
        {QStringLiteral("GB"), QStringLiteral("GBP")}, {QStringLiteral("GT"), QStringLiteral("GTQ")}, {QStringLiteral("MX"), QStringLiteral("MXN")},
        {QStringLiteral("PE"), QStringLiteral("PEN")}, {QStringLiteral("PY"), QStringLiteral("PYG")}, {QStringLiteral("US"), QStringLiteral("USD")},
        {QStringLiteral("UY"), QStringLiteral("UYU")}, {QStringLiteral("PT"), QStringLiteral("EUR")}, {QStringLiteral("ES"), QStringLiteral("EUR")},
    };
    return currencies.value(region.toUpper(), QStringLiteral("USD"));
}

QByteArray CatalogFeed::write(const QList<Product> &products)
{
    QString text = QStringLiteral("id,title,description,availability,condition,price,link,image_link,brand\r\n");
    for (const Product &product : products) {
        const QStringList row{product.retailerId,
                              product.name,
                              product.description,
                              product.availability.isEmpty() ? QStringLiteral("in stock") : product.availability,
                              QStringLiteral("new"),
                              product.priceCents ? Money::feedText(*product.priceCents, product.currency) : QString(),
                              QString(),
                              product.imageUrl,
                              QString()};
        QStringList cells;
        for (const QString &cell : row)
            cells << quoted(cell);
        text += cells.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return QByteArrayLiteral("\xEF\xBB\xBF") + text.toUtf8();
}

} // namespace Mostrador
