#pragma once

#include <QString>
#include <QStringList>

namespace Mostrador {

// Search text helpers shared by the store's search and its tests.
namespace SearchText {

// Lower case without accents, one character for one character ("Canción" → "cancion"), so
// positions in the folded text are positions in the original.
[[nodiscard]] QString fold(const QString &text);

// The words of a query, folded.
[[nodiscard]] QStringList terms(const QString &query);

// A short excerpt of `text` around the first word that starts with one of `terms`, with every
// such word between kHighlightStart and kHighlightEnd, and "…" where text was cut.
[[nodiscard]] QString snippet(const QString &text, const QStringList &terms, int contextWords = 6);

} // namespace SearchText

} // namespace Mostrador
