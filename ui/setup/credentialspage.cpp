#include "credentialspage.h"

#include "api/cloudapiclient.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Mostrador {

CredentialsPage::CredentialsPage(const ConnectionSettings &current, const ConnectionSecrets &secrets, QWidget *parent)
    : QWizardPage(parent)
    , m_base(current)
{
    setObjectName(QStringLiteral("credentialsPage"));
    setTitle(tr("Your number's details from Meta"));
    setSubTitle(tr("Open developers.facebook.com ▸ My apps ▸ your app ▸ WhatsApp ▸ API Setup. Copy each value below, "
                   "then press Check with Meta."));

    m_form = new QFormLayout;
    m_check = new QPushButton(tr("Check with Meta"), this);
    m_check->setObjectName(QStringLiteral("checkButton"));
    connect(m_check, &QPushButton::clicked, this, &CredentialsPage::check);
    m_resultLabel = new QLabel(this);
    m_resultLabel->setObjectName(QStringLiteral("checkResult"));
    m_resultLabel->setWordWrap(true);
    m_resultLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_phoneNumberId = addField(tr("Phone number ID:"), tr("In API Setup, under the number you send from (a long number, not the phone number)."),
                               "phoneNumberId", false);
    m_wabaId = addField(tr("WhatsApp Business Account ID:"), tr("In API Setup, just below the phone number ID."), "wabaId", false);
    m_accessToken = addField(tr("Permanent access token:"),
                             tr("Business settings ▸ Users ▸ System users ▸ your system user ▸ Generate token, with "
                                "whatsapp_business_messaging and whatsapp_business_management. The temporary token of API Setup "
                                "stops working after 24 hours."),
                             "accessToken", true);
    m_appSecret = addField(tr("App secret:"), tr("App settings ▸ Basic ▸ App secret (press Show). Mostrador uses it to check that "
                                                 "messages really come from Meta."),
                           "appSecret", true);
    m_appId = addField(tr("App ID (optional):"), tr("At the top of App settings ▸ Basic. Only needed to change the profile photo."),
                       "appId", false);
    m_phoneNumberId->setText(current.phoneNumberId);
    m_wabaId->setText(current.wabaId);
    m_appId->setText(current.appId);
    m_accessToken->setText(secrets.accessToken);
    m_appSecret->setText(QString::fromUtf8(secrets.appSecret));


    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(m_check, 0, Qt::AlignLeft);
    layout->addWidget(m_resultLabel);
    layout->addStretch();
}

CredentialsPage::~CredentialsPage() = default;

QLineEdit *CredentialsPage::addField(const QString &label, const QString &where, const char *name, bool secret)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(QLatin1String(name));
    edit->setAccessibleName(label);
    edit->setAccessibleDescription(where);
    if (secret)
        edit->setEchoMode(QLineEdit::PasswordEchoOnEdit);
    connect(edit, &QLineEdit::textChanged, this, &CredentialsPage::invalidate);
    auto *hint = new QLabel(where, this);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    auto *column = new QVBoxLayout;
    column->setSpacing(2);
    column->addWidget(edit);
    column->addWidget(hint);
    m_form->addRow(label, column);
    return edit;
}

ConnectionSettings CredentialsPage::settings() const
{
    ConnectionSettings result = m_base;
    result.phoneNumberId = m_phoneNumberId->text().trimmed();
    result.wabaId = m_wabaId->text().trimmed();
    result.appId = m_appId->text().trimmed();
    return result;
}

ConnectionSecrets CredentialsPage::secrets() const
{
    ConnectionSecrets result;
    result.accessToken = m_accessToken->text().trimmed();
    result.appSecret = m_appSecret->text().trimmed().toUtf8();
    return result;
}

bool CredentialsPage::isComplete() const
{
    return m_passed;
}

void CredentialsPage::invalidate()
{
    if (m_passed) {
        m_passed = false;
        Q_EMIT completeChanged();
    }
    m_resultLabel->clear();
}

void CredentialsPage::check()
{
    const ConnectionSettings typed = settings();
    const ConnectionSecrets secret = secrets();
    if (const auto problem = ConnectionCheck::checkFormat(typed, secret.accessToken, secret.appSecret)) {
        showResult(*problem);
        return;
    }
    m_check->setEnabled(false);
    m_resultLabel->setText(tr("Asking Meta…"));
    m_client = std::make_unique<CloudApiClient>(typed.apiConfig(secret.accessToken));
    m_checker = std::make_unique<ConnectionCheck>(*m_client);
    connect(m_checker.get(), &ConnectionCheck::finished, this, &CredentialsPage::showResult);
    m_checker->start();
}

void CredentialsPage::showResult(const ConnectionCheck::Result &result)
{
    m_check->setEnabled(true);
    m_result = result;
    m_passed = result.ok;
    if (result.ok) {
        const QString quality = result.phone.qualityRating.isEmpty() ? tr("not rated yet") : result.phone.qualityRating;
        m_resultLabel->setText(tr("✓ Connected to %1 (%2), quality %3. Approved templates: %n.", nullptr, int(result.approvedTemplates.size()))
                                   .arg(result.phone.verifiedName, result.phone.displayPhoneNumber, quality));
    } else {
        m_resultLabel->setText(QStringLiteral("⚠ ") + result.problem);
        QLineEdit *wrong = result.field == ConnectionCheck::Field::PhoneNumberId ? m_phoneNumberId
                           : result.field == ConnectionCheck::Field::WabaId      ? m_wabaId
                           : result.field == ConnectionCheck::Field::AccessToken ? m_accessToken
                           : result.field == ConnectionCheck::Field::AppSecret   ? m_appSecret
                                                                                 : nullptr;
        if (wrong)
            wrong->setFocus();
    }
    Q_EMIT completeChanged();
    Q_EMIT checked(result.ok);
}

} // namespace Mostrador
