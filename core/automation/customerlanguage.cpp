#include "customerlanguage.h"

#include <QRegularExpression>
#include <QSet>

namespace Mostrador::CustomerLanguage {

namespace {

// Short, frequent words that rarely appear in the other language.
const QSet<QString> &englishWords()
{
    static const QSet<QString> kWords{
        QStringLiteral("the"), QStringLiteral("and"), QStringLiteral("is"), QStringLiteral("are"), QStringLiteral("you"),
        QStringLiteral("hello"), QStringLiteral("hi"), QStringLiteral("thanks"), QStringLiteral("thank"), QStringLiteral("please"),
        QStringLiteral("do"), QStringLiteral("does"), QStringLiteral("what"), QStringLiteral("how"), QStringLiteral("much"),
        QStringLiteral("can"), QStringLiteral("have"), QStringLiteral("my"), QStringLiteral("your"), QStringLiteral("it"),
        QStringLiteral("this"), QStringLiteral("that"), QStringLiteral("ship"), QStringLiteral("price"), QStringLiteral("open"),
        QStringLiteral("when"), QStringLiteral("where"), QStringLiteral("order"), QStringLiteral("i"), QStringLiteral("to"),
        QStringLiteral("of"), QStringLiteral("for"), QStringLiteral("with"), QStringLiteral("still"), QStringLiteral("available")};
    return kWords;
}

const QSet<QString> &spanishWords()
{
    static const QSet<QString> kWords{
        QStringLiteral("el"), QStringLiteral("la"), QStringLiteral("los"), QStringLiteral("las"), QStringLiteral("y"),
        QStringLiteral("es"), QStringLiteral("hola"), QStringLiteral("gracias"), QStringLiteral("por"), QStringLiteral("favor"),
        QStringLiteral("que"), QStringLiteral("qué"), QStringLiteral("cómo"), QStringLiteral("cuánto"), QStringLiteral("cuanto"),
        QStringLiteral("tienen"), QStringLiteral("tienes"), QStringLiteral("tenéis"), QStringLiteral("mi"), QStringLiteral("su"),
        QStringLiteral("de"), QStringLiteral("en"), QStringLiteral("para"), QStringLiteral("con"), QStringLiteral("envío"),
        QStringLiteral("envio"), QStringLiteral("precio"), QStringLiteral("buenas"), QStringLiteral("buenos"), QStringLiteral("días"),
        QStringLiteral("pedido"), QStringLiteral("quiero"), QStringLiteral("un"), QStringLiteral("una"), QStringLiteral("sí")};
    return kWords;
}

// Calling codes of countries where customers usually write in English (NANP +1 covers the
// United States, Canada and much of the Caribbean).
bool englishSpeakingNumber(const QString &waId)
{
    static const QStringList kPrefixes{QStringLiteral("1"),  QStringLiteral("44"), QStringLiteral("61"), QStringLiteral("64"),
                                       QStringLiteral("353"), QStringLiteral("27"), QStringLiteral("234"), QStringLiteral("254"),
                                       QStringLiteral("233"), QStringLiteral("65")};
    for (const QString &prefix : kPrefixes) {
        if (waId.startsWith(prefix))
            return true;
    }
    return false;
}

} // namespace

QString guess(const QStringList &texts, const QString &waId)
{
    static const QRegularExpression kWord(QStringLiteral("[\\p{L}']+"));
    int english = 0;
    int spanish = 0;
    for (const QString &text : texts) {
        if (text.contains(QChar(u'¿')) || text.contains(QChar(u'¡')) || text.contains(QChar(u'ñ')))
            spanish += 2;
        for (auto it = kWord.globalMatch(text.toLower()); it.hasNext();) {
            const QString word = it.next().captured();
            english += englishWords().contains(word) ? 1 : 0;
            spanish += spanishWords().contains(word) ? 1 : 0;
        }
    }
    if (english != spanish)
        return english > spanish ? QStringLiteral("en") : QStringLiteral("es");
    return englishSpeakingNumber(waId) ? QStringLiteral("en") : QStringLiteral("es");
}

} // namespace Mostrador::CustomerLanguage
