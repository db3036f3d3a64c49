#include "safefilename.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

namespace Mostrador::SafeFileName {

namespace {

bool isUnwanted(char32_t c)
{
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) // control characters, NUL included
        || (c >= 0x200B && c <= 0x200F)          // zero-width spaces and direction marks
        || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF
        || (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE; // non-characters
}

QString withoutUnwanted(const QString &text)
{
    QString kept;
    kept.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            const char32_t code = QChar::surrogateToUcs4(c, text.at(i + 1));
            if (!isUnwanted(code))
                kept += text.mid(i, 2);
            ++i;
        } else if (!c.isSurrogate() && !isUnwanted(c.unicode())) {
            kept += c;
        }
    }
    return kept;
}

// Spaces and dots at the ends go (Windows drops trailing ones; leading dots hide a file).
QString trimmed(QString part)
{
    while (!part.isEmpty() && (part.back().isSpace() || part.back() == QLatin1Char('.')))
        part.chop(1);
    while (!part.isEmpty() && (part.front().isSpace() || part.front() == QLatin1Char('.')))
        part.remove(0, 1);
    return part;
}

// At most kMostBytes of UTF-8, cut in the stem so the extension (what the file is) stays.
QString capped(const QString &name)
{
    if (name.toUtf8().size() <= kMostBytes)
        return name;
    const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
    const QString extension = dot > 0 && name.size() - dot <= 10 ? name.mid(dot) : QString();
    QString stem = name.left(name.size() - extension.size());
    while (!stem.isEmpty() && (stem + extension).toUtf8().size() > kMostBytes)
        stem.chop(stem.back().isLowSurrogate() && stem.size() > 1 ? 2 : 1);
    return trimmed(stem + extension); // the cut may end on a dot or a space
}

// The path's parts, without what a file name cannot hold, edge dots and spaces, "." and "..".
QStringList partsOf(const QString &visible)
{
    static const QRegularExpression separators(QStringLiteral("[/\\\\]"));
    QStringList parts;
    for (const QString &part : visible.split(separators, Qt::SkipEmptyParts)) {
        if (const QString each = trimmed(part); !each.isEmpty())
            parts << capped(each);
    }
    return parts;
}

// What was wrong with `original`, read as `cleaned` (empty when nothing was).
QString problemOf(const QString &original, const QString &visible, const QString &cleaned, bool partsDropped)
{
    if (cleaned.isEmpty())
        return QCoreApplication::translate("SafeFileName", "the file's name \"%1\" has nothing a file name can be").arg(visible.left(40));
    if (visible.size() != original.size())
        return QCoreApplication::translate("SafeFileName", "the file's name had characters a file name cannot have; read as \"%1\"")
            .arg(cleaned);
    if (partsDropped)
        return QCoreApplication::translate("SafeFileName", "the file's name \"%1\" was read as \"%2\"").arg(visible.left(40), cleaned);
    return {};
}

} // namespace

Cleaned clean(const QString &name)
{
    const QString visible = withoutUnwanted(name);
    const QStringList parts = partsOf(visible);
    Cleaned cleaned;
    cleaned.name = parts.isEmpty() ? QString() : parts.constLast();
    cleaned.problem = problemOf(name, visible, cleaned.name, cleaned.name != name.trimmed());
    return cleaned;
}

Cleaned cleanRelativePath(const QString &path)
{
    const QString visible = withoutUnwanted(path);
    QStringList parts = partsOf(visible);
    parts.removeIf([](const QString &part) { return part.endsWith(QLatin1Char(':')); }); // a drive letter
    Cleaned cleaned;
    cleaned.name = parts.join(QLatin1Char('/'));
    cleaned.problem = problemOf(path, visible, cleaned.name, false);
    return cleaned;
}

} // namespace Mostrador::SafeFileName
