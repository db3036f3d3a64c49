#include "customerexport.h"

#include "commerce/orderexport.h"
#include "common/zipwriter.h"
#include "privacy/customerrecordstore.h"
#include "commerce/orderstore.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace Mostrador::CustomerExport {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CustomerExport", text);
}

// Each message's file under files/, by its stored name (unique: named by its SHA-256).
QJsonObject withFilesInZip(QJsonObject data, QSet<QString> *present, int *messages)
{
    QJsonArray conversations = data.value(QStringLiteral("conversations")).toArray();
    for (qsizetype c = 0; c < conversations.size(); ++c) {
        QJsonObject conversation = conversations.at(c).toObject();
        QJsonArray list = conversation.value(QStringLiteral("messages")).toArray();
        *messages += int(list.size());
        for (qsizetype m = 0; m < list.size(); ++m) {
            QJsonObject message = list.at(m).toObject();
            const QString stored = message.value(QStringLiteral("file")).toString();
            if (stored.isEmpty())
                continue;
            if (QFileInfo::exists(stored)) {
                present->insert(stored);
                message.insert(QStringLiteral("file"), QString(QStringLiteral("files/") + QFileInfo(stored).fileName()));
            } else {
                message.insert(QStringLiteral("file"), QJsonValue());
                message.insert(QStringLiteral("file_missing"), true);
            }
            list.replace(m, message);
        }
        conversation.insert(QStringLiteral("messages"), list);
        conversations.replace(c, conversation);
    }
    data.insert(QStringLiteral("conversations"), conversations);
    return data;
}

} // namespace

Result write(Database &database, qint64 customerId, const QString &zipPath)
{
    Result result;
    StoreError error;
    const auto record = CustomerRecordStore(database).collect(customerId, &error);
    if (!record) {
        result.error = error.userMessage.isEmpty() ? error.detail : error.userMessage;
        return result;
    }
    QSet<QString> files;
    QJsonObject data = withFilesInZip(record->data, &files, &result.messages);
    data.insert(QStringLiteral("exported_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    data.insert(QStringLiteral("about"), QStringLiteral("Everything this shop's Mostrador keeps about this customer. Times are UTC."));

    ZipWriter zip(zipPath);
    const auto fail = [&] {
        result.error = tr("The file %1 could not be written: %2").arg(zipPath, zip.errorString());
        return result;
    };
    if (!zip.open() || !zip.addBytes(QStringLiteral("customer.json"), QJsonDocument(data).toJson(QJsonDocument::Indented)))
        return fail();
    // Their orders, as a spreadsheet opens them.
    const QList<Order> orders = OrderStore(database).ordersOf(customerId, &error);
    if (!orders.isEmpty()) {
        QBuffer sheet;
        sheet.open(QIODevice::WriteOnly);
        QString problem;
        if (!OrderExport::write(orders, OrderExport::Format::Csv, sheet, &problem) || !zip.addBytes(QStringLiteral("orders.csv"), sheet.data()))
            return fail();
    }
    for (const QString &file : std::as_const(files)) {
        if (!zip.addFile(QStringLiteral("files/") + QFileInfo(file).fileName(), file))
            return fail();
    }
    if (!zip.commit())
        return fail();
    result.files = int(files.size());
    result.ok = true;
    return result;
}

} // namespace Mostrador::CustomerExport
