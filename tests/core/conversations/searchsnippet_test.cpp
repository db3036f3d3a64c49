#include "conversations/searchsnippet.h"
#include "conversations/conversationtypes.h"

#include "qtprinting.h"

#include <gtest/gtest.h>

using namespace Mostrador;

namespace {

QString marked(const QString &text)
{
    QString result = text;
    result.replace(kHighlightStart, QLatin1Char('['));
    result.replace(kHighlightEnd, QLatin1Char(']'));
    return result;
}

} // namespace

TEST(SearchText, FoldsAccentsAndCaseKeepingPositions)
{
    EXPECT_EQ(SearchText::fold(QStringLiteral("Canción ÁRBOL Ñandú ü")), QStringLiteral("cancion arbol nandu u"));
    const QString original = QStringLiteral("Lámpara Nube");
    EXPECT_EQ(SearchText::fold(original).size(), original.size());
    EXPECT_EQ(SearchText::terms(QStringLiteral("  ¿Cuánto,  cuesta? ")), (QStringList{QStringLiteral("cuanto"), QStringLiteral("cuesta")}));
}

TEST(SearchText, HighlightsWholeWordsInTheOriginalSpelling)
{
    const QString snippet = SearchText::snippet(QStringLiteral("¿Tenéis la canción de la lámpara?"), {QStringLiteral("cancion"), QStringLiteral("lamp")});
    EXPECT_EQ(marked(snippet), QStringLiteral("¿Tenéis la [canción] de la [lámpara]?"));
}

TEST(SearchText, CutsLongTextsAroundTheFirstMatch)
{
    QStringList words;
    for (int i = 0; i < 40; ++i)
        words << QStringLiteral("palabra%1").arg(i);
    words[25] = QStringLiteral("envío");
    const QString snippet = marked(SearchText::snippet(words.join(QLatin1Char(' ')), {QStringLiteral("envio")}, 3));
    EXPECT_EQ(snippet, QStringLiteral("…palabra22 palabra23 palabra24 [envío] palabra26 palabra27 palabra28…"));
}
