#pragma once

#include "privacy/customerrecordstore.h"

#include <QDate>
#include <QString>

#include <optional>

namespace Mostrador {

class Clock;
class Database;

// How long the shop keeps conversations nobody touches (off unless the shop sets it): those whose
// last message is older than the period are removed, with their files, and customers left with
// none; a week before, the desktop says how many will go and when.
class Retention final
{
public:
    static constexpr const char *kMonthsSetting = "privacy/retention_months";

    Retention(Database &database, const Clock &clock);

    // 0: keep everything (the default).
    [[nodiscard]] int months(StoreError *error) const;
    StoreError setMonths(int months);

    struct Notice {
        int conversations = 0;
        QDate by; // they go on or before this day
    };
    // Conversations that will be removed within the next seven days; nothing when none or off.
    [[nodiscard]] std::optional<Notice> upcoming(StoreError *error) const;

    // Removes what is past the period now. Nothing when off.
    [[nodiscard]] std::optional<ForgottenRecords> apply(StoreError *error);

    // Removes the files (customers' media) no message uses any more; how many went.
    static int removeFiles(const QStringList &files);

private:
    [[nodiscard]] QDateTime cutoff(int months) const;

    Database &m_database;
    const Clock &m_clock;
};

} // namespace Mostrador
