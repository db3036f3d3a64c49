#include "connectioncontroller.h"

#include "apphistorysync.h"

#include "api/cloudapiclient.h"
#include "connection/credentialvault.h"
#include "mainwindow/mainwindow.h"
#include "outbox/outbox.h"
#include "setup/connectiondialog.h"
#include "setup/setupwizard.h"
#include "services/shopservices.h"
#include "webhook/webhookreceiver.h"

#include <QMessageBox>

namespace Mostrador {

ConnectionController::ConnectionController(ShopServices &shop, MainWindow &window, CredentialVault &vault, QObject *parent)
    : QObject(parent)
    , m_shop(shop)
    , m_window(window)
    , m_vault(vault)
{
    connect(&window, &MainWindow::connectionRequested, this, [this] {
        if (m_connected)
            showStatus();
        else
            runSetup();
    });
}

ConnectionController::~ConnectionController() = default;

bool ConnectionController::resume(QString *problem)
{
    const ConnectionSettings settings = ConnectionSettings::load();
    if (!settings.isConfigured())
        return true;
    QString why;
    const auto secrets = m_vault.load(settings.secretsIn, &why);
    if (!secrets) {
        m_problem = tr("Could not read the access token: %1 (Shop ▸ Connection to WhatsApp to fix it.)").arg(why);
        *problem = m_problem;
        return false;
    }
    return apply(settings, *secrets, problem);
}

bool ConnectionController::apply(const ConnectionSettings &settings, const ConnectionSecrets &secrets, QString *problem)
{
    m_settings = settings;
    ApiConfig config = settings.apiConfig(secrets.accessToken);
    if (settings.graphUrl.isEmpty() && qEnvironmentVariableIsSet("MOSTRADOR_GRAPH_URL"))
        config.setGraphUrl(qEnvironmentVariable("MOSTRADOR_GRAPH_URL")); // a sandbox, for trying things out
    m_shop.client().setConfig(config);
    m_connected = true;
    m_problem.clear();
    m_receiver.reset();
    if (settings.receiveHere) {
        m_receiver = std::make_unique<WebhookReceiver>(WebhookReceiver::Settings::forShop(secrets.appSecret, secrets.verifyToken),
                                                       m_shop.ingestor());
        if (!m_receiver->listen(QHostAddress::Any, settings.receiverPort)) {
            m_receiver.reset();
            m_problem = tr("Port %1 is in use by another program, so messages cannot arrive here. Close it, or choose another "
                           "port in Shop ▸ Connection ▸ Set up again.")
                            .arg(settings.receiverPort);
        }
    }
    m_shop.outbox().pump(); // what was written while not connected goes now
    Q_EMIT changed();
    if (!m_problem.isEmpty()) {
        *problem = m_problem;
        return false;
    }
    return true;
}

bool ConnectionController::isReceiving() const
{
    return m_receiver != nullptr;
}

QString ConnectionController::description() const
{
    if (!m_problem.isEmpty())
        return m_problem;
    if (!m_connected)
        return tr("Not connected to WhatsApp yet (Shop ▸ Connection to WhatsApp).");
    return m_receiver ? tr("Connected: receiving messages on port %1.").arg(m_receiver->port())
                      : tr("Connected: mostrador-server receives the messages.");
}

QDialog *ConnectionController::runSetup()
{
    QString ignored;
    const ConnectionSettings current = ConnectionSettings::load();
    const ConnectionSecrets secrets = current.isConfigured() ? m_vault.load(current.secretsIn, &ignored).value_or(ConnectionSecrets{})
                                                            : ConnectionSecrets{};
    m_receiver.reset(); // the wizard may need the port while it shows Meta's verification
    auto *wizard = new SetupWizard(m_shop.ingestor(), m_vault, current, secrets, &m_window);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &QDialog::finished, this, [this, wizard](int result) {
        QString problem;
        if (result == QDialog::Accepted)
            apply(wizard->settings(), wizard->secrets(), &problem);
        else if (m_connected)
            resume(&problem); // back to what was there
    });
    wizard->open();
    return wizard;
}

QDialog *ConnectionController::showStatus()
{
    ConnectionDialog::Receiving receiving;
    if (m_receiver) {
        receiving.port = m_receiver->port();
        receiving.lastWebhookAt = m_receiver->lastAcceptedAt();
    }
    auto *dialog = new ConnectionDialog(m_settings, m_shop.client(), receiving, &m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ConnectionDialog::setupRequested, this, &ConnectionController::runSetup);
    if (m_appSync) {
        dialog->setAppSync(m_appSync->status(), !m_appSync->wasRequested());
        connect(dialog, &ConnectionDialog::appSyncRequested, this, [this, dialog] {
            m_appSync->askAndRequest();
            dialog->setAppSync(m_appSync->status(), !m_appSync->wasRequested());
        });
    }
    connect(dialog, &ConnectionDialog::disconnectRequested, this, [this] {
        if (QMessageBox::question(&m_window, tr("Disconnect"),
                                  tr("Forget this number's access token and stop receiving messages here? The history stays.")) ==
            QMessageBox::Yes)
            disconnectNumber();
    });
    dialog->open();
    return dialog;
}

void ConnectionController::disconnectNumber()
{
    m_vault.forget();
    ConnectionSettings{}.save();
    m_settings = {};
    m_receiver.reset();
    m_connected = false;
    m_shop.client().setConfig(ApiConfig{});
    Q_EMIT changed();
}

} // namespace Mostrador
