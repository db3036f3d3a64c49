#include "reportswindow.h"

#include "figurecard.h"
#include "heatmapwidget.h"
#include "reportcharts.h"
#include "reporttext.h"
#include "widgets/pricetext.h"

#include "messaging/messagetypes.h"
#include "messaging/metapricing.h"
#include "reports/reportformat.h"

#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QEvent>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPainter>
#include <QPdfWriter>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Mostrador {

namespace {

const char *const kCardKeys[] = {"reply_time", "unanswered", "lost", "resolution_time", "conversations", "messages", "closed_hours", "costs"};

std::optional<double> count(int value)
{
    return double(value);
}

QLabel *sectionTitle(QWidget *parent)
{
    auto *label = new QLabel(parent);
    QFont font = label->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.15);
    label->setFont(font);
    label->setContentsMargins(0, 12, 0, 2);
    return label;
}

// As tall as its rows (up to ten, then it scrolls), its columns as wide as what they hold.
void fitRows(QTreeWidget *tree)
{
    for (int column = 0; column + 1 < tree->columnCount(); ++column)
        tree->resizeColumnToContents(column);
    const int rows = std::clamp(tree->topLevelItemCount(), 1, 10);
    const int rowHeight = tree->topLevelItemCount() ? tree->visualItemRect(tree->topLevelItem(0)).height() : tree->fontMetrics().height() + 4;
    tree->setFixedHeight(tree->header()->sizeHint().height() + rows * std::max(rowHeight, tree->fontMetrics().height() + 2) + 2 * tree->frameWidth() + 2);
}

QTreeWidget *table(QWidget *parent)
{
    auto *tree = new QTreeWidget(parent);
    tree->setRootIsDecorated(false);
    tree->setUniformRowHeights(true);
    tree->setAlternatingRowColors(true);
    tree->header()->setStretchLastSection(true);
    return tree;
}

} // namespace

ReportsWindow::ReportsWindow(QWidget *parent)
    : QDialog(parent)
    , m_period(new QComboBox(this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_rateCard(new QPushButton(this))
    , m_pdf(new QPushButton(this))
    , m_csv(new QPushButton(this))
    , m_status(new QLabel(this))
    , m_scroll(new QScrollArea(this))
    , m_page(new QWidget)
{
    setObjectName(QStringLiteral("ReportsWindow"));
    setWindowFlag(Qt::WindowMaximizeButtonHint);
    for (int kind = 0; kind <= int(ReportPeriod::Kind::Custom); ++kind)
        m_period->addItem(QString(), kind);
    m_period->setCurrentIndex(int(ReportPeriod::Kind::Last7Days));
    const QDate today = QDate::currentDate();
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setMaximumDate(today);
        edit->setVisible(false);
    }
    m_from->setDate(today.addDays(-29));
    m_to->setDate(today);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_period);
    bar->addWidget(m_from);
    bar->addWidget(m_to);
    bar->addStretch();
    bar->addWidget(m_rateCard);
    bar->addWidget(m_csv);
    bar->addWidget(m_pdf);

    m_status->setWordWrap(true);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidget(m_page);

    auto *page = new QVBoxLayout(m_page);
    m_heading = sectionTitle(m_page);
    m_heading->setContentsMargins(0, 0, 0, 4);
    page->addWidget(m_heading);
    m_cardGrid = new QGridLayout;
    m_cardGrid->setSpacing(8);
    page->addLayout(m_cardGrid);
    buildCards();
    m_chartGrid = new QGridLayout;
    m_chartGrid->setSpacing(8);
    page->addLayout(m_chartGrid);
    layOutCards();
    m_heatTitle = sectionTitle(m_page);
    m_heatMap = new HeatMapWidget(m_page);
    page->addWidget(m_heatTitle);
    page->addWidget(m_heatMap);
    m_waitingTitle = sectionTitle(m_page);
    m_waiting = table(m_page);
    m_waiting->setObjectName(QStringLiteral("ReportsWaitingList"));
    page->addWidget(m_waitingTitle);
    page->addWidget(m_waiting);
    m_teamTitle = sectionTitle(m_page);
    m_team = table(m_page);
    page->addWidget(m_teamTitle);
    page->addWidget(m_team);
    m_adsTitle = sectionTitle(m_page);
    m_ads = table(m_page);
    page->addWidget(m_adsTitle);
    page->addWidget(m_ads);
    m_costNote = new QLabel(m_page);
    m_costNote->setWordWrap(true);
    m_costNote->setTextFormat(Qt::PlainText);
    page->addWidget(m_costNote);
    page->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_status);
    layout->addWidget(m_scroll, 1);

    connect(m_period, &QComboBox::currentIndexChanged, this, [this] {
        const bool custom = kind() == ReportPeriod::Kind::Custom;
        m_from->setVisible(custom);
        m_to->setVisible(custom);
        Q_EMIT periodChosen();
    });
    for (QDateEdit *edit : {m_from, m_to})
        connect(edit, &QDateEdit::dateChanged, this, [this] { Q_EMIT periodChosen(); });
    connect(m_pdf, &QPushButton::clicked, this, &ReportsWindow::choosePdf);
    connect(m_csv, &QPushButton::clicked, this, &ReportsWindow::chooseCsv);
    connect(m_rateCard, &QPushButton::clicked, this, &ReportsWindow::chooseRateCard);
    connect(m_waiting, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem *item) { Q_EMIT conversationRequested(item->data(0, Qt::UserRole).toLongLong()); });
    retranslate();
    m_pdf->setEnabled(false);
    m_csv->setEnabled(false);
}

void ReportsWindow::buildCards()
{
    for (const char *key : kCardKeys) {
        auto *card = new FigureCard(m_page);
        card->setObjectName(QStringLiteral("ReportCard_") + QLatin1String(key));
        m_cards.append({QLatin1String(key), card});
    }
    for (const char *key : {"unanswered", "lost"}) {
        FigureCard *shown = card(QLatin1String(key));
        shown->setClickable(true);
        connect(shown, &FigureCard::clicked, this, [this] {
            m_scroll->ensureWidgetVisible(m_waiting, 0, 40);
            m_waiting->setFocus();
        });
    }
}

FigureCard *ReportsWindow::card(const QString &key) const
{
    for (const auto &[name, shown] : m_cards) {
        if (name == key)
            return shown;
    }
    return nullptr;
}

ReportPeriod::Kind ReportsWindow::kind() const
{
    return ReportPeriod::Kind(m_period->currentData().toInt());
}

void ReportsWindow::showPeriod(ReportPeriod::Kind kind)
{
    m_period->setCurrentIndex(std::max(0, m_period->findData(int(kind))));
}

QDate ReportsWindow::customFrom() const
{
    return std::min(m_from->date(), m_to->date());
}

QDate ReportsWindow::customTo() const
{
    return std::max(m_from->date(), m_to->date());
}

void ReportsWindow::setComputing()
{
    m_status->setText(m_report ? tr("Counting the new period… (the figures below are the previous ones)") : tr("Counting…"));
}

void ReportsWindow::setProblem(const QString &problem)
{
    m_status->setText(tr("The report could not be made: %1").arg(problem));
}

QString ReportsWindow::periodText(const ReportPeriod &period) const
{
    const QLocale locale;
    const QDate first = period.firstDay();
    const QDate last = period.lastDay();
    if (first == last)
        return locale.toString(first, QLocale::LongFormat);
    return tr("%1 to %2").arg(locale.toString(first, QLocale::ShortFormat), locale.toString(last, QLocale::ShortFormat));
}

void ReportsWindow::setReports(const ShopReport &report, const ShopReport &previous)
{
    m_report = report;
    m_previous = previous;
    m_heading->setText(tr("Report for %1").arg(periodText(report.period)));
    m_status->setText(tr("Compared with %1. Counted at %2.")
                          .arg(periodText(previous.period), QLocale().toString(report.computedAt.toLocalTime().time(), QLocale::ShortFormat)));
    fillCards(report, previous);
    fillCharts(report);
    fillLists(report);
    m_pdf->setEnabled(true);
    m_csv->setEnabled(true);
}

void ReportsWindow::fillCards(const ShopReport &report, const ShopReport &previous)
{
    FigureCard *reply = card(QStringLiteral("reply_time"));
    QStringList replyDetail{tr("90 %: %1").arg(ReportText::duration(report.replyTime.p90))};
    if (report.replyTimeBusinessHours)
        replyDetail << tr("counting open hours only: %1").arg(ReportText::duration(report.replyTimeBusinessHours->median));
    replyDetail << tr("%n wait(s) answered", nullptr, report.replyTime.count);
    reply->setValue(ReportText::duration(report.replyTime.median), replyDetail.join(QStringLiteral(" · ")));
    reply->setComparison(report.replyTime.median, previous.replyTime.median, FigureCard::Better::Lower);

    const int waits = report.replyTime.count + int(report.unanswered.size());
    card(QStringLiteral("unanswered"))->setValue(QLocale().toString(report.unanswered.size()),
                                                 tr("of %n wait(s) that began in the period — click to see them", nullptr, waits));
    card(QStringLiteral("unanswered"))->setComparison(count(int(report.unanswered.size())), count(int(previous.unanswered.size())), FigureCard::Better::Lower);
    card(QStringLiteral("lost"))->setValue(QLocale().toString(report.lost.size()),
                                           tr("left unanswered until the 24-hour window closed: only a template can reach them now"));
    card(QStringLiteral("lost"))->setComparison(count(int(report.lost.size())), count(int(previous.lost.size())), FigureCard::Better::Lower);

    card(QStringLiteral("resolution_time"))->setValue(ReportText::duration(report.resolutionTime.median),
                                                      tr("%n conversation(s) resolved", nullptr, report.resolutionTime.count));
    card(QStringLiteral("resolution_time"))->setComparison(report.resolutionTime.median, previous.resolutionTime.median, FigureCard::Better::Lower);

    card(QStringLiteral("conversations"))->setValue(QLocale().toString(report.conversations),
                                                    tr("new customers: %1 · returning: %2").arg(report.newCustomers).arg(report.returningCustomers));
    card(QStringLiteral("conversations"))->setComparison(count(report.conversations), count(previous.conversations), FigureCard::Better::Higher);

    const auto &origin = report.messagesByOrigin;
    card(QStringLiteral("messages"))->setValue(tr("%1 in · %2 out").arg(QLocale().toString(report.messagesIn), QLocale().toString(report.messagesOut)),
                                               tr("by people: %1 · automatic: %2 · campaigns: %3 · imported: %4")
                                                   .arg(origin[int(MessageOrigin::Shop)])
                                                   .arg(origin[int(MessageOrigin::Automatic)])
                                                   .arg(origin[int(MessageOrigin::Campaign)])
                                                   .arg(origin[int(MessageOrigin::Imported)]));
    card(QStringLiteral("messages"))->setComparison(count(report.messagesIn), count(previous.messagesIn), FigureCard::Better::Higher);

    FigureCard *closed = card(QStringLiteral("closed_hours"));
    if (report.closedMessages) {
        closed->setValue(tr("%n message(s)", nullptr, *report.closedMessages),
                         tr("from %n chat(s)", nullptr, report.closedChats.value_or(0)) + QStringLiteral(" · ")
                             + tr("%1 got the away reply").arg(report.closedAwayReplied.value_or(0)));
        closed->setComparison(report.closedMessages.value_or(0), previous.closedMessages.value_or(0), FigureCard::Better::Neither);
    } else {
        closed->setValue(QStringLiteral("—"), tr("Set your opening hours (Shop ▸ Opening hours and automatic replies) to see this."));
        closed->setComparison(std::nullopt, std::nullopt, FigureCard::Better::Neither);
    }

    const Costs &costs = report.costs;
    card(QStringLiteral("costs"))->setValue(PriceText::amount(costs.total, costs.currency),
                                            tr("%1 billable · %2 free").arg(costs.billable).arg(costs.free));
    card(QStringLiteral("costs"))->setComparison(costs.total, previous.costs.total, FigureCard::Better::Lower);
}

QString ReportsWindow::costNote(const Costs &costs)
{
    const QLocale locale;
    QStringList cards;
    for (const CardUse &card : costs.byCard)
        cards << (card.effective.isValid() ? locale.toString(card.effective, QLocale::LongFormat) : tr("your own"));
    if (cards.isEmpty())
        cards << locale.toString(costs.rateCardDate, QLocale::LongFormat);
    QStringList note{tr("Each message is priced by Meta's rate card of its own day (here: %1; %2). Your WhatsApp Manager shows what you are really billed.")
                         .arg(locale.createSeparatedList(cards), costs.rateCardSource)};
    // A period across a change of Meta's rules says what each side cost.
    if (costs.byCard.size() > 1) {
        QStringList sides;
        for (const CardUse &card : costs.byCard) {
            sides << tr("by the card of %1: %2 for %n billed message(s)", nullptr, card.messages)
                         .arg(card.effective.isValid() ? locale.toString(card.effective, QLocale::LongFormat) : tr("your own"),
                              PriceText::amount(card.cost, costs.currency));
        }
        note << tr("This period crosses a change of Meta's prices: %1.").arg(sides.join(QStringLiteral("; ")));
    }
    if (costs.billableServiceMessages > 0) {
        note << tr("Since %1 Meta bills replies inside the 24-hour window too: %n such message(s) billed in this period.", nullptr,
                   costs.billableServiceMessages)
                    .arg(locale.toString(MetaPricing::serviceBilledFrom(), QLocale::LongFormat));
    } else if (costs.serviceMessages > 0) {
        note << tr("Replies inside the 24-hour window were free until %1: %n such message(s) in this period.", nullptr, costs.serviceMessages)
                    .arg(locale.toString(MetaPricing::serviceBilledFrom().addDays(-1), QLocale::LongFormat));
    }
    if (const auto automatic = std::size_t(MessageOrigin::Automatic); costs.billableByOrigin.at(automatic) > 0)
        note << tr("Automatic replies (greeting, away message): %1 for %n billed message(s).", nullptr, costs.billableByOrigin.at(automatic))
                    .arg(PriceText::amount(costs.byOrigin.at(automatic), costs.currency));
    if (costs.metaAgentMessages > 0)
        note << tr("%n message(s) written by Meta's AI agent: Meta bills those by their length, so they have no price here.", nullptr,
                   costs.metaAgentMessages);
    return note.join(QLatin1Char(' '));
}

void ReportsWindow::fillCharts(const ShopReport &report)
{
    for (QChartView *chart : std::as_const(m_charts)) {
        m_chartGrid->removeWidget(chart);
        chart->deleteLater();
    }
    m_charts = {ReportCharts::messagesPerDay(report.days, m_page), ReportCharts::replyTimePerDay(report.days, m_page)};
    if (!report.costs.byMonth.isEmpty())
        m_charts << ReportCharts::costsPerMonth(report.costs, m_page);
    m_columns = 0; // lay the charts out again
    layOutCards();
    m_heatMap->setData(report.customerMessagesByHour, report.openByHour, report.closedMessages.has_value());
}

void ReportsWindow::fillLists(const ShopReport &report)
{
    const QLocale locale;
    m_waiting->clear();
    QSet<qint64> lost;
    for (const ReportedChat &chat : report.lost)
        lost.insert(chat.conversationId);
    for (const ReportedChat &chat : report.unanswered) {
        auto *item = new QTreeWidgetItem(m_waiting, {chat.customerName, locale.toString(chat.waitingSince.toTimeZone(report.period.zone), QLocale::ShortFormat),
                                                     lost.contains(chat.conversationId) ? tr("Lost: the window closed") : tr("Window still open")});
        item->setData(0, Qt::UserRole, chat.conversationId);
    }
    m_waiting->setVisible(!report.unanswered.isEmpty());
    m_waitingTitle->setText(report.unanswered.isEmpty() ? tr("Nobody was left waiting at the end of the period.")
                                                        : tr("Waiting at the end of the period (double-click to open)"));
    m_team->clear();
    for (const AgentFigures &agent : report.agents) {
        new QTreeWidgetItem(m_team, {agent.name, locale.toString(agent.messages), ReportText::duration(agent.replyTime.median),
                                     ReportText::duration(agent.replyTime.p90), PriceText::amount(agent.cost, report.costs.currency)});
    }
    m_teamTitle->setVisible(!report.agents.isEmpty());
    m_team->setVisible(!report.agents.isEmpty());
    m_ads->clear();
    for (const AdArrivals &ad : report.ads)
        new QTreeWidgetItem(m_ads, {ad.headline.isEmpty() ? ad.sourceId : ad.headline, locale.toString(ad.customers), locale.toString(ad.messages)});
    m_adsTitle->setVisible(!report.ads.isEmpty());
    m_ads->setVisible(!report.ads.isEmpty());
    const Costs &costs = report.costs;
    m_costNote->setText(costNote(costs));
    for (QTreeWidget *tree : {m_waiting, m_team, m_ads})
        fitRows(tree);
}

void ReportsWindow::layOutCards()
{
    const int width = m_scroll->viewport()->width();
    const int columns = std::clamp(width / 230, 2, 4);
    const int chartColumns = width >= 900 ? 2 : 1;
    if (columns * 10 + chartColumns == m_columns)
        return;
    m_columns = columns * 10 + chartColumns;
    for (int index = 0; index < m_cards.size(); ++index) {
        m_cardGrid->removeWidget(m_cards.at(index).second);
        m_cardGrid->addWidget(m_cards.at(index).second, index / columns, index % columns);
    }
    for (int column = 0; column < 4; ++column) {
        m_cardGrid->setColumnStretch(column, column < columns ? 1 : 0);
        m_chartGrid->setColumnStretch(column, column < chartColumns ? 1 : 0);
    }
    for (int index = 0; index < m_charts.size(); ++index) {
        m_chartGrid->removeWidget(m_charts.at(index));
        m_chartGrid->addWidget(m_charts.at(index), index / chartColumns, index % chartColumns);
    }
}

void ReportsWindow::resizeEvent(QResizeEvent *event)
{
    QDialog::resizeEvent(event);
    layOutCards();
}

void ReportsWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        if (m_report && m_previous)
            setReports(*m_report, *m_previous);
    } else if (event->type() == QEvent::PaletteChange) {
        for (QChartView *chart : std::as_const(m_charts))
            ReportCharts::applyAppearance(chart);
    }
    QDialog::changeEvent(event);
}

void ReportsWindow::retranslate()
{
    setWindowTitle(tr("Reports"));
    const QStringList periods{tr("Today"), tr("Last 7 days"), tr("Last 30 days"), tr("This month"), tr("Last month"), tr("Between two dates…")};
    for (int index = 0; index < periods.size(); ++index)
        m_period->setItemText(index, periods.at(index));
    m_period->setAccessibleName(tr("Period"));
    m_from->setAccessibleName(tr("From"));
    m_to->setAccessibleName(tr("To"));
    m_rateCard->setText(tr("Rate card…"));
    m_rateCard->setToolTip(tr("Price WhatsApp's messages with a newer rate card (a CSV file: country, marketing, utility, authentication, service; dated with \"# effective:\")"));
    m_pdf->setText(tr("Save as PDF…"));
    m_csv->setText(tr("Save figures (CSV)…"));
    const QStringList titles{tr("Reply time (median)"), tr("Left waiting"), tr("Lost chats"), tr("Time to resolve (median)"),
                             tr("Conversations"), tr("Messages"), tr("While closed"), tr("WhatsApp costs")};
    for (int index = 0; index < m_cards.size(); ++index)
        m_cards.at(index).second->setTitle(titles.at(index));
    m_heatTitle->setText(tr("When customers write"));
    m_teamTitle->setText(tr("The team"));
    m_team->setHeaderLabels({tr("Person"), tr("Messages"), tr("Reply time (median)"), tr("90 %"), tr("WhatsApp cost")});
    m_adsTitle->setText(tr("Arrivals from ads"));
    m_ads->setHeaderLabels({tr("Ad"), tr("Customers"), tr("Messages")});
    m_waiting->setHeaderLabels({tr("Customer"), tr("Waiting since"), tr("State")});
}

bool ReportsWindow::savePdf(const QString &path, QString *problem)
{
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter);
    writer.setTitle(windowTitle() + QStringLiteral(" — ") + m_heading->text());
    writer.setCreator(QStringLiteral("Mostrador"));
    QPainter painter;
    if (!painter.begin(&writer)) {
        *problem = tr("The file could not be written there.");
        return false;
    }
    const QRect paper = writer.pageLayout().paintRectPixels(writer.resolution());
    const double scale = double(paper.width()) / double(m_page->width());
    const int slice = int(paper.height() / scale);
    for (int top = 0; top < m_page->height(); top += slice) {
        if (top > 0)
            writer.newPage();
        painter.save();
        painter.scale(scale, scale);
        m_page->render(&painter, QPoint(0, 0), QRegion(0, top, m_page->width(), slice),
                       QWidget::DrawChildren);
        painter.restore();
    }
    painter.end();
    return true;
}

void ReportsWindow::choosePdf()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the report as PDF"), folder + QLatin1Char('/') + tr("report") + QStringLiteral(".pdf"),
                                                      tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    QString problem;
    if (!savePdf(path, &problem))
        QMessageBox::warning(this, tr("Not saved"), tr("The report was not saved as %1. %2").arg(path, problem));
}

void ReportsWindow::chooseCsv()
{
    if (!m_report)
        return;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the figures as CSV"), folder + QLatin1Char('/') + tr("report") + QStringLiteral(".csv"),
                                                      tr("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(ReportFormat::toCsv(*m_report)) < 0 || !file.commit())
        QMessageBox::warning(this, tr("Not saved"), tr("The figures were not saved as %1: %2").arg(path, file.errorString()));
}

void ReportsWindow::chooseRateCard()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose a rate card"), QStandardPaths::writableLocation(QStandardPaths::DownloadLocation),
                                                      tr("Rate card (*.csv)"));
    if (!path.isEmpty())
        Q_EMIT rateCardChosen(path);
}

} // namespace Mostrador
