#include "webhook/signature.h"

#include <gtest/gtest.h>

using namespace Mostrador;

TEST(WebhookSignature, MatchesAKnownHmacSha256)
{
    // HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog"), RFC 4231-style vector.
    EXPECT_EQ(WebhookSignature::headerValue("key", "The quick brown fox jumps over the lazy dog"),
              QByteArrayLiteral("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8"));
}

TEST(WebhookSignature, VerifiesOnlyTheExactBytes)
{
    const QByteArray secret = "app-secret";
    const QByteArray body = R"({"text":"caf\u00e9"})";
    const QByteArray header = WebhookSignature::headerValue(secret, body);
    EXPECT_TRUE(WebhookSignature::verify(secret, body, header));
    EXPECT_TRUE(WebhookSignature::verify(secret, body, header.toUpper().replace("SHA256=", "sha256=")));
    // Re-serialised JSON (unescaped é) is different bytes and must not pass.
    EXPECT_FALSE(WebhookSignature::verify(secret, QByteArray(R"({"text":"café"})"), header));
    EXPECT_FALSE(WebhookSignature::verify("other-secret", body, header));
    EXPECT_FALSE(WebhookSignature::verify(secret, body, "sha256=deadbeef"));
    EXPECT_FALSE(WebhookSignature::verify(secret, body, QByteArray()));
    EXPECT_FALSE(WebhookSignature::verify(QByteArray(), body, header));
}
