#pragma once

#include "db/storeerror.h"
#include "messaging/commerce.h"

#include <QList>
#include <QSet>

#include <optional>

namespace Mostrador {

class Database;

// The products the shop sells: Meta's catalog on the number as last read (source "meta"), and
// the shop's own list for a shop without one (source "local"). Searched by words in any case
// and with or without accents ("lampara" finds "Lámpara").
class CatalogStore final
{
public:
    explicit CatalogStore(Database &database);

    // Meta's catalog as just read: its products replace the ones kept before (in one transaction;
    // photos already kept stay with their product when the photo's address did not change).
    StoreError replaceMetaCatalog(const QString &catalogId, const QList<Product> &products, const QDateTime &at);
    // Adds or changes a product of the shop's own list (by retailer id); returns its id.
    std::optional<qint64> saveLocal(const Product &product, const QDateTime &at, StoreError *error);
    StoreError remove(qint64 productId);
    StoreError setImage(qint64 productId, const QString &path, const QString &sha256);

    // Every product, Meta's first, in the catalog's order.
    [[nodiscard]] QList<Product> products(StoreError *error, const QString &source = {});
    // Products whose name, description or id hold every word typed.
    [[nodiscard]] QList<Product> search(const QString &words, int limit, StoreError *error);
    [[nodiscard]] std::optional<Product> find(const QString &retailerId, StoreError *error);
    // Meta's catalog id when the shop has one, else empty.
    [[nodiscard]] QString metaCatalogId(StoreError *error);
    // The photos kept for products (what the media cleanup must not remove).
    [[nodiscard]] QSet<QString> imagePaths(StoreError *error);

private:
    Database &m_database;
};

} // namespace Mostrador
