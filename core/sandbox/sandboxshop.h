#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Mostrador {

// The demo shop's Meta catalog: a home-goods shop's lamp, blanket, cushions… with drawn photos,
// in the Graph API's shapes (paged as Meta pages), and the carts its customers send.
namespace SandboxShop {

struct Item {
    QString retailerId;
    QString name;
    QString description;
    qint64 price = 0;     // pesos colombianos
    QString photo;        // resource file under :/sandbox, or empty
    QString availability = QStringLiteral("in stock");
};

[[nodiscard]] QString catalogId();
[[nodiscard]] QList<Item> items();
[[nodiscard]] const Item *find(const QString &retailerId);

// GET /{waba-id}/product_catalogs
[[nodiscard]] QJsonObject catalogs();
// GET /{catalog-id}/products: `limit` from `start` (the cursor is the next item's index); photos
// at `photoBase` + retailer id.
[[nodiscard]] QJsonObject productsPage(int start, int limit, const QString &photoBase, const QString &pagePath);
// The drawn photo of a product (PNG), or nothing.
[[nodiscard]] QByteArray photo(const QString &retailerId);

// An `order` message's object: these products (retailer id, quantity), their prices from the
// catalog, and the customer's note.
[[nodiscard]] QJsonObject cart(const QList<std::pair<QString, int>> &lines, const QString &note = {});

// Why Meta would refuse this interactive product message (unknown catalog or product), or "".
[[nodiscard]] QString problemWith(const QJsonObject &interactive);

} // namespace SandboxShop

} // namespace Mostrador
