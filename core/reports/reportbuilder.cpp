#include "reportbuilder.h"

#include "reporttally.h"

#include "reports/reportstore.h"

namespace Mostrador {

namespace {

std::array<std::array<bool, 24>, 7> openByHour(const OpeningHours &hours)
{
    std::array<std::array<bool, 24>, 7> grid{};
    for (int day = 0; day < 7; ++day) {
        for (const OpeningHours::Interval &interval : hours.day(Qt::DayOfWeek(day + 1))) {
            for (int hour = 0; hour < 24; ++hour) {
                const QTime start(hour, 0);
                const QTime end = hour == 23 ? QTime(23, 59, 59, 999) : QTime(hour + 1, 0);
                if (interval.from < end && interval.to > start)
                    grid[day][hour] = true;
            }
        }
    }
    return grid;
}

} // namespace

ReportBuilder::ReportBuilder(Database &database, OpeningHours hours, RateCard rates, const Clock &clock)
    : m_database(database)
    , m_hours(std::move(hours))
    , m_rates(std::move(rates))
    , m_clock(clock)
{
}

std::optional<ShopReport> ReportBuilder::build(const ReportPeriod &period, StoreError *error)
{
    ReportStore store(m_database);
    ReportTally::Inputs inputs;
    inputs.period = period;
    inputs.now = m_clock.now();
    inputs.hasOpeningHours = !m_hours.isEmpty();
    if (inputs.hasOpeningHours) {
        inputs.openSpans = m_hours.openSpans(period.from, period.to);
        inputs.openByHour = openByHour(m_hours);
    }
    inputs.rates = m_rates;
    if ((*error = store.conversations(&inputs.conversations)).isError()
        || (*error = store.waitingAt(period.fromMs(), &inputs.waitingAtStart)).isError()
        || (*error = store.agents(&inputs.agents)).isError())
        return std::nullopt;

    ReportTally tally(std::move(inputs));
    QList<ReportResolution> resolutions;
    if ((*error = store.resolutions(period.fromMs(), period.toMs(), &resolutions)).isError())
        return std::nullopt;
    tally.setResolutions(std::move(resolutions));
    // Conversations that may have opened before the period and were resolved in it.
    for (ReportResolution *resolution : tally.resolutionsThatMayOpenBefore()) {
        resolution->openedAt = store.firstCustomerMessage(resolution->conversationId, resolution->previousAt,
                                                          std::min(resolution->resolvedAt, period.fromMs() - 1), error);
        if (error->isError())
            return std::nullopt;
    }
    if ((*error = store.forEachMessage(period.fromMs(), period.toMs(), [&tally](const ReportMessage &message) { tally.add(message); }))
            .isError())
        return std::nullopt;
    if ((*error = store.forEachArrivalFromAd(period.fromMs(), period.toMs(),
                                             [&tally](qint64 conversation, const QString &referral) { tally.addArrivalFromAd(conversation, referral); }))
            .isError())
        return std::nullopt;
    return tally.finish();
}

int ReportBuilder::waitingNow(StoreError *error)
{
    return ReportStore(m_database).waitingNow(error);
}

} // namespace Mostrador
