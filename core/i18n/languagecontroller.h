#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTranslator>

#include <memory>

namespace Mostrador {

// Chooses the interface language (Spanish, English or the system's), installs the matching
// translators on the running application and remembers the user's explicit choice.
//
// Language codes are "es" and "en"; an empty code means "follow the system locale".
class LanguageController final : public QObject
{
    Q_OBJECT

public:
    explicit LanguageController(QObject *parent = nullptr);
    ~LanguageController() override;

    [[nodiscard]] static QStringList supportedLanguages();
    [[nodiscard]] static bool isSupported(const QString &code);

    // The language the system locale asks for, falling back to Spanish.
    [[nodiscard]] static QString systemLanguage();

    // What the user chose last time ("" = system), read from QSettings.
    [[nodiscard]] QString savedChoice() const;

    // The language actually in use.
    [[nodiscard]] QString currentLanguage() const { return m_current; }
    // What this run follows: the code apply() or choose() was last given ("" = the system's),
    // so `--lang es` shows Spanish chosen even when the saved choice is the system's.
    [[nodiscard]] QString followedChoice() const { return m_followed; }

    // Installs the translators for `code` ("" = system) without remembering it: --lang uses this.
    bool apply(const QString &code);

    // Installs the translators for `code` and remembers it for the next start.
    bool choose(const QString &code);

Q_SIGNALS:
    void languageChanged(const QString &code);

private:
    void removeTranslators();

    QString m_current;
    QString m_followed;
    std::unique_ptr<QTranslator> m_appTranslator;
    std::unique_ptr<QTranslator> m_qtTranslator;
};

} // namespace Mostrador
