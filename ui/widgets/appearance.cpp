#include "appearance.h"

#include "outlinedstyle.h"

#include <QApplication>
#include <QPalette>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace Mostrador::Appearance {

namespace {

constexpr auto kKey = "interface/appearance";

QPalette darkPalette()
{
    QPalette palette;
    const QColor window(0x20, 0x24, 0x28);
    const QColor base(0x17, 0x1a, 0x1d);
    const QColor text(0xe6, 0xe8, 0xea);
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, window.lighter(115));
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, window.lighter(110));
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::Highlight, QColor(0x1f, 0x6b, 0x55));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x93, 0x9b));
    // Links (the strip's month cost, help links) readable on the dark window: Qt's default
    // dark blue is not.
    palette.setColor(QPalette::Link, QColor(0x7c, 0xc4, 0xff));
    palette.setColor(QPalette::LinkVisited, QColor(0xc0, 0x9c, 0xff));
    palette.setColor(QPalette::Midlight, QColor(0x33, 0x38, 0x3d));
    palette.setColor(QPalette::ToolTipBase, base);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::Disabled, QPalette::Text, QColor(0x6b, 0x72, 0x78));
    palette.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x6b, 0x72, 0x78));
    palette.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x6b, 0x72, 0x78));
    return palette;
}

} // namespace

QString saved()
{
    const QString value = QSettings().value(QLatin1String(kKey)).toString();
    return value == QLatin1String("light") || value == QLatin1String("dark") ? value : QStringLiteral("system");
}

void choose(const QString &appearance)
{
    QSettings().setValue(QLatin1String(kKey), appearance);
    apply();
}

void apply()
{
    static const QPalette systemPalette = QApplication::palette();
    static const QString systemStyle = QApplication::style()->name();
    const QString appearance = saved();
    if (appearance == QLatin1String("system")) {
        QApplication::setStyle(QStyleFactory::create(systemStyle));
        QApplication::setPalette(systemPalette);
        return;
    }
    // Fusion draws every control from the palette, so light and dark look whole; its edges are
    // drawn visibly on a dark window.
    QApplication::setStyle(new OutlinedStyle);
    QApplication::setPalette(appearance == QLatin1String("dark") ? darkPalette() : QApplication::style()->standardPalette());
}

} // namespace Mostrador::Appearance
