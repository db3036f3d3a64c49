#include "connection/connectioncheck.h"

#include "connection/connectionsettings.h"
#include "qtprinting.h"
#include "wireloop.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace Mostrador;
using namespace Mostrador::Testing;

namespace {

class ConnectionCheckTest : public ::testing::Test
{
protected:
    ConnectionCheck::Result check(const ApiConfig &config)
    {
        CloudApiClient client(config);
        ConnectionCheck check(client);
        QSignalSpy finished(&check, &ConnectionCheck::finished);
        check.start();
        EXPECT_TRUE(finished.wait(5000));
        return finished.isEmpty() ? ConnectionCheck::Result{} : finished.first().first().value<ConnectionCheck::Result>();
    }

    WireLoop loop;
};

} // namespace

TEST_F(ConnectionCheckTest, GoodValuesShowTheNumberAndItsApprovedTemplates)
{
    const ConnectionCheck::Result result = check(loop.apiConfig());
    ASSERT_TRUE(result.ok) << result.problem.toStdString();
    EXPECT_EQ(result.phone.verifiedName, QStringLiteral("Casa Nube"));
    EXPECT_EQ(result.phone.qualityRating, QStringLiteral("GREEN"));
    EXPECT_FALSE(result.approvedTemplates.isEmpty());
}

TEST_F(ConnectionCheckTest, EachWrongValueIsNamedWithWhereToFindTheRightOne)
{
    ApiConfig config = loop.apiConfig();
    config.accessToken = QStringLiteral("EAAG-expired-token-0000000000");
    ConnectionCheck::Result result = check(config);
    EXPECT_FALSE(result.ok);
    EXPECT_EQ(result.field, ConnectionCheck::Field::AccessToken);
    EXPECT_TRUE(result.problem.startsWith(QStringLiteral("Meta does not accept this access token"))) << result.problem.toStdString();

    config = loop.apiConfig();
    config.phoneNumberId = QStringLiteral("999999999999999");
    result = check(config);
    EXPECT_EQ(result.field, ConnectionCheck::Field::PhoneNumberId);
    EXPECT_EQ(result.problem, QStringLiteral("No phone number with ID 999999999999999 can be reached with this token. "
                                             "Copy the Phone number ID from WhatsApp ▸ API Setup."));

    config = loop.apiConfig();
    config.wabaId = QStringLiteral("888888888888888");
    result = check(config);
    EXPECT_EQ(result.field, ConnectionCheck::Field::WabaId);
    EXPECT_TRUE(result.problem.contains(QStringLiteral("888888888888888")));

    config = loop.apiConfig();
    config.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:1"));
    result = check(config);
    EXPECT_EQ(result.field, ConnectionCheck::Field::Network);
    EXPECT_TRUE(result.problem.startsWith(QStringLiteral("Mostrador could not reach Meta"))) << result.problem.toStdString();
}

TEST(ConnectionCheckPermissions, ATokenWithoutTemplatePermissionIsExplained)
{
    ManualClock clock(QDateTime(QDate(2026, 11, 17), QTime(19, 0), Qt::UTC));
    SandboxServer::Settings settings;
    settings.accessToken = QStringLiteral("full-token-000000000000");
    settings.limitedAccessToken = QStringLiteral("limited-token-0000000000");
    SandboxServer sandbox(settings, clock);
    ASSERT_NE(sandbox.listen(QHostAddress::LocalHost, 0), 0);
    ApiConfig config = sandbox.clientConfig();
    config.accessToken = settings.limitedAccessToken;
    CloudApiClient client(config);
    ConnectionCheck check(client);
    QSignalSpy finished(&check, &ConnectionCheck::finished);
    check.start();
    ASSERT_TRUE(finished.wait(5000));
    const auto result = finished.first().first().value<ConnectionCheck::Result>();
    EXPECT_EQ(result.field, ConnectionCheck::Field::AccessToken);
    EXPECT_TRUE(result.problem.contains(QStringLiteral("whatsapp_business_management"))) << result.problem.toStdString();
}

TEST(ConnectionCheckFormat, MistakesThatNeedNoNetworkAreCaughtFirst)
{
    ConnectionSettings settings;
    settings.phoneNumberId = QStringLiteral("+57 300 111 2233");
    settings.wabaId = QStringLiteral("100200300400500");
    const QString token = QStringLiteral("EAAGm0PX4ZCpsBAKZAbcdefghijklmnop");
    auto problem = ConnectionCheck::checkFormat(settings, token, "secret");
    ASSERT_TRUE(problem);
    EXPECT_EQ(problem->field, ConnectionCheck::Field::PhoneNumberId);
    EXPECT_TRUE(problem->problem.contains(QStringLiteral("not the phone number itself")));
    settings.phoneNumberId = QStringLiteral("106540352242922");
    EXPECT_EQ(ConnectionCheck::checkFormat(settings, QStringLiteral("EAA"), "secret")->field, ConnectionCheck::Field::AccessToken);
    EXPECT_EQ(ConnectionCheck::checkFormat(settings, token, "")->field, ConnectionCheck::Field::AppSecret);
    EXPECT_FALSE(ConnectionCheck::checkFormat(settings, token, "secret"));
}
