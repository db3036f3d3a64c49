#include "quickreplies.h"

#include "common/safefilename.h"

#include "common/foldedtext.h"
#include "common/privatefiles.h"
#include "media/medialimits.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QSaveFile>

#include <algorithm>

namespace Mostrador {

namespace {

bool inOrder(const QString &letters, const QString &text)
{
    qsizetype at = 0;
    for (const QChar c : letters) {
        at = text.indexOf(c, at);
        if (at < 0)
            return false;
        ++at;
    }
    return true;
}

// 0 for no match; higher is better.
int score(const QuickReply &reply, const QString &typed)
{
    if (typed.isEmpty())
        return 1;
    const QString shortcut = foldedText(reply.shortcut);
    const QString title = foldedText(reply.title);
    const QString body = foldedText(reply.body);
    if (shortcut.startsWith(typed))
        return 5;
    if (shortcut.contains(typed))
        return 4;
    if (title.contains(typed))
        return 3;
    if (body.contains(typed))
        return 2;
    return inOrder(typed, shortcut) || inOrder(typed, title) ? 1 : 0;
}

} // namespace

std::optional<QuickReplyFile> keepQuickReplyFile(const QString &source, const QString &folder, QString *error)
{
    QFile file(source);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("QuickReplyStore", "Could not read %1: %2").arg(QFileInfo(source).fileName(), file.errorString());
        return std::nullopt;
    }
    return keepQuickReplyFile(file.readAll(), QFileInfo(source).fileName(), folder, error);
}

std::optional<QuickReplyFile> keepQuickReplyFile(const QByteArray &data, const QString &untrustedName, const QString &folder, QString *error)
{
    // The name may come from a quick-reply file someone sent the shop.
    const SafeFileName::Cleaned cleaned = SafeFileName::clean(untrustedName);
    if (cleaned.name.isEmpty()) {
        *error = cleaned.problem;
        return std::nullopt;
    }
    const QString &name = cleaned.name;
    const QString mime = QMimeDatabase().mimeTypeForFileNameAndData(name, data).name();
    const MediaLimits::Verdict verdict = MediaLimits::check(mime, data.size());
    if (!verdict.type) {
        *error = verdict.problem;
        return std::nullopt;
    }
    const QString suffix = QFileInfo(name).suffix();
    const QString kept = QDir(folder).filePath(QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex())
                                               + (suffix.isEmpty() ? QString() : QLatin1Char('.') + suffix));
    QSaveFile file(kept);
    if (!PrivateFiles::secureFolder(folder) || !file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()
        || !PrivateFiles::secureFile(kept)) {
        *error = QCoreApplication::translate("QuickReplyStore", "Could not keep a copy of %1 in %2: %3").arg(name, folder, file.errorString());
        return std::nullopt;
    }
    return QuickReplyFile{name, kept};
}

QList<QuickReply> QuickReplies::matching(const QList<QuickReply> &replies, const QString &typed)
{
    const QString wanted = foldedText(typed.startsWith(QLatin1Char('/')) ? typed.mid(1) : typed).trimmed();
    QList<std::pair<int, QuickReply>> scored;
    for (const QuickReply &reply : replies) {
        if (const int points = score(reply, wanted))
            scored.append({points, reply});
    }
    std::stable_sort(scored.begin(), scored.end(), [](const auto &a, const auto &b) {
        return a.first != b.first ? a.first > b.first : a.second.useCount > b.second.useCount;
    });
    QList<QuickReply> best;
    for (const auto &[points, reply] : scored)
        best.append(reply);
    return best;
}

} // namespace Mostrador
