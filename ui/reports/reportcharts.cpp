#include "reportcharts.h"

#include "reporttext.h"
#include "widgets/pricetext.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QScatterSeries>
#include <QStackedBarSeries>
#include <QToolTip>
#include <QValueAxis>

#include <cmath>

namespace Mostrador {

namespace {

QStringList dayLabels(const QList<DayFigures> &days)
{
    QStringList labels;
    const bool week = days.size() <= 7;
    for (const DayFigures &day : days)
        labels << QLocale().toString(day.date, week ? QStringLiteral("ddd d") : QStringLiteral("d"));
    return labels;
}

QChartView *viewOf(QChart *chart, QWidget *parent)
{
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    auto *view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(230);
    ReportCharts::applyAppearance(view);
    return view;
}

QValueAxis *countAxis(double most)
{
    auto *axis = new QValueAxis;
    axis->setLabelFormat(QStringLiteral("%d"));
    axis->setRange(0, std::max(1.0, std::ceil(most * 1.1)));
    axis->setTickCount(5);
    return axis;
}

} // namespace

void ReportCharts::applyAppearance(QChartView *view)
{
    QChart *chart = view->chart();
    const QPalette colours = view->palette();
    // Qt's chart themes would repaint the series too: only the frame follows the appearance, the
    // series keep the colours they mean.
    const QString title = chart->title();
    chart->setBackgroundBrush(colours.color(QPalette::Base));
    chart->setBackgroundPen(QPen(colours.color(QPalette::Mid)));
    chart->setTitleBrush(colours.color(QPalette::Text));
    chart->legend()->setLabelColor(colours.color(QPalette::Text));
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsColor(colours.color(QPalette::Text));
        axis->setTitleBrush(colours.color(QPalette::Text));
        axis->setGridLineColor(colours.color(QPalette::Midlight));
        axis->setLinePenColor(colours.color(QPalette::Mid));
    }
    QFont titleFont = view->font();
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);
    chart->setTitle(title);
}

QChartView *ReportCharts::messagesPerDay(const QList<DayFigures> &days, QWidget *parent)
{
    auto *customers = new QBarSet(tr("From customers"));
    auto *shop = new QBarSet(tr("From the shop"));
    double most = 0;
    for (const DayFigures &day : days) {
        *customers << day.customerMessages;
        *shop << day.shopMessages;
        most = std::max(most, double(day.customerMessages + day.shopMessages));
    }
    customers->setColor(QColor(0x25, 0x9d, 0x63));
    shop->setColor(QColor(0x3b, 0x82, 0xc4));
    auto *series = new QStackedBarSeries;
    series->append(customers);
    series->append(shop);
    QObject::connect(series, &QStackedBarSeries::hovered, series, [days](bool on, int index, QBarSet *set) {
        if (!on || index < 0 || index >= days.size())
            return QToolTip::hideText();
        QToolTip::showText(QCursor::pos(), tr("%1: %2 %3").arg(QLocale().toString(days.at(index).date, QLocale::LongFormat), set->label())
                                               .arg(int(set->at(index))));
    });
    auto *chart = new QChart;
    chart->setTitle(tr("Messages per day"));
    chart->addSeries(series);
    auto *axisX = new QBarCategoryAxis;
    axisX->append(dayLabels(days));
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
    QValueAxis *axisY = countAxis(most);
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
    return viewOf(chart, parent);
}

QChartView *ReportCharts::replyTimePerDay(const QList<DayFigures> &days, QWidget *parent)
{
    auto *line = new QLineSeries;
    auto *points = new QScatterSeries;
    double longest = 0;
    for (const DayFigures &day : days)
        longest = std::max(longest, day.replyTime.median.value_or(0));
    const bool inHours = longest > 3 * 3600; // minutes stop reading well past three hours
    const double unit = inHours ? 3600.0 : 60.0;
    line->setName(inHours ? tr("Median reply time (hours)") : tr("Median reply time (minutes)"));
    double most = 0;
    for (int index = 0; index < days.size(); ++index) {
        if (!days.at(index).replyTime.median)
            continue;
        const double value = *days.at(index).replyTime.median / unit;
        line->append(index, value);
        points->append(index, value);
        most = std::max(most, value);
    }
    line->setColor(QColor(0xd9, 0x7a, 0x1c));
    points->setColor(QColor(0xd9, 0x7a, 0x1c));
    points->setMarkerSize(7);
    QObject::connect(points, &QScatterSeries::hovered, points, [days](const QPointF &point, bool on) {
        const int index = int(std::lround(point.x()));
        if (!on || index < 0 || index >= days.size())
            return QToolTip::hideText();
        const DayFigures &day = days.at(index);
        QToolTip::showText(QCursor::pos(), tr("%1: median %2 over %n wait(s)", nullptr, day.replyTime.count)
                                               .arg(QLocale().toString(day.date, QLocale::LongFormat), ReportText::duration(day.replyTime.median)));
    });
    auto *chart = new QChart;
    chart->setTitle(tr("Reply time per day"));
    chart->addSeries(line);
    chart->addSeries(points);
    auto *axisX = new QBarCategoryAxis;
    axisX->append(dayLabels(days));
    chart->addAxis(axisX, Qt::AlignBottom);
    line->attachAxis(axisX);
    points->attachAxis(axisX);
    auto *axisY = new QValueAxis;
    axisY->setRange(0, std::max(1.0, std::ceil(most * 1.15)));
    axisY->setLabelFormat(QStringLiteral("%.0f"));
    axisY->setTitleText(inHours ? tr("hours") : tr("minutes"));
    chart->addAxis(axisY, Qt::AlignLeft);
    line->attachAxis(axisY);
    points->attachAxis(axisY);
    chart->legend()->markers(points).constFirst()->setVisible(false);
    return viewOf(chart, parent);
}

QChartView *ReportCharts::costsPerMonth(const Costs &costs, QWidget *parent)
{
    QStringList months;
    QStringList categories;
    for (const CostLine &line : costs.byMonth) {
        if (!months.contains(line.month))
            months << line.month;
        if (!categories.contains(line.category))
            categories << line.category;
    }
    std::sort(months.begin(), months.end());
    auto *series = new QStackedBarSeries;
    double most = 0;
    QList<double> totals(months.size(), 0.0);
    const QHash<QString, QColor> colourOf{{QStringLiteral("marketing"), QColor(0xd9, 0x7a, 0x1c)},
                                          {QStringLiteral("utility"), QColor(0x3b, 0x82, 0xc4)},
                                          {QStringLiteral("authentication"), QColor(0x8e, 0x5b, 0xc2)},
                                          {QStringLiteral("service"), QColor(0x25, 0x9d, 0x63)}};
    for (const QString &category : std::as_const(categories)) {
        auto *set = new QBarSet(PriceText::category(category));
        set->setColor(colourOf.value(category, QColor(0x80, 0x80, 0x80)));
        for (int index = 0; index < months.size(); ++index) {
            double cost = 0;
            for (const CostLine &line : costs.byMonth) {
                if (line.month == months.at(index) && line.category == category)
                    cost += line.cost;
            }
            *set << cost;
            totals[index] += cost;
        }
        series->append(set);
    }
    for (double total : std::as_const(totals))
        most = std::max(most, total);
    const QString currency = costs.currency;
    QObject::connect(series, &QStackedBarSeries::hovered, series, [months, currency](bool on, int index, QBarSet *set) {
        if (!on || index < 0 || index >= months.size())
            return QToolTip::hideText();
        QToolTip::showText(QCursor::pos(), tr("%1, %2: %3").arg(ReportText::month(months.at(index)), set->label(), PriceText::amount(set->at(index), currency)));
    });
    auto *chart = new QChart;
    chart->setTitle(tr("WhatsApp costs per month (%1)").arg(currency));
    chart->addSeries(series);
    auto *axisX = new QBarCategoryAxis;
    QStringList monthNames;
    for (const QString &month : std::as_const(months))
        monthNames << ReportText::month(month);
    axisX->append(monthNames.isEmpty() ? QStringList{QString()} : monthNames);
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
    auto *axisY = new QValueAxis;
    axisY->setRange(0, most > 0 ? most * 1.15 : 1.0);
    axisY->setLabelFormat(QStringLiteral("%.2f"));
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
    return viewOf(chart, parent);
}

} // namespace Mostrador
