#include "storenotifications.h"

#include "db/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

namespace Mostrador {

Q_LOGGING_CATEGORY(lcNotify, "mostrador.notify")

namespace {

const QString kChannel = QStringLiteral("mostrador");
constexpr int kMaxIdsPerNotice = 400; // NOTIFY payloads stop at 8000 bytes: beyond, "everything"

} // namespace

StoreNotifications::StoreNotifications(Database &database, QObject *parent)
    : QObject(parent)
    , m_database(database)
{
}

StoreNotifications::~StoreNotifications()
{
    if (m_listening)
        m_database.connection().driver()->unsubscribeFromNotification(kChannel);
}

bool StoreNotifications::listen()
{
    if (m_database.dialect().isSqlite() || m_listening)
        return m_listening;
    QSqlDriver *driver = m_database.connection().driver();
    if (!driver->subscribeToNotification(kChannel)) {
        qCWarning(lcNotify) << "cannot listen for changes:" << driver->lastError().text();
        return false;
    }
    connect(driver, &QSqlDriver::notification, this,
            [this](const QString &name, QSqlDriver::NotificationSource, const QVariant &payload) { received(name, payload); });
    m_listening = true;
    return true;
}

bool StoreNotifications::relisten()
{
    if (m_listening)
        m_database.connection().driver()->unsubscribeFromNotification(kChannel);
    m_listening = false;
    disconnect(m_database.connection().driver(), nullptr, this, nullptr);
    return listen();
}

void StoreNotifications::announce(Database &database, Change change, const QSet<qint64> &conversationIds)
{
    if (database.dialect().isSqlite())
        return;
    QJsonArray ids;
    if (conversationIds.size() <= kMaxIdsPerNotice) {
        for (const qint64 id : conversationIds)
            ids.append(id);
    }
    const QJsonObject notice{{QStringLiteral("change"), int(change)}, {QStringLiteral("ids"), ids},
                             {QStringLiteral("all"), conversationIds.size() > kMaxIdsPerNotice}};
    QSqlQuery query(database.connection());
    query.prepare(QStringLiteral("SELECT pg_notify(?, ?)"));
    query.addBindValue(kChannel);
    query.addBindValue(QString::fromUtf8(QJsonDocument(notice).toJson(QJsonDocument::Compact)));
    if (!query.exec())
        qCWarning(lcNotify) << "could not announce a change:" << query.lastError().text();
}

void StoreNotifications::received(const QString &channel, const QVariant &payload)
{
    if (channel != kChannel)
        return;
    const QJsonObject notice = QJsonDocument::fromJson(payload.toString().toUtf8()).object();
    QSet<qint64> ids;
    for (const QJsonValue &id : notice.value(QStringLiteral("ids")).toArray())
        ids.insert(id.toInteger());
    // "all": too many to list; an empty set tells listeners to reload everything they show.
    Q_EMIT changed(Change(notice.value(QStringLiteral("change")).toInt()),
                   notice.value(QStringLiteral("all")).toBool() ? QSet<qint64>{} : ids);
}

} // namespace Mostrador
