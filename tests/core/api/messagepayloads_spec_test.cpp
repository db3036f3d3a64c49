// Every request body the client builds, checked against Meta's official OpenAPI spec.
#include "api/apitypes.h"
#include "api/messagepayloads.h"
#include "api/templatedraft.h"
#include "openapispec.h"
#include "qtprinting.h"

#include <QJsonArray>

#include <gtest/gtest.h>

#include <iostream>

using namespace Mostrador;
using namespace Mostrador::Testing;
namespace Payloads = Mostrador::MessagePayloads;

namespace {

const QString kMessagesPath = QStringLiteral("/{Version}/{Phone-Number-ID}/messages");

// biz_opaque_callback_data is documented for sends (Meta's reference for messages)
// but v23's Message schema leaves it out; it is the one addition we allow.
const QStringList kDocumentedExtras{QStringLiteral("biz_opaque_callback_data")};

const OpenApiSpec &spec()
{
    static const OpenApiSpec loaded;
    return loaded;
}

int &checkedCount()
{
    static int count = 0;
    return count;
}

#define REQUIRE_SPEC()                                                                             \
    if (!spec().isLoaded())                                                                        \
        GTEST_SKIP() << qPrintable(spec().loadError());

void expectConforms(const QJsonObject &body, const QJsonObject &schema, const char *what)
{
    ASSERT_FALSE(schema.isEmpty()) << "no schema for " << what;
    const QStringList problems = spec().validate(body, schema, kDocumentedExtras);
    EXPECT_TRUE(problems.isEmpty()) << what << ":\n  " << problems.join(QStringLiteral("\n  ")).toStdString();
    ++checkedCount();
}

void expectMessageConforms(const QJsonObject &body, const char *what)
{
    expectConforms(body, spec().requestSchema(kMessagesPath, QStringLiteral("post")), what);
}

const Payloads::Common kTo{QStringLiteral("573001112233"), QString(), QString()};
const Payloads::Common kReplyWithCallback{QStringLiteral("573001112233"), QStringLiteral("wamid.HBgM123"),
                                          QStringLiteral("mostrador:6f1c-client-id")};

class SpecConformance : public ::testing::Test
{
public:
    static void TearDownTestSuite()
    {
        std::cout << "[ spec ] request bodies checked against the OpenAPI spec: " << checkedCount() << std::endl;
    }
};

} // namespace

TEST_F(SpecConformance, TextMessages)
{
    REQUIRE_SPEC();
    expectMessageConforms(Payloads::text(kTo, QStringLiteral("Hola, ¿en qué te ayudo?")), "text");
    expectMessageConforms(Payloads::text(kReplyWithCallback, QStringLiteral("Mira https://casalumbre.example"), true),
                          "text with preview, reply context and callback data");
}

TEST_F(SpecConformance, MediaMessagesByIdAndLink)
{
    REQUIRE_SPEC();
    using Type = Payloads::MediaType;
    expectMessageConforms(Payloads::media(kTo, Type::Image, QStringLiteral("1234567890"), QStringLiteral("La lámpara Nube")), "image by id with caption");
    expectMessageConforms(Payloads::media(kReplyWithCallback, Type::Image, QStringLiteral("https://casalumbre.example/nube.jpg")), "image by link");
    expectMessageConforms(Payloads::media(kTo, Type::Video, QStringLiteral("https://casalumbre.example/montaje.mp4"), QStringLiteral("Cómo se monta")), "video by link");
    expectMessageConforms(Payloads::media(kTo, Type::Audio, QStringLiteral("1234567891")), "audio by id");
    expectMessageConforms(Payloads::media(kTo, Type::Document, QStringLiteral("1234567892"), QStringLiteral("Precios 2026"), QStringLiteral("precios.pdf")),
                          "document with caption and filename");
    expectMessageConforms(Payloads::media(kTo, Type::Sticker, QStringLiteral("1234567893")), "sticker by id");
}

TEST_F(SpecConformance, TemplatesReactionsAndInteractive)
{
    REQUIRE_SPEC();
    expectMessageConforms(Payloads::templateMessage(kTo, QStringLiteral("hello_world"), QStringLiteral("en_US")), "template without parameters");
    expectMessageConforms(Payloads::templateMessage(kReplyWithCallback, QStringLiteral("pedido_listo"), QStringLiteral("es"),
                                                    {QStringLiteral("Lucía"), QStringLiteral("#1042")}, {QStringLiteral("Casa Lumbre")}),
                          "template with header and body parameters");
    expectMessageConforms(Payloads::reaction(kTo, QStringLiteral("wamid.HBgM123"), QStringLiteral("👍")), "reaction");
    expectMessageConforms(Payloads::reaction(kTo, QStringLiteral("wamid.HBgM123"), QString()), "reaction removed");
    expectMessageConforms(Payloads::replyButtons(kTo, QStringLiteral("¿Cómo quieres recibirlo?"),
                                                 {{QStringLiteral("envio"), QStringLiteral("Envío a casa")},
                                                  {QStringLiteral("tienda"), QStringLiteral("Recoger en tienda")}}),
                          "reply buttons");
    expectMessageConforms(Payloads::list(kTo, QStringLiteral("Elige un color"), QStringLiteral("Ver colores"),
                                         {{QStringLiteral("Lámparas"), {{QStringLiteral("blanco"), QStringLiteral("Blanco"), QStringLiteral("Nube, pantalla de lino")},
                                                                       {QStringLiteral("azul"), QStringLiteral("Azul"), QString()}}},
                                          {QStringLiteral("Cojines"), {{QStringLiteral("mostaza"), QStringLiteral("Mostaza"), QString()}}}}),
                          "list");
}

TEST_F(SpecConformance, ProductSendsInEveryShape)
{
    REQUIRE_SPEC();
    const QString catalog = QStringLiteral("1789012345678901");
    expectMessageConforms(Payloads::product(kTo, catalog, QStringLiteral("lampara-nube")), "one product");
    expectMessageConforms(Payloads::product(kReplyWithCallback, catalog, QStringLiteral("lampara-nube"), QStringLiteral("La de lino que preguntaste"),
                                            QStringLiteral("Casa Lumbre")),
                          "one product with a body, a footer and a callback");
    const QList<Payloads::ProductSection> oneSection{{QString(), {QStringLiteral("cojin-mostaza"), QStringLiteral("set-cojines")}}};
    EXPECT_EQ(Payloads::validateProductList(QStringLiteral("Cojines"), oneSection), QString());
    expectMessageConforms(Payloads::productList(kTo, catalog, QStringLiteral("Cojines"), QStringLiteral("Los que tenemos hoy"), oneSection),
                          "a product list in one section");
    QList<Payloads::ProductSection> full{{QStringLiteral("Textiles"), {}}, {QStringLiteral("Cocina"), {}}};
    for (int i = 0; i < Payloads::kMaxListedProducts; ++i)
        full[i % 2].retailerIds << QStringLiteral("sku-%1").arg(i);
    EXPECT_EQ(Payloads::validateProductList(QStringLiteral("Novedades"), full), QString());
    expectMessageConforms(Payloads::productList(kTo, catalog, QStringLiteral("Novedades"), QStringLiteral("30 productos"), full),
                          "thirty products in two sections");
    expectMessageConforms(Payloads::catalogMessage(kTo, QStringLiteral("Todo lo que tenemos, con precios"), QStringLiteral("lampara-nube")),
                          "the whole catalog");
    expectMessageConforms(Payloads::media(kTo, Payloads::MediaType::Image, QStringLiteral("1203456789"),
                                          QStringLiteral("Lámpara Nube — 189.000 COP")),
                          "a product of the shop's own list: its photo with name and price");

    // What WhatsApp refuses is said before sending, and the spec agrees.
    full[0].retailerIds << QStringLiteral("sku-31");
    EXPECT_FALSE(Payloads::validateProductList(QStringLiteral("Novedades"), full).isEmpty());
    EXPECT_FALSE(Payloads::validateProductList(QStringLiteral("Novedades"), {{QString(), {QStringLiteral("a")}}, {QString(), {QStringLiteral("b")}}})
                     .isEmpty());
    QList<Payloads::ProductSection> tooMany{{QString(), {}}};
    for (int i = 0; i < 31; ++i)
        tooMany[0].retailerIds << QStringLiteral("sku-%1").arg(i);
    EXPECT_FALSE(spec().validate(Payloads::productList(kTo, catalog, QStringLiteral("Novedades"), QStringLiteral("x"), tooMany),
                                 spec().requestSchema(kMessagesPath, QStringLiteral("post")), kDocumentedExtras)
                     .isEmpty());
}

TEST_F(SpecConformance, TemplateCreationInEveryShape)
{
    REQUIRE_SPEC();
    const QJsonObject schema = spec().requestSchema(QStringLiteral("/{Version}/{WABA-ID}/message_templates"), QStringLiteral("post"));
    TemplateDraft numbered;
    numbered.name = QStringLiteral("manta_llego");
    numbered.body = QStringLiteral("Hola {{1}}, llegó la manta {{2}} que pediste. Te la guardamos una semana.");
    numbered.examples = {QStringLiteral("Lucía"), QStringLiteral("gris")};
    numbered.header = TemplateDraft::Header::Text;
    numbered.headerText = QStringLiteral("Casa Nube");
    numbered.footer = QStringLiteral("Responde BAJA para no recibir más");
    numbered.buttons = {{TemplateButton::Kind::QuickReply, QStringLiteral("La recojo"), {}, {}},
                        {TemplateButton::Kind::Url, QStringLiteral("Ver pedido"), QStringLiteral("https://casanube.example/p/{{1}}"),
                         QStringLiteral("https://casanube.example/p/1042")},
                        {TemplateButton::Kind::Phone, QStringLiteral("Llamar"), QStringLiteral("+57 601 555 0100"), {}}};
    ASSERT_TRUE(numbered.problems().isEmpty()) << numbered.problems().join(QLatin1Char('\n')).toStdString();
    expectConforms(numbered.toCreateJson(), schema, "template with numbered variables, header, footer and three kinds of button");

    TemplateDraft named;
    named.name = QStringLiteral("novedades");
    named.category = QStringLiteral("MARKETING");
    named.body = QStringLiteral("Hola {{first_name}}, llegaron los cojines de lino.");
    named.examples = {QStringLiteral("Lucía")};
    named.header = TemplateDraft::Header::Image;
    named.headerMediaHandle = QStringLiteral("4::aW1hZ2UvanBlZw==:ARZ");
    expectConforms(named.toCreateJson(), schema, "template with a named variable and an image header");

    TemplateDraft code;
    code.name = QStringLiteral("codigo_acceso");
    code.category = QStringLiteral("AUTHENTICATION");
    expectConforms(code.toCreateJson(), schema, "authentication template");
}

TEST_F(SpecConformance, MarkReadMatchesTheSpecExample)
{
    REQUIRE_SPEC();
    const QJsonObject example = spec().requestExample(kMessagesPath, QStringLiteral("post"),
                                                      QStringLiteral("Send typing indicator and read receipt"));
    ASSERT_FALSE(example.isEmpty());
    const QJsonObject body = Payloads::markRead(QStringLiteral("wamid.HBgM123"), true);
    EXPECT_EQ(body.keys(), example.keys());
    EXPECT_EQ(body.value(QLatin1String("typing_indicator")), example.value(QLatin1String("typing_indicator")));
    EXPECT_EQ(body.value(QLatin1String("status")), example.value(QLatin1String("status")));
    ++checkedCount();
}

TEST_F(SpecConformance, BusinessProfileUpdateAndMediaUploadFields)
{
    REQUIRE_SPEC();
    BusinessProfile profile;
    profile.about = QStringLiteral("Hogar y decoración");
    profile.address = QStringLiteral("Calle de la Paz 12, Valencia");
    profile.description = QStringLiteral("Lámparas, textiles y menaje.");
    profile.email = QStringLiteral("hola@casalumbre.example");
    profile.websites = {QStringLiteral("https://casalumbre.example")};
    profile.vertical = QStringLiteral("RETAIL");
    profile.profilePictureHandle = QStringLiteral("4:dGllbmRhLmpwZw==:aW1hZ2UvanBlZw==:sandbox1");
    expectConforms(profile.toUpdateJson(),
                   spec().requestSchema(QStringLiteral("/{Version}/{Phone-Number-ID}/whatsapp_business_profile"), QStringLiteral("post")),
                   "business profile update");

    // The upload is multipart: UploadMediaJob writes file and messaging_product, which the spec
    // names, and type (the MIME type), which Meta's reference requires though v23's spec omits it
    // (Meta's media upload reference: "multipart: file, type, messaging_product").
    const QJsonObject multipart = spec().requestSchema(QStringLiteral("/{Version}/{Phone-Number-ID}/media"), QStringLiteral("post"),
                                                       QStringLiteral("multipart/form-data"));
    const QJsonObject properties = multipart.value(QLatin1String("properties")).toObject();
    for (const char *field : {"file", "messaging_product"})
        EXPECT_TRUE(properties.contains(QLatin1String(field))) << field;
    ++checkedCount();
}

// The checker itself must be able to say no, or the tests above prove nothing.
TEST_F(SpecConformance, TheCheckerRejectsWhatTheSpecForbids)
{
    REQUIRE_SPEC();
    const QJsonObject schema = spec().requestSchema(kMessagesPath, QStringLiteral("post"));
    QJsonObject text = Payloads::text(kTo, QStringLiteral("hola"));
    text.insert(QStringLiteral("colour"), QStringLiteral("blue"));
    EXPECT_FALSE(spec().validate(text, schema).isEmpty());

    QJsonObject noRecipient = Payloads::text(kTo, QStringLiteral("hola"));
    noRecipient.remove(QStringLiteral("to"));
    EXPECT_FALSE(spec().validate(noRecipient, schema).isEmpty());

    QJsonObject wrongType = Payloads::text(kTo, QStringLiteral("hola"));
    wrongType.insert(QStringLiteral("text"), QJsonObject{{QStringLiteral("body"), 42}});
    EXPECT_FALSE(spec().validate(wrongType, schema).isEmpty());

    EXPECT_FALSE(spec().validate(Payloads::text(kReplyWithCallback, QStringLiteral("hola")), schema).isEmpty())
        << "without the documented extra, biz_opaque_callback_data is outside v23's schema";
}
