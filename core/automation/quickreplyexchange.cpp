#include "quickreplyexchange.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace Mostrador::QuickReplyExchange {

namespace {

const QString kFormat = QStringLiteral("mostrador-quick-replies");
const QByteArray kUtf8Bom = QByteArrayLiteral("\xEF\xBB\xBF");

QString csvField(const QString &value)
{
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char(';')) && !value.contains(QLatin1Char('"'))
        && !value.contains(QLatin1Char('\n')) && !value.contains(QLatin1Char('\r')))
        return value;
    return QLatin1Char('"') + QString(value).replace(QStringLiteral("\""), QStringLiteral("\"\"")) + QLatin1Char('"');
}

// Splits CSV text into records of fields; quoted fields may hold separators, quotes and new lines.
std::optional<QList<QStringList>> csvRecords(const QString &text, QChar separator)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    bool wasQuoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"') && field.isEmpty() && !wasQuoted) {
            quoted = wasQuoted = true;
        } else if (c == separator) {
            record << field;
            field.clear();
            wasQuoted = false;
        } else if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            record << field;
            if (!(record.size() == 1 && record.first().isEmpty()))
                records << record;
            record.clear();
            field.clear();
            wasQuoted = false;
        } else {
            field += c;
        }
    }
    if (quoted)
        return std::nullopt;
    if (!field.isEmpty() || !record.isEmpty())
        records << (record << field);
    return records;
}

} // namespace

std::optional<QByteArray> toJson(const QList<QuickReply> &replies, QString *error)
{
    QJsonArray array;
    for (const QuickReply &reply : replies) {
        QJsonObject object{{QStringLiteral("shortcut"), reply.shortcut}, {QStringLiteral("title"), reply.title}, {QStringLiteral("text"), reply.body}};
        QJsonArray files;
        for (const QuickReplyFile &attachment : reply.attachments) {
            QFile file(attachment.path);
            if (!file.open(QIODevice::ReadOnly)) {
                *error = QCoreApplication::translate("QuickReplyExchange", "The file %1 of /%2 cannot be read: %3")
                             .arg(attachment.name, reply.shortcut, file.errorString());
                return std::nullopt;
            }
            files.append(QJsonObject{{QStringLiteral("name"), attachment.name},
                                     {QStringLiteral("data"), QString::fromLatin1(file.readAll().toBase64())}});
        }
        if (!files.isEmpty())
            object.insert(QStringLiteral("files"), files);
        array.append(object);
    }
    const QJsonObject root{{QStringLiteral("format"), kFormat}, {QStringLiteral("version"), 1}, {QStringLiteral("replies"), array}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray toCsv(const QList<QuickReply> &replies)
{
    QString text = QStringLiteral("shortcut,title,text\r\n");
    for (const QuickReply &reply : replies)
        text += csvField(reply.shortcut) + QLatin1Char(',') + csvField(reply.title) + QLatin1Char(',') + csvField(reply.body) + QStringLiteral("\r\n");
    return kUtf8Bom + text.toUtf8(); // the mark tells spreadsheets the file is UTF-8 (accents, ñ)
}

std::optional<QList<QuickReply>> fromJson(const QByteArray &bytes, QString *error, const QString &filesFolder)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    const QJsonObject root = document.object();
    if (parseError.error != QJsonParseError::NoError || root.value(QStringLiteral("format")).toString() != kFormat) {
        *error = QCoreApplication::translate("QuickReplyExchange", "This is not a file of quick replies exported by Mostrador.");
        return std::nullopt;
    }
    QList<QuickReply> replies;
    const QJsonArray array = root.value(QStringLiteral("replies")).toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject object = array.at(i).toObject();
        QuickReply reply;
        reply.shortcut = object.value(QStringLiteral("shortcut")).toString().trimmed();
        reply.title = object.value(QStringLiteral("title")).toString();
        reply.body = object.value(QStringLiteral("text")).toString();
        if (reply.shortcut.isEmpty() || reply.body.trimmed().isEmpty()) {
            *error = QCoreApplication::translate("QuickReplyExchange", "Reply number %1 in the file has no shortcut or no text.").arg(i + 1);
            return std::nullopt;
        }
        for (const QJsonValue &value : object.value(QStringLiteral("files")).toArray()) {
            const QJsonObject file = value.toObject();
            const auto kept = keepQuickReplyFile(QByteArray::fromBase64(file.value(QStringLiteral("data")).toString().toLatin1()),
                                                 file.value(QStringLiteral("name")).toString(), filesFolder, error);
            if (!kept)
                return std::nullopt;
            reply.attachments << *kept;
        }
        replies << reply;
    }
    return replies;
}

std::optional<QList<QuickReply>> fromCsv(const QByteArray &bytes, QString *error)
{
    const QString text = QString::fromUtf8(bytes.startsWith(kUtf8Bom) ? bytes.mid(kUtf8Bom.size()) : bytes);
    const QString header = text.section(QLatin1Char('\n'), 0, 0);
    const QChar separator = header.count(QLatin1Char(';')) > header.count(QLatin1Char(',')) ? QLatin1Char(';') : QLatin1Char(',');
    const auto records = csvRecords(text, separator);
    if (!records || records->isEmpty()) {
        *error = QCoreApplication::translate("QuickReplyExchange", "The file could not be read as CSV (a quote is never closed).");
        return std::nullopt;
    }
    const QStringList columns = records->first();
    const qsizetype shortcutColumn = columns.indexOf(QStringLiteral("shortcut"));
    const qsizetype titleColumn = columns.indexOf(QStringLiteral("title"));
    const qsizetype textColumn = columns.indexOf(QStringLiteral("text"));
    if (shortcutColumn < 0 || textColumn < 0) {
        *error = QCoreApplication::translate("QuickReplyExchange", "The first line of the CSV file must name the columns: shortcut, title, text.");
        return std::nullopt;
    }
    QList<QuickReply> replies;
    for (qsizetype row = 1; row < records->size(); ++row) {
        const QStringList &fields = records->at(row);
        QuickReply reply;
        reply.shortcut = fields.value(shortcutColumn).trimmed();
        reply.title = titleColumn >= 0 ? fields.value(titleColumn) : QString();
        reply.body = fields.value(textColumn);
        if (reply.shortcut.isEmpty() || reply.body.trimmed().isEmpty()) {
            *error = QCoreApplication::translate("QuickReplyExchange", "Row %1 of the CSV file has no shortcut or no text.").arg(row + 1);
            return std::nullopt;
        }
        replies << reply;
    }
    return replies;
}

std::optional<QList<QuickReply>> fromFile(const QString &path, QString *error, const QString &filesFolder)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("QuickReplyExchange", "Could not open %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    const QByteArray bytes = file.readAll();
    return path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive) ? fromCsv(bytes, error) : fromJson(bytes, error, filesFolder);
}

bool toFile(const QList<QuickReply> &replies, const QString &path, QString *error)
{
    QSaveFile file(path);
    const std::optional<QByteArray> bytes = path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive) ? toCsv(replies) : toJson(replies, error);
    if (!bytes)
        return false;
    if (!file.open(QIODevice::WriteOnly) || file.write(*bytes) != bytes->size() || !file.commit()) {
        *error = QCoreApplication::translate("QuickReplyExchange", "Could not save %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace Mostrador::QuickReplyExchange
