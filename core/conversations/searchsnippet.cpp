#include "searchsnippet.h"

#include "conversations/conversationtypes.h"

#include <QRegularExpression>

namespace Mostrador::SearchText {

namespace {

struct Word {
    qsizetype start;
    qsizetype end;
};

QList<Word> words(const QString &text)
{
    QList<Word> result;
    qsizetype i = 0;
    while (i < text.size()) {
        while (i < text.size() && !text.at(i).isLetterOrNumber())
            ++i;
        const qsizetype start = i;
        while (i < text.size() && text.at(i).isLetterOrNumber())
            ++i;
        if (i > start)
            result << Word{start, i};
    }
    return result;
}

} // namespace

QString fold(const QString &text)
{
    QString folded = text.toLower();
    for (QChar &c : folded) {
        if (c.unicode() < 0x80)
            continue;
        const QString decomposed = c.decomposition();
        if (!decomposed.isEmpty() && c.decompositionTag() == QChar::Canonical)
            c = decomposed.at(0);
    }
    return folded;
}

QStringList terms(const QString &query)
{
    QStringList result;
    const QString folded = fold(query);
    for (const Word &word : words(folded))
        result << folded.mid(word.start, word.end - word.start);
    return result;
}

QString snippet(const QString &text, const QStringList &queryTerms, int contextWords)
{
    const QString folded = fold(text);
    const QList<Word> all = words(folded);
    QList<bool> hit(all.size(), false);
    qsizetype first = -1;
    for (qsizetype i = 0; i < all.size(); ++i) {
        const QStringView word = QStringView(folded).mid(all.at(i).start, all.at(i).end - all.at(i).start);
        for (const QString &term : queryTerms) {
            if (word.startsWith(term)) {
                hit[i] = true;
                if (first < 0)
                    first = i;
                break;
            }
        }
    }
    if (all.isEmpty())
        return text;
    const qsizetype from = std::max<qsizetype>(0, (first < 0 ? 0 : first) - contextWords);
    const qsizetype to = std::min<qsizetype>(all.size() - 1, from + 2 * contextWords);

    QString result;
    if (from > 0)
        result += QStringLiteral("…");
    qsizetype position = from > 0 ? all.at(from).start : 0;
    for (qsizetype i = from; i <= to; ++i) {
        result += text.mid(position, all.at(i).start - position);
        const QString word = text.mid(all.at(i).start, all.at(i).end - all.at(i).start);
        result += hit.at(i) ? QString(kHighlightStart) + word + QString(kHighlightEnd) : word;
        position = all.at(i).end;
    }
    if (to < all.size() - 1)
        result += QStringLiteral("…");
    else
        result += text.mid(position);
    return result;
}

} // namespace Mostrador::SearchText
