#include "orderexport.h"

#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace Mostrador::OrderExport {

namespace {

const QStringList kColumns{QStringLiteral("order"),       QStringLiteral("created_at"), QStringLiteral("customer"),
                           QStringLiteral("customer_wa_id"), QStringLiteral("stage"),   QStringLiteral("stage_at"),
                           QStringLiteral("items"),       QStringLiteral("total"),      QStringLiteral("currency"),
                           QStringLiteral("note"),        QStringLiteral("tracking"),   QStringLiteral("source")};

QString csvField(const QString &value)
{
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"')) && !value.contains(QLatin1Char('\n')))
        return value;
    return QLatin1Char('"') + QString(value).replace(QLatin1String("\""), QLatin1String("\"\"")) + QLatin1Char('"');
}

QString amount(qint64 cents)
{
    return QString::number(double(cents) / 100.0, 'f', 2);
}

QString itemsText(const Order &order)
{
    QStringList parts;
    for (const OrderLine &line : order.lines)
        parts << QStringLiteral("%1 × %2 [%3] @ %4").arg(line.quantity).arg(line.name, line.retailerId, amount(line.unitCents));
    return parts.join(QStringLiteral("; "));
}

} // namespace

bool write(const QList<Order> &orders, Format format, QIODevice &out, QString *problem)
{
    QByteArray text;
    if (format == Format::Csv)
        text = QByteArrayLiteral("\xEF\xBB\xBF") + kColumns.join(QLatin1Char(',')).toUtf8() + "\r\n";
    for (const Order &order : orders) {
        const QString source = order.messageId > 0 ? QStringLiteral("cart") : QStringLiteral("by_hand");
        if (format == Format::Csv) {
            const QStringList values{QString::number(order.id), order.createdAt.toString(Qt::ISODate), order.customerName,
                                     order.customerWaId, orderStageName(order.stage), order.stageAt.toString(Qt::ISODate),
                                     itemsText(order), amount(order.totalCents), order.currency, order.note, order.tracking, source};
            QStringList fields;
            for (const QString &value : values)
                fields << csvField(value);
            text += fields.join(QLatin1Char(',')).toUtf8() + "\r\n";
            continue;
        }
        QJsonArray items;
        for (const OrderLine &line : order.lines)
            items.append(QJsonObject{{QStringLiteral("retailer_id"), line.retailerId}, {QStringLiteral("name"), line.name},
                                     {QStringLiteral("quantity"), line.quantity}, {QStringLiteral("unit_price"), double(line.unitCents) / 100.0},
                                     {QStringLiteral("line_total"), double(line.lineCents()) / 100.0}});
        const QJsonObject object{{QStringLiteral("order"), order.id},
                                 {QStringLiteral("created_at"), order.createdAt.toString(Qt::ISODate)},
                                 {QStringLiteral("customer"), order.customerName},
                                 {QStringLiteral("customer_wa_id"), order.customerWaId},
                                 {QStringLiteral("stage"), orderStageName(order.stage)},
                                 {QStringLiteral("stage_at"), order.stageAt.toString(Qt::ISODate)},
                                 {QStringLiteral("items"), items},
                                 {QStringLiteral("total"), double(order.totalCents) / 100.0},
                                 {QStringLiteral("currency"), order.currency},
                                 {QStringLiteral("note"), order.note},
                                 {QStringLiteral("tracking"), order.tracking},
                                 {QStringLiteral("source"), source}};
        text += QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
    }
    if (out.write(text) != text.size()) {
        *problem = out.errorString();
        return false;
    }
    return true;
}

} // namespace Mostrador::OrderExport
