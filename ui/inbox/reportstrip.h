#pragma once

#include "reports/shopreport.h"

#include <QFrame>

class QLabel;
class QToolButton;

namespace Mostrador {

// A slim line above the inbox with today's pulse: the median reply time today, how many
// customers are waiting for a person now, and how many chats were lost this week. Clicking it
// opens Shop ▸ Reports.
class ReportStrip final : public QFrame
{
    Q_OBJECT

public:
    explicit ReportStrip(QWidget *parent = nullptr);

    void setFigures(const Durations &replyTimeToday, int waitingNow, int lostThisWeek);
    [[nodiscard]] QString text() const;

Q_SIGNALS:
    void reportsRequested();

protected:
    void changeEvent(QEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    void retranslate();

    QLabel *m_text = nullptr;
    Durations m_replyTime;
    int m_waiting = -1;
    int m_lost = 0;
};

} // namespace Mostrador
