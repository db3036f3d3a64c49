#include "sqlfragments.h"

#include "messaging/messagetypes.h"

#include <QStringList>

namespace Mostrador::SqlFragments {

QString customerWrote(const QString &alias)
{
    QStringList excluded;
    for (int value = 0; value <= int(MessageKind::Unsupported); ++value) {
        const auto kind = MessageKind(value);
        if (!countsAsCustomerWriting(kind))
            excluded << QLatin1Char('\'') + messageKindName(kind) + QLatin1Char('\'');
    }
    return QStringLiteral("%1.direction = 'in' AND %1.kind NOT IN (%2)").arg(alias, excluded.join(QStringLiteral(", ")));
}

QString origin(const QString &alias)
{
    return QStringLiteral("CASE WHEN %1.imported <> 0 THEN %5 WHEN %1.direction = 'in' THEN %2 WHEN %1.handled_by = 'campaign' THEN %6 "
                          "WHEN %1.automatic = 1 OR %1.handled_by IS NOT NULL THEN %3 ELSE %4 END")
        .arg(alias)
        .arg(int(MessageOrigin::Customer))
        .arg(int(MessageOrigin::Automatic))
        .arg(int(MessageOrigin::Shop))
        .arg(int(MessageOrigin::Imported))
        .arg(int(MessageOrigin::Campaign));
}

QString countsForWaiting(const QString &alias)
{
    // History brought in from the phone neither starts nor ends a wait: it never reached Mostrador.
    return QStringLiteral("CASE WHEN %1.imported <> 0 THEN 0 WHEN %1.direction = 'in' THEN (CASE WHEN %2 THEN 1 ELSE 0 END) "
                          "WHEN %1.status <> %3 THEN 1 ELSE 0 END")
        .arg(alias, customerWrote(alias))
        .arg(int(DeliveryStatus::Failed));
}

QString startsOrEndsWaiting(const QString &alias)
{
    return QStringLiteral("(%1) = 1 AND (%2) IN (%3, %4)")
        .arg(countsForWaiting(alias), origin(alias))
        .arg(int(MessageOrigin::Customer))
        .arg(int(MessageOrigin::Shop));
}

QString lastWaitingDirection(const QString &conversationId, bool before)
{
    const QString alias = QStringLiteral("w");
    return QStringLiteral("(SELECT w.direction FROM messages w WHERE w.conversation_id = %1%2 AND %3 "
                          "ORDER BY w.sent_at DESC, w.id DESC LIMIT 1)")
        .arg(conversationId, before ? QStringLiteral(" AND w.sent_at < ?") : QString(), startsOrEndsWaiting(alias));
}

QString waitingForUs(const QString &alias)
{
    return QStringLiteral("(%1.status <> 'resolved' AND %2 = 'in')").arg(alias, lastWaitingDirection(alias + QStringLiteral(".id")));
}

} // namespace Mostrador::SqlFragments
