#pragma once

#include "db/storeerror.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace Mostrador {

class Clock;
class Database;

// A person who answers for the shop in team mode.
struct Agent {
    enum class Role { Owner, Agent }; // owner: settings, credentials, quick replies, hours

    qint64 id = 0;
    QString name;
    QString color; // #rrggbb, to tell people apart at a glance
    Role role = Role::Agent;
};

struct TeamNote {
    qint64 id = 0;
    qint64 agentId = 0;
    QString agentName;
    QString body;
    QDateTime at;
};

// Who answers what, in a store several desktops share: agents, assignment, private notes (for
// the team, never sent), and the soft lock "<agent> is replying" so two people never answer the
// same customer at once. Every change is announced to the other desktops (StoreNotifications).
class TeamStore
{
public:
    TeamStore(Database &database, const Clock &clock);

    // Signs in by name: the agent is created the first time (the first one is the owner).
    [[nodiscard]] std::optional<Agent> signIn(const QString &name, const QString &color, StoreError *error);
    [[nodiscard]] QList<Agent> agents(StoreError *error) const;

    StoreError assign(qint64 conversationId, std::optional<qint64> agentId);
    [[nodiscard]] std::optional<qint64> assignee(qint64 conversationId, StoreError *error) const;

    // Claims the reply lock for `seconds` (renewed while the agent types). Returns who holds it
    // afterwards: this agent when it was free, expired or already theirs; the other one if not.
    [[nodiscard]] std::optional<Agent> claimReply(qint64 conversationId, qint64 agentId, int seconds, StoreError *error);
    StoreError releaseReply(qint64 conversationId, qint64 agentId);
    // Who is replying now (an unexpired lock), if anyone.
    [[nodiscard]] std::optional<Agent> replying(qint64 conversationId, StoreError *error) const;

    [[nodiscard]] std::optional<qint64> addNote(qint64 conversationId, qint64 agentId, const QString &body, StoreError *error);
    [[nodiscard]] QList<TeamNote> notes(qint64 conversationId, StoreError *error) const;

    // The business number of the latest conversation (before the server first recorded its own).
    [[nodiscard]] QString latestBusinessNumber(StoreError *error) const;

private:
    [[nodiscard]] std::optional<Agent> agent(qint64 id, StoreError *error) const;

    Database &m_database;
    const Clock &m_clock;
};

} // namespace Mostrador
