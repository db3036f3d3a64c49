#pragma once

#include <QObject>
#include <QSet>
#include <QString>

namespace Mostrador {

class Database;

// Live updates between desktops sharing a PostgreSQL store, with LISTEN/NOTIFY: whoever changes
// something announces it inside the same transaction (delivered only if it commits), and every
// desktop listening hears it at once — no polling. On SQLite (one PC) there is nobody else to
// tell, and announce() does nothing.
class StoreNotifications final : public QObject
{
    Q_OBJECT

public:
    // What changed, so listeners refresh only what they show.
    enum class Change { Messages, Assignment, ReplyLock, Notes, Status, Orders };

    // `database` must outlive this object (it stops listening on it when destroyed).
    explicit StoreNotifications(Database &database, QObject *parent = nullptr);
    ~StoreNotifications() override;

    // Starts listening on this connection; false on SQLite or when the server refuses.
    bool listen();
    // After the connection was reopened: listens again on the new one.
    bool relisten();
    [[nodiscard]] bool isListening() const { return m_listening; }

    // Tells the other desktops; call inside the transaction that makes the change.
    static void announce(Database &database, Change change, const QSet<qint64> &conversationIds);

Q_SIGNALS:
    void changed(Mostrador::StoreNotifications::Change change, const QSet<qint64> &conversationIds);

private:
    void received(const QString &channel, const QVariant &payload);

    Database &m_database;
    bool m_listening = false;
};

} // namespace Mostrador

Q_DECLARE_METATYPE(Mostrador::StoreNotifications::Change)
