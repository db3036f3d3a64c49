#include "optout.h"

#include <QRegularExpression>
#include <QStringList>

namespace Mostrador::OptOut {

namespace {

// Lowercase, without accents or punctuation, spaces folded.
QString plain(const QString &text)
{
    QString folded;
    for (const QChar c : text.normalized(QString::NormalizationForm_D).toLower()) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        folded += c.isLetterOrNumber() ? c : QChar(QLatin1Char(' '));
    }
    return folded.simplified();
}

} // namespace

bool isRequest(const QString &text)
{
    const QString said = plain(text);
    if (said.isEmpty() || said.size() > 60)
        return false;
    // The whole message is one of these words…
    static const QStringList whole{
        // Not "cancelar" or "parar": in a shop's chat they are about an order, not the promotions.
        QStringLiteral("baja"),         QStringLiteral("stop"),          QStringLiteral("no mas"),
        QStringLiteral("darme de baja"), QStringLiteral("dar de baja"),  QStringLiteral("unsubscribe"),
        QStringLiteral("sair"),         QStringLiteral("parar promocoes"), QStringLiteral("stop promotions"),
        QStringLiteral("detener promociones"), QStringLiteral("no mas promociones"), QStringLiteral("no mas mensajes"),
        QStringLiteral("opt out"),      QStringLiteral("desuscribir"),   QStringLiteral("desuscribirme"),
    };
    if (whole.contains(said))
        return true;
    // …or a short sentence that asks for it.
    static const QRegularExpression asks(QStringLiteral(
        "^(por favor |porfa )?(no (me )?(envien|manden|escriban|mandes|envies) mas|no quiero (recibir )?mas|"
        "quiero darme de baja|dame de baja|denme de baja|stop sending|please stop|no more messages)( .*)?$"));
    return asks.match(said).hasMatch();
}

bool isOptIn(const QString &text)
{
    static const QStringList whole{QStringLiteral("alta"), QStringLiteral("start"), QStringLiteral("unstop"),
                                   QStringLiteral("quiero promociones"), QStringLiteral("si quiero promociones"),
                                   QStringLiteral("suscribirme"), QStringLiteral("darme de alta"), QStringLiteral("subscribe")};
    return whole.contains(plain(text));
}

} // namespace Mostrador::OptOut
