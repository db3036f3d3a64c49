#pragma once

#include "desktopoptions.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

class QDialog;

#include <memory>

namespace Mostrador {

class AddressBook;
class AppHistorySync;
class ChatImports;
class ConnectionController;
class CredentialVault;
class DemoSession;
class TeamSession;
class ShopDialogs;
class ShopReports;
class ShopCampaigns;
class ShopOrders;
class ShopServices;
class Workspace;
class LanguageController;
class MainWindow;

// Builds the desktop object graph from the command line: language, main window and, as later
// issues add them, the store, the API client, the outbox and the demo sandbox.
class DesktopApplication final : public QObject
{
    Q_OBJECT

public:
    DesktopApplication(DesktopOptions options, LanguageController &languages, QObject *parent = nullptr);
    ~DesktopApplication() override;

    // Shows the window (and starts the demo when asked). In screenshot mode, also saves the
    // picture and ends the event loop. Returns false when the demo could not start.
    bool start();

    // With MOSTRADOR_TRACE_STARTUP set, the time from main() to the first painted inbox is
    // printed to stderr (for tests/bench/bench_startup).
    void setStartTimer(const QElapsedTimer &timer) { m_sinceStart = timer; }

    // The demo's session (nullptr when not started with --demo), for tests/ui-walk.
    [[nodiscard]] DemoSession *demo() const { return m_demo.get(); }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void saveScreenshotAndQuit();
    void askOnFirstRun();
    bool startDemo();
    bool startLocal();
    bool startTeam();
    void showRequestedDialog();
    QDialog *tourSetup();
    void openShopDialogs(ShopServices &shop, bool receivingHere);
    // Status bar and composer follow the shop's automatic replies and opening hours.
    void applyAutomation();
    void sayHowItIsConnected();

    DesktopOptions m_options;
    QElapsedTimer m_sinceStart;
    bool m_painted = false;
    LanguageController &m_languages;
    std::unique_ptr<DemoSession> m_demo;
    std::unique_ptr<ShopServices> m_local;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<ShopDialogs> m_dialogs;
    std::unique_ptr<ShopReports> m_reports;
    std::unique_ptr<ShopCampaigns> m_campaigns;
    std::unique_ptr<ShopOrders> m_orders;
    std::unique_ptr<ChatImports> m_imports;
    std::unique_ptr<AddressBook> m_addressBook;
    std::unique_ptr<AppHistorySync> m_appSync;
    std::unique_ptr<CredentialVault> m_vault;
    std::unique_ptr<ConnectionController> m_connection;
    std::unique_ptr<TeamSession> m_team;
    QPointer<QWidget> m_shownDialog;
};

} // namespace Mostrador
