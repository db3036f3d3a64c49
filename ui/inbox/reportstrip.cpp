#include "reportstrip.h"

#include "reports/reporttext.h"

#include <QEvent>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>

namespace Mostrador {

ReportStrip::ReportStrip(QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("ReportStrip"));
    setCursor(Qt::PointingHandCursor);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 3, 8, 3);
    m_text->setWordWrap(true);
    layout->addWidget(m_text, 1);
    QFont small = m_text->font();
    small.setPointSizeF(small.pointSizeF() * 0.92);
    m_text->setFont(small);
    // Its place is taken from the first paint, figures or not: a strip appearing later would push
    // the list down under the pointer. Two lines hold the figures at the narrowest inbox.
    m_text->setMinimumHeight(2 * QFontMetrics(small).lineSpacing());
    m_text->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    retranslate();
}

void ReportStrip::setFigures(const Durations &replyTimeToday, int waitingNow, int lostThisWeek)
{
    m_replyTime = replyTimeToday;
    m_waiting = waitingNow;
    m_lost = lostThisWeek;
    retranslate();
}

QString ReportStrip::text() const
{
    return m_text->text();
}

void ReportStrip::retranslate()
{
    setToolTip(tr("Open the reports"));
    QStringList parts;
    if (m_waiting < 0) {
        parts << tr("Counting today's figures…");
    } else {
        parts << tr("Reply today: %1").arg(m_replyTime.count ? ReportText::duration(m_replyTime.median) : tr("no replies yet"));
        parts << tr("Waiting now: %1").arg(m_waiting);
        parts << tr("Lost this week: %1").arg(m_lost);
    }
    m_text->setText(parts.join(QStringLiteral("  ·  ")));
    setAccessibleName(m_text->text());
}

void ReportStrip::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}

void ReportStrip::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        Q_EMIT reportsRequested();
    QFrame::mouseReleaseEvent(event);
}

} // namespace Mostrador
