#include "cloudapiclient.h"

#include <QJsonObject>

#include "downloadmediajob.h"
#include "messagepayloads.h"
#include "sendmessagejob.h"
#include "resumableuploadjob.h"
#include "uploadmediajob.h"

#include <QUrlQuery>

namespace Mostrador {

CloudApiClient::CloudApiClient(ApiConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
{
}

GraphJob *CloudApiClient::newGraphJob()
{
    return new GraphJob(m_network, m_config, this);
}

SendMessageJob *CloudApiClient::sendMessage(const QJsonObject &payload)
{
    auto *job = new SendMessageJob(m_network, m_config, this);
    job->start(payload);
    return job;
}

GraphJob *CloudApiClient::markRead(const QString &messageId, bool showTyping)
{
    GraphJob *job = newGraphJob();
    job->post(m_config.phoneNumberId + QStringLiteral("/messages"), MessagePayloads::markRead(messageId, showTyping));
    return job;
}

GraphJob *CloudApiClient::blockUser(const QString &user)
{
    GraphJob *job = newGraphJob();
    job->post(m_config.phoneNumberId + QStringLiteral("/block_users"), MessagePayloads::blockUsers({user}));
    return job;
}

GraphJob *CloudApiClient::requestAppSync(const QString &syncType)
{
    GraphJob *job = newGraphJob();
    job->post(m_config.phoneNumberId + QStringLiteral("/smb_app_data"),
              QJsonObject{{QStringLiteral("messaging_product"), QStringLiteral("whatsapp")}, {QStringLiteral("sync_type"), syncType}});
    return job;
}

GraphJob *CloudApiClient::unblockUser(const QString &user)
{
    GraphJob *job = newGraphJob();
    job->remove(m_config.phoneNumberId + QStringLiteral("/block_users"), MessagePayloads::blockUsers({user}));
    return job;
}

UploadMediaJob *CloudApiClient::uploadMedia(const QByteArray &data, const QString &mimeType, const QString &fileName)
{
    auto *job = new UploadMediaJob(m_network, m_config, this);
    job->start(data, mimeType, fileName);
    return job;
}

ResumableUploadJob *CloudApiClient::uploadForHandle(const QByteArray &data, const QString &mimeType, const QString &fileName)
{
    auto *job = new ResumableUploadJob(m_network, m_config, this);
    job->start(data, mimeType, fileName);
    return job;
}

GraphJob *CloudApiClient::mediaInfo(const QString &mediaId)
{
    GraphJob *job = newGraphJob();
    job->get(mediaId);
    return job;
}

DownloadMediaJob *CloudApiClient::downloadMedia(const QString &mediaId, const QString &expectedSha256,
                                                const QString &destination)
{
    auto *job = new DownloadMediaJob(m_network, m_config, this);
    job->start(mediaId, expectedSha256, destination);
    return job;
}

GraphJob *CloudApiClient::deleteMedia(const QString &mediaId)
{
    GraphJob *job = newGraphJob();
    job->remove(mediaId);
    return job;
}

GraphJob *CloudApiClient::businessProfile()
{
    GraphJob *job = newGraphJob();
    job->get(m_config.phoneNumberId
             + QStringLiteral("/whatsapp_business_profile?fields=about,address,description,email,profile_picture_url,websites,vertical"));
    return job;
}

GraphJob *CloudApiClient::updateBusinessProfile(const BusinessProfile &profile)
{
    GraphJob *job = newGraphJob();
    job->post(m_config.phoneNumberId + QStringLiteral("/whatsapp_business_profile"), profile.toUpdateJson());
    return job;
}

GraphJob *CloudApiClient::phoneNumberInfo()
{
    GraphJob *job = newGraphJob();
    job->get(m_config.phoneNumberId
             + QStringLiteral("?fields=id,display_phone_number,verified_name,quality_rating,name_status,code_verification_status,"
                              "throughput,whatsapp_business_manager_messaging_limit,messaging_limit_tier"));
    return job;
}

GraphJob *CloudApiClient::templates(const QString &afterCursor)
{
    QString path = m_config.wabaId + QStringLiteral("/message_templates?limit=100&fields=id,name,language,status,category,components,"
                                                   "quality_score,rejected_reason");
    if (!afterCursor.isEmpty())
        path += QStringLiteral("&after=") + QString::fromLatin1(QUrl::toPercentEncoding(afterCursor));
    GraphJob *job = newGraphJob();
    job->get(path);
    return job;
}

GraphJob *CloudApiClient::productCatalogs()
{
    GraphJob *job = newGraphJob();
    job->get(m_config.wabaId + QStringLiteral("/product_catalogs?fields=id,name"));
    return job;
}

GraphJob *CloudApiClient::catalogProducts(const QString &catalogId, const QString &afterCursor)
{
    QString path = catalogId + QStringLiteral("/products?limit=100&fields=id,retailer_id,name,description,price,currency,"
                                              "availability,image_url");
    if (!afterCursor.isEmpty())
        path += QStringLiteral("&after=") + QString::fromLatin1(QUrl::toPercentEncoding(afterCursor));
    GraphJob *job = newGraphJob();
    job->get(path);
    return job;
}

GraphJob *CloudApiClient::createTemplate(const QJsonObject &body)
{
    GraphJob *job = newGraphJob();
    job->post(m_config.wabaId + QStringLiteral("/message_templates"), body);
    return job;
}

GraphJob *CloudApiClient::deleteTemplate(const QString &name)
{
    GraphJob *job = newGraphJob();
    job->remove(m_config.wabaId + QStringLiteral("/message_templates?name=") + QString::fromLatin1(QUrl::toPercentEncoding(name)));
    return job;
}

} // namespace Mostrador
