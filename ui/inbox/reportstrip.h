#pragma once

#include "reports/shopreport.h"

#include <QFrame>

class QLabel;
class QToolButton;

namespace Mostrador {

// A slim line above the inbox with today's pulse: the median reply time today, how many
// customers are waiting for a person now, how many chats were lost this week, and below them
// what WhatsApp has cost this month. Clicking it opens Shop ▸ Reports (the month's figure: on
// this month's costs).
class ReportStrip final : public QFrame
{
    Q_OBJECT

public:
    explicit ReportStrip(QWidget *parent = nullptr);

    void setFigures(const Durations &replyTimeToday, int waitingNow, int lostThisWeek);
    // What WhatsApp has cost this month so far and, at this pace, by its end; nothing shown
    // while it costs nothing.
    void setMonthCost(double soFar, double atThisPace, const QString &currency);
    [[nodiscard]] QString text() const;

Q_SIGNALS:
    void reportsRequested();
    // The month's figure was clicked: Reports on this month's costs.
    void monthCostsRequested();

protected:
    void changeEvent(QEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void retranslate();
    void showMonthCost();

    QLabel *m_text = nullptr;
    QLabel *m_month = nullptr;
    Durations m_replyTime;
    int m_waiting = -1;
    int m_lost = 0;
    double m_monthCost = 0;
    double m_monthPace = 0;
    QString m_currency;
    QString m_monthText; // what the month's line says, as plain text
};

} // namespace Mostrador
