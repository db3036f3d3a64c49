#include "messaging/optout.h"
#include "qtprinting.h"

#include <gtest/gtest.h>

using namespace Mostrador;

TEST(OptOut, TheWaysCustomersSayStop)
{
    for (const char *said : {"BAJA", "baja", "Stop", "STOP.", "no más", "No mas!!", "Detener promociones", "Stop promotions",
                             "por favor no me envíen más mensajes", "no quiero recibir más promociones", "Dame de baja 🙏",
                             "unsubscribe", "Parar promoções", "ya no me manden más promociones por favor, BAJA",
                             "Baja por favor, gracias", "STOP please, no more messages", "Hola, ya no me envíen más ofertas"})
        EXPECT_TRUE(OptOut::isRequest(QString::fromUtf8(said))) << said;
}

TEST(OptOut, OrdinaryMessagesAreNotARequest)
{
    for (const char *said : {"¿No más cojines azules?", "Hola, quiero la manta", "stop, ¿tienen la lámpara grande en blanco? la necesito",
                             "La baja de precio es hasta cuándo?", "", "no", "Cancelar", "cancelar el pedido",
                             "la lámpara baja, ¿cuánto cuesta?", "Quiero parar el pedido, ya no lo necesito",
                             "no me manden el pedido todavía, BAJA de precio?"})
        EXPECT_FALSE(OptOut::isRequest(QString::fromUtf8(said))) << said;
}

TEST(OptOut, AskingToGetThemAgain)
{
    for (const char *said : {"ALTA", "Alta.", "START", "Sí, quiero promociones"})
        EXPECT_TRUE(OptOut::isOptIn(QString::fromUtf8(said))) << said;
    EXPECT_FALSE(OptOut::isOptIn(QStringLiteral("La alta, la lámpara alta")));
}
