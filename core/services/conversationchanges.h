#pragma once

#include <QObject>
#include <QSet>

namespace Mostrador {

// One signal for "these conversations changed", whoever changed them: webhooks stored by the
// ingestor, the outbox's sends, or (team mode) another desktop or the server, heard through the
// store's notifications. Views listen to this alone.
class ConversationChanges final : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // An empty set means anything may have changed (too many to list, or after a reconnection).
    void report(const QSet<qint64> &conversationIds) { Q_EMIT changed(conversationIds); }

Q_SIGNALS:
    void changed(const QSet<qint64> &conversationIds);
};

} // namespace Mostrador
