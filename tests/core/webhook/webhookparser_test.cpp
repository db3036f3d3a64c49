#include "webhook/webhookparser.h"

#include "fixtures.h"
#include "qtprinting.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <gtest/gtest.h>

#include <iostream>
#include <map>

using namespace Mostrador;
using namespace Mostrador::Testing;

namespace {

WebhookBatch parseOk(const QJsonObject &payload)
{
    const auto result = WebhookParser::parse(QJsonDocument(payload).toJson());
    EXPECT_TRUE(result.ok) << qPrintable(result.error);
    return result.batch;
}

WebhookBatch parseFixture(const QString &name)
{
    for (const WebhookFixture &fixture : webhookFixtures()) {
        if (fixture.name.endsWith(name))
            return parseOk(fixture.payload);
    }
    ADD_FAILURE() << "fixture not found: " << qPrintable(name);
    return {};
}

#define REQUIRE_FIXTURES()                                                                         \
    if (webhookFixtures().isEmpty())                                                               \
        GTEST_SKIP() << "../shared/cloud-api/fixtures is not beside the checkout";

} // namespace

// Every payload in the shared fixtures parses, and every message, status and other change in it
// comes out: counted independently of the parser by walking the JSON.
TEST(WebhookParser, EveryFixtureParsesIntoTheRightEvents)
{
    REQUIRE_FIXTURES();
    std::map<std::string, int> perType;
    int payloads = 0;
    for (const WebhookFixture &fixture : webhookFixtures()) {
        SCOPED_TRACE(qPrintable(fixture.name));
        const WebhookBatch batch = parseOk(fixture.payload);
        ++payloads;

        int expectedMessages = 0, expectedStatuses = 0, expectedOthers = 0, expectedTemplateChanges = 0;
        QStringList expectedTypes;
        for (const QJsonValue &entry : fixture.payload.value(QLatin1String("entry")).toArray()) {
            for (const QJsonValue &change : entry.toObject().value(QLatin1String("changes")).toArray()) {
                const QString field = change.toObject().value(QLatin1String("field")).toString();
                const QJsonObject value = change.toObject().value(QLatin1String("value")).toObject();
                if (field == QLatin1String("messages") || field == QLatin1String("smb_message_echoes")) {
                    const QJsonArray messages = value.value(QLatin1String(field == QLatin1String("messages") ? "messages" : "message_echoes")).toArray();
                    expectedMessages += int(messages.size());
                    for (const QJsonValue &message : messages)
                        expectedTypes << message.toObject().value(QLatin1String("type")).toString();
                    expectedStatuses += int(value.value(QLatin1String("statuses")).toArray().size());
                    if (value.contains(QLatin1String("groups")))
                        ++expectedOthers;
                } else if (field.contains(QLatin1String("template")) && field != QLatin1String("message_template_components_update")
                           && field != QLatin1String("template_components_update")) {
                    ++expectedTemplateChanges;
                } else {
                    ++expectedOthers;
                }
            }
        }
        EXPECT_EQ(batch.messages.size(), expectedMessages);
        EXPECT_EQ(batch.statuses.size(), expectedStatuses);
        EXPECT_EQ(batch.others.size(), expectedOthers);
        EXPECT_EQ(batch.templateChanges.size(), expectedTemplateChanges);
        EXPECT_FALSE(batch.isEmpty()) << "nothing came out of this payload";

        for (qsizetype i = 0; i < batch.messages.size() && i < expectedTypes.size(); ++i) {
            const WireMessage &message = batch.messages.at(i);
            EXPECT_EQ(message.typeName, expectedTypes.at(i));
            EXPECT_EQ(messageKindName(message.kind), expectedTypes.at(i));
            EXPECT_FALSE(message.wamid.isEmpty());
            EXPECT_FALSE(message.customer.isEmpty());
            EXPECT_TRUE(message.timestamp.isValid());
            EXPECT_FALSE(message.raw.isEmpty());
            ++perType[(message.direction == Direction::Outbound ? "echo:" : "") + message.typeName.toStdString()];
        }
        for (const StatusUpdate &status : batch.statuses) {
            EXPECT_NE(status.status, DeliveryStatus::None) << qPrintable(status.statusName);
            ++perType["status:" + status.statusName.toStdString()];
        }
        for (const OtherChange &other : batch.others)
            ++perType["other:" + other.field.toStdString()];
    }
    std::cout << "[ fixtures ] " << payloads << " payloads:";
    for (const auto &[type, count] : perType)
        std::cout << ' ' << type << '=' << count;
    std::cout << std::endl;
}

TEST(WebhookParser, TextMessageWithIdentity)
{
    REQUIRE_FIXTURES();
    const WebhookBatch batch = parseFixture(QStringLiteral("message.json#text"));
    ASSERT_EQ(batch.messages.size(), 1);
    const WireMessage &message = batch.messages.first();
    EXPECT_EQ(message.kind, MessageKind::Text);
    EXPECT_EQ(message.text, QStringLiteral("Body Text"));
    EXPECT_EQ(message.wamid, QStringLiteral("wamid.xyzxyz"));
    EXPECT_EQ(message.customer.waId, QStringLiteral("972987654321"));
    EXPECT_EQ(message.customer.userId, QStringLiteral("US.13491208655302741918"));
    EXPECT_EQ(message.customer.profileName, QStringLiteral("Test Name"));
    EXPECT_EQ(message.businessPhoneNumberId, QStringLiteral("1122334455667"));
    EXPECT_EQ(message.timestamp.toSecsSinceEpoch(), 1697043223);
}

TEST(WebhookParser, MediaReferralReplyForwardReactionAndLocation)
{
    REQUIRE_FIXTURES();
    const WireMessage voice = parseFixture(QStringLiteral("message.json#voice")).messages.value(0);
    EXPECT_EQ(voice.kind, MessageKind::Audio);
    EXPECT_TRUE(voice.media.voice);
    EXPECT_FALSE(voice.media.id.isEmpty());

    const WireMessage document = parseFixture(QStringLiteral("message.json#document")).messages.value(0);
    EXPECT_EQ(document.kind, MessageKind::Document);
    EXPECT_FALSE(document.media.filename.isEmpty());

    const WireMessage referral = parseFixture(QStringLiteral("message.json#referral")).messages.value(0);
    EXPECT_EQ(referral.referral.headline, QStringLiteral("AD_TITLE"));
    EXPECT_EQ(referral.referral.ctwaClid, QStringLiteral("CTWA_CLID"));

    const WireMessage reply = parseFixture(QStringLiteral("message.json#reply")).messages.value(0);
    EXPECT_FALSE(reply.contextMessageId.isEmpty());

    const WireMessage forwarded = parseFixture(QStringLiteral("message.json#forwarded_many_times")).messages.value(0);
    EXPECT_TRUE(forwarded.forwarded);
    EXPECT_TRUE(forwarded.frequentlyForwarded);

    const WireMessage reaction = parseFixture(QStringLiteral("message.json#reaction")).messages.value(0);
    EXPECT_EQ(reaction.kind, MessageKind::Reaction);
    EXPECT_FALSE(reaction.targetMessageId.isEmpty());
    EXPECT_FALSE(reaction.text.isEmpty());

    const WireMessage location = parseFixture(QStringLiteral("message.json#chosen_location")).messages.value(0);
    EXPECT_TRUE(location.hasLocation);
    EXPECT_NE(location.latitude, 0.0);
}

TEST(WebhookParser, InteractiveButtonEditRevokeAndUnsupported)
{
    REQUIRE_FIXTURES();
    const WireMessage list = parseFixture(QStringLiteral("callback_selection.json#description")).messages.value(0);
    EXPECT_EQ(list.kind, MessageKind::Interactive);
    EXPECT_EQ(list.replyId, QStringLiteral("callback_data"));
    EXPECT_EQ(list.text, QStringLiteral("title"));

    const WireMessage button = parseFixture(QStringLiteral("callback_button.json#quick_reply")).messages.value(0);
    EXPECT_EQ(button.kind, MessageKind::Button);
    EXPECT_FALSE(button.text.isEmpty());

    const WireMessage edit = parseFixture(QStringLiteral("edited_message.json#image")).messages.value(0);
    EXPECT_EQ(edit.kind, MessageKind::Edit);
    EXPECT_EQ(edit.caption, QStringLiteral("Updated image caption"));
    EXPECT_FALSE(edit.targetMessageId.isEmpty());

    const WireMessage revoke = parseFixture(QStringLiteral("deleted_message.json#revoke")).messages.value(0);
    EXPECT_EQ(revoke.kind, MessageKind::Revoke);
    EXPECT_FALSE(revoke.targetMessageId.isEmpty());

    const WireMessage unsupported = parseFixture(QStringLiteral("message.json#unsupported_with_type")).messages.value(0);
    EXPECT_EQ(unsupported.kind, MessageKind::Unsupported);
    ASSERT_EQ(unsupported.errors.size(), 1);
    EXPECT_EQ(unsupported.errors.first().code, 131051);
}

TEST(WebhookParser, StatusesWithErrorsPricingAndCallbackData)
{
    REQUIRE_FIXTURES();
    const StatusUpdate failed = parseFixture(QStringLiteral("message_status.json#failed")).statuses.value(0);
    EXPECT_EQ(failed.status, DeliveryStatus::Failed);
    ASSERT_EQ(failed.errors.size(), 1);
    EXPECT_EQ(failed.errors.first().code, 130472);

    const StatusUpdate tracked = parseFixture(QStringLiteral("message_status.json#with_tracker")).statuses.value(0);
    EXPECT_EQ(tracked.status, DeliveryStatus::Sent);
    EXPECT_EQ(tracked.bizOpaqueCallbackData, QStringLiteral("some data"));
    EXPECT_EQ(tracked.pricingCategory, QStringLiteral("service"));
    EXPECT_EQ(tracked.conversationId, QStringLiteral("7270432eae37498234f4444b35ffc5"));
}

TEST(WebhookParser, ValueLevelErrorsAndOtherFieldsAreKept)
{
    REQUIRE_FIXTURES();
    const WebhookBatch withError = parseFixture(QStringLiteral("message.json#interactive_message_with_err"));
    ASSERT_EQ(withError.errors.size(), 1);
    EXPECT_EQ(withError.errors.first().code, 131000);

    // Meta's template webhooks are read (its review, a category change, the quality), others kept raw.
    const WebhookBatch approved = parseFixture(QStringLiteral("template_status_update.json#approved"));
    ASSERT_EQ(approved.templateChanges.size(), 1);
    EXPECT_TRUE(approved.others.isEmpty());
    EXPECT_EQ(approved.templateChanges.first().templateId, QStringLiteral("1689556908129832"));
    EXPECT_EQ(approved.templateChanges.first().name, QStringLiteral("order_confirmation"));
    EXPECT_EQ(approved.templateChanges.first().status, QStringLiteral("APPROVED"));
    EXPECT_EQ(approved.templateChanges.first().newCategory, QStringLiteral("UTILITY"));
    const TemplateChange rejected = parseFixture(QStringLiteral("template_status_update.json#rejected")).templateChanges.value(0);
    EXPECT_EQ(rejected.status, QStringLiteral("REJECTED"));
    EXPECT_EQ(rejected.reason, QStringLiteral("INVALID_FORMAT"));
    EXPECT_EQ(parseFixture(QStringLiteral("template_category_update.json#marketing")).templateChanges.value(0).newCategory,
              QStringLiteral("MARKETING"));
    EXPECT_EQ(parseFixture(QStringLiteral("template_quality_update.json#yellow")).templateChanges.value(0).quality,
              QStringLiteral("YELLOW"));
}

TEST(WebhookParser, MalformedJsonIsAClearError)
{
    for (const QByteArray &body : {QByteArrayLiteral("{\"object\": "), QByteArrayLiteral("not json"), QByteArray()}) {
        const auto result = WebhookParser::parse(body);
        EXPECT_FALSE(result.ok);
        EXPECT_TRUE(result.error.contains(QLatin1String("not valid JSON"))) << qPrintable(result.error);
    }
    const auto array = WebhookParser::parse(QByteArrayLiteral("[1,2]"));
    EXPECT_FALSE(array.ok);
}

TEST(WebhookParser, UnknownShapesAreKeptNotDropped)
{
    const auto strange = WebhookParser::parse(QByteArrayLiteral(R"({"object":"something_else","hello":1})"));
    ASSERT_TRUE(strange.ok);
    ASSERT_EQ(strange.batch.others.size(), 1);
    EXPECT_EQ(strange.batch.others.first().value.value(QLatin1String("hello")).toInt(), 1);

    const auto newType = WebhookParser::parse(QByteArrayLiteral(
        R"({"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
            "metadata":{"phone_number_id":"9"},"contacts":[{"wa_id":"34600111222"}],
            "messages":[{"from":"34600111222","id":"wamid.new","timestamp":"1700000000","type":"hologram","hologram":{"x":1}}]}}]}]})"));
    ASSERT_TRUE(newType.ok);
    ASSERT_EQ(newType.batch.messages.size(), 1);
    EXPECT_EQ(newType.batch.messages.first().kind, MessageKind::Unsupported);
    EXPECT_EQ(newType.batch.messages.first().typeName, QStringLiteral("hologram"));
    EXPECT_TRUE(newType.batch.messages.first().raw.contains(QLatin1String("hologram")));

    // Missing pieces everywhere: no crash, nothing invented.
    const auto sparse = WebhookParser::parse(QByteArrayLiteral(
        R"({"entry":[{"changes":[{"field":"messages","value":{"messages":[{}],"statuses":[{"status":"sent"}]}}]}]})"));
    ASSERT_TRUE(sparse.ok);
    EXPECT_EQ(sparse.batch.messages.size(), 1);
    EXPECT_TRUE(sparse.batch.messages.first().wamid.isEmpty());
}

// While Meta's AI agent holds a conversation its traffic comes under the `standby` field, in the
// usual value shape: the customer's messages, the agent's replies as message echoes, statuses.
TEST(WebhookParser, StandbyMessagesAndTheAgentsEchoesAreMessages)
{
    const QByteArray body = R"({"object": "whatsapp_business_account", "entry": [{"id": "102290129340398", "changes": [{
        "field": "standby",
        "value": {
            "messaging_product": "whatsapp",
            "metadata": {"display_phone_number": "15550783881", "phone_number_id": "106540352242922"},
            "contacts": [{"profile": {"name": "Jordi Puig"}, "wa_id": "34611223344", "user_id": "ES.13491208655302741918"}],
            "messages": [{"from": "34611223344", "from_user_id": "ES.13491208655302741918", "id": "wamid.customer1",
                          "timestamp": "1764547200", "type": "text", "text": {"body": "¿Hacéis envíos a Girona?"}}],
            "message_echoes": [{"from": "15550783881", "to": "34611223344", "id": "wamid.agent1",
                                "timestamp": "1764547203", "type": "text", "text": {"body": "Sí, a toda España."}}],
            "statuses": [{"id": "wamid.agent1", "status": "delivered", "timestamp": "1764547205", "recipient_id": "34611223344"}]
        }}]}]})";
    const auto result = WebhookParser::parse(body);
    ASSERT_TRUE(result.ok) << qPrintable(result.error);
    ASSERT_EQ(result.batch.messages.size(), 2);
    const WireMessage &asked = result.batch.messages.at(0);
    EXPECT_EQ(asked.direction, Direction::Inbound);
    EXPECT_EQ(asked.text, QStringLiteral("¿Hacéis envíos a Girona?"));
    EXPECT_EQ(asked.customer.waId, QStringLiteral("34611223344"));
    EXPECT_TRUE(asked.handledByMetaAgent);
    const WireMessage &answered = result.batch.messages.at(1);
    EXPECT_EQ(answered.direction, Direction::Outbound);
    EXPECT_EQ(answered.customer.waId, QStringLiteral("34611223344"));
    EXPECT_EQ(answered.text, QStringLiteral("Sí, a toda España."));
    EXPECT_TRUE(answered.handledByMetaAgent);
    EXPECT_EQ(result.batch.statuses.size(), 1);
    EXPECT_TRUE(result.batch.others.isEmpty()) << "nothing left raw";

    // The usual field is the shop's own conversation.
    const auto usual = WebhookParser::parse(QByteArray(body).replace("\"standby\"", "\"messages\""));
    ASSERT_EQ(usual.batch.messages.size(), 1) << "echoes come only with the business app or the agent";
    EXPECT_FALSE(usual.batch.messages.first().handledByMetaAgent);
}

// Meta's volume-tier notice (account_update, since October 2025) is read and kept in words, not
// filed as an unknown field.
TEST(WebhookParser, TheVolumePricingTierUpdateIsReadAndKept)
{
    const QByteArray body = R"({"object":"whatsapp_business_account","entry":[{"id":"102290129340398","time":1762331373,"changes":[
        {"field":"account_update","value":{"event":"VOLUME_BASED_PRICING_TIER_UPDATE","volume_tier_info":{
            "effective_month":"2026-11","pricing_category":"UTILITY","region":"COLOMBIA","tier":"250001:2000000","tier_update_time":1762331373}}}]}]})";
    const auto parsed = WebhookParser::parse(body);
    ASSERT_EQ(parsed.batch.others.size(), 1);
    const OtherChange &kept = parsed.batch.others.first();
    EXPECT_EQ(kept.field, QStringLiteral("account_update"));
    EXPECT_EQ(kept.reason, QStringLiteral("volume pricing tier: utility in COLOMBIA from 2026-11 is tier 250001:2000000 (updated 2025-11-05T08:29:33Z)"));
    EXPECT_EQ(kept.value.value(QStringLiteral("volume_tier_info")).toObject().value(QStringLiteral("tier")).toString(), QStringLiteral("250001:2000000"));
}
