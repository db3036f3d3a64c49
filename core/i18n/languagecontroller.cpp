#include "languagecontroller.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QSettings>

namespace Mostrador {

Q_LOGGING_CATEGORY(lcI18n, "mostrador.i18n")

namespace {

constexpr auto kSettingsKey = "interface/language";

} // namespace

LanguageController::LanguageController(QObject *parent)
    : QObject(parent)
{
}

LanguageController::~LanguageController()
{
    removeTranslators();
}

QStringList LanguageController::supportedLanguages()
{
    return {QStringLiteral("es"), QStringLiteral("en")};
}

bool LanguageController::isSupported(const QString &code)
{
    return supportedLanguages().contains(code);
}

QString LanguageController::systemLanguage()
{
    const QStringList preferred = QLocale::system().uiLanguages();
    for (const QString &tag : preferred) {
        const QString code = tag.section(QLatin1Char('-'), 0, 0).toLower();
        if (isSupported(code))
            return code;
    }
    return QStringLiteral("es");
}

QString LanguageController::savedChoice() const
{
    const QString saved = QSettings().value(QLatin1String(kSettingsKey)).toString();
    return isSupported(saved) ? saved : QString();
}

bool LanguageController::apply(const QString &code)
{
    const QString language = code.isEmpty() ? systemLanguage() : code;
    if (!isSupported(language)) {
        qCWarning(lcI18n) << "unsupported language" << language;
        return false;
    }

    removeTranslators();

    auto appTranslator = std::make_unique<QTranslator>();
    if (appTranslator->load(QStringLiteral(":/i18n/mostrador_%1.qm").arg(language))) {
        QCoreApplication::installTranslator(appTranslator.get());
        m_appTranslator = std::move(appTranslator);
    } else {
        qCWarning(lcI18n) << "no built-in translation for" << language;
    }

    // Qt's own strings (standard buttons, context menus) come from Debian's qt6-translations-l10n.
    auto qtTranslator = std::make_unique<QTranslator>();
    if (qtTranslator->load(QLocale(language), QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qtTranslator.get());
        m_qtTranslator = std::move(qtTranslator);
    }

    QLocale::setDefault(QLocale(language == QLatin1String("es") ? QLocale::Spanish : QLocale::English,
                                QLocale::system().territory()));

    const bool changed = m_current != language;
    m_current = language;
    m_followed = code;
    if (changed)
        Q_EMIT languageChanged(language);
    return true;
}

bool LanguageController::choose(const QString &code)
{
    if (!code.isEmpty() && !isSupported(code))
        return false;
    QSettings settings;
    if (code.isEmpty())
        settings.remove(QLatin1String(kSettingsKey));
    else
        settings.setValue(QLatin1String(kSettingsKey), code);
    return apply(code);
}

void LanguageController::removeTranslators()
{
    if (m_appTranslator)
        QCoreApplication::removeTranslator(m_appTranslator.get());
    if (m_qtTranslator)
        QCoreApplication::removeTranslator(m_qtTranslator.get());
    m_appTranslator.reset();
    m_qtTranslator.reset();
}

} // namespace Mostrador
