#include "desktopapplication.h"

#include "i18n/languagecontroller.h"
#include "mainwindow/mainwindow.h"

#include <QApplication>
#include <QPixmap>
#include <QTimer>

#include <cstdio>

namespace Mostrador {

DesktopApplication::DesktopApplication(DesktopOptions options, LanguageController &languages, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_languages(languages)
{
    m_languages.apply(m_options.language.isEmpty() ? m_languages.savedChoice() : m_options.language);
    m_window = std::make_unique<MainWindow>(m_languages);
    if (m_options.demo)
        m_window->setConnectionDescription(tr("Demo mode: simulated customers, nothing is sent to WhatsApp."));
}

DesktopApplication::~DesktopApplication() = default;

void DesktopApplication::start()
{
    m_window->show();
    if (!m_options.screenshotPath.isEmpty())
        QTimer::singleShot(0, this, &DesktopApplication::saveScreenshotAndQuit);
}

void DesktopApplication::saveScreenshotAndQuit()
{
    const QPixmap picture = m_window->grab();
    if (picture.save(m_options.screenshotPath, "PNG")) {
        QCoreApplication::exit(0);
        return;
    }
    std::fprintf(stderr, "%s\n",
                 qPrintable(tr("Could not save the screenshot to %1. Check that the folder exists and "
                               "that you may write to it.")
                                .arg(m_options.screenshotPath)));
    QCoreApplication::exit(1);
}

} // namespace Mostrador
