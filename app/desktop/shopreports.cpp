#include "shopreports.h"

#include "workspace.h"
#include "inbox/inboxpane.h"
#include "inbox/reportstrip.h"
#include "mainwindow/mainwindow.h"
#include "reports/reportbuilder.h"
#include "reports/reportswindow.h"
#include "automation/automaticrepliesdialog.h"
#include "messaging/messagetypes.h"
#include "services/conversationchanges.h"
#include "services/shopservices.h"

#include <QFile>
#include <QGuiApplication>
#include <QMessageBox>
#include <QScreen>
#include <QtConcurrent/QtConcurrentRun>

namespace Mostrador {

namespace {

// Runs on a worker thread: its own connection, closed there.
ShopReports::Counted count(const StoreLocation &location, const OpeningHours &hours, const RateCard &rates, const ReportPeriod &period,
                           const std::optional<ReportPeriod> &compared, const std::optional<ReportPeriod> &month)
{
    ShopReports::Counted counted;
    StoreError error;
    auto database = Database::open(location, &error);
    if (!database) {
        counted.problem = error.userMessage;
        return counted;
    }
    ReportBuilder builder(*database, hours, rates);
    counted.report = builder.build(period, &error);
    if (counted.report && compared)
        counted.previous = builder.build(*compared, &error);
    if (counted.report && month)
        counted.month = builder.build(*month, &error);
    if (counted.report)
        counted.waitingNow = builder.waitingNow(&error);
    if (error.isError())
        counted.problem = error.userMessage;
    return counted;
}

} // namespace

ShopReports::ShopReports(ShopServices &shop, MainWindow &window, Workspace &workspace, QObject *parent)
    : QObject(parent)
    , m_shop(shop)
    , m_window(window)
    , m_workspace(workspace)
    , m_strip(new ReportStrip)
{
    workspace.inboxPane().setStrip(m_strip);
    connect(&window, &MainWindow::reportsRequested, this, &ShopReports::show);
    connect(m_strip, &ReportStrip::reportsRequested, this, &ShopReports::show);
    connect(&m_windowCount, &QFutureWatcher<Counted>::finished, this, [this] {
        const Counted counted = m_windowCount.result();
        if (m_reports) {
            if (counted.report && counted.previous)
                m_reports->setReports(*counted.report, *counted.previous);
            else
                m_reports->setProblem(counted.problem);
        }
        if (std::exchange(m_windowAgain, false))
            countForWindow();
    });
    connect(&m_stripCount, &QFutureWatcher<Counted>::finished, this, [this] {
        const Counted counted = m_stripCount.result();
        if (counted.report && counted.previous)
            m_strip->setFigures(counted.report->replyTime, counted.waitingNow, int(counted.previous->lost.size()));
        if (counted.month) {
            const Costs &costs = counted.month->costs;
            m_strip->setMonthCost(costs.total, ReportPeriod::monthAtThisPace(costs.total, m_shop.clock().now(), m_shop.automation().hours.zone()),
                                  costs.currency);
        }
    });
    connect(m_strip, &ReportStrip::monthCostsRequested, this, [this] { show()->showPeriod(ReportPeriod::Kind::ThisMonth); });
    // The strip follows the inbox at most once a minute, and at least every five.
    m_stripTimer.setSingleShot(true);
    m_stripTimer.callOnTimeout(this, &ShopReports::countForStrip);
    connect(&shop.changes(), &ConversationChanges::changed, this, [this] {
        if (!m_stripTimer.isActive() || m_stripTimer.remainingTime() > 60 * 1000)
            m_stripTimer.start(60 * 1000);
    });
    QTimer::singleShot(3000, this, &ShopReports::countForStrip);
}

ShopReports::~ShopReports()
{
    m_windowCount.waitForFinished();
    m_stripCount.waitForFinished();
}

StoreLocation ShopReports::readingLocation() const
{
    StoreLocation location = m_shop.database().location();
    location.readOnly = true;
    location.checkOnOpen = false;
    return location;
}

ReportPeriod ShopReports::chosenPeriod() const
{
    const QTimeZone zone = m_shop.automation().hours.zone();
    if (m_reports->kind() == ReportPeriod::Kind::Custom)
        return ReportPeriod::days(m_reports->customFrom(), m_reports->customTo(), zone);
    return ReportPeriod::of(m_reports->kind(), m_shop.clock().now(), zone);
}

ReportsWindow *ShopReports::show()
{
    if (m_reports) {
        m_reports->raise();
        m_reports->activateWindow();
        return m_reports;
    }
    m_reports = new ReportsWindow(&m_window);
    m_reports->setAttribute(Qt::WA_DeleteOnClose);
    const QRect screen = m_window.screen() ? m_window.screen()->availableGeometry() : QRect(0, 0, 1280, 800);
    m_reports->resize(std::min(1180, screen.width() - 40), std::min(820, screen.height() - 60));
    connect(m_reports, &ReportsWindow::periodChosen, this, &ShopReports::countForWindow);
    connect(m_reports, &ReportsWindow::rateCardChosen, this, &ShopReports::useRateCard);
    connect(m_reports, &ReportsWindow::conversationRequested, this, [this](qint64 conversationId) {
        m_workspace.bringToFront(conversationId);
    });
    m_reports->show();
    countForWindow();
    return m_reports;
}

void ShopReports::countForWindow()
{
    if (!m_reports)
        return;
    if (m_windowCount.isRunning()) {
        m_windowAgain = true;
        return;
    }
    m_reports->setComputing();
    const ReportPeriod period = chosenPeriod();
    QString problem;
    const RateCard rates = RateCard::forShop(m_shop.database(), &problem);
    m_windowCount.setFuture(QtConcurrent::run(count, readingLocation(), m_shop.automation().hours, rates, period,
                                              std::optional(period.previous()), std::optional<ReportPeriod>()));
}

void ShopReports::countForStrip()
{
    if (m_stripCount.isRunning())
        return;
    m_stripTimer.start(5 * 60 * 1000);
    const QTimeZone zone = m_shop.automation().hours.zone();
    const QDateTime now = m_shop.clock().now();
    // Today for the reply time; the week for the lost chats (as "previous"); the month for its cost.
    QString problem;
    m_stripCount.setFuture(QtConcurrent::run(count, readingLocation(), m_shop.automation().hours, RateCard::forShop(m_shop.database(), &problem),
                                             ReportPeriod::of(ReportPeriod::Kind::Today, now, zone),
                                             std::optional(ReportPeriod::of(ReportPeriod::Kind::Last7Days, now, zone)),
                                             std::optional(ReportPeriod::of(ReportPeriod::Kind::ThisMonth, now, zone))));
}

void ShopReports::priceAutomaticReplies(AutomaticRepliesDialog *dialog)
{
    const QPointer<AutomaticRepliesDialog> shown(dialog);
    auto *counting = new QFutureWatcher<Counted>(this);
    connect(counting, &QFutureWatcher<Counted>::finished, this, [this, shown, counting] {
        counting->deleteLater();
        const Counted counted = counting->result();
        if (!shown || !counted.report || !counted.previous)
            return;
        const auto automatic = std::size_t(Mostrador::MessageOrigin::Automatic);
        const double thisMonth = counted.previous->costs.byOrigin.at(automatic);
        shown->setCosts(counted.report->costs.byOrigin.at(automatic),
                        ReportPeriod::monthAtThisPace(thisMonth, m_shop.clock().now(), m_shop.automation().hours.zone()),
                        counted.report->costs.currency);
    });
    const QTimeZone zone = m_shop.automation().hours.zone();
    const QDateTime now = m_shop.clock().now();
    QString problem;
    counting->setFuture(QtConcurrent::run(count, readingLocation(), m_shop.automation().hours, RateCard::forShop(m_shop.database(), &problem),
                                          ReportPeriod::of(ReportPeriod::Kind::LastMonth, now, zone),
                                          std::optional(ReportPeriod::of(ReportPeriod::Kind::ThisMonth, now, zone)), std::optional<ReportPeriod>()));
}

void ShopReports::useRateCard(const QString &path)
{
    QString problem;
    if (!RateCard::saveFileForShop(m_shop.database(), path, &problem)) {
        QMessageBox::warning(m_reports, tr("Rate card not used"), tr("%1 was not used as the rate card. %2").arg(path, problem));
        return;
    }
    m_workspace.reloadPrices();
    countForWindow();
}

} // namespace Mostrador
