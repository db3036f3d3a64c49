#include "optout.h"

#include <QRegularExpression>
#include <QSet>
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

// "ya no me manden más promociones por favor, BAJA": a stop word anywhere, when every other word
// only asks to stop ("la lámpara baja" is a low lamp, so one word about anything else is enough
// for it not to count).
bool isKeywordInARequest(const QString &said)
{
    if (said.size() > 100)
        return false;
    static const QSet<QString> keywords{QStringLiteral("baja"), QStringLiteral("stop"), QStringLiteral("unsubscribe"),
                                        QStringLiteral("desuscribir"), QStringLiteral("desuscribirme"), QStringLiteral("sair")};
    static const QSet<QString> asking{
        QStringLiteral("ya"), QStringLiteral("no"), QStringLiteral("me"), QStringLiteral("nos"), QStringLiteral("manden"),
        QStringLiteral("envien"), QStringLiteral("mandes"), QStringLiteral("envies"), QStringLiteral("escriban"),
        QStringLiteral("mas"), QStringLiteral("promociones"), QStringLiteral("promocion"), QStringLiteral("ofertas"),
        QStringLiteral("publicidad"), QStringLiteral("mensajes"), QStringLiteral("por"), QStringLiteral("favor"),
        QStringLiteral("porfa"), QStringLiteral("quiero"), QStringLiteral("recibir"), QStringLiteral("gracias"),
        QStringLiteral("de"), QStringLiteral("dar"), QStringLiteral("darme"), QStringLiteral("dame"), QStringLiteral("denme"),
        QStringLiteral("hola"), QStringLiteral("buenas"), QStringLiteral("ok"), QStringLiteral("y"), QStringLiteral("a"),
        QStringLiteral("la"), QStringLiteral("las"), QStringLiteral("los"), QStringLiteral("esto"), QStringLiteral("eso"),
        QStringLiteral("solicito"), QStringLiteral("pido"), QStringLiteral("please"), QStringLiteral("send"),
        QStringLiteral("sending"), QStringLiteral("messages"), QStringLiteral("promotions"), QStringLiteral("offers"),
        QStringLiteral("more"), QStringLiteral("thanks"), QStringLiteral("nao"), QStringLiteral("mais"),
        QStringLiteral("promocoes"), QStringLiteral("mensagens"), QStringLiteral("obrigado"), QStringLiteral("obrigada")};
    const QStringList words = said.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    bool keyword = false;
    for (const QString &word : words) {
        if (keywords.contains(word))
            keyword = true;
        else if (!asking.contains(word))
            return false;
    }
    return keyword;
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
    // …or a short sentence that asks for it…
    static const QRegularExpression asks(QStringLiteral(
        "^((por favor|porfa|ya|hola|buenas|ok) )*(no (me |nos )?(envien|manden|escriban|mandes|envies) mas|"
        "no quiero (recibir )?mas|quiero darme de baja|dame de baja|denme de baja|stop sending|please stop|"
        "no more messages)( .*)?$"));
    if (asks.match(said).hasMatch())
        return true;
    return isKeywordInARequest(said);
}

bool isOptIn(const QString &text)
{
    static const QStringList whole{QStringLiteral("alta"), QStringLiteral("start"), QStringLiteral("unstop"),
                                   QStringLiteral("quiero promociones"), QStringLiteral("si quiero promociones"),
                                   QStringLiteral("suscribirme"), QStringLiteral("darme de alta"), QStringLiteral("subscribe")};
    return whole.contains(plain(text));
}

} // namespace Mostrador::OptOut
