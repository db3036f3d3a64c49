#pragma once

#include "localtimeline.h"
#include "ratecard.h"
#include "shopreport.h"

#include "store/reportstore.h"

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
        QSet<qint64> waitingAtStart; // conversations whose customer was already waiting at the start
        bool hasOpeningHours = false;
        QList<std::pair<qint64, qint64>> openSpans; // ms, ascending
        std::array<std::array<bool, 24>, 7> openByHour{};
        RateCard rates;
        QHash<qint64, QString> agents;
    };

    explicit ReportTally(Inputs inputs);

    void add(const ReportMessage &message);
    void addResolution(const ReportResolution &resolution);
    [[nodiscard]] ShopReport finish();

private:
    struct Waiting {
        bool waiting = false;
        bool counted = false;     // began in this period (not before it)
        qint64 since = 0;
        qint64 lastCustomerAt = 0;
        int closedStretch = -1;   // the closed stretch the customer last wrote in
        bool awayCounted = false;
    };
    struct Price {
        QString category;
        bool billable = false;
        bool valid = false;
    };

    void customerWrote(Waiting &state, const ReportMessage &message);
    void shopAnswered(Waiting &state, const ReportMessage &message);
    void countClosedHours(Waiting &state, const ReportMessage &message);
    void countAd(const ReportMessage &message);
    void countCost(const ReportMessage &message);
    [[nodiscard]] bool isOpen(qint64 at, int *nextOpening) const;
    [[nodiscard]] qint64 openMillisecondsBetween(qint64 from, qint64 to) const;
    [[nodiscard]] ReportedChat chat(qint64 conversationId, qint64 since) const;
    [[nodiscard]] const Price &priceOf(const QString &pricingJson);
    [[nodiscard]] QString countryOf(qint64 conversationId);

    Inputs m_in;
    LocalTimeline m_local;
    QList<qint64> m_openPrefix; // open milliseconds before each span
    ShopReport m_report;
    QHash<qint64, Waiting> m_waiting;
    QSet<qint64> m_active;
    QList<qint64> m_replyTimes;
    QList<qint64> m_businessReplyTimes;
    QList<qint64> m_resolutionTimes;
    QHash<qint64, QList<qint64>> m_replyTimesByAgent;
    QHash<qint64, int> m_messagesByAgent;
    QMap<QDate, DayFigures> m_days;
    QMap<QDate, QList<qint64>> m_replyTimesByDay;
    QMap<QString, AdArrivals> m_ads;
    QHash<QString, QSet<qint64>> m_adConversations;
    QHash<QString, QString> m_adKeys;   // referral JSON → its ad's key
    QHash<QString, Price> m_prices;     // pricing JSON → what it says
    QHash<qint64, QString> m_countries; // conversation → customer's country
    QMap<std::pair<QString, QString>, CostLine> m_costLines;
    QSet<qint64> m_customersWhoWrote;
};

} // namespace Mostrador
