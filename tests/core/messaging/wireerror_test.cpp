#include "messaging/wireerror.h"
#include "api/cloudapiclient.h"
#include "api/sendmessagejob.h"
#include "api/messagepayloads.h"
#include "fixtures.h"
#include "loopbackhttpserver.h"
#include "qtprinting.h"
#include "wireloop.h"

#include <QJsonObject>

#include <gtest/gtest.h>

using namespace Mostrador;
using namespace Mostrador::Testing;

TEST(WireError, ClassifiesByCodeNotByText)
{
    using Category = WireError::Category;
    const std::pair<int, Category> cases[] = {
        {190, Category::Auth},           {0, Category::Auth},          {4, Category::RateLimited},
        {80007, Category::RateLimited},  {130429, Category::RateLimited}, {131056, Category::RateLimited},
        {131048, Category::RateLimited}, {131047, Category::OutsideWindow}, {131026, Category::Undeliverable},
        {132000, Category::Template},    {132001, Category::Template}, {131052, Category::Media},
        {131053, Category::Media},       {368, Category::PolicyBlock}, {131000, Category::Server},
    };
    for (const auto &[code, category] : cases)
        EXPECT_EQ(WireError::categorize(code, 400), category) << code;
    EXPECT_EQ(WireError::categorize(100, 400), Category::InvalidRequest);
    EXPECT_EQ(WireError::categorize(999999, 503), Category::Server);
}

TEST(WireError, EveryCategoryHasAPlainMessageAndOnlyTransientOnesRetry)
{
    using Category = WireError::Category;
    for (const Category category : {Category::Auth, Category::RateLimited, Category::OutsideWindow, Category::Undeliverable,
                                    Category::Template, Category::Media, Category::PolicyBlock, Category::InvalidRequest,
                                    Category::Network, Category::Server}) {
        WireError error;
        error.category = category;
        EXPECT_FALSE(error.userMessage().isEmpty()) << qPrintable(categoryName(category));
        const bool transient = category == Category::RateLimited || category == Category::Network || category == Category::Server;
        EXPECT_EQ(error.isRetryable(), transient) << qPrintable(categoryName(category));
    }
}

TEST(WireError, ReadsMetasErrorExamples)
{
    const QJsonObject expired = metaExample(QStringLiteral("Version_Phone-Number-ID/get/response_401/expired_token.json"));
    if (expired.isEmpty())
        GTEST_SKIP() << "../shared/cloud-api/fixtures is not beside the checkout";
    const WireError error = WireError::fromJson(expired.value(QLatin1String("error")).toObject(), 401);
    EXPECT_EQ(error.category, WireError::Category::Auth);
    EXPECT_FALSE(error.message.isEmpty());
    EXPECT_TRUE(error.logText().contains(QLatin1String("http=401")));

    const QJsonObject limited = metaExample(QStringLiteral("Version_Phone-Number-ID/get/response_429/rate_limit_exceeded.json"));
    if (!limited.isEmpty()) {
        EXPECT_EQ(WireError::fromJson(limited.value(QLatin1String("error")).toObject(), 429).category, WireError::Category::RateLimited);
    }
}

// Answers the API documents no shape for: bare status codes, HTML pages, Retry-After headers.
TEST(WireError, OddAnswersFromTheServerAreStillClassified)
{
    LoopbackHttpServer server;
    // The access token names the answer to give.
    server.server().route(QStringLiteral("/%1/phone/messages").arg(ApiConfig::kGraphVersion), [](const QHttpServerRequest &request) {
        const QByteArray mode = request.value(QByteArrayLiteral("Authorization")).mid(7);
        if (mode == "500")
            return QHttpServerResponse(QHttpServerResponse::StatusCode::InternalServerError);
        if (mode == "html")
            return QHttpServerResponse(QByteArrayLiteral("text/html"), QByteArrayLiteral("<h1>Not Found</h1>"),
                                       QHttpServerResponse::StatusCode::NotFound);
        if (mode == "garbage")
            return QHttpServerResponse(QByteArrayLiteral("application/json"), QByteArrayLiteral("{\"messages\": 12}"));
        QHttpServerResponse limited(QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), 130429},
                                                                                      {QStringLiteral("message"), QStringLiteral("Rate limit hit")}}}},
                                    QHttpServerResponse::StatusCode::TooManyRequests);
        limited.addHeader(QByteArrayLiteral("Retry-After"), QByteArrayLiteral("7"));
        return limited;
    });
    ASSERT_NE(server.port(), 0);

    const auto sendWith = [&](const char *mode) {
        ApiConfig config;
        config.baseUrl = server.url().adjusted(QUrl::RemovePath | QUrl::StripTrailingSlash);
        config.phoneNumberId = QStringLiteral("phone");
        config.accessToken = QLatin1String(mode);
        CloudApiClient client(config);
        SendMessageJob *job = await(client.sendMessage(MessagePayloads::text({QStringLiteral("1"), {}, {}}, QStringLiteral("hola"))));
        EXPECT_FALSE(job->succeeded()) << mode;
        return job->error().value_or(WireError{});
    };

    const WireError serverError = sendWith("500");
    EXPECT_EQ(serverError.category, WireError::Category::Server);
    EXPECT_TRUE(serverError.isRetryable());

    const WireError notFound = sendWith("html");
    EXPECT_EQ(notFound.category, WireError::Category::InvalidRequest);
    EXPECT_EQ(notFound.httpStatus, 404);

    const WireError limited = sendWith("429");
    EXPECT_EQ(limited.category, WireError::Category::RateLimited);
    ASSERT_TRUE(limited.retryAfterSeconds.has_value());
    EXPECT_EQ(*limited.retryAfterSeconds, 7);

    const WireError garbage = sendWith("garbage");
    EXPECT_EQ(garbage.category, WireError::Category::Server);
}
