#include "signature.h"

#include <QMessageAuthenticationCode>

namespace Mostrador {

QByteArray WebhookSignature::headerValue(const QByteArray &appSecret, const QByteArray &body)
{
    QByteArray header("sha256=");
    header.append(QMessageAuthenticationCode::hash(body, appSecret, QCryptographicHash::Sha256).toHex());
    return header;
}

bool WebhookSignature::verify(const QByteArray &appSecret, const QByteArray &body, const QByteArray &receivedHeader)
{
    if (appSecret.isEmpty())
        return false;
    return sameBytes(receivedHeader.trimmed().toLower(), headerValue(appSecret, body));
}

bool WebhookSignature::sameBytes(const QByteArray &received, const QByteArray &expected)
{
    if (received.size() != expected.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < expected.size(); ++i)
        difference |= static_cast<unsigned char>(expected.at(i) ^ received.at(i));
    return difference == 0;
}

} // namespace Mostrador
