// Every request names Mostrador as Meta's spec asks (name/1.2.3), not Qt's default browser.

#include "api/cloudapiclient.h"
#include "api/apijob.h"
#include "api/messagepayloads.h"
#include "api/sendmessagejob.h"
#include "loopbackhttpserver.h"

#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace Mostrador;
using namespace Mostrador::Testing;

TEST(UserAgent, EveryRequestNamesMostradorAsTheSpecAsks)
{
    LoopbackHttpServer api;
    QByteArray seen;
    api.server().route(QStringLiteral("/%1/106540352242922/messages").arg(ApiConfig::kGraphVersion), [&seen](const QHttpServerRequest &request) {
        seen = request.value(QByteArrayLiteral("User-Agent"));
        return QHttpServerResponse(QJsonObject{{QStringLiteral("messages"), QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("wamid.x")}}}}});
    });
    ApiConfig config;
    config.baseUrl = api.url();
    config.accessToken = QStringLiteral("token");
    config.phoneNumberId = QStringLiteral("106540352242922");
    CloudApiClient client(config);
    SendMessageJob *job = client.sendMessage(MessagePayloads::text({QStringLiteral("573001112233"), {}, {}}, QStringLiteral("Hola")));
    QSignalSpy finished(job, &ApiJob::finished);
    ASSERT_TRUE(finished.wait(5000));
    EXPECT_EQ(seen, ApiJob::userAgent());
    EXPECT_TRUE(seen.startsWith("Mostrador/"));
    // The pattern of the UserAgent parameter in Meta's OpenAPI spec.
    const QRegularExpression pattern(QStringLiteral(R"(^[a-zA-Z0-9\-_]+\/[0-9]+\.[0-9]+\.[0-9]+(;[a-zA-Z0-9\-=\.]+)?(\s+[a-zA-Z0-9\-_]+\/[0-9\-\.]+)?$)"));
    EXPECT_TRUE(pattern.match(QString::fromLatin1(seen)).hasMatch()) << seen.constData();
}
