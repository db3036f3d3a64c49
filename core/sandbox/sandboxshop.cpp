#include "sandboxshop.h"

#include <QFile>
#include <QJsonArray>

namespace Mostrador::SandboxShop {

namespace {

// Meta writes prices for people, in the catalog's currency.
QString priceText(qint64 pesos)
{
    QString digits = QString::number(pesos);
    for (qsizetype at = digits.size() - 3; at > 0; at -= 3)
        digits.insert(at, QLatin1Char(','));
    return QStringLiteral("$") + digits + QStringLiteral(".00");
}

} // namespace

QString catalogId()
{
    return QStringLiteral("1789012345678901");
}

QList<Item> items()
{
    return {
        {QStringLiteral("lampara-nube"), QStringLiteral("Lámpara Nube"), QStringLiteral("Lámpara de mesa con pantalla de lino, luz cálida."),
         189000, QStringLiteral("lampara.png")},
        {QStringLiteral("manta-lana"), QStringLiteral("Manta de lana"), QStringLiteral("Manta tejida de lana, 130 × 170 cm, rayas óxido y crudo."),
         145000, QStringLiteral("manta.png")},
        {QStringLiteral("cojin-mostaza"), QStringLiteral("Cojín mostaza"), QStringLiteral("Cojín de terciopelo 45 × 45 cm, con relleno."),
         59000, QStringLiteral("cojines.png")},
        {QStringLiteral("set-cojines"), QStringLiteral("Set de 3 cojines"), QStringLiteral("Mostaza, crudo y terracota."), 159000,
         QStringLiteral("cojines.png")},
        {QStringLiteral("taza-gres"), QStringLiteral("Taza de gres"), QStringLiteral("Hecha a mano, 350 ml, verde mar."), 32000,
         QStringLiteral("taza.png")},
        {QStringLiteral("jarron-ceramica"), QStringLiteral("Jarrón de cerámica"), QStringLiteral("Barro cocido, 25 cm de alto."), 78000,
         QStringLiteral("jarron.png")},
        {QStringLiteral("vela-soja"), QStringLiteral("Vela de soja"), QStringLiteral("Aroma a vainilla, 40 horas, vaso de vidrio."), 45000,
         QStringLiteral("vela.png")},
        {QStringLiteral("alfombra-rombo"), QStringLiteral("Alfombra Rombo"), QStringLiteral("Algodón, 120 × 170 cm, azul y mostaza."), 320000,
         QStringLiteral("alfombra.png")},
        {QStringLiteral("cortina-lino"), QStringLiteral("Cortina de lino"), QStringLiteral("140 × 220 cm, color arena."), 120000, QString(),
         QStringLiteral("out of stock")},
    };
}

const Item *find(const QString &retailerId)
{
    static const QList<Item> all = items();
    for (const Item &item : all) {
        if (item.retailerId == retailerId)
            return &item;
    }
    return nullptr;
}

QJsonObject catalogs()
{
    return {{QStringLiteral("data"), QJsonArray{QJsonObject{{QStringLiteral("id"), catalogId()},
                                                            {QStringLiteral("name"), QStringLiteral("Casa Lumbre — catálogo")}}}}};
}

QJsonObject productsPage(int start, int limit, const QString &photoBase, const QString &pagePath)
{
    const QList<Item> all = items();
    QJsonArray data;
    const int end = std::min(int(all.size()), start + std::max(1, limit));
    for (int index = std::max(0, start); index < end; ++index) {
        const Item &item = all.at(index);
        QJsonObject product{{QStringLiteral("id"), QStringLiteral("90000000000%1").arg(index)},
                            {QStringLiteral("retailer_id"), item.retailerId},
                            {QStringLiteral("name"), item.name},
                            {QStringLiteral("description"), item.description},
                            {QStringLiteral("price"), priceText(item.price)},
                            {QStringLiteral("currency"), QStringLiteral("COP")},
                            {QStringLiteral("availability"), item.availability}};
        if (!item.photo.isEmpty())
            product.insert(QStringLiteral("image_url"), QString(photoBase + item.retailerId));
        data.append(product);
    }
    QJsonObject cursors{{QStringLiteral("before"), QString::number(start)}, {QStringLiteral("after"), QString::number(end)}};
    QJsonObject paging{{QStringLiteral("cursors"), cursors}};
    if (end < all.size())
        paging.insert(QStringLiteral("next"), QString(pagePath + QStringLiteral("?limit=%1&after=%2").arg(limit).arg(end)));
    return {{QStringLiteral("data"), data}, {QStringLiteral("paging"), paging}};
}

QByteArray photo(const QString &retailerId)
{
    const Item *item = find(retailerId);
    if (!item || item->photo.isEmpty())
        return {};
    QFile file(QStringLiteral(":/sandbox/") + item->photo);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QJsonObject cart(const QList<std::pair<QString, int>> &lines, const QString &note)
{
    QJsonArray products;
    for (const auto &[retailerId, quantity] : lines) {
        const Item *item = find(retailerId);
        products.append(QJsonObject{{QStringLiteral("product_retailer_id"), retailerId},
                                    {QStringLiteral("quantity"), quantity},
                                    {QStringLiteral("item_price"), double(item ? item->price : 10000)},
                                    {QStringLiteral("currency"), QStringLiteral("COP")}});
    }
    QJsonObject order{{QStringLiteral("catalog_id"), catalogId()}, {QStringLiteral("product_items"), products}};
    if (!note.isEmpty())
        order.insert(QStringLiteral("text"), note);
    return order;
}

QString problemWith(const QJsonObject &interactive)
{
    const QString type = interactive.value(QLatin1String("type")).toString();
    if (type != QLatin1String("product") && type != QLatin1String("product_list"))
        return {};
    const QJsonObject action = interactive.value(QLatin1String("action")).toObject();
    if (action.value(QLatin1String("catalog_id")).toString() != catalogId())
        return QStringLiteral("catalog %1 is not connected to this WhatsApp Business Account")
            .arg(action.value(QLatin1String("catalog_id")).toString());
    QStringList ids;
    if (type == QLatin1String("product"))
        ids << action.value(QLatin1String("product_retailer_id")).toString();
    for (const QJsonValue &section : action.value(QLatin1String("sections")).toArray()) {
        for (const QJsonValue &item : section.toObject().value(QLatin1String("product_items")).toArray())
            ids << item.toObject().value(QLatin1String("product_retailer_id")).toString();
    }
    for (const QString &id : std::as_const(ids)) {
        if (!find(id))
            return QStringLiteral("product %1 does not exist in catalog %2").arg(id, catalogId());
    }
    return {};
}

} // namespace Mostrador::SandboxShop
