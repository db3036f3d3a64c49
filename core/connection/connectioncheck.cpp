#include "connectioncheck.h"

#include "api/apijob.h"
#include "api/cloudapiclient.h"
#include "connectionsettings.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace Mostrador {

namespace {

ConnectionCheck::Result failure(ConnectionCheck::Field field, const QString &problem)
{
    ConnectionCheck::Result result;
    result.field = field;
    result.problem = problem;
    return result;
}

} // namespace

ConnectionCheck::ConnectionCheck(CloudApiClient &client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
}

std::optional<ConnectionCheck::Result> ConnectionCheck::checkFormat(const ConnectionSettings &settings, const QString &accessToken,
                                                                    const QByteArray &appSecret)
{
    static const QRegularExpression kDigits(QStringLiteral("^[0-9]{5,}$"));
    if (!kDigits.match(settings.phoneNumberId).hasMatch())
        return failure(Field::PhoneNumberId,
                       QCoreApplication::translate("ConnectionCheck", "The phone number ID is a long number such as 106540352242922 "
                                                                      "(WhatsApp ▸ API Setup), not the phone number itself."));
    if (!kDigits.match(settings.wabaId).hasMatch())
        return failure(Field::WabaId, QCoreApplication::translate("ConnectionCheck", "The WhatsApp Business Account ID is a long number, "
                                                                                      "shown under the phone number ID in WhatsApp ▸ API Setup."));
    if (accessToken.trimmed().size() < 20)
        return failure(Field::AccessToken, QCoreApplication::translate("ConnectionCheck", "Paste the whole access token (it is long and "
                                                                                           "starts with EAA)."));
    if (appSecret.trimmed().isEmpty())
        return failure(Field::AppSecret, QCoreApplication::translate("ConnectionCheck", "Paste the app secret (App settings ▸ Basic ▸ "
                                                                                         "App secret, after Show)."));
    return std::nullopt;
}

void ConnectionCheck::start()
{
    m_result = {};
    GraphJob *phone = m_client.phoneNumberInfo();
    connect(phone, &ApiJob::finished, this, [this](ApiJob *job) {
        if (!job->succeeded()) {
            fail(Step::Phone, *job->error());
            return;
        }
        m_result.phone = PhoneNumberInfo::fromJson(job->response());
        GraphJob *templates = m_client.templates();
        connect(templates, &ApiJob::finished, this, [this](ApiJob *done) {
            if (!done->succeeded()) {
                fail(Step::Templates, *done->error());
                return;
            }
            for (const MessageTemplate &candidate : TemplatesPage::fromJson(done->response()).templates) {
                if (candidate.isApproved())
                    m_result.approvedTemplates << candidate.name;
            }
            m_result.ok = true;
            Q_EMIT finished(m_result);
        });
    });
}

void ConnectionCheck::fail(Step step, const WireError &error)
{
    Result result;
    if (error.category == WireError::Category::Network) {
        result = failure(Field::Network, QCoreApplication::translate("ConnectionCheck", "Mostrador could not reach Meta: %1. Check this computer's internet "
                                                             "connection and try again.")
                                             .arg(error.message));
    } else if (error.category == WireError::Category::Auth) {
        result = failure(Field::AccessToken, QCoreApplication::translate("ConnectionCheck", "Meta does not accept this access token: it is wrong or has expired. "
                                                                 "Create a permanent one (Business settings ▸ System users ▸ Generate "
                                                                 "token) and paste it again."));
    } else if (error.code == 10 || error.code == 200 || error.httpStatus == 403) {
        result = failure(Field::AccessToken, QCoreApplication::translate("ConnectionCheck", "The access token lacks a permission. When you generate it, tick "
                                                                 "whatsapp_business_messaging and whatsapp_business_management."));
    } else if (step == Step::Phone) {
        result = failure(Field::PhoneNumberId,
                         QCoreApplication::translate("ConnectionCheck", "No phone number with ID %1 can be reached with this token. Copy the Phone number ID "
                                             "from WhatsApp ▸ API Setup.")
                             .arg(m_client.config().phoneNumberId));
    } else {
        result = failure(Field::WabaId, QCoreApplication::translate("ConnectionCheck", "No WhatsApp Business Account with ID %1 can be reached with this token. "
                                                            "Copy the WhatsApp Business Account ID from WhatsApp ▸ API Setup.")
                                            .arg(m_client.config().wabaId));
    }
    Q_EMIT finished(result);
}

} // namespace Mostrador
