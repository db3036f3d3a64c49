#include "automation/quickreplies.h"

#include "automation/autoresponder.h"
#include "qtprinting.h"
#include "temporarystore.h"

#include <gtest/gtest.h>

using namespace Mostrador;
using namespace Mostrador::Testing;

namespace {

QStringList shortcuts(const QList<QuickReply> &replies)
{
    QStringList names;
    for (const QuickReply &reply : replies)
        names << reply.shortcut;
    return names;
}

} // namespace

TEST(QuickReplies, KeptInTheStoreWithTheirUseAndClearErrors)
{
    TemporaryStore store;
    auto database = store.open();
    ASSERT_NE(database, nullptr);
    QuickReplyStore replies(*database);
    StoreError error;
    const auto envio = replies.save({0, QStringLiteral("/envio"), QStringLiteral("Envío a Bogotá"),
                                     QStringLiteral("Hola {nombre}, el envío a Bogotá cuesta $12.000 y llega en 2 días."), 0, {}}, &error);
    ASSERT_TRUE(envio) << error.detail.toStdString();
    ASSERT_TRUE(replies.save({0, QStringLiteral("pago"), QStringLiteral("Medios de pago"), QStringLiteral("Nequi, Daviplata o transferencia."), 0, {}}, &error));
    EXPECT_FALSE(replies.recordUse(*envio).isError());

    const QList<QuickReply> all = replies.all(&error);
    ASSERT_FALSE(error.isError());
    EXPECT_EQ(shortcuts(all), (QStringList{QStringLiteral("envio"), QStringLiteral("pago")})) << "stored without the slash, in order";
    EXPECT_EQ(all.first().useCount, 1);

    EXPECT_FALSE(replies.save({0, QStringLiteral("pago"), QStringLiteral("Otro"), QStringLiteral("Texto"), 0, {}}, &error));
    EXPECT_EQ(error.userMessage, QStringLiteral("There is already a quick reply called /pago."));
    EXPECT_FALSE(replies.save({0, QStringLiteral("dos palabras"), QString(), QStringLiteral("Texto"), 0, {}}, &error));
    EXPECT_EQ(error.userMessage, QStringLiteral("A quick reply needs a shortcut without spaces (such as envio) and a text."));
    EXPECT_EQ(replies.all(&error).size(), 2) << "nothing half-saved";

    QuickReply withFile = all.last();
    withFile.attachments = {{QStringLiteral("qr-pago.png"), store.directory() + QStringLiteral("/qr.png")}};
    ASSERT_TRUE(replies.save(withFile, &error));
    EXPECT_EQ(replies.all(&error).last().attachments, withFile.attachments) << "attached files are kept with the reply";

    EXPECT_FALSE(replies.remove(*envio).isError());
    EXPECT_EQ(shortcuts(replies.all(&error)), QStringList{QStringLiteral("pago")});
}

TEST(QuickReplies, MatchingIgnoresAccentsAndCaseAndPrefersShortcutsThenUse)
{
    const QList<QuickReply> replies{
        {1, QStringLiteral("horario"), QStringLiteral("Horario de la tienda"), QStringLiteral("Abrimos de 9 a 13 y de 16 a 20."), 0, {}},
        {2, QStringLiteral("envio"), QStringLiteral("Envío a Bogotá"), QStringLiteral("El envío cuesta $12.000."), 3, {}},
        {3, QStringLiteral("envio-gratis"), QStringLiteral("Envío gratis"), QStringLiteral("Gratis desde $150.000."), 9, {}},
        {4, QStringLiteral("pago"), QStringLiteral("Medios de pago"), QStringLiteral("Nequi o transferencia; el envío va aparte."), 0, {}},
    };
    EXPECT_EQ(shortcuts(QuickReplies::matching(replies, QStringLiteral("/ENVÍO"))),
              (QStringList{QStringLiteral("envio-gratis"), QStringLiteral("envio"), QStringLiteral("pago")}))
        << "shortcuts first (the most used first), then the text that mentions it";
    EXPECT_EQ(shortcuts(QuickReplies::matching(replies, QStringLiteral("bogota"))), QStringList{QStringLiteral("envio")});
    EXPECT_EQ(shortcuts(QuickReplies::matching(replies, QStringLiteral("hrio"))), QStringList{QStringLiteral("horario")})
        << "letters in order";
    EXPECT_EQ(QuickReplies::matching(replies, QStringLiteral("/")).size(), 4);
    EXPECT_TRUE(QuickReplies::matching(replies, QStringLiteral("zapatos")).isEmpty());

    EXPECT_EQ(AutoResponder::expand(replies.at(1).body + QStringLiteral(" Gracias, {nombre}."), QStringLiteral("José Ángel"),
                                    QString(), QDate(2026, 11, 17), QLocale(QLocale::Spanish)),
              QStringLiteral("El envío cuesta $12.000. Gracias, José."));
}
