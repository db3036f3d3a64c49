#include "sendmessagejob.h"

#include <QJsonArray>

namespace Mostrador {

SendMessageJob::SendMessageJob(QNetworkAccessManager &network, const ApiConfig &config, QObject *parent)
    : ApiJob(network, config, parent)
{
}

void SendMessageJob::start(const QJsonObject &payload)
{
    sendJson(Verb::Post, m_config.phoneNumberId + QStringLiteral("/messages"), payload);
}

bool SendMessageJob::parseSuccess(const QJsonObject &json)
{
    m_messageId = json.value(QLatin1String("messages")).toArray().first().toObject().value(QLatin1String("id")).toString();
    m_recipientWaId = json.value(QLatin1String("contacts")).toArray().first().toObject().value(QLatin1String("wa_id")).toString();
    return !m_messageId.isEmpty();
}

} // namespace Mostrador
