#include "windowchip.h"

#include <QCoreApplication>

namespace Mostrador {

namespace {

WindowChip chip(const QString &text, QColor background, QColor foreground)
{
    WindowChip result;
    result.text = text;
    result.background = background;
    result.foreground = foreground;
    return result;
}

} // namespace

WindowChip WindowChip::forWindow(ServiceWindow::State state, const QDateTime &openUntil, const QDateTime &now)
{
    // Plain variables for the counts: lupdate 6.4 hangs on a cast around a division here.
    const int minutes = static_cast<int>(std::max<qint64>(0, now.secsTo(openUntil) / 60));
    const int hours = minutes / 60;
    QString left;
    if (hours > 0)
        left = QCoreApplication::translate("WindowChip", "%n h left", nullptr, hours);
    else
        left = QCoreApplication::translate("WindowChip", "%n min left", nullptr, minutes);
    if (state == ServiceWindow::State::Open)
        return chip(left, QColor(0xdf, 0xf3, 0xe8), QColor(0x0b, 0x6b, 0x45));
    if (state == ServiceWindow::State::ClosingSoon)
        return chip(QCoreApplication::translate("WindowChip", "Closing soon · %1").arg(left), QColor(0xff, 0xe9, 0xc2),
                    QColor(0x8a, 0x4b, 0x00));
    return chip(QCoreApplication::translate("WindowChip", "Closed — template only"), QColor(0xee, 0xe6, 0xe6),
                QColor(0x7a, 0x2e, 0x2e));
}

WindowChip WindowChip::blocked()
{
    return chip(QCoreApplication::translate("WindowChip", "Blocked"), QColor(0x3a, 0x3a, 0x3a), QColor(0xff, 0xff, 0xff));
}

} // namespace Mostrador
