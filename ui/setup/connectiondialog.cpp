#include "connectiondialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QTime>
#include <QVBoxLayout>

namespace Mostrador {

namespace {

QLabel *wrapped(const QString &text, const char *name, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(QLatin1String(name));
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

ConnectionDialog::ConnectionDialog(const ConnectionSettings &settings, CloudApiClient &client, const Receiving &receiving,
                                   QWidget *parent)
    : QDialog(parent)
    , m_client(client)
{
    setObjectName(QStringLiteral("connectionDialog"));
    setWindowTitle(tr("Connection"));
    m_api = wrapped(tr("Asking Meta…"), "apiStatus", this);
    QString arrive;
    if (!settings.receiveHere)
        arrive = tr("mostrador-server receives them (this computer shows what it stores when both use the same database).");
    else if (receiving.port == 0)
        arrive = tr("This computer should receive them on port %1, but the receiver is not running (is the port in use?).")
                     .arg(settings.receiverPort);
    else
        arrive = tr("This computer, port %1. Last message or status from Meta: %2.")
                     .arg(receiving.port)
                     .arg(receiving.lastWebhookAt.isValid() ? QLocale().toString(receiving.lastWebhookAt.toLocalTime(), QLocale::ShortFormat)
                                                            : tr("none since Mostrador started"));
    const QString secrets = settings.secretsIn == ConnectionSettings::SecretsIn::Keychain
                                ? tr("In this computer's keychain.")
                                : tr("In a file only your user can read (chosen because the keychain was not available).");

    auto *form = new QFormLayout;
    form->addRow(tr("Number:"), wrapped(tr("phone number ID %1 · WhatsApp Business Account %2").arg(settings.phoneNumberId, settings.wabaId),
                                        "number", this));
    form->addRow(tr("Meta's API:"), m_api);
    form->addRow(tr("Messages arrive at:"), wrapped(arrive, "receiving", this));
    form->addRow(tr("Access token and app secret:"), wrapped(secrets, "secretsIn", this));
    form->addRow(tr("Token expiry:"), wrapped(tr("Permanent system-user tokens do not expire by date; if Meta stops accepting "
                                                 "the token, Mostrador says so at once and stops sending."),
                                              "tokenExpiry", this));
    // Coexistence: the same number in the WhatsApp Business app on the owner's phone.
    m_appSync = wrapped(tr("Not asked. If this number is also in the WhatsApp Business app, Meta can bring its contacts and "
                           "up to 180 days of its chats, once."), "appSync", this);
    m_askAppSync = new QPushButton(tr("Bring history and contacts…"), this);
    m_askAppSync->setObjectName(QStringLiteral("askAppSync"));
    connect(m_askAppSync, &QPushButton::clicked, this, &ConnectionDialog::appSyncRequested);
    auto *appSyncRow = new QVBoxLayout;
    appSyncRow->addWidget(m_appSync);
    appSyncRow->addWidget(m_askAppSync, 0, Qt::AlignLeft);
    form->addRow(tr("WhatsApp Business app:"), appSyncRow);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *again = buttons->addButton(tr("Check again"), QDialogButtonBox::ActionRole);
    again->setObjectName(QStringLiteral("checkAgain"));
    connect(again, &QPushButton::clicked, this, &ConnectionDialog::checkApi);
    QPushButton *setup = buttons->addButton(tr("Set up again…"), QDialogButtonBox::ActionRole);
    setup->setObjectName(QStringLiteral("setupAgain"));
    connect(setup, &QPushButton::clicked, this, [this] {
        Q_EMIT setupRequested();
        accept();
    });
    QPushButton *disconnectNumber = buttons->addButton(tr("Disconnect"), QDialogButtonBox::DestructiveRole);
    disconnectNumber->setObjectName(QStringLiteral("disconnect"));
    connect(disconnectNumber, &QPushButton::clicked, this, [this] {
        Q_EMIT disconnectRequested();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch();
    layout->addWidget(buttons);
    resize(640, 360);
    checkApi();
}

ConnectionDialog::~ConnectionDialog() = default;

void ConnectionDialog::setAppSync(const QString &status, bool canAsk)
{
    if (!status.isEmpty())
        m_appSync->setText(status);
    m_askAppSync->setEnabled(canAsk);
}

void ConnectionDialog::checkApi()
{
    m_api->setText(tr("Asking Meta…"));
    m_check = std::make_unique<ConnectionCheck>(m_client);
    connect(m_check.get(), &ConnectionCheck::finished, this, [this](const ConnectionCheck::Result &result) {
        const QString at = QTime::currentTime().toString(QStringLiteral("HH:mm"));
        m_api->setText(result.ok ? tr("✓ Answers (checked at %1): %2, %3, quality %4.")
                                       .arg(at, result.phone.verifiedName, result.phone.displayPhoneNumber, result.phone.qualityRating)
                                 : QStringLiteral("⚠ ") + result.problem);
        Q_EMIT apiChecked(result.ok);
    });
    m_check->start();
}

} // namespace Mostrador
