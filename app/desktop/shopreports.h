#pragma once

#include "reports/shopreport.h"
#include "db/database.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace Mostrador {

class AutomaticRepliesDialog;
class MainWindow;
class ReportStrip;
class ReportsWindow;
class ShopServices;
class Workspace;

// Shop ▸ Reports and the strip of today's figures above the inbox. Figures are counted on a
// thread of their own, on a read-only connection to the same store, so the window never freezes
// on a big history; whatever was shown stays until the new figures arrive.
class ShopReports final : public QObject
{
    Q_OBJECT

public:
    ShopReports(ShopServices &shop, MainWindow &window, Workspace &workspace, QObject *parent = nullptr);
    ~ShopReports() override;

    ReportsWindow *show();
    // Counts what the automatic replies cost last month and this month, and says it in `dialog`
    // (if it is still open by then).
    void priceAutomaticReplies(AutomaticRepliesDialog *dialog);

    // What a background count hands back.
    struct Counted {
        std::optional<ShopReport> report;
        std::optional<ShopReport> previous;
        std::optional<ShopReport> month; // this month so far, for the strip's cost
        int waitingNow = 0;
        QString problem;
    };

private:
    void countForWindow();
    void countForStrip();
    void useRateCard(const QString &path);
    [[nodiscard]] ReportPeriod chosenPeriod() const;
    [[nodiscard]] StoreLocation readingLocation() const;

    ShopServices &m_shop;
    MainWindow &m_window;
    Workspace &m_workspace;
    QPointer<ReportsWindow> m_reports;
    ReportStrip *m_strip = nullptr;
    QFutureWatcher<Counted> m_windowCount;
    QFutureWatcher<Counted> m_stripCount;
    bool m_windowAgain = false; // asked for again while counting
    QTimer m_stripTimer;
};

} // namespace Mostrador
