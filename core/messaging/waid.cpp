#include "waid.h"

#include <QRegularExpression>

namespace Mostrador::WaId {

namespace {

bool isMobileBrazilianSubscriber(QChar first)
{
    return first >= QLatin1Char('6') && first <= QLatin1Char('9');
}

// The other form of the same number, or an empty string when there is none.
QString otherForm(const QString &waId)
{
    const qsizetype length = waId.size();
    if (waId.startsWith(QLatin1String("521")) && length == 13)
        return QStringLiteral("52") + waId.mid(3);
    if (waId.startsWith(QLatin1String("52")) && length == 12)
        return QStringLiteral("521") + waId.mid(2);
    if (waId.startsWith(QLatin1String("549")) && length == 13)
        return QStringLiteral("54") + waId.mid(3);
    if (waId.startsWith(QLatin1String("54")) && length == 12)
        return QStringLiteral("549") + waId.mid(2);
    if (waId.startsWith(QLatin1String("55")) && length == 13 && waId.at(4) == QLatin1Char('9'))
        return waId.left(4) + waId.mid(5);
    if (waId.startsWith(QLatin1String("55")) && length == 12 && isMobileBrazilianSubscriber(waId.at(4)))
        return waId.left(4) + QLatin1Char('9') + waId.mid(4);
    return {};
}

} // namespace

QStringList equivalents(const QString &waId)
{
    const QString other = otherForm(waId);
    return other.isEmpty() ? QStringList{waId} : QStringList{waId, other};
}

QString whatsAppForm(const QString &waId)
{
    const QString other = otherForm(waId);
    return other.size() > waId.size() ? other : waId;
}

bool same(const QString &a, const QString &b)
{
    return !a.isEmpty() && (a == b || otherForm(a) == b);
}

bool isBusinessScopedUserId(const QString &id)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Z]{2}\\.(ENT\\.)?[A-Za-z0-9]{1,128}$"));
    return pattern.match(id).hasMatch();
}

} // namespace Mostrador::WaId
