#include "catalogsync.h"

#include "api/apijob.h"
#include "api/cloudapiclient.h"
#include "common/contentfiles.h"
#include "commerce/catalogstore.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <QNetworkReply>
#include <QPointer>

namespace Mostrador {

Q_LOGGING_CATEGORY(lcCatalog, "mostrador.catalog")

CatalogSync::CatalogSync(CloudApiClient &client, Database &database, QString imageFolder, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_database(database)
    , m_imageFolder(std::move(imageFolder))
{
}

QList<Product> CatalogSync::productsOf(const QJsonObject &page, const QString &catalogId, QString *nextCursor)
{
    QList<Product> products;
    for (const QJsonValue &value : page.value(QLatin1String("data")).toArray()) {
        const QJsonObject item = value.toObject();
        Product product;
        product.source = QStringLiteral("meta");
        product.catalogId = catalogId;
        product.retailerId = item.value(QLatin1String("retailer_id")).toString();
        product.name = item.value(QLatin1String("name")).toString();
        product.description = item.value(QLatin1String("description")).toString();
        product.currency = item.value(QLatin1String("currency")).toString().toUpper();
        // Meta writes the price for people ("$45,000.00", "COP45,000.00", "12,99 €").
        const QString price = item.value(QLatin1String("price")).toString();
        product.priceCents = Money::parse(price, false, product.currency);
        product.availability = item.value(QLatin1String("availability")).toString(QStringLiteral("in stock"));
        product.imageUrl = item.value(QLatin1String("image_url")).toString();
        if (product.name.isEmpty())
            product.name = product.retailerId;
        if (!product.retailerId.isEmpty())
            products << product;
    }
    const QJsonObject paging = page.value(QLatin1String("paging")).toObject();
    const bool more = paging.contains(QLatin1String("next"));
    *nextCursor = more ? paging.value(QLatin1String("cursors")).toObject().value(QLatin1String("after")).toString() : QString();
    return products;
}

void CatalogSync::refresh()
{
    if (m_running)
        return;
    m_running = true;
    m_read.clear();
    m_imagesToFetch.clear();
    GraphJob *job = m_client.productCatalogs();
    connect(job, &ApiJob::finished, this, [this, job] {
        if (!job->succeeded()) {
            finish(tr("Meta's catalog could not be read: %1").arg(job->error()->message));
            return;
        }
        const QJsonArray catalogs = job->response().value(QLatin1String("data")).toArray();
        if (catalogs.isEmpty()) {
            // A catalog disconnected from the number: its products can no longer be sent.
            if (const StoreError error = CatalogStore(m_database).replaceMetaCatalog({}, {}, QDateTime::currentDateTimeUtc());
                error.isError()) {
                finish(tr("This WhatsApp account has no catalog at Meta, and its old products could not be removed here: %1")
                           .arg(error.userMessage));
                return;
            }
            finish(tr("This WhatsApp account has no catalog at Meta: the shop's own list is used."));
            return;
        }
        m_catalogId = catalogs.first().toObject().value(QLatin1String("id")).toString();
        readPage({});
    });
}

void CatalogSync::readPage(const QString &cursor)
{
    GraphJob *job = m_client.catalogProducts(m_catalogId, cursor);
    connect(job, &ApiJob::finished, this, [this, job] {
        if (!job->succeeded()) {
            finish(tr("Meta's catalog could not be read: %1").arg(job->error()->message));
            return;
        }
        QString next;
        const QList<Product> page = productsOf(job->response(), m_catalogId, &next);
        m_read += page;
        if (next.isEmpty() || page.isEmpty())
            keep();
        else
            readPage(next);
    });
}

void CatalogSync::keep()
{
    CatalogStore store(m_database);
    if (StoreError error = store.replaceMetaCatalog(m_catalogId, m_read, QDateTime::currentDateTimeUtc()); error.isError()) {
        finish(tr("The catalog could not be kept: %1").arg(error.userMessage));
        return;
    }
    StoreError error;
    for (const Product &product : store.products(&error, QStringLiteral("meta"))) {
        if (product.imagePath.isEmpty() && !product.imageUrl.isEmpty())
            m_imagesToFetch << std::pair{product.id, product.imageUrl};
    }
    fetchNextImage();
}

void CatalogSync::fetchNextImage()
{
    if (m_imagesToFetch.isEmpty()) {
        finish({});
        return;
    }
    const auto [productId, address] = m_imagesToFetch.takeFirst();
    QNetworkRequest request{QUrl(address)};
    request.setTransferTimeout(30000);
    QNetworkReply *reply = m_network.get(request);
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > kMaxImageBytes)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, id = productId] {
        reply->deleteLater();
        const QByteArray data = reply->readAll();
        const QString mime = reply->header(QNetworkRequest::ContentTypeHeader).toString().section(QLatin1Char(';'), 0, 0);
        if (reply->error() != QNetworkReply::NoError || data.isEmpty() || !mime.startsWith(QLatin1String("image/"))) {
            // A photo that does not come is not a reason to lose the catalog: it is tried next time.
            qCInfo(lcCatalog) << "product photo not fetched:" << reply->url().toDisplayString() << reply->errorString();
        } else {
            const ContentFiles::Kept kept = ContentFiles::keep(m_imageFolder, data, mime);
            if (!kept.path.isEmpty()) {
                if (const StoreError error = CatalogStore(m_database).setImage(id, kept.path, kept.sha256); error.isError())
                    qCInfo(lcCatalog) << "product photo not noted, fetched again next time:" << error.detail;
            }
        }
        fetchNextImage();
    });
}

void CatalogSync::finish(const QString &problem)
{
    m_running = false;
    if (!problem.isEmpty())
        qCInfo(lcCatalog).noquote() << problem;
    Q_EMIT finished(int(m_read.size()), problem);
}

} // namespace Mostrador
