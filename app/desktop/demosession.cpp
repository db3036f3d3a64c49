#include "demosession.h"

#include "api/cloudapiclient.h"
#include "common/clock.h"
#include "outbox/outbox.h"
#include "sandbox/sandboxserver.h"
#include "sandbox/simulatedcustomers.h"
#include "store/database.h"
#include "store/webhookingestor.h"
#include "webhook/webhookreceiver.h"

#include <QUuid>

namespace Mostrador {

namespace {

// Messages played at once so the demo opens on a shop that is already busy.
constexpr int kOpeningMessages = 14;
constexpr double kMessagesPerMinute = 4;

} // namespace

DemoSession::DemoSession(QObject *parent)
    : QObject(parent)
    , m_clock(std::make_unique<SystemClock>())
{
}

DemoSession::~DemoSession() = default;

const Clock &DemoSession::clock() const
{
    return *m_clock;
}

quint16 DemoSession::sandboxPort() const
{
    return m_sandbox ? m_sandbox->port() : 0;
}

bool DemoSession::start(QString *error)
{
    if (!m_directory.isValid()) {
        *error = tr("The demo could not create its temporary folder: %1").arg(m_directory.errorString());
        return false;
    }
    StoreError storeError;
    m_database = Database::open(StoreLocation::parse(m_directory.filePath(QStringLiteral("demo.db"))), &storeError);
    if (!m_database) {
        *error = storeError.userMessage;
        return false;
    }
    m_ingestor = std::make_unique<WebhookIngestor>(*m_database);

    // Fresh secrets each run: the demo signs and checks webhooks exactly like a real number.
    const QByteArray secret = QUuid::createUuid().toByteArray(QUuid::Id128);
    const QString token = QUuid::createUuid().toString(QUuid::Id128);

    WebhookReceiver::Settings receiverSettings;
    receiverSettings.appSecret = secret;
    receiverSettings.verifyToken = QUuid::createUuid().toString(QUuid::Id128);
    m_receiver = std::make_unique<WebhookReceiver>(receiverSettings, *m_ingestor);
    const quint16 receiverPort = m_receiver->listen(QHostAddress::LocalHost, 0);

    SandboxServer::Settings sandboxSettings;
    sandboxSettings.appSecret = secret;
    sandboxSettings.accessToken = token;
    sandboxSettings.webhookUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/webhook").arg(receiverPort));
    m_sandbox = std::make_unique<SandboxServer>(sandboxSettings, *m_clock);
    if (!receiverPort || !m_sandbox->listen(QHostAddress::LocalHost, 0)) {
        *error = tr("The demo could not open its local ports on 127.0.0.1.");
        return false;
    }

    ApiConfig config;
    config.baseUrl = m_sandbox->baseUrl();
    config.apiVersion = sandboxSettings.apiVersion;
    config.accessToken = token;
    config.phoneNumberId = sandboxSettings.business.phoneNumberId;
    config.wabaId = sandboxSettings.business.wabaId;
    m_client = std::make_unique<CloudApiClient>(config);
    m_outbox = std::make_unique<Outbox>(*m_database, *m_client, *m_clock);

    m_customers = std::make_unique<SimulatedCustomers>(*m_sandbox);
    for (int i = 0; i < kOpeningMessages; ++i)
        m_customers->sendNext();
    m_customers->setPace(kMessagesPerMinute);
    m_customers->start();
    return true;
}

} // namespace Mostrador
