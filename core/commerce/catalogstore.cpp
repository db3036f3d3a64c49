#include "catalogstore.h"

#include "db/database.h"
#include "conversations/conversationtypes.h"
#include "common/foldedtext.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Mostrador {

namespace {

const QString kProductColumns = QStringLiteral(
    "id, source, catalog_id, retailer_id, name, description, price_cents, currency, availability, image_url, image_path, "
    "image_sha256, updated_at FROM products");

Product productFrom(const QSqlQuery &query)
{
    Product product;
    product.id = query.value(0).toLongLong();
    product.source = query.value(1).toString();
    product.catalogId = query.value(2).toString();
    product.retailerId = query.value(3).toString();
    product.name = query.value(4).toString();
    product.description = query.value(5).toString();
    if (!query.value(6).isNull())
        product.priceCents = query.value(6).toLongLong();
    product.currency = query.value(7).toString();
    product.availability = query.value(8).toString();
    product.imageUrl = query.value(9).toString();
    product.imagePath = query.value(10).toString();
    product.imageSha256 = query.value(11).toString();
    product.updatedAt = storedTime(query.value(12));
    return product;
}

QString searchTextOf(const Product &product)
{
    return foldedText(QStringList{product.name, product.description, product.retailerId}.join(QLatin1Char(' ')));
}

QVariant priceOrNull(const Product &product)
{
    return product.priceCents ? QVariant(*product.priceCents) : QVariant(QMetaType::fromType<qint64>());
}

QList<Product> readAll(QSqlQuery &query, const char *what, StoreError *error)
{
    QList<Product> result;
    if (!query.exec()) {
        *error = StoreError::fromSql(query.lastError(), QLatin1String(what));
        return result;
    }
    while (query.next())
        result << productFrom(query);
    return result;
}

} // namespace

CatalogStore::CatalogStore(Database &database)
    : m_database(database)
{
}

StoreError CatalogStore::replaceMetaCatalog(const QString &catalogId, const QList<Product> &products, const QDateTime &at)
{
    if (StoreError error = m_database.begin(); error.isError())
        return error;
    const auto fail = [this](const StoreError &error) {
        m_database.rollback();
        return error;
    };
    // Marked first, then each product read clears its mark; what stays marked left the catalog.
    if (StoreError error = m_database.exec(QStringLiteral("UPDATE products SET position = -1 WHERE source = 'meta'"), {}, "catalog");
        error.isError())
        return fail(error);
    int position = 0;
    for (const Product &product : products) {
        const StoreError error = m_database.exec(
            QStringLiteral("INSERT INTO products (source, catalog_id, retailer_id, name, description, price_cents, currency, availability, "
                           "image_url, search_text, position, updated_at) VALUES ('meta', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                           "ON CONFLICT (source, retailer_id) DO UPDATE SET catalog_id = excluded.catalog_id, name = excluded.name, "
                           "description = excluded.description, price_cents = excluded.price_cents, currency = excluded.currency, "
                           "availability = excluded.availability, search_text = excluded.search_text, position = excluded.position, "
                           "updated_at = excluded.updated_at, "
                           "image_path = CASE WHEN products.image_url = excluded.image_url THEN products.image_path ELSE NULL END, "
                           "image_sha256 = CASE WHEN products.image_url = excluded.image_url THEN products.image_sha256 ELSE NULL END, "
                           "image_url = excluded.image_url"),
            {textOrEmpty(catalogId), product.retailerId, textOrEmpty(product.name), textOrEmpty(product.description), priceOrNull(product),
             textOrEmpty(product.currency), textOrEmpty(product.availability), textOrEmpty(product.imageUrl), searchTextOf(product),
             position++, at.toMSecsSinceEpoch()},
            "keep catalog product");
        if (error.isError())
            return fail(error);
    }
    if (StoreError error = m_database.exec(QStringLiteral("DELETE FROM products WHERE source = 'meta' AND position = -1"), {}, "catalog");
        error.isError())
        return fail(error);
    return m_database.commit();
}

std::optional<qint64> CatalogStore::saveLocal(const Product &product, const QDateTime &at, StoreError *error)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "INSERT INTO products (source, retailer_id, name, description, price_cents, currency, availability, image_url, image_path, "
        "image_sha256, search_text, position, updated_at) VALUES ('local', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "(SELECT COALESCE(MAX(position), 0) + 1 FROM products WHERE source = 'local'), ?) "
        "ON CONFLICT (source, retailer_id) DO UPDATE SET name = excluded.name, description = excluded.description, "
        "price_cents = excluded.price_cents, currency = excluded.currency, availability = excluded.availability, "
        "image_url = excluded.image_url, image_path = COALESCE(excluded.image_path, products.image_path), "
        "image_sha256 = COALESCE(excluded.image_sha256, products.image_sha256), search_text = excluded.search_text, "
        "updated_at = excluded.updated_at RETURNING id"));
    for (const QVariant &value : QVariantList{product.retailerId, textOrEmpty(product.name), textOrEmpty(product.description),
                                              priceOrNull(product), textOrEmpty(product.currency), textOrEmpty(product.availability),
                                              textOrEmpty(product.imageUrl),
                                              product.imagePath.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : product.imagePath,
                                              product.imageSha256.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : product.imageSha256,
                                              searchTextOf(product), at.toMSecsSinceEpoch()})
        query.addBindValue(value);
    if (!query.exec() || !query.next()) {
        *error = StoreError::fromSql(query.lastError(), QStringLiteral("save product"));
        return std::nullopt;
    }
    return query.value(0).toLongLong();
}

StoreError CatalogStore::remove(qint64 productId)
{
    return m_database.exec(QStringLiteral("DELETE FROM products WHERE id = ?"), {productId}, "remove product");
}

StoreError CatalogStore::setImage(qint64 productId, const QString &path, const QString &sha256)
{
    return m_database.exec(QStringLiteral("UPDATE products SET image_path = ?, image_sha256 = ? WHERE id = ?"), {path, sha256, productId},
                           "keep product photo");
}

QList<Product> CatalogStore::products(StoreError *error, const QString &source)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT %1 WHERE ? = '' OR source = ? ORDER BY CASE source WHEN 'meta' THEN 0 ELSE 1 END, position, id")
                      .arg(kProductColumns));
    query.addBindValue(textOrEmpty(source));
    query.addBindValue(textOrEmpty(source));
    return readAll(query, "products", error);
}

QList<Product> CatalogStore::search(const QString &words, int limit, StoreError *error)
{
    const QStringList parts = foldedText(words).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QStringList conditions{QStringLiteral("1 = 1")};
    for (qsizetype i = 0; i < parts.size(); ++i)
        conditions << QStringLiteral("search_text LIKE ?");
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT %1 WHERE %2 ORDER BY CASE source WHEN 'meta' THEN 0 ELSE 1 END, position, id LIMIT %3")
                      .arg(kProductColumns, conditions.join(QStringLiteral(" AND ")))
                      .arg(limit));
    for (const QString &part : parts)
        query.addBindValue(QString(QLatin1Char('%') + part + QLatin1Char('%')));
    return readAll(query, "search products", error);
}

std::optional<Product> CatalogStore::find(const QString &retailerId, StoreError *error)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT %1 WHERE retailer_id = ? ORDER BY CASE source WHEN 'meta' THEN 0 ELSE 1 END LIMIT 1")
                      .arg(kProductColumns));
    query.addBindValue(retailerId);
    const QList<Product> found = readAll(query, "find product", error);
    return found.isEmpty() ? std::nullopt : std::optional(found.first());
}

QString CatalogStore::metaCatalogId(StoreError *error)
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral("SELECT catalog_id FROM products WHERE source = 'meta' AND catalog_id <> '' LIMIT 1"))) {
        *error = StoreError::fromSql(query.lastError(), QStringLiteral("catalog"));
        return {};
    }
    return query.next() ? query.value(0).toString() : QString();
}

QSet<QString> CatalogStore::imagePaths(StoreError *error)
{
    QSet<QString> paths;
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral("SELECT image_path FROM products WHERE image_path IS NOT NULL "
                                   "UNION SELECT image_path FROM order_lines WHERE image_path IS NOT NULL"))) {
        *error = StoreError::fromSql(query.lastError(), QStringLiteral("product photos"));
        return paths;
    }
    while (query.next())
        paths.insert(query.value(0).toString());
    return paths;
}

} // namespace Mostrador
