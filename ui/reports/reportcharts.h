#pragma once

#include "reports/shopreport.h"

#include <QCoreApplication>

class QChartView;

namespace Mostrador {

// The report's charts, drawn with Qt Charts in the window's light or dark appearance, each bar
// or point saying its figure when hovered.
class ReportCharts
{
    Q_DECLARE_TR_FUNCTIONS(ReportCharts)

public:
    // Customer messages and the shop's, per day, stacked.
    [[nodiscard]] static QChartView *messagesPerDay(const QList<DayFigures> &days, QWidget *parent);
    // The median reply time of each day's waits, in minutes.
    [[nodiscard]] static QChartView *replyTimePerDay(const QList<DayFigures> &days, QWidget *parent);
    // What WhatsApp charged (or would), per month and category, in the rate card's currency.
    [[nodiscard]] static QChartView *costsPerMonth(const Costs &costs, QWidget *parent);

    // Follows a change of light or dark appearance.
    static void applyAppearance(QChartView *view);
};

} // namespace Mostrador
