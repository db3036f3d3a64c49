#include "quickreplies.h"

#include "media/medialimits.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeDatabase>
#include <QSaveFile>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace Mostrador {

namespace {

// Lower case without accents: "Envío" and "envio" compare equal.
QString folded(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_D).toCaseFolded();
    QString plain;
    plain.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() != QChar::Mark_NonSpacing)
            plain += c;
    }
    return plain;
}

QList<QuickReplyFile> filesFromJson(const QString &json)
{
    QList<QuickReplyFile> files;
    for (const QJsonValue &value : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const QJsonObject object = value.toObject();
        files.append({object.value(QLatin1String("name")).toString(), object.value(QLatin1String("path")).toString()});
    }
    return files;
}

QString filesToJson(const QList<QuickReplyFile> &files)
{
    QJsonArray array;
    for (const QuickReplyFile &file : files)
        array.append(QJsonObject{{QStringLiteral("name"), file.name}, {QStringLiteral("path"), file.path}});
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

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
    const QString shortcut = folded(reply.shortcut);
    const QString title = folded(reply.title);
    const QString body = folded(reply.body);
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

QuickReplyStore::QuickReplyStore(Database &database)
    : m_database(database)
{
}

QList<QuickReply> QuickReplyStore::all(StoreError *error) const
{
    QList<QuickReply> replies;
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral("SELECT id, shortcut, title, body, use_count, attachments_json FROM quick_replies ORDER BY position, id"))) {
        *error = StoreError::fromSql(query.lastError(), QLatin1String("read quick replies"));
        return replies;
    }
    while (query.next())
        replies.append({query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
                        query.value(3).toString(), query.value(4).toInt(), filesFromJson(query.value(5).toString())});
    return replies;
}

std::optional<QuickReplyFile> keepQuickReplyFile(const QString &source, const QString &folder, QString *error)
{
    QFile file(source);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("QuickReplyStore", "Could not read %1: %2").arg(QFileInfo(source).fileName(), file.errorString());
        return std::nullopt;
    }
    return keepQuickReplyFile(file.readAll(), QFileInfo(source).fileName(), folder, error);
}

std::optional<QuickReplyFile> keepQuickReplyFile(const QByteArray &data, const QString &name, const QString &folder, QString *error)
{
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
    if (!QDir().mkpath(folder) || !file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        *error = QCoreApplication::translate("QuickReplyStore", "Could not keep a copy of %1 in %2: %3").arg(name, folder, file.errorString());
        return std::nullopt;
    }
    return QuickReplyFile{name, kept};
}

std::optional<qint64> QuickReplyStore::save(const QuickReply &reply, StoreError *error)
{
    const QString shortcut = reply.shortcut.startsWith(QLatin1Char('/')) ? reply.shortcut.mid(1) : reply.shortcut;
    if (shortcut.isEmpty() || shortcut.contains(QLatin1Char(' ')) || reply.body.trimmed().isEmpty()) {
        *error = StoreError::make(StoreError::Kind::Query, QStringLiteral("quick reply without shortcut or text"));
        error->userMessage = QCoreApplication::translate("QuickReplyStore",
                                                         "A quick reply needs a shortcut without spaces (such as envio) and a text.");
        return std::nullopt;
    }
    QSqlQuery query(m_database.connection());
    if (reply.id) {
        query.prepare(QStringLiteral("UPDATE quick_replies SET shortcut = ?, title = ?, body = ?, attachments_json = ? WHERE id = ?"));
    } else {
        query.prepare(QStringLiteral("INSERT INTO quick_replies (shortcut, title, body, attachments_json, position) "
                                     "VALUES (?, ?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM quick_replies)) RETURNING id"));
    }
    query.addBindValue(shortcut);
    query.addBindValue(reply.title.isNull() ? QStringLiteral("") : reply.title); // a missing title is empty, not NULL
    query.addBindValue(reply.body);
    query.addBindValue(filesToJson(reply.attachments));
    if (reply.id)
        query.addBindValue(reply.id);
    if (!query.exec()) {
        *error = StoreError::fromSql(query.lastError(), QLatin1String("save a quick reply"));
        if (query.lastError().text().contains(QLatin1String("UNIQUE"), Qt::CaseInsensitive)
            || query.lastError().nativeErrorCode() == QLatin1String("23505"))
            error->userMessage = QCoreApplication::translate("QuickReplyStore", "There is already a quick reply called /%1.").arg(shortcut);
        return std::nullopt;
    }
    if (reply.id)
        return reply.id;
    return query.next() ? std::optional<qint64>(query.value(0).toLongLong()) : std::nullopt;
}

StoreError QuickReplyStore::remove(qint64 id)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("DELETE FROM quick_replies WHERE id = ?"));
    query.addBindValue(id);
    return query.exec() ? StoreError{} : StoreError::fromSql(query.lastError(), QLatin1String("delete a quick reply"));
}

StoreError QuickReplyStore::recordUse(qint64 id)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("UPDATE quick_replies SET use_count = use_count + 1 WHERE id = ?"));
    query.addBindValue(id);
    return query.exec() ? StoreError{} : StoreError::fromSql(query.lastError(), QLatin1String("count a quick reply's use"));
}

StoreError QuickReplyStore::reorder(const QList<qint64> &ids)
{
    if (StoreError error = m_database.begin())
        return error;
    for (qsizetype position = 0; position < ids.size(); ++position) {
        QSqlQuery query(m_database.connection());
        query.prepare(QStringLiteral("UPDATE quick_replies SET position = ? WHERE id = ?"));
        query.addBindValue(int(position));
        query.addBindValue(ids.at(position));
        if (!query.exec()) {
            const StoreError error = StoreError::fromSql(query.lastError(), QLatin1String("reorder quick replies"));
            m_database.rollback();
            return error;
        }
    }
    return m_database.commit();
}

std::optional<QuickReplyStore::ImportResult> QuickReplyStore::import(const QList<QuickReply> &replies, StoreError *error)
{
    QHash<QString, qint64> existing;
    for (const QuickReply &reply : all(error))
        existing.insert(reply.shortcut, reply.id);
    if (*error)
        return std::nullopt;
    if ((*error = m_database.begin()))
        return std::nullopt;
    ImportResult result;
    for (QuickReply reply : replies) {
        if (reply.shortcut.startsWith(QLatin1Char('/')))
            reply.shortcut.remove(0, 1);
        reply.id = existing.value(reply.shortcut);
        const auto id = save(reply, error);
        if (!id) {
            m_database.rollback();
            return std::nullopt;
        }
        ++(reply.id ? result.updated : result.added);
        existing.insert(reply.shortcut, *id);
    }
    if ((*error = m_database.commit()))
        return std::nullopt;
    return result;
}

QList<QuickReply> QuickReplyStore::matching(const QList<QuickReply> &replies, const QString &typed)
{
    const QString wanted = folded(typed.startsWith(QLatin1Char('/')) ? typed.mid(1) : typed).trimmed();
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
