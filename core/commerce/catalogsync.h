#pragma once

#include "messaging/commerce.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QStringList>

namespace Mostrador {

class CloudApiClient;
class Database;

// Reads the Meta catalog connected to the business account — every page of its products — and
// keeps it in the store, then fetches the photos it does not have yet (kept by SHA-256 beside
// the customers' files). Refreshed on demand (Shop ▸ Catalog) and once a day.
class CatalogSync final : public QObject
{
    Q_OBJECT

public:
    CatalogSync(CloudApiClient &client, Database &database, QString imageFolder, QObject *parent = nullptr);

    void refresh();
    [[nodiscard]] bool isRunning() const { return m_running; }

    // The products of one page of GET /{catalog-id}/products, and the cursor of the next page
    // (empty at the last).
    [[nodiscard]] static QList<Product> productsOf(const QJsonObject &page, const QString &catalogId, QString *nextCursor);

    static constexpr qint64 kMaxImageBytes = 8 * 1024 * 1024;

Q_SIGNALS:
    // `products` read; `problem` says in plain words what went wrong, if anything ("This
    // WhatsApp account has no catalog" is not an error for a shop keeping its own list).
    void finished(int products, const QString &problem);

private:
    void readPage(const QString &cursor);
    void keep();
    void fetchNextImage();
    void finish(const QString &problem);

    CloudApiClient &m_client;
    Database &m_database;
    QString m_imageFolder;
    QNetworkAccessManager m_network;
    QString m_catalogId;
    QList<Product> m_read;
    QList<std::pair<qint64, QString>> m_imagesToFetch; // product id, address
    bool m_running = false;
};

} // namespace Mostrador
