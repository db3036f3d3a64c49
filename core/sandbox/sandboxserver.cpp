#include "sandboxserver.h"
#include "sandboxshop.h"

#include "multipart.h"
#include "sandboxcatalog.h"
#include "webhookdispatcher.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>
#include <QUuid>
#include <QUrlQuery>

namespace Mostrador {

namespace {

using Status = QHttpServerResponse::StatusCode;

QHttpServerResponse graphError(Status status, int code, const QString &message, const QString &details = {})
{
    QJsonObject error{{QStringLiteral("message"), message},
                      {QStringLiteral("type"), code == 190 ? QStringLiteral("OAuthException") : QStringLiteral("GraphMethodException")},
                      {QStringLiteral("code"), code},
                      {QStringLiteral("fbtrace_id"), QStringLiteral("SandboxTrace")}};
    if (!details.isEmpty())
        error.insert(QStringLiteral("error_data"), QJsonObject{{QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
                                                               {QStringLiteral("details"), details}});
    return QHttpServerResponse(QJsonObject{{QStringLiteral("error"), error}}, status);
}

const QStringList kFreeFormTypes{QStringLiteral("text"),     QStringLiteral("image"),    QStringLiteral("video"),
                                 QStringLiteral("audio"),    QStringLiteral("document"), QStringLiteral("sticker"),
                                 QStringLiteral("location"), QStringLiteral("contacts"), QStringLiteral("interactive"),
                                 QStringLiteral("reaction")};

} // namespace

SandboxServer::SandboxServer(Settings settings, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_clock(clock)
    , m_dispatcher(std::make_unique<WebhookDispatcher>(m_settings.appSecret))
    , m_profile(SandboxCatalog::businessProfile())
{
    m_dispatcher->setTarget(m_settings.webhookUrl);
    registerRoutes();
}

SandboxServer::~SandboxServer() = default;

quint16 SandboxServer::listen(const QHostAddress &address, quint16 port)
{
    m_port = m_server.listen(address, port);
    QFile logo(QStringLiteral(":/sandbox/logo.png")); // the demo shop's profile photo
    if (m_port && logo.open(QIODevice::ReadOnly)) {
        m_profilePhoto = {logo.readAll(), QStringLiteral("image/png"), QStringLiteral("logo.png")};
        m_profile.profilePictureUrl = baseUrl().toString() + QStringLiteral("/sandbox-profile-photo/0");
    }
    return m_port;
}

QUrl SandboxServer::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

ApiConfig SandboxServer::Settings::clientConfig() const
{
    ApiConfig config;
    config.apiVersion = apiVersion;
    config.accessToken = accessToken;
    config.phoneNumberId = business.phoneNumberId;
    config.wabaId = business.wabaId;
    config.appId = appId;
    return config;
}

ApiConfig SandboxServer::clientConfig() const
{
    ApiConfig config = m_settings.clientConfig();
    config.baseUrl = baseUrl();
    return config;
}

void SandboxServer::setWebhookUrl(const QUrl &url)
{
    m_settings.webhookUrl = url;
    m_dispatcher->setTarget(url);
}

void SandboxServer::registerRoutes()
{
    using Method = QHttpServerRequest::Method;
    m_server.route(QStringLiteral("/<arg>/<arg>/messages"), Method::Post,
                   [this](const QString &, const QString &phone, const QHttpServerRequest &request) {
                       return handleSend(phone, request);
                   });
    m_server.route(QStringLiteral("/<arg>/<arg>/media"), Method::Post,
                   [this](const QString &, const QString &phone, const QHttpServerRequest &request) {
                       return handleUpload(phone, request);
                   });
    m_server.route(QStringLiteral("/<arg>/<arg>/whatsapp_business_profile"), Method::Get | Method::Post,
                   [this](const QString &, const QString &phone, const QHttpServerRequest &request) {
                       return handleProfile(phone, request);
                   });
    m_server.route(QStringLiteral("/<arg>/<arg>/message_templates"), Method::Get | Method::Post | Method::Delete,
                   [this](const QString &, const QString &waba, const QHttpServerRequest &request) {
                       return handleTemplates(waba, request);
                   });
    m_server.route(QStringLiteral("/<arg>/<arg>/smb_app_data"), Method::Post,
                   [this](const QString &, const QString &phone, const QHttpServerRequest &request) {
                       return handleAppSync(phone, request);
                   });
    m_server.route(QStringLiteral("/<arg>/<arg>/block_users"), Method::Post | Method::Delete,
                   [this](const QString &, const QString &phone, const QHttpServerRequest &request) {
                       return handleBlock(phone, request);
                   });
    m_server.route(QStringLiteral("/sandbox-media/<arg>"), Method::Get,
                   [this](const QString &id, const QHttpServerRequest &request) {
                       if (!authorized(request))
                           return graphError(Status::Unauthorized, 190, QStringLiteral("Invalid OAuth access token."));
                       const auto media = m_media.constFind(id);
                       if (media == m_media.constEnd())
                           return QHttpServerResponse(Status::NotFound);
                       return QHttpServerResponse(media->mimeType.toUtf8(), media->data);
                   });
    // Like pps.whatsapp.net: the profile photo is public, no token needed.
    m_server.route(QStringLiteral("/sandbox-profile-photo/<arg>"), Method::Get, [this](const QString &) {
        return m_profilePhoto.data.isEmpty() ? QHttpServerResponse(Status::NotFound)
                                             : QHttpServerResponse(m_profilePhoto.mimeType.toUtf8(), m_profilePhoto.data);
    });
    m_server.route(QStringLiteral("/<arg>/<arg>/product_catalogs"), Method::Get,
                   [this](const QString &, const QString &waba, const QHttpServerRequest &request) {
                       if (!authorized(request))
                           return graphError(Status::Unauthorized, 190, QStringLiteral("Invalid OAuth access token."));
                       if (waba != m_settings.business.wabaId)
                           return graphError(Status::BadRequest, 100, QStringLiteral("Unsupported get request."));
                       return QHttpServerResponse(SandboxShop::catalogs());
                   });
    m_server.route(QStringLiteral("/<arg>/<arg>/products"), Method::Get,
                   [this](const QString &version, const QString &catalog, const QHttpServerRequest &request) {
                       if (!authorized(request))
                           return graphError(Status::Unauthorized, 190, QStringLiteral("Invalid OAuth access token."));
                       if (catalog != SandboxShop::catalogId())
                           return graphError(Status::BadRequest, 100, QStringLiteral("Unsupported get request."),
                                             QStringLiteral("Object with ID '%1' does not exist").arg(catalog));
                       const QUrlQuery query(request.url());
                       const int limit = std::min(m_settings.catalogPageSize, query.queryItemValue(QStringLiteral("limit")).toInt() > 0
                                                                                  ? query.queryItemValue(QStringLiteral("limit")).toInt()
                                                                                  : 25);
                       return QHttpServerResponse(SandboxShop::productsPage(
                           query.queryItemValue(QStringLiteral("after")).toInt(), limit,
                           baseUrl().toString() + QStringLiteral("/sandbox-catalog/"),
                           baseUrl().toString() + QStringLiteral("/%1/%2/products").arg(version, catalog)));
                   });
    // Like Meta's CDN: catalog photos are public.
    m_server.route(QStringLiteral("/sandbox-catalog/<arg>"), Method::Get, [](const QString &retailerId) {
        const QByteArray png = SandboxShop::photo(retailerId);
        return png.isEmpty() ? QHttpServerResponse(Status::NotFound) : QHttpServerResponse(QByteArrayLiteral("image/png"), png);
    });
    m_server.route(QStringLiteral("/<arg>/<arg>/uploads"), Method::Post,
                   [this](const QString &, const QString &app, const QHttpServerRequest &request) {
                       if (!authorized(request))
                           return graphError(Status::Unauthorized, 190, QStringLiteral("Invalid OAuth access token."));
                       if (app != m_settings.appId)
                           return graphError(Status::BadRequest, 100, QStringLiteral("Unsupported post request: no app %1.").arg(app));
                       return m_uploads.open(request);
                   });
    m_server.route(QStringLiteral("/<arg>/<arg>"), Method::Post,
                   [this](const QString &, const QString &uploadId, const QHttpServerRequest &request) {
                       if (!authorized(request, QByteArrayLiteral("OAuth")))
                           return graphError(Status::Unauthorized, 190, QStringLiteral("Invalid OAuth access token."));
                       return m_uploads.transfer(uploadId, request);
                   });
    m_server.route(QStringLiteral("/<arg>/<arg>"), Method::Get | Method::Delete,
                   [this](const QString &, const QString &id, const QHttpServerRequest &request) {
                       return handleGetObject(id, request);
                   });
}

bool SandboxServer::authorized(const QHttpServerRequest &request, const QByteArray &scheme) const
{
    const QByteArray given = request.value(QByteArrayLiteral("Authorization"));
    return given == scheme + ' ' + m_settings.accessToken.toUtf8()
           || (!m_settings.limitedAccessToken.isEmpty() && given == scheme + ' ' + m_settings.limitedAccessToken.toUtf8());
}

void SandboxServer::addCustomer(const QString &waId, const QString &name)
{
    m_customers.add(Customer{waId, name, {}, {}, {}, false});
}

void SandboxServer::addCustomer(const Customer &customer)
{
    m_customers.add(customer);
}

QList<SandboxServer::Customer> SandboxServer::customers() const
{
    return m_customers.all();
}

WebhookPayloads::Sender SandboxServer::senderOf(const Customer &customer) const
{
    return {customer.waId, customer.name, customer.userId, customer.username};
}

void SandboxServer::customerChangesNumber(const QString &oldWaId, const QString &newWaId)
{
    Customer *customer = m_customers.find(oldWaId);
    if (!customer)
        return;
    const WebhookPayloads::Sender before = senderOf(*customer);
    const QJsonObject system{{QStringLiteral("body"), QStringLiteral("User %1 changed from %2 to %3").arg(customer->name, oldWaId, newWaId)},
                             {QStringLiteral("wa_id"), newWaId},
                             {QStringLiteral("type"), QStringLiteral("user_changed_number")}};
    customer->waId = newWaId;
    m_dispatcher->deliver(WebhookPayloads::envelope(
        m_settings.business, {before}, {WebhookPayloads::message(newWamid(), before, m_clock.now(), QStringLiteral("system"), system)}));
}

QString SandboxServer::newWamid()
{
    ++m_counter;
    const QByteArray seed = QByteArrayLiteral("sandbox-") + QByteArray::number(m_counter) + QByteArray::number(m_clock.now().toMSecsSinceEpoch());
    return QStringLiteral("wamid.HBgM") + QString::fromLatin1(QCryptographicHash::hash(seed, QCryptographicHash::Sha1).toBase64(QByteArray::OmitTrailingEquals)).left(24);
}

QString SandboxServer::customerSends(const QString &id, const QString &type, const QJsonObject &content,
                                     const QJsonObject &referral, const QString &replyToWamid, const QDateTime &at)
{
    Customer *customer = m_customers.find(id);
    if (!customer)
        customer = &m_customers.add(Customer{id, id, {}, {}, {}, false});
    const QDateTime now = at.isValid() ? at : m_clock.now();
    customer->lastMessageAt = now;

    const QString wamid = newWamid();
    const WebhookPayloads::Sender sender = senderOf(*customer);
    QJsonObject message = WebhookPayloads::message(wamid, sender, now, type, content);
    if (!referral.isEmpty())
        message.insert(QStringLiteral("referral"), referral);
    if (!replyToWamid.isEmpty())
        message.insert(QStringLiteral("context"), QJsonObject{{QStringLiteral("from"), m_settings.business.displayNumber},
                                                             {QStringLiteral("id"), replyToWamid}});
    m_dispatcher->deliver(WebhookPayloads::envelope(m_settings.business, {sender}, {message}));
    return wamid;
}

QString SandboxServer::customerAsksAbout(const QString &id, const QString &productMessageWamid, const QString &retailerId,
                                         const QString &text)
{
    Customer *customer = m_customers.find(id);
    if (!customer)
        return {};
    customer->lastMessageAt = m_clock.now();
    const QString wamid = newWamid();
    const WebhookPayloads::Sender sender = senderOf(*customer);
    QJsonObject message = WebhookPayloads::textMessage(wamid, sender, m_clock.now(), text);
    message.insert(QStringLiteral("context"),
                   QJsonObject{{QStringLiteral("from"), m_settings.business.displayNumber},
                               {QStringLiteral("id"), productMessageWamid},
                               {QStringLiteral("referred_product"), QJsonObject{{QStringLiteral("catalog_id"), SandboxShop::catalogId()},
                                                                               {QStringLiteral("product_retailer_id"), retailerId}}}});
    m_dispatcher->deliver(WebhookPayloads::envelope(m_settings.business, {sender}, {message}));
    return wamid;
}

QString SandboxServer::customerTalksToMetaAgent(const QString &id, const QString &text, const QString &agentAnswer)
{
    Customer *customer = m_customers.find(id);
    if (!customer)
        customer = &m_customers.add(Customer{id, id, {}, {}, {}, false});
    const QDateTime now = m_clock.now();
    customer->lastMessageAt = now;
    const QString wamid = newWamid();
    const WebhookPayloads::Sender sender = senderOf(*customer);
    m_dispatcher->deliver(WebhookPayloads::standbyEnvelope(
        m_settings.business, {sender}, {WebhookPayloads::textMessage(wamid, sender, now, text)},
        {WebhookPayloads::agentReply(newWamid(), m_settings.business, sender, now.addSecs(2), agentAnswer)}));
    return wamid;
}

QString SandboxServer::addMedia(const QByteArray &data, const QString &mimeType)
{
    const QString id = QString::number(1000000000000000LL + qint64(m_media.size()) * 7919 + qint64(m_counter++));
    m_media.insert(id, Media{data, mimeType});
    return id;
}

bool SandboxServer::tooFast()
{
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    while (!m_recentSends.empty() && now - m_recentSends.front() >= 1000)
        m_recentSends.pop_front();
    if (int(m_recentSends.size()) >= m_settings.maxSendsPerSecond)
        return true;
    m_recentSends.push_back(now);
    return false;
}

QHttpServerResponse SandboxServer::handleSend(const QString &phone, const QHttpServerRequest &request)
{
    if (!authorized(request))
        return graphError(Status::Unauthorized, 190, QStringLiteral("Invalid OAuth access token."));
    if (phone != m_settings.business.phoneNumberId)
        return graphError(Status::BadRequest, 100, QStringLiteral("Unsupported post request."),
                          QStringLiteral("Object with ID '%1' does not exist").arg(phone));

    const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
    if (body.value(QLatin1String("messaging_product")).toString() != QLatin1String("whatsapp"))
        return graphError(Status::BadRequest, 100, QStringLiteral("Invalid parameter"),
                          QStringLiteral("messaging_product must be \"whatsapp\""));

    if (body.value(QLatin1String("status")).toString() == QLatin1String("read")) {
        m_receivedSends << body;
        return QHttpServerResponse(QJsonObject{{QStringLiteral("success"), true}});
    }

    // `to` (a number, in any form) wins over `recipient` (a business-scoped id) when both are there.
    const QString to = body.value(QLatin1String("to")).toString(body.value(QLatin1String("recipient")).toString());
    const QString type = body.value(QLatin1String("type")).toString(QStringLiteral("text"));
    if (to.isEmpty() || !body.value(type).isObject())
        return graphError(Status::BadRequest, 100, QStringLiteral("Invalid parameter"),
                          QStringLiteral("the message needs \"to\" or \"recipient\" and a \"%1\" object").arg(type));

    if (tooFast())
        return QHttpServerResponse(QJsonObject{{QStringLiteral("error"), QJsonObject{
            {QStringLiteral("message"), QStringLiteral("(#130429) Rate limit hit")},
            {QStringLiteral("type"), QStringLiteral("OAuthException")},
            {QStringLiteral("code"), 130429},
            {QStringLiteral("error_data"), QJsonObject{{QStringLiteral("details"), QStringLiteral("Cloud API message throughput has been reached.")}}}}}},
            Status::TooManyRequests);

    if (type == QLatin1String("interactive")) {
        if (const QString problem = SandboxShop::problemWith(body.value(QLatin1String("interactive")).toObject()); !problem.isEmpty())
            return graphError(Status::BadRequest, 131009, QStringLiteral("(#131009) Parameter value is not valid"), problem);
    }

    QString category = QStringLiteral("service"); // what Meta will say the message is charged as
    if (type == QLatin1String("template")) {
        const QJsonObject templ = body.value(QLatin1String("template")).toObject();
        const QString name = templ.value(QLatin1String("name")).toString();
        const QString language = templ.value(QLatin1String("language")).toObject().value(QLatin1String("code")).toString();
        if (const MessageTemplate *known = m_templates.approved(name, language))
            category = known->category.toLower();
        else
            return graphError(Status::BadRequest, 132001, QStringLiteral("(#132001) Template name does not exist in the translation"),
                              QStringLiteral("template name (%1) does not exist in %2").arg(name, language));
    }

    const QString wamid = newWamid();
    m_receivedSends << body;
    Q_EMIT messageAccepted(wamid, body);

    // The answer and the statuses name the customer as WhatsApp knows them: the number in its
    // own form, or the business-scoped id the business sent to.
    const Customer *customer = m_customers.find(to);
    const bool byUserId = customer && customer->userId == to;
    const QString known = !customer ? to : byUserId ? customer->userId : customer->waId;
    int failure = 0;
    if (!customer)
        failure = 131026;
    else if (category == QLatin1String("marketing") && known.endsWith(QLatin1String("49")))
        failure = 131049; // Meta holds back marketing to people who get many: played by numbers ending in 49
    else if (kFreeFormTypes.contains(type) && !m_customers.withinWindow(to, m_clock.now()))
        failure = 131047;
    scheduleStatuses(wamid, known, body.value(QLatin1String("biz_opaque_callback_data")).toString(), failure,
                     WebhookPayloads::pricing(category, m_customers.withinWindow(to, m_clock.now()), m_clock.now().date()));

    return QHttpServerResponse(QJsonObject{
        {QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
        {QStringLiteral("contacts"), QJsonArray{QJsonObject{{QStringLiteral("input"), to},
                                                            {byUserId ? QStringLiteral("user_id") : QStringLiteral("wa_id"), known}}}},
        {QStringLiteral("messages"), QJsonArray{QJsonObject{{QStringLiteral("id"), wamid}}}}});
}

void SandboxServer::scheduleStatuses(const QString &wamid, const QString &to, const QString &callbackData, int failureCode,
                                     const QJsonObject &pricing)
{
    const int step = m_settings.statusDelayMs;
    if (failureCode) {
        QTimer::singleShot(step, this, [=, this] { sendStatus(wamid, to, QStringLiteral("failed"), callbackData, failureCode); });
        return;
    }
    QTimer::singleShot(step, this, [=, this] { sendStatus(wamid, to, QStringLiteral("sent"), callbackData, 0, pricing); });
    if (!m_settings.deliveredAndRead)
        return;
    QTimer::singleShot(step * 2, this, [=, this] { sendStatus(wamid, to, QStringLiteral("delivered"), callbackData, 0, pricing); });
    QTimer::singleShot(step * 5, this, [=, this] { sendStatus(wamid, to, QStringLiteral("read"), callbackData, 0, pricing); });
}

void SandboxServer::sendStatus(const QString &wamid, const QString &to, const QString &state, const QString &callbackData,
                               int failureCode, const QJsonObject &pricing)
{
    QList<WireError> errors;
    if (failureCode) {
        WireError error;
        error.code = failureCode;
        error.title = failureCode == 131047 ? QStringLiteral("Re-engagement message")
            : failureCode == 131049       ? QStringLiteral("This message was not delivered to maintain healthy ecosystem engagement.")
                                          : QStringLiteral("Message undeliverable");
        error.message = error.title;
        error.details = failureCode == 131047
            ? QStringLiteral("Message failed to send because more than 24 hours have passed since the customer last replied to this number.")
            : failureCode == 131049
            ? QStringLiteral("In order to maintain a healthy ecosystem engagement, the message failed to be delivered.")
            : QStringLiteral("Unable to deliver the message. This recipient may not be a WhatsApp user.");
        errors << error;
    }
    m_dispatcher->deliver(WebhookPayloads::envelope(
        m_settings.business, {}, {}, {WebhookPayloads::status(wamid, to, state, m_clock.now(), callbackData, errors, pricing)}));
}

// Coexistence: the number is also in the WhatsApp Business app. Contacts come at once; the
// history in chunks out of order (the older days first, then the last day), a photo first as a
// placeholder and then with its file; or, when the owner declined on the phone, a refusal.
QHttpServerResponse SandboxServer::handleAppSync(const QString &phone, const QHttpServerRequest &request)
{
    if (!authorized(request))
        return graphError(Status::Unauthorized, 190, QStringLiteral("Invalid OAuth access token."));
    if (phone != m_settings.business.phoneNumberId)
        return graphError(Status::BadRequest, 100, QStringLiteral("Unsupported post request."));
    const QString type = QJsonDocument::fromJson(request.body()).object().value(QLatin1String("sync_type")).toString();
    if (type != QLatin1String("smb_app_state_sync") && type != QLatin1String("history"))
        return graphError(Status::BadRequest, 100, QStringLiteral("(#100) Param sync_type must be one of {SMB_APP_STATE_SYNC, HISTORY}"));
    const QDateTime now = m_clock.now();
    QList<QJsonObject> payloads;
    if (type == QLatin1String("smb_app_state_sync")) {
        QList<WebhookPayloads::AppContact> contacts;
        for (const Customer &customer : m_customers.all())
            contacts.append({customer.waId, customer.name});
        contacts.append({QStringLiteral("573105550111"), QStringLiteral("Valentina Ruiz")});
        payloads << WebhookPayloads::appContacts(m_settings.business, contacts, now);
    } else if (m_settings.declineHistory) {
        payloads << WebhookPayloads::historyDeclined(m_settings.business);
    } else {
        const QList<Customer> customers = m_customers.all();
        const auto sender = [](const Customer &customer) { return WebhookPayloads::Sender{customer.waId, customer.name}; };
        QList<WebhookPayloads::HistoryThread> older;
        QList<WebhookPayloads::HistoryThread> recent;
        for (qsizetype i = 0; i < std::min<qsizetype>(customers.size(), 3); ++i) {
            const Customer &customer = customers.at(i);
            const QDateTime weeks = now.addDays(-40 - i * 7);
            older.append({customer.waId,
                          {WebhookPayloads::textMessage(QStringLiteral("wamid.history.%1.1").arg(i), sender(customer), weeks,
                                                        QStringLiteral("Hola, ¿tenéis envíos a domicilio?")),
                           WebhookPayloads::agentReply(QStringLiteral("wamid.history.%1.2").arg(i), m_settings.business, sender(customer),
                                                       weeks.addSecs(420), QStringLiteral("¡Hola! Sí, de lunes a sábado."))},
                          {QStringLiteral("read"), QStringLiteral("read")}});
        }
        if (!customers.isEmpty()) {
            const Customer &first = customers.first();
            const QDateTime yesterday = now.addSecs(-20 * 3600);
            recent.append({first.waId,
                           {WebhookPayloads::message(QStringLiteral("wamid.history.photo"), sender(first), yesterday,
                                                     QStringLiteral("media_placeholder"), {})},
                           {QStringLiteral("delivered")}});
            const QString photo = addMedia(QByteArray(2048, '\x33'), QStringLiteral("image/jpeg"));
            payloads << WebhookPayloads::historyChunk(m_settings.business, 1, 2, 60, older)
                     << WebhookPayloads::historyChunk(m_settings.business, 0, 1, 90, recent)
                     << WebhookPayloads::historyChunk(m_settings.business, 0, 2, 100, {{first.waId,
                        {WebhookPayloads::message(QStringLiteral("wamid.history.photo"), sender(first), yesterday, QStringLiteral("image"),
                                                  {{QStringLiteral("id"), photo}, {QStringLiteral("mime_type"), QStringLiteral("image/jpeg")},
                                                   {QStringLiteral("caption"), QStringLiteral("La lámpara que vi")}})}, {}}});
        }
    }
    // A moment later, as Meta does, each in its own webhook.
    int delay = 300;
    for (const QJsonObject &payload : std::as_const(payloads)) {
        QTimer::singleShot(delay, this, [this, payload] { m_dispatcher->deliver(payload); });
        delay += 400;
    }
    return QHttpServerResponse(QJsonObject{{QStringLiteral("request_id"), QUuid::createUuid().toString(QUuid::WithoutBraces)}});
}

// POST blocks and DELETE unblocks, per user; blocking only those who wrote in the last 24 hours.
QHttpServerResponse SandboxServer::handleBlock(const QString &phone, const QHttpServerRequest &request)
{
    if (!authorized(request))
        return graphError(Status::Unauthorized, 190, QStringLiteral("Invalid OAuth access token."));
    if (phone != m_settings.business.phoneNumberId)
        return graphError(Status::BadRequest, 100, QStringLiteral("Unsupported post request."));
    const bool blocking = request.method() == QHttpServerRequest::Method::Post;
    const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
    QJsonArray done;
    QJsonArray failed;
    for (const QJsonValue &value : body.value(QLatin1String("block_users")).toArray()) {
        const QString user = value.toObject().value(QLatin1String("user")).toString();
        Customer *customer = m_customers.find(user);
        if (!customer || (blocking && !m_customers.withinWindow(user, m_clock.now()))) {
            failed.append(QJsonObject{{QStringLiteral("input"), user},
                                      {QStringLiteral("errors"), QJsonArray{QJsonObject{
                                          {QStringLiteral("code"), 139102},
                                          {QStringLiteral("message"), QStringLiteral("Blocking is not allowed")},
                                          {QStringLiteral("error_data"), QJsonObject{{QStringLiteral("details"),
                                              QStringLiteral("The user has not messaged the business in the last 24 hours.")}}}}}}});
            continue;
        }
        customer->blocked = blocking;
        done.append(QJsonObject{{QStringLiteral("input"), user},
                                {customer->waId.isEmpty() ? QStringLiteral("user_id") : QStringLiteral("wa_id"),
                                 customer->waId.isEmpty() ? customer->userId : customer->waId}});
    }
    m_receivedSends << body;
    if (!failed.isEmpty())
        return QHttpServerResponse(QJsonObject{{QStringLiteral("error"), QJsonObject{
            {QStringLiteral("message"), QStringLiteral("(#139100) Failed to block/unblock users")},
            {QStringLiteral("type"), QStringLiteral("OAuthException")},
            {QStringLiteral("code"), 139100},
            {QStringLiteral("error_data"), QJsonObject{{QStringLiteral("details"), QStringLiteral("Failed to block some users")}}}}},
            {QStringLiteral("block_users"), QJsonObject{{QStringLiteral("failed_users"), failed}}}}, Status::BadRequest);
    return QHttpServerResponse(QJsonObject{
        {QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
        {QStringLiteral("block_users"), QJsonObject{{blocking ? QStringLiteral("added_users") : QStringLiteral("removed_users"), done}}}});
}

QHttpServerResponse SandboxServer::handleUpload(const QString &phone, const QHttpServerRequest &request)
{
    if (!authorized(request))
        return graphError(Status::Unauthorized, 190, QStringLiteral("Invalid OAuth access token."));
    if (phone != m_settings.business.phoneNumberId)
        return graphError(Status::BadRequest, 100, QStringLiteral("Unsupported post request."));
    const QList<FormPart> parts = parseMultipart(request.value(QByteArrayLiteral("Content-Type")), request.body());
    const FormPart *file = nullptr;
    QString product;
    QString type;
    for (const FormPart &part : parts) {
        if (part.name == QLatin1String("file"))
            file = &part;
        else if (part.name == QLatin1String("messaging_product"))
            product = QString::fromUtf8(part.data);
        else if (part.name == QLatin1String("type"))
            type = QString::fromUtf8(part.data);
    }
    if (!file || product != QLatin1String("whatsapp") || type.isEmpty())
        return graphError(Status::BadRequest, 100, QStringLiteral("Invalid parameter"),
                          QStringLiteral("the upload needs file, type and messaging_product=whatsapp"));
    if (type.startsWith(QLatin1String("image/")) && file->data.size() > 5 * 1024 * 1024)
        return graphError(Status::BadRequest, 131053, QStringLiteral("Media upload error"),
                          QStringLiteral("images may be up to 5 MB"));
    return QHttpServerResponse(QJsonObject{{QStringLiteral("id"), addMedia(file->data, type)}});
}

QHttpServerResponse SandboxServer::handleGetObject(const QString &id, const QHttpServerRequest &request)
{
    if (id.startsWith(QLatin1String("upload:")))
        return authorized(request, QByteArrayLiteral("OAuth")) ? m_uploads.offset(id)
                                                              : graphError(Status::Unauthorized, 190, QStringLiteral("Invalid OAuth access token."));
    if (!authorized(request))
        return graphError(Status::Unauthorized, 190, QStringLiteral("Invalid OAuth access token."));
    if (id == m_settings.business.phoneNumberId)
        return QHttpServerResponse(SandboxCatalog::phoneNumber(m_settings.business));
    const auto media = m_media.constFind(id);
    if (media == m_media.constEnd())
        return graphError(Status::NotFound, 100, QStringLiteral("Unsupported get request."),
                          QStringLiteral("Object with ID '%1' does not exist").arg(id));
    if (request.method() == QHttpServerRequest::Method::Delete) {
        m_media.remove(id);
        return QHttpServerResponse(QJsonObject{{QStringLiteral("success"), true}});
    }
    return QHttpServerResponse(QJsonObject{
        {QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
        {QStringLiteral("url"), QString(baseUrl().toString() + QStringLiteral("/sandbox-media/") + id)},
        {QStringLiteral("mime_type"), media->mimeType},
        {QStringLiteral("sha256"), QString::fromLatin1(QCryptographicHash::hash(media->data, QCryptographicHash::Sha256).toHex())},
        {QStringLiteral("file_size"), qint64(media->data.size())},
        {QStringLiteral("id"), id}});
}

QHttpServerResponse SandboxServer::handleProfile(const QString &phone, const QHttpServerRequest &request)
{
    if (!authorized(request))
        return graphError(Status::Unauthorized, 190, QStringLiteral("Invalid OAuth access token."));
    if (phone != m_settings.business.phoneNumberId)
        return graphError(Status::BadRequest, 100, QStringLiteral("Unsupported request."));
    if (request.method() == QHttpServerRequest::Method::Get)
        return QHttpServerResponse(SandboxCatalog::profileJson(m_profile));

    const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
    const QString about = body.value(QLatin1String("about")).toString(m_profile.about);
    if (about.isEmpty() || about.size() > 139)
        return graphError(Status::BadRequest, 100, QStringLiteral("Invalid parameter"),
                          QStringLiteral("about must have 1 to 139 characters"));
    m_profile.about = about;
    m_profile.address = body.value(QLatin1String("address")).toString(m_profile.address);
    m_profile.description = body.value(QLatin1String("description")).toString(m_profile.description);
    m_profile.email = body.value(QLatin1String("email")).toString(m_profile.email);
    m_profile.vertical = body.value(QLatin1String("vertical")).toString(m_profile.vertical);
    if (const QString handle = body.value(QLatin1String("profile_picture_handle")).toString(); !handle.isEmpty()) {
        const auto photo = m_uploads.fileFor(handle);
        if (!photo)
            return graphError(Status::BadRequest, 100, QStringLiteral("Invalid parameter"), QStringLiteral("profile_picture_handle is not a finished upload"));
        m_profilePhoto = *photo;
        m_profile.profilePictureUrl = baseUrl().toString() + QStringLiteral("/sandbox-profile-photo/") + QString::number(++m_counter);
    }
    if (body.contains(QLatin1String("websites"))) {
        m_profile.websites.clear();
        for (const QJsonValue &site : body.value(QLatin1String("websites")).toArray())
            m_profile.websites << site.toString();
    }
    return QHttpServerResponse(QJsonObject{{QStringLiteral("success"), true}});
}

QHttpServerResponse SandboxServer::handleTemplates(const QString &waba, const QHttpServerRequest &request)
{
    if (!authorized(request))
        return graphError(Status::Unauthorized, 190, QStringLiteral("Invalid OAuth access token."));
    if (!m_settings.limitedAccessToken.isEmpty()
        && request.value(QByteArrayLiteral("Authorization")) == "Bearer " + m_settings.limitedAccessToken.toUtf8())
        return graphError(Status::Forbidden, 200, QStringLiteral("(#200) Permissions error"));
    if (waba != m_settings.business.wabaId)
        return graphError(Status::BadRequest, 100, QStringLiteral("Unsupported request."));
    const QUrlQuery query = request.query();
    if (request.method() == QHttpServerRequest::Method::Post)
        return createTemplate(request);
    if (request.method() == QHttpServerRequest::Method::Delete) {
        const QString name = query.queryItemValue(QStringLiteral("name"));
        if (!m_templates.remove(name, m_clock.now()))
            return graphError(Status::BadRequest, 100, QStringLiteral("Invalid parameter"),
                              QStringLiteral("Message template \"%1\" not found").arg(name));
        return QHttpServerResponse(QJsonObject{{QStringLiteral("success"), true}});
    }
    const int asked = query.queryItemValue(QStringLiteral("limit")).toInt();
    const int limit = asked > 0 ? asked : 25;
    const int start = query.queryItemValue(QStringLiteral("after")).toInt();
    return QHttpServerResponse(SandboxCatalog::templatesPage(m_templates.all(), start, limit));
}

// Meta answers at once with PENDING; its review comes a moment later by webhook.
QHttpServerResponse SandboxServer::createTemplate(const QHttpServerRequest &request)
{
    const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
    const auto created = m_templates.create(body, m_clock.now());
    if (const auto *refusal = std::get_if<SandboxTemplates::Refusal>(&created)) {
        QJsonObject error{{QStringLiteral("message"), QStringLiteral("Invalid parameter")},
                          {QStringLiteral("type"), QStringLiteral("OAuthException")},
                          {QStringLiteral("code"), 100},
                          {QStringLiteral("error_subcode"), refusal->subcode},
                          {QStringLiteral("is_transient"), false},
                          {QStringLiteral("error_user_title"), refusal->title},
                          {QStringLiteral("error_user_msg"), refusal->userMessage},
                          {QStringLiteral("fbtrace_id"), QStringLiteral("SandboxTrace")}};
        return QHttpServerResponse(QJsonObject{{QStringLiteral("error"), error}}, Status::BadRequest);
    }
    const MessageTemplate templ = std::get<MessageTemplate>(created);
    QTimer::singleShot(m_settings.statusDelayMs * 3, this, [this, templ] { sendTemplateReview(templ); });
    return QHttpServerResponse(QJsonObject{{QStringLiteral("id"), templ.id},
                                           {QStringLiteral("status"), templ.status},
                                           {QStringLiteral("category"), templ.category}});
}

void SandboxServer::recategoriseTemplate(const QString &name, const QString &language, const QString &category)
{
    if (const auto before = m_templates.recategorise(name, language, category))
        m_dispatcher->deliver(WebhookPayloads::templateCategory(m_settings.business, *before, before->category, category, m_clock.now()));
}

void SandboxServer::sendTemplateReview(const MessageTemplate &created)
{
    const SandboxTemplates::Decision decision = m_templates.review(created.id);
    if (decision.status.isEmpty())
        return; // deleted meanwhile
    m_dispatcher->deliver(WebhookPayloads::templateStatus(m_settings.business, created, decision.status, decision.reason, m_clock.now()));
    if (!decision.category.isEmpty())
        m_dispatcher->deliver(WebhookPayloads::templateCategory(m_settings.business, created, created.category, decision.category,
                                                                m_clock.now()));
}

} // namespace Mostrador
