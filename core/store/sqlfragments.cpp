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

} // namespace Mostrador::SqlFragments
