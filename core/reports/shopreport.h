#pragma once

#include "reportperiod.h"

#include <QDate>
#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace Mostrador {

// A set of durations, summarised: how many, the median and the 90th percentile in seconds
// (linear between the two nearest values, as spreadsheets' MEDIAN and PERCENTILE do).
struct Durations {
    int count = 0;
    std::optional<double> median;
    std::optional<double> p90;

    [[nodiscard]] static Durations of(QList<qint64> milliseconds);
};

// A chat a report points at: to list it and open it.
struct ReportedChat {
    qint64 conversationId = 0;
    QString customerName;
    QDateTime waitingSince; // the customer message the wait began with
};

struct AdArrivals {
    QString sourceId;  // Meta's id of the ad or post
    QString headline;
    int customers = 0; // conversations that arrived from it
    int messages = 0;
};

struct CostLine {
    QString month;     // "2026-11", local
    QString category;  // marketing, utility, authentication, service…
    int messages = 0;
    int billable = 0;
    int unpriced = 0;  // billable, but the rate card has no price for that country and category
    double cost = 0;
};

// One rate card a report priced messages by: each message is priced by the card in force on its day.
struct CardUse {
    QDate effective;
    QString source;
    int messages = 0; // billable messages priced (or left unpriced) by it
    double cost = 0;
};

struct Costs {
    QString currency;
    QDate rateCardDate;   // the newest card used
    QString rateCardSource;
    double total = 0;
    int billable = 0;
    int free = 0;
    int serviceMessages = 0;       // free-form replies inside the window, billed or not
    int billableServiceMessages = 0;
    int metaAgentMessages = 0;     // Meta Business Agent's replies, billed by Meta per token: no price guessed
    QList<CostLine> byMonth;
    QList<CardUse> byCard;         // oldest first
    // Who sent what is billed: a person of the shop, an automatic reply (greeting, away), a
    // campaign. Indexed by MessageOrigin.
    std::array<double, 5> byOrigin{};
    std::array<int, 5> billableByOrigin{};
};

struct AgentFigures {
    qint64 agentId = 0;
    QString name;
    int messages = 0;
    Durations replyTime;
    double cost = 0; // what Meta bills for their messages, by the rate cards
};

struct DayFigures {
    QDate date;
    int customerMessages = 0;
    int shopMessages = 0; // every message the shop sent: people, automatic, campaigns
    Durations replyTime;  // of the waits that began that day
};

// The figures of one period, as README's definitions put them: what Shop ▸ Reports shows and
// `mostrador-server report` prints.
struct ShopReport {
    ReportPeriod period;
    QDateTime computedAt;

    int conversations = 0;    // with at least one message in the period
    int newConversations = 0; // created in the period
    int newCustomers = 0;     // wrote for the first time ever in the period
    int returningCustomers = 0;

    std::array<int, 5> messagesByOrigin{}; // indexed by MessageOrigin
    int messagesIn = 0;
    int messagesOut = 0;

    Durations replyTime;
    std::optional<Durations> replyTimeBusinessHours; // only when the shop has opening hours
    QList<ReportedChat> unanswered;
    QList<ReportedChat> lost;
    Durations resolutionTime;

    std::optional<int> closedMessages; // customer messages while the shop was closed
    std::optional<int> closedChats;    // conversations that wrote while closed, once per closed stretch
    std::optional<int> closedAwayReplied; // of those, how many got an automatic reply in that stretch

    QList<AdArrivals> ads;
    Costs costs;
    QList<AgentFigures> agents; // team mode only
    QList<DayFigures> days;
    std::array<std::array<int, 24>, 7> customerMessagesByHour{}; // [Monday = 0][hour]
    std::array<std::array<bool, 24>, 7> openByHour{};            // the opening hours on the same grid
};

} // namespace Mostrador
