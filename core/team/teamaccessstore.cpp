#include "teamaccessstore.h"

#include "common/clock.h"
#include "common/foldedtext.h"
#include "db/database.h"

#include <QRandomGenerator>
#include <QSqlQuery>

namespace Mostrador {

namespace {

// PostgreSQL role names: lower-case letters, digits and underscores, at most 63 bytes.
QString identifierPart(const QString &text, int maximum)
{
    QString part;
    for (const QChar c : foldedText(text)) {
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9'))
            part += c;
        else if (!part.endsWith(u'_'))
            part += u'_';
    }
    while (part.startsWith(u'_'))
        part.remove(0, 1);
    return part.left(maximum);
}

QString quoted(const QString &identifier)
{
    return u'"' + QString(identifier).replace(u'"', QLatin1String("\"\"")) + u'"';
}

QString freshPassword()
{
    static const char kAlphabet[] = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    QString password;
    for (int i = 0; i < 28; ++i)
        password += QLatin1Char(kAlphabet[QRandomGenerator::system()->bounded(int(sizeof(kAlphabet) - 1))]);
    return password;
}

// What the agents group may do beyond reading, table by table. Anything not named here (settings,
// quick replies, agents, the schema's version, raw webhooks, status history) is read-only to
// them, and nothing of the history may be deleted.
const char *const kAgentWrites[] = {
    "INSERT, UPDATE (display_name, notes, blocked_at, opted_out_at, opt_out_reason, opted_in_at, opt_in_source) ON customers",
    "INSERT, UPDATE (status, unread_count, assigned_agent_id, last_message_id, last_message_at, window_closed_at) ON conversations",
    "INSERT, UPDATE (outbox_state, next_attempt_at, status, status_at, error_code, error_json) ON messages",
    "INSERT, UPDATE (name, color, position) ON labels",
    "INSERT, DELETE ON conversation_labels",
    "INSERT, UPDATE, DELETE ON drafts",
    "INSERT ON conversation_notes",
    "INSERT, DELETE ON conversation_resolutions", // a reopening before the customer wrote undoes one
    "INSERT, UPDATE, DELETE ON reply_locks",
    "INSERT ON read_receipts",
    "UPDATE (use_count) ON quick_replies",
    "INSERT, UPDATE (stage, stage_at, tracking, note) ON orders", // the catalog itself is the owner's
    "INSERT ON order_lines",
    "INSERT ON promotion_overrides", // a promotion an agent confirmed past a customer's no
    "INSERT, UPDATE (messages_added) ON chat_imports", // undoing one deletes history: the owner's
};

} // namespace

TeamAccessStore::TeamAccessStore(Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{
}

QString TeamAccessStore::groupRole() const
{
    return QStringLiteral("mostrador_%1_agents").arg(identifierPart(m_database.location().databaseName, 40));
}

QString TeamAccessStore::serverRole() const
{
    return QStringLiteral("mostrador_%1_server").arg(identifierPart(m_database.location().databaseName, 40));
}

QString TeamAccessStore::roleFor(const QString &name) const
{
    QString person = identifierPart(name, 16);
    if (person.isEmpty()) // a name in a script with no Latin letters
        person = QStringLiteral("agent");
    return QStringLiteral("mostrador_%1_%2_%3")
        .arg(identifierPart(m_database.location().databaseName, 24), person)
        .arg(QRandomGenerator::system()->bounded(1000, 10000));
}

StoreError TeamAccessStore::prepare()
{
    if (m_database.dialect().isSqlite())
        return StoreError::make(StoreError::Kind::Query, QStringLiteral("agents' roles exist only in team mode (PostgreSQL)"));
    const QString group = quoted(groupRole());
    const QString server = quoted(serverRole());
    const QString me = QStringLiteral("(SELECT id FROM agents WHERE db_role = current_user AND removed_at IS NULL)");
    const QString createRole = QStringLiteral("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%1') THEN "
                                              "CREATE ROLE %2 NOLOGIN; END IF; END $$");
    QStringList steps{
        createRole.arg(groupRole(), group),
        createRole.arg(serverRole(), server), // signs in only once addServer() gave it a password
        // Only the shop's people connect to the shop's database.
        QStringLiteral("REVOKE CONNECT, TEMPORARY ON DATABASE %1 FROM PUBLIC").arg(quoted(m_database.location().databaseName)),
        QStringLiteral("GRANT CONNECT ON DATABASE %1 TO %2").arg(quoted(m_database.location().databaseName), group),
        QStringLiteral("REVOKE CREATE ON SCHEMA public FROM PUBLIC"),
        QStringLiteral("GRANT USAGE ON SCHEMA public TO %1").arg(group),
        QStringLiteral("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM %1").arg(group),
        QStringLiteral("GRANT SELECT ON ALL TABLES IN SCHEMA public TO %1").arg(group),
        QStringLiteral("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %1").arg(group),
        // The server: all of the shop's data, none of the schema.
        QStringLiteral("GRANT CONNECT ON DATABASE %1 TO %2").arg(quoted(m_database.location().databaseName), server),
        QStringLiteral("GRANT USAGE ON SCHEMA public TO %1").arg(server),
        QStringLiteral("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %1").arg(server),
        QStringLiteral("GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO %1").arg(server),
    };
    for (const char *write : kAgentWrites)
        steps << QStringLiteral("GRANT %1 TO %2").arg(QLatin1String(write), group);
    // Rows that differ: settings kept for the server alone; notes and reply locks written only
    // in the agent's own name. The owner's role owns the tables and is not bound by these.
    steps << QStringLiteral("ALTER TABLE settings ENABLE ROW LEVEL SECURITY")
          << QStringLiteral("DROP POLICY IF EXISTS agents_read ON settings")
          << QStringLiteral("CREATE POLICY agents_read ON settings FOR SELECT TO %1 USING (key NOT LIKE '%2%')")
                 .arg(group, QLatin1String(kPrivateSettingsPrefix))
          << QStringLiteral("ALTER TABLE conversation_notes ENABLE ROW LEVEL SECURITY")
          << QStringLiteral("DROP POLICY IF EXISTS agents_read ON conversation_notes")
          << QStringLiteral("CREATE POLICY agents_read ON conversation_notes FOR SELECT TO %1 USING (true)").arg(group)
          << QStringLiteral("DROP POLICY IF EXISTS agents_write ON conversation_notes")
          << QStringLiteral("CREATE POLICY agents_write ON conversation_notes FOR INSERT TO %1 WITH CHECK (agent_id = %2)").arg(group, me)
          << QStringLiteral("ALTER TABLE reply_locks ENABLE ROW LEVEL SECURITY")
          << QStringLiteral("DROP POLICY IF EXISTS agents_locks ON reply_locks")
          << QStringLiteral("CREATE POLICY agents_locks ON reply_locks FOR ALL TO %1 USING (true) WITH CHECK (agent_id = %2)").arg(group, me);
    for (const char *table : {"settings", "conversation_notes", "reply_locks"}) {
        steps << QStringLiteral("DROP POLICY IF EXISTS server_all ON %1").arg(QLatin1String(table))
              << QStringLiteral("CREATE POLICY server_all ON %1 FOR ALL TO %2 USING (true) WITH CHECK (true)").arg(QLatin1String(table), server);
    }

    if (StoreError error = m_database.begin(); error.isError())
        return error;
    for (const QString &step : std::as_const(steps)) {
        if (StoreError error = m_database.exec(step); error.isError()) {
            m_database.rollback();
            return error;
        }
    }
    return m_database.commit();
}

StoreError TeamAccessStore::refreshIfInUse()
{
    if (m_database.dialect().isSqlite())
        return {};
    QSqlQuery query(m_database.connection());
    // Only the tables' owner may grant on them (the server's own role may not, and need not).
    query.prepare(QStringLiteral("SELECT 1 FROM pg_roles WHERE rolname = ? AND EXISTS "
                                 "(SELECT 1 FROM pg_tables WHERE tablename = 'messages' AND tableowner = current_user)"));
    query.addBindValue(groupRole());
    if (!query.exec())
        return StoreError::fromSql(query.lastError(), QStringLiteral("look for the agents' group"));
    return query.next() ? prepare() : StoreError{};
}

std::optional<TeamAccessStore::NewAgent> TeamAccessStore::addServer(StoreError *error)
{
    if (StoreError problem = prepare(); problem.isError()) {
        *error = problem;
        return std::nullopt;
    }
    NewAgent server{QStringLiteral("mostrador-server"), serverRole(), freshPassword()};
    if (StoreError problem = m_database.exec(QStringLiteral("ALTER ROLE %1 LOGIN PASSWORD '%2'").arg(quoted(server.role), server.password));
        problem.isError()) {
        *error = problem;
        return std::nullopt;
    }
    if (StoreError problem = m_database.exec(QStringLiteral("ALTER ROLE %1 SET search_path = public").arg(quoted(server.role)));
        problem.isError()) {
        *error = problem;
        return std::nullopt;
    }
    return server;
}

std::optional<TeamAccessStore::NewAgent> TeamAccessStore::addAgent(const QString &name, StoreError *error)
{
    const QString trimmed = name.simplified();
    if (StoreError problem = prepare(); problem.isError()) {
        *error = problem;
        return std::nullopt;
    }
    NewAgent agent{trimmed, roleFor(trimmed), freshPassword()};
    const QString role = quoted(agent.role);
    const auto fail = [&](StoreError problem) -> std::optional<NewAgent> {
        m_database.rollback();
        *error = std::move(problem);
        return std::nullopt;
    };
    if (StoreError problem = m_database.begin(); problem.isError())
        return fail(problem);
    // The password is a literal (CREATE ROLE takes no bound values); its alphabet needs no quoting.
    for (const QString &step : {QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2' IN ROLE %3").arg(role, agent.password, quoted(groupRole())),
                                QStringLiteral("ALTER ROLE %1 SET search_path = public").arg(role)}) {
        if (StoreError problem = m_database.exec(step); problem.isError())
            return fail(problem);
    }
    // A removed agent of the same name comes back as the same person, with their history.
    if (StoreError problem = m_database.exec(QStringLiteral("INSERT INTO agents (name, color, role, created_at, db_role) VALUES (?, ?, 'agent', ?, ?) "
                                                            "ON CONFLICT (name) DO UPDATE SET db_role = excluded.db_role, removed_at = NULL"),
                                             {trimmed, QStringLiteral("#2980b9"), m_clock.now().toMSecsSinceEpoch(), agent.role}, "add agent");
        problem.isError())
        return fail(problem);
    if (StoreError problem = m_database.commit(); problem.isError())
        return fail(problem);
    return agent;
}

StoreError TeamAccessStore::removeAgent(const QString &name, bool *found)
{
    *found = false;
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT id, db_role FROM agents WHERE name = ? AND removed_at IS NULL"));
    query.addBindValue(name.simplified());
    if (!query.exec())
        return StoreError::fromSql(query.lastError(), QStringLiteral("find agent"));
    if (!query.next())
        return {};
    *found = true;
    const qint64 id = query.value(0).toLongLong();
    const QString role = query.value(1).toString();
    query.finish();

    if (StoreError error = m_database.begin(); error.isError())
        return error;
    // Their conversations go back to the team and their locks are let go, with the removal.
    // One after the other, stopping at the first refusal (the list used to run all three).
    const std::pair<const char *, QVariantList> steps[] = {
        {"UPDATE agents SET removed_at = ? WHERE id = ?", {m_clock.now().toMSecsSinceEpoch(), id}},
        {"UPDATE conversations SET assigned_agent_id = NULL WHERE assigned_agent_id = ?", {id}},
        {"DELETE FROM reply_locks WHERE agent_id = ?", {id}},
    };
    for (const auto &[sql, values] : steps) {
        if (StoreError error = m_database.exec(QLatin1String(sql), values, "remove agent"); error.isError()) {
            m_database.rollback();
            return error;
        }
    }
    if (StoreError error = m_database.commit(); error.isError())
        return error;
    if (role.isEmpty())
        return {}; // signed in by name on the owner's connection: nothing more to end

    // No new sign-in, then the open sessions closed (the owner is made a member of the role so
    // PostgreSQL lets them end its sessions), then the role itself gone.
    const QString quotedRole = quoted(role);
    if (StoreError error = m_database.exec(QStringLiteral("ALTER ROLE %1 NOLOGIN").arg(quotedRole)); error.isError())
        return error;
    // Already a member, or refused: either way the next step says whether the sessions could be ended.
    (void)m_database.exec(QStringLiteral("GRANT %1 TO CURRENT_USER").arg(quotedRole));
    if (StoreError error = m_database.exec(QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = ?"),
                                           {role}, "close the agent's sessions");
        error.isError())
        return error;
    // What is left is a role that cannot sign in: the agent's access is gone either way. It may
    // still own things or hold rights in another database of the server, so these may refuse.
    (void)m_database.exec(QStringLiteral("DROP OWNED BY %1").arg(quotedRole));
    (void)m_database.exec(QStringLiteral("DROP ROLE %1").arg(quotedRole));
    return {};
}

} // namespace Mostrador
