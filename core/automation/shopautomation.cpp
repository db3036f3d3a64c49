#include "shopautomation.h"

#include "db/settingsstore.h"

#include <QStringList>

namespace Mostrador {

namespace {

const QString kPrefix = QStringLiteral("automation/");
const QString kDefaultWeek = QStringLiteral("mon-fri 09:00-13:00 16:00-20:00; sat 10:00-14:00");

QString key(const char *name)
{
    return kPrefix + QLatin1String(name);
}

bool flag(const QMap<QString, QString> &values, const char *name)
{
    return values.value(key(name)) == QLatin1String("1");
}

QString flagText(bool on)
{
    return on ? QStringLiteral("1") : QStringLiteral("0");
}

OpeningHours readHours(const QMap<QString, QString> &values)
{
    const QString zoneName = values.value(key("zone"));
    QTimeZone zone(zoneName.toUtf8());
    if (zoneName.isEmpty() || !zone.isValid())
        zone = QTimeZone::systemTimeZone();
    QString ignored; // only ever written by save(), from hours that parsed
    OpeningHours hours = OpeningHours::parse(values.value(key("week"), kDefaultWeek), zone, &ignored).value_or(OpeningHours(zone));
    for (const QString &text : values.value(key("closed_dates")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QDate date = QDate::fromString(text.trimmed(), Qt::ISODate);
        if (date.isValid())
            hours.addClosedDate(date);
    }
    const QStringList vacation = values.value(key("vacation")).split(QStringLiteral(".."));
    if (vacation.size() == 2) {
        const QDate first = QDate::fromString(vacation.first(), Qt::ISODate);
        const QDate last = QDate::fromString(vacation.last(), Qt::ISODate);
        if (first.isValid() && last.isValid() && first <= last)
            hours.setVacation(first, last);
    }
    return hours;
}

} // namespace

ShopAutomation ShopAutomation::load(Database &database, StoreError *error)
{
    const QMap<QString, QString> values = SettingsStore(database).read(kPrefix, error);
    ShopAutomation automation;
    automation.configured = !values.isEmpty();
    automation.hours = readHours(values);
    AutoResponder::Settings &replies = automation.replies;
    replies.shopName = values.value(key("shop_name"));
    replies.awayEnabled = flag(values, "away_enabled");
    replies.awayText = values.value(key("away_text"));
    replies.awayTextEnglish = values.value(key("away_text_en"));
    replies.quietAfterHumanReplyMinutes = values.value(key("quiet_minutes"), QStringLiteral("10")).toInt();
    replies.greetingEnabled = flag(values, "greeting_enabled");
    replies.greetingText = values.value(key("greeting_text"));
    replies.greetingTextEnglish = values.value(key("greeting_text_en"));
    replies.greetingAfterSilenceDays = values.value(key("greeting_after_days"), QStringLiteral("14")).toInt();
    automation.runner = values.value(key("runner")) == QLatin1String("server") ? Runner::Server : Runner::ThisComputer;
    return automation;
}

StoreError ShopAutomation::save(Database &database) const
{
    QStringList closed;
    for (const QDate date : hours.closedDates())
        closed << date.toString(Qt::ISODate);
    const auto vacation = hours.vacation();
    return SettingsStore(database).write({
        {key("shop_name"), replies.shopName},
        {key("away_enabled"), flagText(replies.awayEnabled)},
        {key("away_text"), replies.awayText},
        {key("away_text_en"), replies.awayTextEnglish},
        {key("quiet_minutes"), QString::number(replies.quietAfterHumanReplyMinutes)},
        {key("greeting_enabled"), flagText(replies.greetingEnabled)},
        {key("greeting_text"), replies.greetingText},
        {key("greeting_text_en"), replies.greetingTextEnglish},
        {key("greeting_after_days"), QString::number(replies.greetingAfterSilenceDays)},
        {key("zone"), QString::fromUtf8(hours.zone().id())},
        {key("week"), hours.weekText()},
        {key("closed_dates"), closed.join(QLatin1Char(','))},
        {key("vacation"), vacation ? vacation->first.toString(Qt::ISODate) + QStringLiteral("..") + vacation->second.toString(Qt::ISODate)
                                   : QString()},
        {key("runner"), runner == Runner::Server ? QStringLiteral("server") : QStringLiteral("desktop")},
    });
}

} // namespace Mostrador
