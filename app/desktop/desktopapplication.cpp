#include "desktopapplication.h"

#include "demosession.h"
#include "api/cloudapiclient.h"
#include "media/mediadownloader.h"
#include "services/shopservices.h"
#include "db/integritycheck.h"
#include "i18n/languagecontroller.h"
#include "inbox/inboxpane.h"
#include "mainwindow/mainwindow.h"
#include "addressbook.h"
#include "apphistorysync.h"
#include "chatimports.h"
#include "import/importchatsdialog.h"
#include "connectioncontroller.h"
#include "connection/credentialvault.h"
#include "setup/firstrundialog.h"
#include "setup/setupwizard.h"
#include "shopdialogs.h"
#include "shopreports.h"
#include "shopcampaigns.h"
#include "shoporders.h"
#include "reports/reportswindow.h"
#include "teamsession.h"
#include "workspace.h"
#include "automation/automaticrepliesdialog.h"

#include <QApplication>
#include <QEvent>
#include <QDir>
#include <QFileInfo>
#include <QListView>
#include <QMessageBox>
#include <QPixmap>
#include <QSettings>
#include <QStandardPaths>
#include <QPlainTextEdit>
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
    // What the status bar says was written in the language of its moment: say it again.
    connect(&m_languages, &LanguageController::languageChanged, this, [this] {
        sayHowItIsConnected();
        if (m_appSync)
            m_appSync->update();
    });
}

DesktopApplication::~DesktopApplication() = default;

bool DesktopApplication::start()
{
    askOnFirstRun();
    if (m_options.demo ? !startDemo() : !startLocal())
        return false;
    if (qEnvironmentVariableIsSet("MOSTRADOR_TRACE_STARTUP")) {
        auto *list = m_window->findChild<QListView *>(QStringLiteral("conversationList"));
        (list ? list->viewport() : static_cast<QWidget *>(m_window.get()))->installEventFilter(this);
    }
    m_window->show();
    showRequestedDialog();
    if (!m_options.screenshotPath.isEmpty()) {
        // Give the demo's first webhooks a moment to arrive before the picture is taken.
        QTimer::singleShot(m_demo ? 800 : 0, this, [this] {
            if (m_workspace)
                m_workspace->openFirstConversation();
            QTimer::singleShot(m_demo ? 300 : 0, this, &DesktopApplication::saveScreenshotAndQuit);
        });
    }
    return true;
}

void DesktopApplication::askOnFirstRun()
{
    QSettings settings;
    const bool chosenBefore = settings.value(QStringLiteral("firstRun/answered"), false).toBool();
    const bool ownStore = m_options.databasePath.isEmpty();
    if (m_options.demo || !ownStore || chosenBefore || !m_options.screenshotPath.isEmpty() || !m_options.dialog.isEmpty()
        || ConnectionSettings::load().isConfigured())
        return;
    FirstRunDialog welcome;
    welcome.exec();
    settings.setValue(QStringLiteral("firstRun/answered"), true);
    m_options.demo = welcome.choice() == FirstRunDialog::Choice::Demo;
    if (welcome.choice() == FirstRunDialog::Choice::Connect)
        m_options.dialog = QStringLiteral("setup");
}

bool DesktopApplication::startDemo()
{
    m_demo = std::make_unique<DemoSession>();
    QString error;
    if (!m_demo->start(&error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return false;
    }
    ShopServices &shop = m_demo->shop();
    m_workspace = std::make_unique<Workspace>(shop, *m_window);
    m_workspace->followDownloads(shop.media());
    openShopDialogs(shop, true);
    // The demo's Connection window is a tour of the setup wizard, answered by the sandbox.
    connect(m_window.get(), &MainWindow::connectionRequested, this, &DesktopApplication::tourSetup);
    shop.media().schedule();
    return true;
}

bool DesktopApplication::startLocal()
{
    // The shop's own history, readable even before a number is connected.
    QString error;
    const QString path = m_options.databasePath.isEmpty() ? ShopServices::defaultStorePath() : m_options.databasePath;
    StoreLocation location = StoreLocation::parse(path);
    location.checkOnOpen = false; // checked right after the window shows, off the UI thread
    location.mayMigrate = location.dialect.isSqlite(); // a team's store is moved forward by its server
    TeamSession::useKeychainPassword(location);
    // A team store is an address, not a file: its media live in this computer's own data folder.
    const QString mediaFolder = location.dialect.isSqlite()
            ? QFileInfo(path).absolutePath() + QStringLiteral("/media")
            : QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)).filePath(QStringLiteral("team-media"));
    m_local = ShopServices::open(location, ApiConfig{}, mediaFolder, ShopServices::Runner::ThisComputer, &error);
    if (!m_local) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        m_window->setConnectionDescription(error);
        return true; // the window says what is wrong
    }
    if (location.dialect.isSqlite()) {
        auto *check = new IntegrityCheck(location, this);
        connect(check, &IntegrityCheck::failed, m_window.get(), [this](const StoreError &problem) {
            m_window->setConnectionDescription(problem.userMessage);
        });
        // A moment after the window is up, so the check does not compete with the first paint.
        QTimer::singleShot(1500, check, &IntegrityCheck::start);
    }
    m_workspace = std::make_unique<Workspace>(*m_local, *m_window);
    m_workspace->followDownloads(m_local->media());
    if (!location.dialect.isSqlite())
        return startTeam();
    m_vault = std::make_unique<CredentialVault>();
    m_connection = std::make_unique<ConnectionController>(*m_local, *m_window, *m_vault);
    QString problem;
    m_connection->resume(&problem);
    openShopDialogs(*m_local, m_connection->isReceiving());
    connect(m_connection.get(), &ConnectionController::changed, this, &DesktopApplication::applyAutomation);
    // Before a number is connected, the empty inbox offers to connect one.
    const auto offerConnection = [this] { m_workspace->inboxPane().setConnectOffer(!m_connection->isConnected()); };
    offerConnection();
    connect(m_connection.get(), &ConnectionController::changed, this, offerConnection);
    connect(&m_workspace->inboxPane(), &InboxPane::connectRequested, m_window.get(), &MainWindow::connectionRequested);
    return true;
}

// The store on PostgreSQL: several desktops and one mostrador-server, which receives the
// webhooks and sends what the desktops store.
bool DesktopApplication::startTeam()
{
    QString problem;
    const auto me = TeamSession::signIn(*m_local, m_window.get(), &problem);
    if (!me) {
        m_window->setConnectionDescription(problem.isEmpty() ? tr("Team mode needs your name to start.") : problem);
        return true;
    }
    m_team = std::make_unique<TeamSession>(*m_local, *m_workspace, *me);
    m_window->setOwnerOnly(me->role == Agent::Role::Owner, m_team->ownerName());
    connect(m_window.get(), &MainWindow::teamRequested, this, [this] { m_team->showTeamDialog(m_window.get()); });
    connect(m_team.get(), &TeamSession::connectionChanged, this, &DesktopApplication::applyAutomation);
    connect(m_window.get(), &MainWindow::connectionRequested, this, [this] {
        QMessageBox::information(m_window.get(), tr("Connection"),
                                 tr("In team mode mostrador-server holds the number's connection: it receives Meta's webhooks and "
                                    "sends for every desktop. Its settings are in /etc/mostrador/mostrador.env on the machine that "
                                    "runs it (see the guide). This desktop connects only to the shared store: %1.")
                                     .arg(m_local->database().location().describe()));
    });
    openShopDialogs(*m_local, false);
    return true;
}

QDialog *DesktopApplication::tourSetup()
{
    if (!m_vault)
        m_vault = std::make_unique<CredentialVault>(QStringLiteral("Mostrador-demo"), QString()); // never written: not persistent
    auto *wizard = new SetupWizard(m_demo->shop().ingestor(), *m_vault, m_demo->connection(), m_demo->secrets(), m_window.get());
    wizard->setPersistent(false);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->open();
    return wizard;
}

void DesktopApplication::showRequestedDialog()
{
    const QString &name = m_options.dialog;
    if (name.isEmpty())
        return;
    if (name == QLatin1String("first-run")) {
        auto *welcome = new FirstRunDialog(m_window.get());
        welcome->setAttribute(Qt::WA_DeleteOnClose);
        welcome->open();
        m_shownDialog = welcome;
    } else if (name == QLatin1String("setup") || name == QLatin1String("connection")) {
        if (m_demo)
            m_shownDialog = tourSetup();
        else if (m_connection)
            m_shownDialog = name == QLatin1String("setup") || !m_connection->isConnected() ? m_connection->runSetup() : m_connection->showStatus();
    } else if (name == QLatin1String("import") && m_imports) {
        m_shownDialog = m_imports->show();
    } else if (name == QLatin1String("reports") && m_reports) {
        m_shownDialog = m_reports->show();
    } else if (QDialog *shown = m_campaigns ? m_campaigns->show(name) : nullptr) {
        m_shownDialog = shown;
    } else if (QDialog *order = m_orders ? m_orders->show(name) : nullptr) {
        m_shownDialog = order;
    } else if (m_dialogs) {
        m_shownDialog = m_dialogs->show(name);
    }
    // For the guide's pictures: MOSTRADOR_SCREENSHOT_SETUP_STEP moves the wizard to that page
    // (1 checks the values with the sandbox, 2 starts the receiver).
    if (auto *wizard = qobject_cast<SetupWizard *>(m_shownDialog.data()); wizard && qEnvironmentVariableIsSet("MOSTRADOR_SCREENSHOT_SETUP_STEP"))
        wizard->goToStepForPicture(qEnvironmentVariableIntValue("MOSTRADOR_SCREENSHOT_SETUP_STEP"));
}

void DesktopApplication::openShopDialogs(ShopServices &shop, bool receivingHere)
{
    m_dialogs = std::make_unique<ShopDialogs>(shop, *m_window, receivingHere);
    if (m_workspace && !m_reports)
        m_reports = std::make_unique<ShopReports>(shop, *m_window, *m_workspace);
    if (!m_campaigns) {
        m_campaigns = std::make_unique<ShopCampaigns>(shop, *m_window);
        if (m_workspace)
            connect(m_campaigns.get(), &ShopCampaigns::rateCardSaved, m_workspace.get(), &Workspace::reloadPrices);
    }
    if (m_workspace)
        m_workspace->reloadPrices();
    if (m_workspace && !m_orders)
        m_orders = std::make_unique<ShopOrders>(shop, *m_window, *m_workspace);
    if (m_workspace && !m_imports) {
        m_imports = std::make_unique<ChatImports>(shop, *m_window, *m_workspace);
        if (m_demo)
            m_imports->setSample(m_demo->sampleChatExport());
        m_addressBook = std::make_unique<AddressBook>(shop, *m_window, *m_workspace);
        m_appSync = std::make_unique<AppHistorySync>(shop, *m_window);
        if (m_connection)
            m_connection->setAppSync(m_appSync.get());
        // The demo's number is also in the WhatsApp Business app: its history comes in as the
        // owner would see it after asking.
        if (m_demo)
            QTimer::singleShot(2500, m_appSync.get(), &AppHistorySync::request);
    }
    connect(m_dialogs.get(), &ShopDialogs::automationChanged, this, &DesktopApplication::applyAutomation);
    if (m_reports)
        connect(m_dialogs.get(), &ShopDialogs::automaticRepliesShown, m_reports.get(), &ShopReports::priceAutomaticReplies);
    if (m_workspace)
        connect(m_dialogs.get(), &ShopDialogs::quickRepliesChanged, m_workspace.get(), &Workspace::reloadQuickReplies);
    applyAutomation();
}

void DesktopApplication::applyAutomation()
{
    ShopServices &shop = m_demo ? m_demo->shop() : *m_local;
    if (m_workspace)
        m_workspace->setShop(shop.automation().configured ? std::optional(shop.automation().hours) : std::nullopt,
                             shop.automation().replies.shopName);
    if (m_imports)
        m_imports->setShopName(shop.automation().replies.shopName);
    if (m_dialogs)
        m_dialogs->setReceivingHere(m_demo || (m_connection && m_connection->isReceiving()));
    sayHowItIsConnected();
}

// The status bar's line on where messages come from and what answers by itself, in the
// language in use (said again when the language changes).
void DesktopApplication::sayHowItIsConnected()
{
    if (!m_demo && !m_local)
        return;
    const ShopServices &shop = m_demo ? m_demo->shop() : *m_local;
    const bool receiving = m_demo || (m_connection && m_connection->isReceiving());
    const QString replies = AutomaticRepliesDialog::summarize(shop.automation(), receiving);
    if (m_team)
        m_window->setConnectionDescription(
            m_team->isConnected()
                ? tr("Team mode as %1 on %2: mostrador-server receives and sends; changes from the others appear as they happen.")
                      .arg(m_team->me().name, m_local->database().location().describe())
                : tr("Lost the connection to the team's store on %1; reconnecting every few seconds. %n message(s) you sent "
                     "wait on this computer and go as soon as it is back.", nullptr, m_team->waitingCount())
                      .arg(m_local->database().location().describe()));
    else if (m_demo)
        m_window->setConnectionDescription(
            tr("Demo on 127.0.0.1:%1: simulated customers, nothing reaches real ones.").arg(m_demo->sandboxPort()) +
            QLatin1Char(' ') + replies);
    else
        m_window->setConnectionDescription((m_connection ? m_connection->description() : tr("Not connected to WhatsApp yet."))
                                           + QLatin1Char(' ') + replies);
}

bool DesktopApplication::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Paint && !m_painted) {
        m_painted = true;
        std::fprintf(stderr, "first-paint-ms %lld\n", static_cast<long long>(m_sinceStart.elapsed()));
    }
    return QObject::eventFilter(watched, event);
}

void DesktopApplication::saveScreenshotAndQuit()
{
    // For the guide's pictures: MOSTRADOR_SCREENSHOT_TYPE is typed into the message box first
    // ("/" shows the quick replies).
    if (qEnvironmentVariableIsSet("MOSTRADOR_SCREENSHOT_TYPE")) {
        if (auto *editor = m_window->findChild<QPlainTextEdit *>(QStringLiteral("composerText"))) {
            editor->setFocus();
            editor->insertPlainText(qEnvironmentVariable("MOSTRADOR_SCREENSHOT_TYPE"));
            QCoreApplication::processEvents();
        }
    }
    const QPixmap picture = m_shownDialog ? m_shownDialog->grab() : m_window->grab();
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
