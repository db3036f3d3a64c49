#pragma once

#include "db/database.h"

#include "outbox/messagesender.h"
#include "team/teamstore.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QTimer>

#include <memory>

class QWidget;

class QDialog;

namespace Mostrador {

class ShopServices;
class StoreNotifications;
class TeamMedia;
class TeamBar;
class Workspace;

// Team mode on a desktop (the store on PostgreSQL, shared with other desktops and one
// mostrador-server): the agent signed in, the others' changes shown as they happen (LISTEN/
// NOTIFY), the thread's team bar (assignment, who is replying, private notes) and the reply lock
// taken while this agent types. Desktops only store what they send; the server sends it.
class TeamSession final : public QObject
{
    Q_OBJECT

public:
    TeamSession(ShopServices &shop, Workspace &workspace, const Agent &me, QObject *parent = nullptr);
    ~TeamSession() override;

    // Who this desktop answers as: the name saved on this PC or given by MOSTRADOR_AGENT, or
    // asked once (`parent` for the question). Nothing when the user declines.
    // Shop ▸ Team: the owner adds people (each with their own sign-in) and ends their access.
    QDialog *showTeamDialog(QWidget *parent);

    [[nodiscard]] static std::optional<Agent> signIn(ShopServices &shop, QWidget *parent, QString *problem);
    // The team store's password lives in this PC's keychain: an address given with one (the first
    // time, as `team add-agent` printed it) is kept there; one given without it is completed from there.
    static void useKeychainPassword(StoreLocation &location);

    [[nodiscard]] const Agent &me() const { return m_me; }
    // Who may change the shop's settings.
    [[nodiscard]] QString ownerName() const;
    [[nodiscard]] bool isListening() const;
    [[nodiscard]] bool isConnected() const { return m_connected; }
    // Messages written while the shared store was unreachable, kept on this PC (in order).
    [[nodiscard]] int waitingCount() const { return int(m_waiting.size()); }

    // Asks the server whether it is still there (every 15 s by itself); after a loss, reconnects,
    // listens again and re-reads what it shows, so nothing that happened meanwhile is missed.
    void checkConnection();

    // A message written while the shared store was out of reach, kept on this PC in order.
    struct Waiting {
        MessageSender::Outgoing outgoing;
        QString to; // the customer's number, in files kept by versions that sent by number
    };

Q_SIGNALS:
    void connectionChanged(bool connected);

private:
    void adoptBusinessNumber();
    bool keep(const MessageSender::Outgoing &outgoing);
    void storeWaiting();
    void saveWaiting() const;
    void showTeam(qint64 conversationId);
    void typing();

    ShopServices &m_shop;
    Workspace &m_workspace;
    Agent m_me;
    std::unique_ptr<TeamStore> m_team;
    std::unique_ptr<StoreNotifications> m_notifications;
    std::unique_ptr<TeamMedia> m_media;
    TeamBar *m_bar = nullptr;
    QDateTime m_lockRenewedAt;
    QTimer *m_heartbeat = nullptr;
    QList<Waiting> m_waiting;
    QString m_waitingFile;
    bool m_connected = true;
};

} // namespace Mostrador
