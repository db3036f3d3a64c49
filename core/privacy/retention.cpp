#include "retention.h"

#include "common/clock.h"
#include "db/settingsstore.h"

#include <QFile>

namespace Mostrador {

namespace {

constexpr int kNoticeDays = 7;

} // namespace

Retention::Retention(Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{
}

int Retention::months(StoreError *error) const
{
    const QString key = QLatin1String(kMonthsSetting);
    return std::max(0, SettingsStore(m_database).read(key, error).value(key).toInt());
}

StoreError Retention::setMonths(int months)
{
    return SettingsStore(m_database).write({{QLatin1String(kMonthsSetting), QString::number(std::max(0, months))}});
}

QDateTime Retention::cutoff(int months) const
{
    return m_clock.now().addMonths(-months);
}

std::optional<Retention::Notice> Retention::upcoming(StoreError *error) const
{
    const int period = months(error);
    if (period <= 0)
        return std::nullopt;
    // Untouched a week from now, but not yet today.
    const int soon = int(CustomerRecordStore(m_database).untouchedSince(cutoff(period).addDays(kNoticeDays), error).size());
    const int now = int(CustomerRecordStore(m_database).untouchedSince(cutoff(period), error).size());
    if (soon - now <= 0)
        return std::nullopt;
    return Notice{soon - now, m_clock.now().addDays(kNoticeDays).toLocalTime().date()};
}

std::optional<ForgottenRecords> Retention::apply(StoreError *error)
{
    const int period = months(error);
    if (period <= 0)
        return ForgottenRecords{};
    CustomerRecordStore records(m_database);
    const QList<qint64> due = records.untouchedSince(cutoff(period), error);
    if (error->isError())
        return std::nullopt;
    auto forgotten = records.forgetConversations(due, error);
    if (forgotten)
        removeFiles(forgotten->unusedMediaFiles);
    return forgotten;
}

int Retention::removeFiles(const QStringList &files)
{
    int removed = 0;
    for (const QString &file : files)
        removed += QFile::remove(file) ? 1 : 0;
    return removed;
}

} // namespace Mostrador
