#pragma once

#include "db/storeerror.h"

#include <QString>

#include <optional>

namespace Mostrador {

class Clock;
class Database;

// Team roles enforced by PostgreSQL itself, not by menus: every agent signs in as their own
// database role, a member of this store's agents group, which may read and write conversations,
// messages, notes and labels but not change the shop's settings, automation, quick replies or
// agents, not delete history, and not read the settings kept for the server alone. The owner's
// connection (the store's owner, which the server also uses) runs these; an agent's cannot.
class TeamAccessStore
{
public:
    struct NewAgent {
        QString name;
        QString role;     // the PostgreSQL role they sign in as
        QString password; // said once: only its hash is kept by the server
    };

    TeamAccessStore(Database &database, const Clock &clock);

    // Creates (or brings up to date) the agents group and what it may do on every table. Run again
    // after a migration adds tables; safe to repeat.
    StoreError prepare();
    // The same when the store has agents' roles already (the server, after migrating, so new
    // tables are covered); nothing otherwise.
    StoreError refreshIfInUse();

    // A new role for `name`, with a fresh password, in the group; the agent appears in the team.
    // An agent of that name who was removed is let back in with a new password.
    [[nodiscard]] std::optional<NewAgent> addAgent(const QString &name, StoreError *error);

    // Ends the agent's access at once: their sessions are closed and their role dropped. What they
    // wrote stays, under their name. False in `found` when no agent has that name.
    StoreError removeAgent(const QString &name, bool *found);

    // The server's own sign-in (mostrador_<database>_server), with a fresh password: everything
    // on the shop's data — receiving, sending, merging customers, the retention period — but not
    // the schema (the owner's desktop, or `serve` with the owner's address, brings it up to date
    // after an update) nor the grants. Given again, it replaces the password.
    [[nodiscard]] std::optional<NewAgent> addServer(StoreError *error);

    // The agents group of this store: mostrador_<database>_agents.
    [[nodiscard]] QString groupRole() const;
    [[nodiscard]] QString serverRole() const;

    // Settings whose keys start with this are the server's alone (agents' roles cannot read them).
    static constexpr const char *kPrivateSettingsPrefix = "private/";

private:
    [[nodiscard]] QString roleFor(const QString &name) const;

    Database &m_database;
    const Clock &m_clock;
};

} // namespace Mostrador
