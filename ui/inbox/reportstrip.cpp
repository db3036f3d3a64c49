#include "reportstrip.h"

#include "reports/reporttext.h"
#include "widgets/pricetext.h"

#include <QEvent>
#include <QFontMetrics>
#include <QVBoxLayout>
#include <QLabel>
#include <QMouseEvent>

namespace Mostrador {

ReportStrip::ReportStrip(QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
    , m_month(new QLabel(this))
{
    setObjectName(QStringLiteral("ReportStrip"));
    setCursor(Qt::PointingHandCursor);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 3, 8, 3);
    layout->setSpacing(0);
    m_text->setWordWrap(true);
    layout->addWidget(m_text, 1);
    QFont small = m_text->font();
    small.setPointSizeF(small.pointSizeF() * 0.92);
    m_text->setFont(small);
    // Its place is taken from the first paint, figures or not: a strip appearing later would push
    // the list down under the pointer. Two lines hold the figures at the narrowest inbox.
    m_text->setMinimumHeight(2 * QFontMetrics(small).lineSpacing());
    m_text->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_month->setObjectName(QStringLiteral("monthCost"));
    m_month->setFont(small);
    m_month->setTextFormat(Qt::RichText);
    m_month->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    m_month->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    // Its line is kept from the first paint too, cost or not (every reply is billed since
    // October 2026): one line, the forecast left out where the inbox is too narrow for it.
    m_month->setMinimumHeight(QFontMetrics(small).lineSpacing());
    m_month->setMinimumWidth(1);
    connect(m_month, &QLabel::linkActivated, this, &ReportStrip::monthCostsRequested);
    layout->addWidget(m_month);
    retranslate();
}

void ReportStrip::setFigures(const Durations &replyTimeToday, int waitingNow, int lostThisWeek)
{
    m_replyTime = replyTimeToday;
    m_waiting = waitingNow;
    m_lost = lostThisWeek;
    retranslate();
}

void ReportStrip::setMonthCost(double soFar, double atThisPace, const QString &currency)
{
    m_monthCost = soFar;
    m_monthPace = atThisPace;
    m_currency = currency;
    retranslate();
}

QString ReportStrip::text() const
{
    return m_monthText.isEmpty() ? m_text->text() : m_text->text() + QStringLiteral("  ·  ") + m_monthText;
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
    showMonthCost();
    setAccessibleName(text());
}

void ReportStrip::showMonthCost()
{
    if (m_monthCost <= 0) {
        m_month->clear();
        m_monthText.clear();
        return;
    }
    const QString month = tr("This month: %1").arg(PriceText::amount(m_monthCost, m_currency));
    const QString pace = tr("~%1 by the month's end").arg(PriceText::amount(m_monthPace, m_currency));
    const QString both = month + QStringLiteral(" · ") + pace;
    const bool fits = m_month->fontMetrics().horizontalAdvance(both) <= contentsRect().width() - 16;
    m_monthText = fits ? both : month;
    m_month->setText(QStringLiteral("<a href=\"month\">%1</a>%2")
                         .arg(month.toHtmlEscaped(), fits ? QString(QStringLiteral(" · ") + pace).toHtmlEscaped() : QString()));
    m_month->setToolTip(tr("What WhatsApp has cost this month, by Meta's rate cards: %1 at this pace. Click to see this month's costs.").arg(pace));
}

void ReportStrip::resizeEvent(QResizeEvent *event)
{
    QFrame::resizeEvent(event);
    showMonthCost();
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
