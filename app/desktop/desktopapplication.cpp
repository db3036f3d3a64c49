#include "desktopapplication.h"

#include "demosession.h"
#include "i18n/languagecontroller.h"
#include "mainwindow/mainwindow.h"
#include "workspace.h"

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
}

DesktopApplication::~DesktopApplication() = default;

bool DesktopApplication::start()
{
    if (m_options.demo) {
        m_demo = std::make_unique<DemoSession>();
        QString error;
        if (!m_demo->start(&error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return false;
        }
        m_window->setConnectionDescription(
            tr("Demo: simulated customers on a pretend WhatsApp (127.0.0.1:%1). Nothing is sent to real customers.")
                .arg(m_demo->sandboxPort()));
        m_workspace = std::make_unique<Workspace>(m_demo->database(), m_demo->ingestor(), m_demo->outbox(), m_demo->client(),
                                                  m_demo->clock(), *m_window);
    }
    m_window->show();
    if (!m_options.screenshotPath.isEmpty()) {
        // Give the demo's first webhooks a moment to arrive before the picture is taken.
        QTimer::singleShot(m_demo ? 800 : 0, this, [this] {
            if (m_workspace)
                m_workspace->openFirstConversation();
            QTimer::singleShot(m_workspace ? 300 : 0, this, &DesktopApplication::saveScreenshotAndQuit);
        });
    }
    return true;
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
