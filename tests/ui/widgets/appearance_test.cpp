// The dark appearance is read by people at a shop counter, often in a bright room: every pair of
// text and background colours Mostrador draws with meets WCAG 2.1's 4.5:1 for normal text
// (issue #30.7: a dark-blue link on the dark window could not be read).

#include "widgets/appearance.h"

#include <QApplication>
#include <QColor>
#include <QPalette>
#include <QSettings>

#include <gtest/gtest.h>

#include <cmath>

using namespace Mostrador;

namespace {

double luminance(const QColor &colour)
{
    const auto channel = [](double value) {
        value /= 255.0;
        return value <= 0.03928 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green()) + 0.0722 * channel(colour.blue());
}

double contrast(const QColor &a, const QColor &b)
{
    const double lighter = std::max(luminance(a), luminance(b));
    const double darker = std::min(luminance(a), luminance(b));
    return (lighter + 0.05) / (darker + 0.05);
}

} // namespace

TEST(AppearanceTest, EveryTextOnItsBackgroundIsReadableInTheDarkAppearance)
{
    const QString before = QSettings().value(QStringLiteral("interface/appearance")).toString();
    Appearance::choose(QStringLiteral("dark"));
    const QPalette palette = QApplication::palette();
    const struct {
        QPalette::ColorRole text;
        QPalette::ColorRole background;
        const char *what;
    } pairs[] = {
        {QPalette::WindowText, QPalette::Window, "labels on the window"},
        {QPalette::Text, QPalette::Base, "text in fields and lists"},
        {QPalette::ButtonText, QPalette::Button, "buttons"},
        {QPalette::HighlightedText, QPalette::Highlight, "the chosen row"},
        {QPalette::PlaceholderText, QPalette::Base, "hints in empty fields"},
        {QPalette::PlaceholderText, QPalette::Window, "quiet notes on the window (prices, hints)"},
        {QPalette::Link, QPalette::Window, "links on the window (the month's cost)"},
        {QPalette::ToolTipText, QPalette::ToolTipBase, "tooltips"},
    };
    for (const auto &pair : pairs) {
        const double ratio = contrast(palette.color(QPalette::Active, pair.text), palette.color(QPalette::Active, pair.background));
        EXPECT_GE(ratio, 4.5) << pair.what << ": " << ratio << ":1";
    }
    if (before.isEmpty())
        QSettings().remove(QStringLiteral("interface/appearance"));
    else
        QSettings().setValue(QStringLiteral("interface/appearance"), before);
    Appearance::apply();
}
