#pragma once

#include "localtimeline.h"
#include "ratecard.h"
#include "shopreport.h"

#include "reports/reportstore.h"

#include <QHash>
#include <QMap>
#include <QSet>

namespace Mostrador {

// Counts one period's messages, given oldest first, into a ShopReport: the waiting spells
// (README: a spell starts at a customer message when the customer was not already waiting, ends
// at the next message from a person of the shop; automatic and campaign messages do not end it),
// messages by origin, day and hour, closed hours, ads and costs. Pure arithmetic over what the
// store read; ReportBuilder feeds it.
class ReportTally
{
public:
    struct Inputs {
        ReportPeriod period;
        QDateTime now;
        QHash<qint64, ReportConversation> conversations;
        QHash<qint64, ReportWait> waitingAtStart; // conversations whose customer was already waiting at the start
        bool hasOpeningHours = false;
        QList<std::pair<qint64, qint64>> openSpans; // ms, ascending
        std::array<std::array<bool, 24>, 7> openByHour{};
        RateCard rates;
        QHash<qint64, QString> agents;
    };

    explicit ReportTally(Inputs inputs);

    void add(const ReportMessage &message);
    void addArrivalFromAd(qint64 conversationId, const QString &referralJson);
    // The period's resolutions, before the messages: each is opened by the first customer
    // message after the one before it, which the messages show when it is in the period.
    void setResolutions(QList<ReportResolution> resolutions);
    // Each conversation's first resolution of the period whose opening may lie before the period:
    // the caller fills openedAt from the store when it does, before the messages are added.
    [[nodiscard]] QList<ReportResolution *> resolutionsThatMayOpenBefore();
    [[nodiscard]] ShopReport finish();
    // Whether a resolution of the period came after the customer last wrote, ending the wait.
    [[nodiscard]] bool resolvedAfter(qint64 conversationId, qint64 lastCustomerAt) const;

private:
    struct Waiting {
        bool waiting = false;
        bool counted = false;     // began in this period (not before it)
        qint64 since = 0;
        qint64 lastCustomerAt = 0;
        int closedStretch = -1;   // the closed stretch the customer last wrote in
        bool awayCounted = false;
        bool wrote = false;       // the customer wrote in the period
        qsizetype nextResolution = -1; // in m_resolutionsOf, the first one not yet opened
    };
    void customerWrote(Waiting &state, const ReportMessage &message);
    void shopAnswered(Waiting &state, const ReportMessage &message);
    void countClosedHours(Waiting &state, const ReportMessage &message);
    void countCost(const ReportMessage &message);
    void openResolution(Waiting &state, const ReportMessage &message);
    [[nodiscard]] DayFigures &dayOf(qint64 at);
    [[nodiscard]] bool isOpen(qint64 at, int *nextOpening) const;
    [[nodiscard]] qint64 openMillisecondsBetween(qint64 from, qint64 to) const;
    [[nodiscard]] ReportedChat chat(qint64 conversationId, qint64 since) const;
    [[nodiscard]] QString countryOf(qint64 conversationId);

    Inputs m_in;
    LocalTimeline m_local;
    QList<qint64> m_openPrefix; // open milliseconds before each span
    ShopReport m_report;
    QHash<qint64, Waiting> m_waiting;
    QList<qint64> m_replyTimes;
    QList<qint64> m_businessReplyTimes;
    QList<ReportResolution> m_resolutions;
    QHash<qint64, QList<qsizetype>> m_resolutionsOf; // conversation → its resolutions, oldest first
    QHash<qint64, QList<qint64>> m_replyTimesByAgent;
    QHash<qint64, int> m_messagesByAgent;
    QMap<QDate, DayFigures> m_days;
    QMap<QDate, QList<qint64>> m_replyTimesByDay;
    QMap<QString, AdArrivals> m_ads;
    QHash<QString, QSet<qint64>> m_adConversations;
    QHash<QString, QString> m_adKeys;   // referral JSON → its ad's key
    QDate m_lastDate;                   // the day of the last message, and its figures
    DayFigures *m_lastDay = nullptr;
    QString m_lastMonth;                // "2026-11", of that day
    QHash<qint64, QString> m_countries; // conversation → customer's country
    QMap<std::pair<QString, QString>, CostLine> m_costLines;
    QMap<QDate, CardUse> m_cardUses;
    QHash<qint64, double> m_costByAgent;
};

} // namespace Mostrador
