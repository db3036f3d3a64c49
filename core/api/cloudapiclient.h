#pragma once

#include "apiconfig.h"
#include "apitypes.h"

#include <QNetworkAccessManager>
#include <QObject>

namespace Mostrador {

class DownloadMediaJob;
class GraphJob;
class ResumableUploadJob;
class SendMessageJob;
class UploadMediaJob;

// The Cloud API, one job per call. The client only builds and starts jobs; callers connect
// to each job's finished() and read its typed result or classified error.
class CloudApiClient final : public QObject
{
    Q_OBJECT

public:
    explicit CloudApiClient(ApiConfig config, QObject *parent = nullptr);

    [[nodiscard]] const ApiConfig &config() const { return m_config; }
    void setConfig(const ApiConfig &config) { m_config = config; }

    SendMessageJob *sendMessage(const QJsonObject &payload);
    GraphJob *markRead(const QString &messageId, bool showTyping = false);
    // Meta's block list: `user` is a wa_id or a business-scoped id. Blocking works only for
    // customers who wrote in the last 24 hours; unblocking always.
    GraphJob *blockUser(const QString &user);
    GraphJob *unblockUser(const QString &user);
    // Coexistence: asks Meta once for the WhatsApp Business app's contacts ("smb_app_state_sync")
    // or its chat history ("history"); they arrive as webhooks.
    GraphJob *requestAppSync(const QString &syncType);

    UploadMediaJob *uploadMedia(const QByteArray &data, const QString &mimeType, const QString &fileName);
    GraphJob *mediaInfo(const QString &mediaId);                 // → MediaInfo::fromJson(job->response())
    DownloadMediaJob *downloadMedia(const QString &mediaId, const QString &expectedSha256, const QString &destination);
    GraphJob *deleteMedia(const QString &mediaId);

    GraphJob *businessProfile();                                 // → BusinessProfile::fromJson
    GraphJob *updateBusinessProfile(const BusinessProfile &profile);
    GraphJob *phoneNumberInfo();                                 // → PhoneNumberInfo::fromJson (with throughput and limit tier)
    GraphJob *templates(const QString &afterCursor = {});        // → TemplatesPage::fromJson
    // A new template for Meta's review (TemplateDraft::toCreateJson); answers {id, status, category}.
    GraphJob *createTemplate(const QJsonObject &body);
    // Deletes every language of the template `name`.
    GraphJob *deleteTemplate(const QString &name);
    // The catalogs connected to the business account: {data: [{id, name}]}.
    GraphJob *productCatalogs();
    // One page of a catalog's products (id, retailer_id, name, description, price, currency,
    // availability, image_url), with `paging.cursors.after` while more follow.
    GraphJob *catalogProducts(const QString &catalogId, const QString &afterCursor = {});
    // A file's bytes through the Resumable Upload API, for its handle (a template header's
    // example, the profile photo); needs config().appId.
    ResumableUploadJob *uploadForHandle(const QByteArray &data, const QString &mimeType, const QString &fileName);

private:
    GraphJob *newGraphJob();

    ApiConfig m_config;
    QNetworkAccessManager m_network;
};

} // namespace Mostrador
