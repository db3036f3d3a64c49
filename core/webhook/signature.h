#pragma once

#include <QByteArray>

namespace Mostrador {

// Meta signs every webhook POST with X-Hub-Signature-256: "sha256=" + hex HMAC-SHA256 of the
// raw body under the app secret. The check must run over the bytes exactly as received.
class WebhookSignature final
{
public:
    [[nodiscard]] static QByteArray headerValue(const QByteArray &appSecret, const QByteArray &body);

    // Constant-time comparison: how long it takes does not depend on where the bytes differ.
    [[nodiscard]] static bool verify(const QByteArray &appSecret, const QByteArray &body,
                                     const QByteArray &receivedHeader);
    // The same constant-time comparison, for other secrets (the team's media token).
    [[nodiscard]] static bool sameBytes(const QByteArray &received, const QByteArray &expected);
};

} // namespace Mostrador
