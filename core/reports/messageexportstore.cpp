#include "messageexportstore.h"

#include "db/database.h"
#include "commerce/orderstore.h"
#include "db/sqlfragments.h"
#include "conversations/conversationtypes.h"
#include "messaging/inboundbatch.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QStringList>

namespace Mostrador {

namespace {

const QStringList kColumns{QStringLiteral("conversation_id"), QStringLiteral("customer_wa_id"), QStringLiteral("customer_user_id"),
                           QStringLiteral("customer_username"), QStringLiteral("customer_name"),   QStringLiteral("direction"),      QStringLiteral("type"),
                           QStringLiteral("text"),            QStringLiteral("status"),         QStringLiteral("sent_at"),
                           QStringLiteral("status_at"),       QStringLiteral("wamid"),          QStringLiteral("error_code"),
                           QStringLiteral("origin"),          QStringLiteral("agent"),          QStringLiteral("author"),
                           QStringLiteral("imported"),        QStringLiteral("order_items"),    QStringLiteral("order_total")};

// "2 × Cojín mostaza [cojin-mostaza] @ 59000.00 COP; 1 × …" for a spreadsheet's cell.
QString linesText(const QList<OrderLine> &lines)
{
    QStringList parts;
    for (const OrderLine &line : lines)
        parts << QStringLiteral("%1 × %2 [%3] @ %4").arg(line.quantity).arg(line.name, line.retailerId, Money::feedText(line.unitCents, line.currency));
    return parts.join(QStringLiteral("; "));
}

QJsonArray linesJson(const QList<OrderLine> &lines)
{
    QJsonArray items;
    for (const OrderLine &line : lines)
        items.append(QJsonObject{{QStringLiteral("retailer_id"), line.retailerId}, {QStringLiteral("name"), line.name},
                                 {QStringLiteral("quantity"), line.quantity}, {QStringLiteral("unit_price"), double(line.unitCents) / 100.0},
                                 {QStringLiteral("currency"), line.currency}});
    return items;
}

QString totalText(const QList<OrderLine> &lines)
{
    if (lines.isEmpty())
        return {};
    qint64 total = 0;
    for (const OrderLine &line : lines)
        total += line.lineCents();
    return Money::feedText(total, lines.first().currency);
}

QString isoTime(const QVariant &ms)
{
    return ms.isNull() ? QString() : storedTime(ms).toString(Qt::ISODateWithMs);
}

QString csvField(const QString &value)
{
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"')) && !value.contains(QLatin1Char('\n'))
        && !value.contains(QLatin1Char('\r')))
        return value;
    QString quoted = value;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace

StoreError MessageExportStore::write(Database &database, Format format, QIODevice &out, qint64 *written)
{
    StoreError linesError;
    const QHash<qint64, QList<OrderLine>> carts = OrderStore(database).cartLines(&linesError);
    if (linesError.isError())
        return linesError;
    QSqlQuery query(database.connection());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral(
            "SELECT m.conversation_id, c.wa_id, c.user_id, c.username, "
            "CASE WHEN c.display_name <> '' THEN c.display_name ELSE c.profile_name END, "
            "m.direction, CASE WHEN m.type_name = 'template' THEN 'template' ELSE m.kind END, "
            "CASE WHEN m.caption <> '' THEN m.caption ELSE m.body END, m.status, m.sent_at, "
            "m.status_at, m.wamid, m.error_code, %1, a.name, m.author, m.imported, m.id "
            "FROM messages m JOIN conversations v ON v.id = m.conversation_id JOIN customers c ON c.id = v.customer_id "
            "LEFT JOIN agents a ON a.id = m.agent_id "
            "ORDER BY m.sent_at, m.id").arg(SqlFragments::origin(QStringLiteral("m")))))
        return StoreError::fromSql(query.lastError(), QStringLiteral("export"));

    if (format == Format::Csv && out.write(kColumns.join(QLatin1Char(',')).toUtf8() + "\r\n") < 0)
        return StoreError::make(StoreError::Kind::Query, out.errorString());

    qint64 rows = 0;
    while (query.next()) {
        const QStringList values{
            query.value(0).toString(), query.value(1).toString(), query.value(2).toString(), query.value(3).toString(),
            query.value(4).toString(),
            query.value(5).toString() == QLatin1String("in") ? QStringLiteral("inbound") : QStringLiteral("outbound"),
            query.value(6).toString(), query.value(7).toString(),
            deliveryStatusName(DeliveryStatus(query.value(8).toInt())),
            isoTime(query.value(9)), isoTime(query.value(10)), query.value(11).toString(),
            query.value(12).isNull() ? QString() : query.value(12).toString(),
            messageOriginName(MessageOrigin(query.value(13).toInt())), query.value(14).toString(), query.value(15).toString(),
            query.value(16).toInt() != 0 ? QStringLiteral("true") : QStringLiteral("false")};
        const QList<OrderLine> lines = carts.value(query.value(17).toLongLong());
        QByteArray line;
        if (format == Format::Csv) {
            QStringList fields;
            for (const QString &value : values)
                fields << csvField(value);
            fields << csvField(linesText(lines)) << csvField(totalText(lines));
            line = fields.join(QLatin1Char(',')).toUtf8() + "\r\n";
        } else {
            QJsonObject object;
            for (qsizetype i = 0; i < values.size(); ++i)
                object.insert(kColumns.at(i), values.at(i));
            if (!lines.isEmpty()) {
                object.insert(QStringLiteral("order_items"), linesJson(lines));
                object.insert(QStringLiteral("order_total"), totalText(lines));
            }
            object.insert(QStringLiteral("conversation_id"), query.value(0).toLongLong());
            object.insert(QStringLiteral("imported"), query.value(16).toInt() != 0);
            line = QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
        }
        if (out.write(line) != line.size())
            return StoreError::make(StoreError::Kind::Query, QStringLiteral("export: ") + out.errorString());
        ++rows;
    }
    if (written)
        *written = rows;
    return {};
}

} // namespace Mostrador
