#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace Mostrador {

// What the desktop executable was asked to do on its command line.
struct DesktopOptions {
    QString language;        // "es", "en" or empty for the saved choice / system locale
    QString screenshotPath;  // non-empty: render the window once, save it here, exit
    QString databasePath;    // --db: the store to open (default: the user's data folder)
    QString dialog;          // --show: a window to open at start (one of kShopDialogs)
    bool demo = false;
};

// The names --show accepts.
extern const QStringList kShopDialogs;

// Reads the language forced with --lang before anything else, so that --help is already
// printed in that language.
[[nodiscard]] QString forcedLanguage(const QStringList &arguments);

// Parses the full command line. Handles --help and --version itself (prints and exits);
// returns nothing after printing a clear message when the arguments are wrong.
[[nodiscard]] std::optional<DesktopOptions> parseDesktopOptions(const QStringList &arguments);

} // namespace Mostrador
