#include "reporttally.h"

#include "messaging/metapricing.h"

#include "identity/phonenumbers.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace Mostrador {

namespace {

constexpr qint64 kWindow = 24LL * 3600 * 1000;

double percentile(const QList<qint64> &sorted, double fraction)
{
    const double rank = fraction * double(sorted.size() - 1);
    const auto low = qsizetype(std::floor(rank));
    const auto high = qsizetype(std::ceil(rank));
    return double(sorted.at(low)) + double(sorted.at(high) - sorted.at(low)) * (rank - double(low));
}

} // namespace

Durations Durations::of(QList<qint64> milliseconds)
{
    Durations durations;
    durations.count = int(milliseconds.size());
    if (milliseconds.isEmpty())
        return durations;
    std::sort(milliseconds.begin(), milliseconds.end());
    durations.median = percentile(milliseconds, 0.5) / 1000.0;
    durations.p90 = percentile(milliseconds, 0.9) / 1000.0;
    return durations;
}

ReportTally::ReportTally(Inputs inputs)
    : m_in(std::move(inputs))
    , m_local(m_in.period.zone, m_in.period.fromMs(), m_in.period.toMs())
{
    m_report.period = m_in.period;
    m_report.computedAt = m_in.now;
    m_report.openByHour = m_in.openByHour;
    qint64 total = 0;
    for (const auto &[start, end] : m_in.openSpans) {
        m_openPrefix.append(total);
        total += end - start;
    }
    if (m_in.hasOpeningHours) {
        m_report.closedMessages = 0;
        m_report.closedChats = 0;
        m_report.closedAwayReplied = 0;
    }
}

DayFigures &ReportTally::dayOf(qint64 at)
{
    const QDate date = m_local.date(at);
    if (!m_lastDay || date != m_lastDate) {
        m_lastDate = date;
        m_lastDay = &m_days[date];
        m_lastDay->date = date;
        m_lastMonth = date.toString(QStringLiteral("yyyy-MM"));
    }
    return *m_lastDay;
}

void ReportTally::add(const ReportMessage &message)
{
    DayFigures &day = dayOf(message.sentAt);
    ++m_report.messagesByOrigin[int(message.origin)];
    const bool fromCustomer = message.origin == MessageOrigin::Customer;
    ++(fromCustomer ? m_report.messagesIn : m_report.messagesOut);
    ++(fromCustomer ? day.customerMessages : day.shopMessages);

    auto state = m_waiting.find(message.conversationId);
    if (state == m_waiting.end()) {
        state = m_waiting.insert(message.conversationId, {});
        if (const auto before = m_in.waitingAtStart.constFind(message.conversationId); before != m_in.waitingAtStart.cend()) {
            state->waiting = true;
            state->since = before->since;
            state->lastCustomerAt = before->lastCustomerAt;
        }
        state->nextResolution = m_resolutionsOf.contains(message.conversationId) ? 0 : -1;
    }
    if (fromCustomer) {
        if (!message.countsForWaiting)
            return;
        state->wrote = true;
        if (state->nextResolution >= 0)
            openResolution(*state, message);
        const qint64 local = m_local.local(message.sentAt);
        const qint64 localDay = local / (24LL * 3600 * 1000) - (local < 0 ? 1 : 0);
        const int weekday = int(((localDay % 7) + 7 + 3) % 7); // Monday 0; 1970-01-01 was a Thursday
        const int hour = int(((local / (3600 * 1000)) % 24 + 24) % 24);
        ++m_report.customerMessagesByHour[weekday][hour];
        customerWrote(*state, message);
        countClosedHours(*state, message);
        return;
    }
    if (message.pricing != ReportMessage::Pricing::None || message.byMetaAgent)
        countCost(message);
    if (!message.countsForWaiting)
        return;
    if (message.origin == MessageOrigin::Shop) {
        if (message.agentId)
            ++m_messagesByAgent[message.agentId];
        shopAnswered(*state, message);
    } else if (message.origin == MessageOrigin::Automatic) {
        countClosedHours(*state, message);
    }
}

void ReportTally::customerWrote(Waiting &state, const ReportMessage &message)
{
    if (!state.waiting) {
        state.waiting = true;
        state.counted = true;
        state.since = message.sentAt;
    }
    state.lastCustomerAt = message.sentAt;
}

void ReportTally::shopAnswered(Waiting &state, const ReportMessage &message)
{
    if (state.waiting && state.counted) {
        const qint64 replyTime = message.sentAt - state.since;
        m_replyTimes.append(replyTime);
        m_replyTimesByDay[m_local.date(state.since)].append(replyTime);
        if (m_in.hasOpeningHours)
            m_businessReplyTimes.append(openMillisecondsBetween(state.since, message.sentAt));
        if (message.agentId)
            m_replyTimesByAgent[message.agentId].append(replyTime);
    }
    state.waiting = false;
    state.counted = false;
}

void ReportTally::countClosedHours(Waiting &state, const ReportMessage &message)
{
    if (!m_in.hasOpeningHours)
        return;
    int nextOpening = 0;
    if (isOpen(message.sentAt, &nextOpening))
        return;
    if (message.origin == MessageOrigin::Customer) {
        ++*m_report.closedMessages;
        if (state.closedStretch != nextOpening) {
            ++*m_report.closedChats;
            state.closedStretch = nextOpening;
            state.awayCounted = false;
        }
    } else if (state.closedStretch == nextOpening && !state.awayCounted) {
        ++*m_report.closedAwayReplied;
        state.awayCounted = true;
    }
}

void ReportTally::addArrivalFromAd(qint64 conversationId, const QString &referralJson)
{
    auto key = m_adKeys.constFind(referralJson);
    if (key == m_adKeys.cend()) {
        const QJsonObject referral = QJsonDocument::fromJson(referralJson.toUtf8()).object();
        const QString sourceId = referral.value(QLatin1String("source_id")).toString();
        const QString headline = referral.value(QLatin1String("headline")).toString();
        const QString id = !sourceId.isEmpty() ? sourceId : !headline.isEmpty() ? headline : referral.value(QLatin1String("source_url")).toString();
        AdArrivals &ad = m_ads[id];
        ad.sourceId = sourceId;
        if (ad.headline.isEmpty())
            ad.headline = headline;
        key = m_adKeys.insert(referralJson, id);
    }
    ++m_ads[*key].messages;
    m_adConversations[*key].insert(conversationId);
}

QString ReportTally::countryOf(qint64 conversationId)
{
    auto found = m_countries.constFind(conversationId);
    if (found == m_countries.cend())
        found = m_countries.insert(conversationId, PhoneNumbers::regionOf(m_in.conversations.value(conversationId).waId));
    return *found;
}

void ReportTally::countCost(const ReportMessage &message)
{
    if (message.byMetaAgent) {
        if (m_lastDate >= MetaPricing::metaAgentBilledFrom())
            ++m_report.costs.metaAgentMessages; // Meta bills these per token; no price is guessed
        return;
    }
    const bool service = message.pricing == ReportMessage::Pricing::Service;
    const QString category = service ? QStringLiteral("service") : message.pricingCategory.toLower();
    const QString &month = m_lastMonth; // add() found the message's day first
    CostLine &line = m_costLines[{month, category}];
    line.month = month;
    line.category = category;
    ++line.messages;
    if (service)
        ++m_report.costs.serviceMessages;
    if (!message.billable) {
        ++m_report.costs.free;
        return;
    }
    ++line.billable;
    ++m_report.costs.billable;
    if (service)
        ++m_report.costs.billableServiceMessages;
    const QDate day = m_lastDate; // add() found the message's local day first
    const RateCard::Period &card = m_in.rates.periodOn(day);
    CardUse &use = m_cardUses[card.effective];
    use.effective = card.effective;
    use.source = card.source;
    ++use.messages;
    const auto origin = std::size_t(message.origin);
    ++m_report.costs.billableByOrigin[origin];
    if (const auto rate = RateCard::rateIn(card, countryOf(message.conversationId), category)) {
        line.cost += *rate;
        use.cost += *rate;
        m_report.costs.total += *rate;
        m_report.costs.byOrigin[origin] += *rate;
        if (message.agentId)
            m_costByAgent[message.agentId] += *rate;
    } else {
        ++line.unpriced;
    }
}

void ReportTally::setResolutions(QList<ReportResolution> resolutions)
{
    m_resolutions = std::move(resolutions);
    for (qsizetype index = 0; index < m_resolutions.size(); ++index)
        m_resolutionsOf[m_resolutions.at(index).conversationId].append(index);
}

void ReportTally::openResolution(Waiting &state, const ReportMessage &message)
{
    const QList<qsizetype> &mine = m_resolutionsOf[message.conversationId];
    while (state.nextResolution < mine.size()) {
        ReportResolution &resolution = m_resolutions[mine.at(state.nextResolution)];
        if (message.sentAt > resolution.resolvedAt) {
            ++state.nextResolution; // resolved before this message: opened earlier, or never
            continue;
        }
        if (message.sentAt > resolution.previousAt && !resolution.openedAt)
            resolution.openedAt = message.sentAt;
        return;
    }
    state.nextResolution = -1;
}

QList<ReportResolution *> ReportTally::resolutionsThatMayOpenBefore()
{
    QList<ReportResolution *> early;
    const qint64 from = m_in.period.fromMs();
    for (const QList<qsizetype> &mine : std::as_const(m_resolutionsOf)) {
        ReportResolution &first = m_resolutions[mine.constFirst()];
        if (first.previousAt < from)
            early.append(&first);
    }
    return early;
}

bool ReportTally::isOpen(qint64 at, int *nextOpening) const
{
    const auto &spans = m_in.openSpans;
    const auto after = std::upper_bound(spans.cbegin(), spans.cend(), at,
                                        [](qint64 time, const std::pair<qint64, qint64> &span) { return time < span.first; });
    *nextOpening = int(after - spans.cbegin());
    return after != spans.cbegin() && at < std::prev(after)->second;
}

qint64 ReportTally::openMillisecondsBetween(qint64 from, qint64 to) const
{
    const auto openBefore = [this](qint64 time) -> qint64 {
        const auto &spans = m_in.openSpans;
        const auto after = std::upper_bound(spans.cbegin(), spans.cend(), time,
                                            [](qint64 t, const std::pair<qint64, qint64> &span) { return t < span.first; });
        if (after == spans.cbegin())
            return 0;
        const auto index = (after - spans.cbegin()) - 1;
        const auto &[start, end] = spans.at(index);
        return m_openPrefix.at(index) + std::min(time, end) - start;
    };
    return openBefore(to) - openBefore(from);
}

bool ReportTally::resolvedAfter(qint64 conversationId, qint64 lastCustomerAt) const
{
    for (const qsizetype index : m_resolutionsOf.value(conversationId)) {
        if (m_resolutions.at(index).resolvedAt >= lastCustomerAt)
            return true;
    }
    return false;
}

ReportedChat ReportTally::chat(qint64 conversationId, qint64 since) const
{
    return {conversationId, m_in.conversations.value(conversationId).customerName, QDateTime::fromMSecsSinceEpoch(since, Qt::UTC)};
}

ShopReport ReportTally::finish()
{
    const qint64 from = m_in.period.fromMs();
    const qint64 to = m_in.period.toMs();
    const qint64 horizon = std::min(to, m_in.now.toMSecsSinceEpoch());
    m_report.conversations = int(m_waiting.size());
    QSet<qint64> newCustomers;
    for (const ReportConversation &conversation : std::as_const(m_in.conversations)) {
        if (conversation.createdAt >= from && conversation.createdAt < to)
            ++m_report.newConversations;
        if (conversation.firstContactAt >= from && conversation.firstContactAt < to)
            newCustomers.insert(conversation.customerId);
    }
    m_report.newCustomers = int(newCustomers.size());
    QSet<qint64> customersWhoWrote;
    for (auto state = m_waiting.cbegin(); state != m_waiting.cend(); ++state) {
        if (state->wrote)
            customersWhoWrote.insert(m_in.conversations.value(state.key()).customerId);
    }
    m_report.returningCustomers = int((customersWhoWrote - newCustomers).size());

    // Left waiting: whoever waits at the period's end, since whenever their wait began (the same
    // meaning as the inbox's Waiting for us), unless the conversation was resolved after they wrote.
    const auto leftWaiting = [&](qint64 conversationId, qint64 since, qint64 lastCustomerAt) {
        if (resolvedAfter(conversationId, lastCustomerAt))
            return;
        m_report.unanswered.append(chat(conversationId, since));
        if (lastCustomerAt + kWindow <= horizon)
            m_report.lost.append(chat(conversationId, since));
    };
    for (auto state = m_waiting.cbegin(); state != m_waiting.cend(); ++state) {
        if (state->waiting)
            leftWaiting(state.key(), state->since, state->lastCustomerAt);
    }
    for (auto before = m_in.waitingAtStart.cbegin(); before != m_in.waitingAtStart.cend(); ++before) {
        if (!m_waiting.contains(before.key()))
            leftWaiting(before.key(), before->since, before->lastCustomerAt);
    }
    const auto bySince = [](const ReportedChat &a, const ReportedChat &b) { return a.waitingSince < b.waitingSince; };
    std::sort(m_report.unanswered.begin(), m_report.unanswered.end(), bySince);
    std::sort(m_report.lost.begin(), m_report.lost.end(), bySince);

    m_report.replyTime = Durations::of(m_replyTimes);
    if (m_in.hasOpeningHours)
        m_report.replyTimeBusinessHours = Durations::of(m_businessReplyTimes);
    QList<qint64> resolutionTimes;
    for (const ReportResolution &resolution : std::as_const(m_resolutions)) {
        if (resolution.openedAt > 0 && resolution.resolvedAt >= resolution.openedAt)
            resolutionTimes.append(resolution.resolvedAt - resolution.openedAt);
    }
    m_report.resolutionTime = Durations::of(resolutionTimes);

    for (QDate date = m_in.period.firstDay(); date <= m_in.period.lastDay(); date = date.addDays(1)) {
        DayFigures day = m_days.value(date);
        day.date = date;
        day.replyTime = Durations::of(m_replyTimesByDay.value(date));
        m_report.days.append(day);
    }
    for (auto ad = m_ads.begin(); ad != m_ads.end(); ++ad) {
        ad->customers = int(m_adConversations.value(ad.key()).size());
        m_report.ads.append(*ad);
    }
    std::sort(m_report.ads.begin(), m_report.ads.end(), [](const AdArrivals &a, const AdArrivals &b) { return a.customers > b.customers; });

    const RateCard::Period &newest = m_in.rates.periodOn(m_cardUses.isEmpty() ? m_in.period.lastDay() : m_cardUses.lastKey());
    m_report.costs.currency = newest.currency;
    m_report.costs.rateCardDate = newest.effective;
    m_report.costs.rateCardSource = newest.source;
    m_report.costs.byMonth = m_costLines.values();
    m_report.costs.byCard = m_cardUses.values(); // by date: oldest first

    for (auto agent = m_in.agents.cbegin(); agent != m_in.agents.cend(); ++agent) {
        if (!m_messagesByAgent.contains(agent.key()))
            continue;
        m_report.agents.append({agent.key(), agent.value(), m_messagesByAgent.value(agent.key()),
                                Durations::of(m_replyTimesByAgent.value(agent.key())), m_costByAgent.value(agent.key())});
    }
    std::sort(m_report.agents.begin(), m_report.agents.end(), [](const AgentFigures &a, const AgentFigures &b) { return a.name < b.name; });
    return m_report;
}

} // namespace Mostrador
