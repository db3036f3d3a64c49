#include "api/templatetext.h"

#include "qtprinting.h"

#include <gtest/gtest.h>

using namespace Mostrador;

namespace {

MessageTemplate approved(const QString &name, const QString &language, const QString &status = QStringLiteral("APPROVED"))
{
    MessageTemplate result;
    result.name = name;
    result.language = language;
    result.status = status;
    return result;
}

QStringList names(const QList<MessageTemplate> &templates)
{
    QStringList result;
    for (const MessageTemplate &one : templates)
        result << one.name + QLatin1Char('/') + one.language;
    return result;
}

} // namespace

TEST(TemplateText, SaysWhatEachVariableFillsAndWhichIsTheCustomersName)
{
    const TemplateText text(QStringLiteral("Hola {{1}}, tu pedido {{2}} ya está listo. Puedes recogerlo en la tienda."));
    ASSERT_EQ(text.variableCount(), 2);
    EXPECT_EQ(text.context(0), QStringLiteral("Hola ___, tu pedido …"));
    EXPECT_EQ(text.context(1), QStringLiteral("Hola …, tu pedido ___ ya está listo. …"));
    EXPECT_EQ(text.customerNameVariable(), 0);
    EXPECT_EQ(text.render({QStringLiteral("Lucía")}), QStringLiteral("Hola Lucía, tu pedido [2] ya está listo. Puedes recogerlo en la tienda."));
    EXPECT_EQ(text.render({QStringLiteral("Lucía"), QStringLiteral("1042")}),
              QStringLiteral("Hola Lucía, tu pedido 1042 ya está listo. Puedes recogerlo en la tienda."));

    EXPECT_EQ(TemplateText(QStringLiteral("¡Hola {{1}}! Esta Navidad, 20 % en textiles.")).customerNameVariable(), 0);
    EXPECT_EQ(TemplateText(QStringLiteral("Hi {{1}}, your order {{2}} is ready.")).customerNameVariable(), 0);
    EXPECT_EQ(TemplateText(QStringLiteral("Buenos días {{1}}: llegó tu manta.")).customerNameVariable(), 0);
    EXPECT_EQ(TemplateText(QStringLiteral("Your code is {{1}}.")).customerNameVariable(), -1);
    EXPECT_EQ(TemplateText(QStringLiteral("Order {{1}} for {{2}}.")).customerNameVariable(), -1);

    const TemplateText named(QStringLiteral("{{first_name}}, tu pedido {{order}} llegó. Gracias, {{first_name}}."));
    ASSERT_EQ(named.variableCount(), 2);
    EXPECT_EQ(named.variableName(1), QStringLiteral("order"));
    EXPECT_EQ(named.customerNameVariable(), 0);
    EXPECT_EQ(named.render({QStringLiteral("Ana"), QStringLiteral("7")}), QStringLiteral("Ana, tu pedido 7 llegó. Gracias, Ana."));
}

TEST(TemplateChoice, TheCustomersLanguageFirstThenTheShopsAndNoSamplesUnlessAsked)
{
    const QList<MessageTemplate> all{approved(QStringLiteral("hello_world"), QStringLiteral("en_US")),
                                     approved(QStringLiteral("sample_purchase_receipt"), QStringLiteral("es")),
                                     approved(QStringLiteral("recordatorio_pago"), QStringLiteral("es")),
                                     approved(QStringLiteral("order_ready"), QStringLiteral("en")),
                                     approved(QStringLiteral("pedido_listo"), QStringLiteral("es_MX")),
                                     approved(QStringLiteral("pedido_pronto"), QStringLiteral("pt_BR")),
                                     approved(QStringLiteral("oferta_navidad"), QStringLiteral("es"), QStringLiteral("PENDING"))};

    EXPECT_EQ(names(TemplateChoice::offered(all, QStringLiteral("es"), QStringLiteral("es"), false)),
              (QStringList{QStringLiteral("pedido_listo/es_MX"), QStringLiteral("recordatorio_pago/es"),
                           QStringLiteral("order_ready/en"), QStringLiteral("pedido_pronto/pt_BR")}));
    // A Brazilian customer of a Spanish shop: Portuguese first.
    EXPECT_EQ(names(TemplateChoice::offered(all, QStringLiteral("pt"), QStringLiteral("es"), false)).first(),
              QStringLiteral("pedido_pronto/pt_BR"));
    EXPECT_EQ(TemplateChoice::offered(all, QStringLiteral("es"), QStringLiteral("es"), true).size(), 6);
    EXPECT_TRUE(TemplateChoice::isMetaSample(all.at(0)));
    EXPECT_EQ(TemplateChoice::displayName(all.at(2)), QStringLiteral("Recordatorio pago"));
}

// A customer who said no to promotions: no marketing template is the one offered first, even in
// their own language; the others keep their order.
TEST(TemplateChoice, ForACustomerWhoSaidNoPromotionsComeLast)
{
    MessageTemplate promotion = approved(QStringLiteral("oferta_navidad"), QStringLiteral("es"));
    promotion.category = QStringLiteral("MARKETING");
    MessageTemplate ready = approved(QStringLiteral("order_ready"), QStringLiteral("en"));
    ready.category = QStringLiteral("UTILITY");
    const QList<MessageTemplate> all{promotion, ready};

    EXPECT_EQ(names(TemplateChoice::offered(all, QStringLiteral("es"), QStringLiteral("es"), false)).first(),
              QStringLiteral("oferta_navidad/es"));
    EXPECT_EQ(names(TemplateChoice::offered(all, QStringLiteral("es"), QStringLiteral("es"), false, true)),
              (QStringList{QStringLiteral("order_ready/en"), QStringLiteral("oferta_navidad/es")}));
    EXPECT_TRUE(TemplateChoice::isPromotion(promotion));
    EXPECT_FALSE(TemplateChoice::isPromotion(ready));
}
