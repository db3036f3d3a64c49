#include "teamsession.h"

#include "common/clock.h"
#include "composer/composer.h"
#include "inbox/inboxpane.h"
#include "outbox/messagesender.h"
#include "outbox/outbox.h"
#include "services/conversationchanges.h"
#include "api/cloudapiclient.h"
#include "services/shopservices.h"
#include "db/settingsstore.h"
#include "team/teamaccessstore.h"
#include "team/teamdialog.h"
#include "secrets/secretstore.h"
#include "teammedia.h"
#include "db/storenotifications.h"
#include "thread/messagelistmodel.h"
#include "thread/teambar.h"
#include "thread/threadpane.h"
#include "workspace.h"

#include <QDebug>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QStandardPaths>
#include <QSettings>

namespace Mostrador {

namespace {

Q_LOGGING_CATEGORY(lcTeamSession, "mostrador.team")

constexpr int kReplyLockSeconds = 30;
constexpr int kRenewEverySeconds = 10;

const QString kAgentKey = QStringLiteral("team/agentName");

QString colorFor(const QString &name)
{
    static const char *const kColors[] = {"#c0392b", "#2980b9", "#27ae60", "#8e44ad", "#d35400", "#16a085"};
    return QLatin1String(kColors[qHash(name) % (sizeof(kColors) / sizeof(kColors[0]))]);
}

TeamSession::Waiting waitingFromJson(const QJsonObject &item)
{
    TeamSession::Waiting waiting;
    waiting.outgoing.conversationId = item.value(QStringLiteral("conversation")).toInteger();
    waiting.outgoing.kind = item.contains(QStringLiteral("kind")) ? messageKindFromName(item.value(QStringLiteral("kind")).toString())
                                                                  : MessageKind::Text;
    waiting.outgoing.text = item.value(QStringLiteral("text")).toString();
    waiting.outgoing.payload = item.value(QStringLiteral("payload")).toObject();
    waiting.to = item.value(QStringLiteral("to")).toString();
    return waiting;
}

} // namespace

TeamSession::TeamSession(ShopServices &shop, Workspace &workspace, const Agent &me, QObject *parent)
    : QObject(parent)
    , m_shop(shop)
    , m_workspace(workspace)
    , m_me(me)
    , m_team(std::make_unique<TeamStore>(shop.database(), shop.clock()))
    , m_notifications(std::make_unique<StoreNotifications>(shop.database()))
{
    adoptBusinessNumber();
    shop.outbox().setAuthor(me.id); // what this person sends carries their name, for reports
    m_notifications->listen();
    // What was written while the store could not be reached waits in a file on this PC, so
    // neither a lost connection nor closing Mostrador loses it.
    m_waitingFile = QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)).filePath(QStringLiteral("team-waiting-%1.json").arg(me.id));
    QFile saved(m_waitingFile);
    if (saved.open(QIODevice::ReadOnly)) {
        for (const QJsonValue &value : QJsonDocument::fromJson(saved.readAll()).array())
            m_waiting.append(waitingFromJson(value.toObject()));
    }
    // Customers' files: the server's copies, fetched to this PC when it is another machine.
    m_media = std::make_unique<TeamMedia>(shop.database(),
                                          QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)).filePath(QStringLiteral("team-media")));
    m_workspace.messageModel().setMediaResolver([this](const QString &stored) { return m_media->resolve(stored); });
    connect(m_media.get(), &TeamMedia::fetched, &m_workspace, &Workspace::refreshOpenConversation);
    connect(m_media.get(), &TeamMedia::failed, this, [](const QString &reason) { qWarning().noquote() << reason; });
    connect(&m_workspace, &Workspace::conversationOpened, m_media.get(), &TeamMedia::fetchMissing);
    shop.sender().setUnstoredKeeper([this](const MessageSender::Outgoing &outgoing) { return keep(outgoing); });
    storeWaiting();
    m_heartbeat = new QTimer(this);
    m_heartbeat->callOnTimeout(this, &TeamSession::checkConnection);
    m_heartbeat->start(15 * 1000);
    connect(m_notifications.get(), &StoreNotifications::changed, this,
            [this](StoreNotifications::Change change, const QSet<qint64> &ids) {
                if (m_shop.client().config().phoneNumberId.isEmpty())
                    adoptBusinessNumber();
                const qint64 current = m_workspace.threadPane().conversation();
                if (change == StoreNotifications::Change::Messages || change == StoreNotifications::Change::Status
                    || change == StoreNotifications::Change::Assignment || change == StoreNotifications::Change::Orders)
                    m_shop.changes().report(ids);
                if (current && (ids.isEmpty() || ids.contains(current))) {
                    showTeam(current);
                    m_media->fetchMissing(current);
                }
            });

    m_workspace.inboxPane().setTeamAgent(me.id);
    m_bar = new TeamBar;
    m_workspace.threadPane().addBar(m_bar);
    connect(m_bar, &TeamBar::assignRequested, this, [this](std::optional<qint64> agentId) {
        if (const StoreError error = m_team->assign(m_workspace.threadPane().conversation(), agentId); error.isError())
            m_workspace.showProblem(tr("The conversation was not handed over: %1").arg(error.userMessage));
        showTeam(m_workspace.threadPane().conversation()); // the bar shows who really has it
    });
    connect(m_bar, &TeamBar::noteWritten, this, [this](const QString &text) {
        StoreError error;
        if (!m_team->addNote(m_workspace.threadPane().conversation(), m_me.id, text, &error)) {
            m_bar->keepUnsavedNote(text);
            m_workspace.showProblem(tr("The note was not saved: %1 It is kept: press “Private note…” to try again.").arg(error.userMessage));
        }
        showTeam(m_workspace.threadPane().conversation());
    });
    connect(&m_workspace, &Workspace::conversationOpened, this, &TeamSession::showTeam);
    Composer *composer = m_workspace.threadPane().composer();
    connect(composer, &Composer::typing, this, &TeamSession::typing);
    connect(composer, &Composer::sendText, this, [this] {
        // Refused, the "replying" mark simply expires (kReplyLockSeconds) on the others' screens.
        if (const StoreError error = m_team->releaseReply(m_workspace.threadPane().conversation(), m_me.id); error.isError())
            qCInfo(lcTeamSession) << "the reply mark stays until it expires:" << error.detail;
        m_lockRenewedAt = {};
    });
}

TeamSession::~TeamSession() = default;

void TeamSession::adoptBusinessNumber()
{
    // No token on a team desktop: only the server sends. Messages are stored for the number the
    // server recorded (or, before it first ran, the number of the latest conversation).
    StoreError error;
    QString number = SettingsStore(m_shop.database()).read(QStringLiteral("team/"), &error).value(QStringLiteral("team/phone_number_id"));
    if (number.isEmpty())
        number = m_team->latestBusinessNumber(&error);
    ApiConfig config;
    config.phoneNumberId = number;
    m_shop.client().setConfig(config);
}

QString TeamSession::ownerName() const
{
    StoreError error;
    for (const Agent &agent : m_team->agents(&error)) {
        if (agent.role == Agent::Role::Owner)
            return agent.name;
    }
    return {};
}

void TeamSession::checkConnection()
{
    Database &database = m_shop.database();
    if (m_connected && database.isReachable())
        return;
    if (m_connected) {
        m_connected = false;
        Q_EMIT connectionChanged(false);
    }
    if (database.reconnect().isError() || !database.isReachable())
        return; // still away: the next beat tries again
    m_notifications->relisten();
    m_connected = true;
    storeWaiting();
    m_workspace.saveKeptDrafts();
    m_shop.changes().report({}); // whatever happened meanwhile
    Q_EMIT connectionChanged(true);
}

bool TeamSession::keep(const MessageSender::Outgoing &outgoing)
{
    if (m_shop.database().isReachable())
        return false; // the store is there: the refusal was something else, said as it is
    m_waiting.append({outgoing, {}});
    saveWaiting();
    if (m_connected) {
        m_connected = false;
        Q_EMIT connectionChanged(false);
    }
    return true;
}

void TeamSession::storeWaiting()
{
    while (!m_waiting.isEmpty()) {
        MessageSender::Outgoing next = m_waiting.constFirst().outgoing;
        StoreError error;
        if (!next.conversationId) // kept by an older version, by the customer's number
            next.conversationId = m_shop.sender().conversationWith(m_waiting.constFirst().to, &error).value_or(0);
        if (!next.conversationId || !m_shop.outbox().enqueue(next.conversationId, next.kind, next.text, next.payload, false, &error))
            break; // still unreachable: the rest waits, in order
        m_waiting.removeFirst();
        saveWaiting();
        m_shop.changes().report({});
    }
}

void TeamSession::saveWaiting() const
{
    if (m_waiting.isEmpty()) {
        QFile::remove(m_waitingFile);
        return;
    }
    QJsonArray items;
    for (const Waiting &waiting : m_waiting)
        items.append(QJsonObject{{QStringLiteral("conversation"), waiting.outgoing.conversationId},
                                 {QStringLiteral("to"), waiting.to},
                                 {QStringLiteral("kind"), messageKindName(waiting.outgoing.kind)},
                                 {QStringLiteral("text"), waiting.outgoing.text},
                                 {QStringLiteral("payload"), waiting.outgoing.payload}});
    QDir().mkpath(QFileInfo(m_waitingFile).absolutePath());
    QSaveFile file(m_waitingFile);
    const QByteArray bytes = QJsonDocument(items).toJson(QJsonDocument::Compact);
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size())
        file.commit();
}

bool TeamSession::isListening() const
{
    return m_notifications->isListening();
}

QDialog *TeamSession::showTeamDialog(QWidget *parent)
{
    auto *dialog = new TeamDialog(parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    StoreError error;
    dialog->setAgents(m_team->agents(&error));
    connect(dialog, &TeamDialog::addRequested, this, [this, dialog](const QString &name) {
        StoreError problem;
        const auto agent = TeamAccessStore(m_shop.database(), m_shop.clock()).addAgent(name, &problem);
        if (!agent) {
            dialog->showProblem(tr("%1 was not added: %2").arg(name, problem.userMessage.isEmpty() ? problem.detail : problem.userMessage));
            return;
        }
        dialog->setAgents(m_team->agents(&problem));
        dialog->showNewSignIn(agent->name, m_shop.database().location().addressFor(agent->role, agent->password));
    });
    connect(dialog, &TeamDialog::removeRequested, this, [this, dialog](const QString &name) {
        bool found = false;
        if (const StoreError problem = TeamAccessStore(m_shop.database(), m_shop.clock()).removeAgent(name, &found); problem.isError()) {
            dialog->showProblem(tr("%1 still has access: %2").arg(name, problem.userMessage.isEmpty() ? problem.detail : problem.userMessage));
            return;
        }
        StoreError problem;
        dialog->setAgents(m_team->agents(&problem));
        dialog->showProblem(tr("%1 no longer has access to the team's database.").arg(name));
    });
    dialog->open();
    return dialog;
}

void TeamSession::useKeychainPassword(StoreLocation &location)
{
    if (location.dialect.isSqlite())
        return;
    SecretStore keychain(QStringLiteral("Mostrador"));
    keychain.setTimeout(std::chrono::seconds(5));
    const QString key = QStringLiteral("team-store ") + location.describe();
    if (!location.password.isEmpty()) {
        if (const SecretResult kept = keychain.write(key, location.password); !kept.ok())
            qWarning().noquote() << "the team store's password was not kept in the keychain:" << kept.detail;
        return;
    }
    if (const SecretResult kept = keychain.read(key); kept.ok())
        location.password = kept.value;
}

std::optional<Agent> TeamSession::signIn(ShopServices &shop, QWidget *parent, QString *problem)
{
    QString name = qEnvironmentVariable("MOSTRADOR_AGENT", QSettings().value(kAgentKey).toString());
    if (name.trimmed().isEmpty()) {
        bool ok = false;
        name = QInputDialog::getText(parent, tr("Team mode"), tr("Your name, as your colleagues will see it:"), QLineEdit::Normal,
                                     QString(), &ok);
        if (!ok || name.trimmed().isEmpty())
            return std::nullopt;
    }
    StoreError error;
    const auto agent = TeamStore(shop.database(), shop.clock()).signIn(name, colorFor(name.simplified()), &error);
    if (!agent) {
        *problem = error.userMessage;
        return std::nullopt;
    }
    QSettings().setValue(kAgentKey, agent->name);
    return agent;
}

void TeamSession::showTeam(qint64 conversationId)
{
    m_bar->setVisible(conversationId != 0);
    if (!conversationId)
        return;
    StoreError error;
    m_bar->setAgents(m_team->agents(&error), m_me.id);
    m_bar->setAssignee(m_team->assignee(conversationId, &error));
    m_bar->setReplying(m_team->replying(conversationId, &error));
    m_bar->setNotes(m_team->notes(conversationId, &error));
}

void TeamSession::typing()
{
    const qint64 conversation = m_workspace.threadPane().conversation();
    const QDateTime now = m_shop.clock().now();
    if (!conversation || (m_lockRenewedAt.isValid() && m_lockRenewedAt.secsTo(now) < kRenewEverySeconds))
        return;
    m_lockRenewedAt = now;
    StoreError error;
    m_bar->setReplying(m_team->claimReply(conversation, m_me.id, kReplyLockSeconds, &error));
}

} // namespace Mostrador
