// Meta's rules for a template, checked before it is submitted, and the request it becomes.
#include "api/templatedraft.h"
#include "qtprinting.h"

#include <QJsonArray>

#include <gtest/gtest.h>

using namespace Mostrador;

namespace {

TemplateDraft valid()
{
    TemplateDraft draft;
    draft.name = QStringLiteral("pedido_listo");
    draft.body = QStringLiteral("Hola {{1}}, tu pedido {{2}} ya está listo.");
    draft.examples = {QStringLiteral("Lucía"), QStringLiteral("1042")};
    return draft;
}

bool says(const TemplateDraft &draft, const char *words)
{
    const QStringList problems = draft.problems();
    return std::any_of(problems.cbegin(), problems.cend(), [&](const QString &problem) { return problem.contains(QLatin1String(words)); });
}

} // namespace

TEST(TemplateDraft, AValidDraftHasNoProblems)
{
    EXPECT_TRUE(valid().problems().isEmpty()) << valid().problems().join(QLatin1Char('\n')).toStdString();
}

TEST(TemplateDraft, NamesFollowMetasRulesAndAreSuggestedFromWhatPeopleType)
{
    EXPECT_TRUE(TemplateDraft::nameProblem(QStringLiteral("pedido_listo_2")).isEmpty());
    EXPECT_FALSE(TemplateDraft::nameProblem(QStringLiteral("Pedido listo")).isEmpty());
    EXPECT_FALSE(TemplateDraft::nameProblem(QStringLiteral("envío")).isEmpty());
    EXPECT_FALSE(TemplateDraft::nameProblem(QString()).isEmpty());
    EXPECT_FALSE(TemplateDraft::nameProblem(QString(513, QLatin1Char('a'))).isEmpty());
    EXPECT_EQ(TemplateDraft::suggestedName(QStringLiteral("¡Envío de Mañana! 2")), QStringLiteral("envio_de_manana_2"));
}

TEST(TemplateDraft, EveryLimitOfTheBodyIsSaid)
{
    TemplateDraft draft = valid();
    draft.body = QString(1025, QLatin1Char('a'));
    EXPECT_TRUE(says(draft, "1025 characters"));

    draft = valid();
    draft.body = QStringLiteral("{{1}}, tu pedido {{2}} ya está listo.");
    EXPECT_TRUE(says(draft, "cannot start with a variable"));

    draft = valid();
    draft.body = QStringLiteral("Hola {{1}}, tu pedido es el {{2}}");
    EXPECT_TRUE(says(draft, "cannot end with a variable"));

    draft = valid();
    draft.body = QStringLiteral("Hola {{1}} {{2}}, ya está.");
    EXPECT_TRUE(says(draft, "side by side"));

    draft = valid();
    draft.body = QStringLiteral("Hola {{1}}, tu pedido {{3}} ya está listo.");
    EXPECT_TRUE(says(draft, "{{2}} is missing"));

    draft = valid();
    draft.body = QStringLiteral("Hola {{first_name}}, tu pedido {{2}} ya está listo.");
    EXPECT_TRUE(says(draft, "not both"));

    draft = valid();
    draft.body = QStringLiteral("Hola {{Nombre}}, ya está.");
    EXPECT_TRUE(says(draft, "{{Nombre}} is not a variable"));

    draft = valid();
    draft.examples = {QStringLiteral("Lucía")};
    EXPECT_TRUE(says(draft, "{{2}} needs an example"));

    draft = valid();
    draft.body.clear();
    EXPECT_TRUE(says(draft, "needs a text"));
}

TEST(TemplateDraft, HeaderFooterAndButtonsKeepMetasLimits)
{
    TemplateDraft draft = valid();
    draft.header = TemplateDraft::Header::Text;
    draft.headerText = QString(61, QLatin1Char('h'));
    EXPECT_TRUE(says(draft, "header has 61"));
    draft.headerText = QStringLiteral("{{1}} y {{2}}");
    EXPECT_TRUE(says(draft, "one variable at most"));
    draft.headerText = QStringLiteral("Para {{1}}");
    EXPECT_TRUE(says(draft, "header's variable needs an example"));

    draft = valid();
    draft.header = TemplateDraft::Header::Image;
    EXPECT_TRUE(says(draft, "example file"));

    draft = valid();
    draft.footer = QStringLiteral("Hasta {{1}}");
    EXPECT_TRUE(says(draft, "footer cannot have variables"));
    draft.footer = QString(61, QLatin1Char('f'));
    EXPECT_TRUE(says(draft, "footer has 61"));

    draft = valid();
    for (int i = 0; i < 11; ++i)
        draft.buttons << TemplateButton{TemplateButton::Kind::QuickReply, QStringLiteral("Opción %1").arg(i), {}, {}};
    EXPECT_TRUE(says(draft, "10 buttons at most"));

    draft = valid();
    draft.buttons = {{TemplateButton::Kind::QuickReply, QString(26, QLatin1Char('b')), {}, {}}};
    EXPECT_TRUE(says(draft, "longer than 25"));

    draft = valid();
    const TemplateButton link{TemplateButton::Kind::Url, QStringLiteral("Ver"), QStringLiteral("https://a.example"), {}};
    draft.buttons = {link, link, link};
    EXPECT_TRUE(says(draft, "2 link buttons"));

    draft = valid();
    draft.buttons = {{TemplateButton::Kind::Url, QStringLiteral("Ver"), QStringLiteral("https://a.example/{{1}}/x"), {}}};
    EXPECT_TRUE(says(draft, "at its very end"));
    draft.buttons = {{TemplateButton::Kind::Url, QStringLiteral("Ver"), QStringLiteral("https://a.example/{{1}}"), {}}};
    EXPECT_TRUE(says(draft, "example of the whole address"));
    draft.buttons = {{TemplateButton::Kind::Url, QStringLiteral("Ver"), QStringLiteral("casanube.example"), {}}};
    EXPECT_TRUE(says(draft, "https://"));

    draft = valid();
    const TemplateButton call{TemplateButton::Kind::Phone, QStringLiteral("Llamar"), QStringLiteral("+57 601 555 0100"), {}};
    draft.buttons = {call, call};
    EXPECT_TRUE(says(draft, "one call button"));
    draft.buttons = {{TemplateButton::Kind::Phone, QStringLiteral("Llamar"), QStringLiteral("601 555 0100"), {}}};
    EXPECT_TRUE(says(draft, "country code"));

    draft = valid();
    const TemplateButton quick{TemplateButton::Kind::QuickReply, QStringLiteral("Sí"), {}, {}};
    draft.buttons = {quick, call, quick};
    EXPECT_TRUE(says(draft, "go together"));
}

TEST(TemplateDraft, ButtonsAreReadAsTheCommandLineWritesThem)
{
    QString problem;
    const auto link = TemplateButton::parse(QStringLiteral("url:Ver pedido=https://casanube.example/p/{{1}}"), &problem);
    ASSERT_TRUE(link);
    EXPECT_EQ(link->kind, TemplateButton::Kind::Url);
    EXPECT_EQ(link->text, QStringLiteral("Ver pedido"));
    EXPECT_EQ(link->target, QStringLiteral("https://casanube.example/p/{{1}}"));
    EXPECT_EQ(TemplateButton::parse(QStringLiteral("phone:Llamar=+57 601 555 0100"), &problem)->kind, TemplateButton::Kind::Phone);
    EXPECT_EQ(TemplateButton::parse(QStringLiteral("quick:La recojo"), &problem)->text, QStringLiteral("La recojo"));
    EXPECT_FALSE(TemplateButton::parse(QStringLiteral("web:Ver"), &problem));
    EXPECT_TRUE(problem.contains(QLatin1String("quick:TEXT")));
}

TEST(TemplateDraft, TheRequestCarriesExamplesInEachForm)
{
    TemplateDraft positional = valid();
    positional.body = QStringLiteral("Tu pedido {{2}} está listo, {{1}}.");
    positional.examples = {QStringLiteral("1042"), QStringLiteral("Lucía")}; // in the order they appear
    const QJsonObject json = positional.toCreateJson();
    EXPECT_EQ(json.value(QLatin1String("category")).toString(), QStringLiteral("UTILITY"));
    EXPECT_FALSE(json.contains(QLatin1String("parameter_format")));
    const QJsonObject body = json.value(QLatin1String("components")).toArray().first().toObject();
    EXPECT_EQ(body.value(QLatin1String("type")).toString(), QStringLiteral("BODY"));
    // Meta wants them by number: {{1}} first.
    EXPECT_EQ(body.value(QLatin1String("example")).toObject().value(QLatin1String("body_text")).toArray().first().toArray(),
              (QJsonArray{QStringLiteral("Lucía"), QStringLiteral("1042")}));

    TemplateDraft named = valid();
    named.body = QStringLiteral("Hola {{first_name}}, llegó tu manta.");
    named.examples = {QStringLiteral("Lucía")};
    const QJsonObject namedJson = named.toCreateJson();
    EXPECT_EQ(namedJson.value(QLatin1String("parameter_format")).toString(), QStringLiteral("NAMED"));
    const QJsonObject param = namedJson.value(QLatin1String("components")).toArray().first().toObject().value(QLatin1String("example"))
                                  .toObject().value(QLatin1String("body_text_named_params")).toArray().first().toObject();
    EXPECT_EQ(param.value(QLatin1String("param_name")).toString(), QStringLiteral("first_name"));
    EXPECT_EQ(param.value(QLatin1String("example")).toString(), QStringLiteral("Lucía"));

    // And back: a template read from Meta's list becomes the same draft.
    const TemplateDraft again = TemplateDraft::fromTemplate(MessageTemplate::fromJson(positional.toCreateJson()));
    EXPECT_EQ(again.body, positional.body);
    EXPECT_EQ(again.examples, positional.examples);
}
