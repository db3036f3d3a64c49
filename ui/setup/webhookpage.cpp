#include "webhookpage.h"

#include "webhook/webhookreceiver.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkInterface>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTime>
#include <QVBoxLayout>

namespace Mostrador {

WebhookPage::WebhookPage(WebhookIngestor &ingestor, const ConnectionSettings &current, QWidget *parent)
    : QWizardPage(parent)
    , m_ingestor(ingestor)
{
    setObjectName(QStringLiteral("webhookPage"));
    setTitle(tr("Where Meta sends your messages"));
    setSubTitle(tr("WhatsApp delivers customers' messages to an address on the internet (a \"webhook\"). "
                   "Choose which machine receives them."));

    m_here = new QRadioButton(tr("This computer, while Mostrador is open"), this);
    m_here->setObjectName(QStringLiteral("receiveHere"));
    m_server = new QRadioButton(tr("mostrador-server on an always-on machine (recommended for a shop that closes this PC at night)"), this);
    m_server->setObjectName(QStringLiteral("receiveOnServer"));
    (current.receiveHere ? m_here : m_server)->setChecked(true);
    connect(m_here, &QRadioButton::toggled, this, &WebhookPage::updateChoice);

    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("port"));
    m_port->setRange(1024, 65535);
    m_port->setValue(current.receiverPort);
    m_verifyToken = new QLineEdit(this);
    m_verifyToken->setObjectName(QStringLiteral("verifyToken"));
    m_verifyToken->setReadOnly(false);
    m_start = new QPushButton(tr("Start receiving"), this);
    m_start->setObjectName(QStringLiteral("startReceiver"));
    connect(m_start, &QPushButton::clicked, this, &WebhookPage::startReceiver);
    m_callback = new QLabel(this);
    m_callback->setObjectName(QStringLiteral("callbackUrl"));
    m_callback->setWordWrap(true);
    m_callback->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_verification = new QLabel(tr("Meta's verification request: not yet."), this);
    m_verification->setObjectName(QStringLiteral("verificationStatus"));
    m_verification->setWordWrap(true);
    m_events = new QLabel(tr("Signed events: none yet."), this);
    m_events->setObjectName(QStringLiteral("eventStatus"));
    m_events->setWordWrap(true);
    m_serverHelp = new QLabel(this);
    m_serverHelp->setObjectName(QStringLiteral("serverHelp"));
    m_serverHelp->setWordWrap(true);
    m_serverHelp->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_serverHelp->setText(tr("Install Mostrador on the always-on machine, put the same values in /etc/mostrador/mostrador.env "
                             "(see /usr/share/doc/mostrador/mostrador.env.example; secrets can live in files named by *_FILE) and start it "
                             "with: systemctl enable --now mostrador-server. Then paste its https address ending in /webhook and "
                             "this verify token into Meta's dashboard. To see its messages here: on the same machine, open its "
                             "database with mostrador --db; from other computers, use team mode, where the service and every "
                             "desktop share one PostgreSQL database (mostrador --db postgres://…, see the guide's team section)."));

    auto *form = new QFormLayout;
    form->addRow(tr("Port on this computer:"), m_port);
    form->addRow(tr("Verify token:"), m_verifyToken);
    auto *steps = new QLabel(tr("Then, in Meta's dashboard (WhatsApp ▸ Configuration ▸ Webhook ▸ Edit): paste the callback URL and the "
                                "verify token, press Verify and save, and subscribe to the \"messages\" field. Meta only calls "
                                "https addresses on the internet: expose this port with a tunnel (for example cloudflared tunnel "
                                "--url http://localhost:PORT) or your router, and paste that address followed by /webhook."),
                             this);
    steps->setWordWrap(true);
    steps->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_here);
    layout->addLayout(form);
    layout->addWidget(m_start, 0, Qt::AlignLeft);
    layout->addWidget(m_callback);
    layout->addWidget(steps);
    layout->addWidget(m_verification);
    layout->addWidget(m_events);
    layout->addSpacing(8);
    layout->addWidget(m_server);
    layout->addWidget(m_serverHelp);
    layout->addStretch();
    updateChoice();
}

WebhookPage::~WebhookPage() = default;

void WebhookPage::setSecrets(const QByteArray &appSecret, const QString &verifyToken)
{
    m_appSecret = appSecret;
    if (m_verifyToken->text().isEmpty())
        m_verifyToken->setText(verifyToken.isEmpty() ? ConnectionSecrets::proposeVerifyToken() : verifyToken);
}

void WebhookPage::initializePage()
{
    updateChoice();
}

void WebhookPage::cleanupPage()
{
    stopReceiver();
}

bool WebhookPage::receiveHere() const
{
    return m_here->isChecked();
}

quint16 WebhookPage::port() const
{
    return m_receiver ? m_receiver->port() : quint16(m_port->value());
}

QString WebhookPage::verifyToken() const
{
    return m_verifyToken->text().trimmed();
}

void WebhookPage::stopReceiver()
{
    m_receiver.reset();
    m_start->setEnabled(receiveHere());
}

QString WebhookPage::callbackUrls() const
{
    QStringList urls;
    for (const QHostAddress &address : QNetworkInterface::allAddresses()) {
        if (address.protocol() == QAbstractSocket::IPv4Protocol)
            urls << QStringLiteral("http://%1:%2/webhook").arg(address.toString()).arg(port());
    }
    return urls.join(QStringLiteral("\n"));
}

void WebhookPage::startReceiver()
{
    stopReceiver();
    m_receiver = std::make_unique<WebhookReceiver>(WebhookReceiver::Settings::forShop(m_appSecret, verifyToken()), m_ingestor);
    if (!m_receiver->listen(QHostAddress::Any, quint16(m_port->value()))) {
        m_receiver.reset();
        m_callback->setText(QStringLiteral("⚠ ") + tr("Port %1 is in use by another program. Choose another port.").arg(m_port->value()));
        return;
    }
    m_start->setEnabled(false);
    m_callback->setText(tr("Receiving. Callback URL on this network:\n%1").arg(callbackUrls()));
    connect(m_receiver.get(), &WebhookReceiver::verificationRequested, this, [this](bool accepted) {
        const QString at = QTime::currentTime().toString(QStringLiteral("HH:mm:ss"));
        m_verification->setText(accepted ? tr("✓ Meta's verification request arrived at %1 and was accepted.").arg(at)
                                         : tr("⚠ A verification request arrived at %1 with another verify token and was refused: "
                                              "paste exactly the one above.").arg(at));
        Q_EMIT verificationArrived(accepted);
    });
    connect(m_receiver.get(), &WebhookReceiver::batchStored, this, [this](int messages, int statuses) {
        m_eventCount += messages + statuses;
        m_events->setText(tr("✓ Signed events are flowing: %n received, the last at %1.", nullptr, m_eventCount)
                              .arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss"))));
        Q_EMIT eventsArrived(m_eventCount);
    });
    connect(m_receiver.get(), &WebhookReceiver::requestRejected, this, [this] {
        if (m_receiver && m_receiver->counters().badSignature > 0)
            m_events->setText(QStringLiteral("⚠ ") + tr("An event arrived with a signature that does not match the app secret. "
                                                        "Check the app secret on the previous page."));
    });
}

void WebhookPage::updateChoice()
{
    const bool here = receiveHere();
    for (QWidget *widget : {static_cast<QWidget *>(m_port), static_cast<QWidget *>(m_start), static_cast<QWidget *>(m_callback),
                            static_cast<QWidget *>(m_verification), static_cast<QWidget *>(m_events)})
        widget->setEnabled(here);
    m_serverHelp->setEnabled(!here);
    if (!here)
        stopReceiver();
}

} // namespace Mostrador
