#include "ratecard.h"

#include "db/settingsstore.h"
#include "messaging/metapricing.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QStringList>

#include <algorithm>

namespace Mostrador {

namespace {

QStringList fieldsOf(const QString &line)
{
    const QChar separator = line.count(QLatin1Char(';')) > 0 ? QLatin1Char(';') : QLatin1Char(',');
    QStringList fields;
    for (QString field : line.split(separator))
        fields << field.remove(QLatin1Char('"')).trimmed();
    return fields;
}

} // namespace

std::optional<RateCard> RateCard::parse(const QByteArray &csv, QString *error)
{
    Period card;
    QStringList categories;
    const QStringList lines = QString::fromUtf8(csv).remove(QChar(0xFEFF)).split(QLatin1Char('\n'));
    for (int number = 1; number <= lines.size(); ++number) {
        const QString line = lines.at(number - 1).trimmed();
        if (line.isEmpty())
            continue;
        if (line.startsWith(QLatin1Char('#'))) {
            const QString key = line.mid(1).section(QLatin1Char(':'), 0, 0).trimmed().toLower();
            const QString value = line.mid(1).section(QLatin1Char(':'), 1).trimmed();
            if (key == QLatin1String("effective"))
                card.effective = QDate::fromString(value, Qt::ISODate);
            else if (key == QLatin1String("source"))
                card.source = value;
            else if (key == QLatin1String("currency"))
                card.currency = value.toUpper();
            continue;
        }
        const QStringList fields = fieldsOf(line);
        if (categories.isEmpty()) {
            if (fields.value(0).toLower() != QLatin1String("country") || fields.size() < 2) {
                *error = tr("Line %1: the first row must name the columns, starting with \"country\".").arg(number);
                return std::nullopt;
            }
            for (const QString &name : fields.mid(1))
                categories << name.toLower();
            continue;
        }
        const QString country = fields.value(0).toUpper();
        if (country != QLatin1String("*") && (country.size() != 2 || !country.at(0).isLetter())) {
            *error = tr("Line %1: \"%2\" is not a two-letter country code (or * for the rest).").arg(number).arg(fields.value(0));
            return std::nullopt;
        }
        for (int column = 1; column < fields.size() && column <= categories.size(); ++column) {
            if (fields.at(column).isEmpty())
                continue;
            bool ok = false;
            const double price = QString(fields.at(column)).replace(QLatin1Char(','), QLatin1Char('.')).toDouble(&ok);
            if (!ok || price < 0) {
                *error = tr("Line %1: \"%2\" is not a price.").arg(number).arg(fields.at(column));
                return std::nullopt;
            }
            card.rates[country].insert(categories.at(column - 1), price);
        }
    }
    if (card.rates.isEmpty()) {
        *error = tr("The rate card has no prices.");
        return std::nullopt;
    }
    RateCard one;
    one.m_periods.append(std::move(card));
    return one;
}

RateCard RateCard::shipped()
{
    static const RateCard cards = [] { // read from the resources once; every report asks
        RateCard read;
        const QStringList names = QDir(QStringLiteral(":/ratecards")).entryList({QStringLiteral("*.csv")}, QDir::Files, QDir::Name);
        for (const QString &name : names) {
            QFile file(QStringLiteral(":/ratecards/") + name);
            file.open(QIODevice::ReadOnly);
            QString ignored;
            if (auto card = parse(file.readAll(), &ignored))
                read.layOver(card->m_periods.constFirst());
        }
        return read;
    }();
    return cards;
}

RateCard RateCard::shopOrShipped(const QString &path, QString *problem)
{
    RateCard cards = shipped();
    QFile file(path);
    if (path.isEmpty() || !file.exists())
        return cards;
    if (!file.open(QIODevice::ReadOnly)) {
        *problem = tr("The rate card %1 could not be read: %2").arg(path, file.errorString());
        return cards;
    }
    QString error;
    if (auto card = parse(file.readAll(), &error))
        cards.layOver(card->m_periods.constFirst());
    else
        *problem = tr("The rate card %1 was not used. %2").arg(path, error);
    return cards;
}

void RateCard::layOver(Period period)
{
    if (!period.effective.isValid()) {
        m_periods = {std::move(period)};
        return;
    }
    m_periods.removeIf([&](const Period &kept) { return kept.effective == period.effective || !kept.effective.isValid(); });
    const auto later = std::find_if(m_periods.begin(), m_periods.end(), [&](const Period &kept) { return kept.effective > period.effective; });
    m_periods.insert(later, std::move(period));
}

SendPrices RateCard::pricesOfSends(const QString &country, bool withinWindow, bool freeEntryPoint, QDate day) const
{
    SendPrices prices;
    prices.currency = periodOn(day).currency;
    if (country.isEmpty())
        return prices; // a market Meta's card cannot tell: no guess
    const auto priceOf = [&](const QString &category) -> std::optional<double> {
        if (!MetaPricing::charge(category, withinWindow, freeEntryPoint, day).billable)
            return std::nullopt;
        return rate(country, category, day);
    };
    if (withinWindow)
        prices.reply = priceOf(QStringLiteral("service"));
    for (const QString &category : {QStringLiteral("marketing"), QStringLiteral("utility"), QStringLiteral("authentication")}) {
        if (const auto price = priceOf(category))
            prices.templates.insert(category, *price);
    }
    return prices;
}

const RateCard::Period &RateCard::periodOn(QDate day) const
{
    static const Period none;
    if (m_periods.isEmpty())
        return none;
    if (!day.isValid())
        return m_periods.constLast();
    for (auto period = m_periods.crbegin(); period != m_periods.crend(); ++period) {
        if (!period->effective.isValid() || period->effective <= day)
            return *period;
    }
    return m_periods.constFirst();
}

namespace {
const QString kSettingKey = QStringLiteral("reports/rate_card");
}

RateCard RateCard::forShop(Database &database, QString *problem)
{
    RateCard cards = shipped();
    StoreError error;
    const QString saved = SettingsStore(database).read(kSettingKey, &error).value(kSettingKey);
    if (error.isError())
        *problem = tr("The shop's rate card could not be read: %1").arg(error.userMessage);
    if (saved.isEmpty())
        return cards;
    QString reason;
    if (auto card = parse(saved.toUtf8(), &reason))
        cards.layOver(card->m_periods.constFirst());
    else
        *problem = tr("The shop's rate card was not used. %1").arg(reason);
    return cards;
}

bool RateCard::saveForShop(Database &database, const QByteArray &csv, QString *problem)
{
    if (!parse(csv, problem))
        return false;
    if (const StoreError error = SettingsStore(database).write({{kSettingKey, QString::fromUtf8(csv)}}); error.isError()) {
        *problem = error.userMessage;
        return false;
    }
    return true;
}

bool RateCard::saveFileForShop(Database &database, const QString &path, QString *problem)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *problem = tr("%1 could not be read: %2").arg(path, file.errorString());
        return false;
    }
    return saveForShop(database, file.readAll(), problem);
}

std::optional<double> RateCard::rate(const QString &country, const QString &category, QDate day) const
{
    return rateIn(periodOn(day), country, category);
}

std::optional<double> RateCard::rateIn(const Period &period, const QString &country, const QString &category)
{
    const auto priceOf = [&](const QString &key) -> std::optional<double> {
        for (const QString &row : {country.toUpper(), QStringLiteral("*")}) {
            const auto found = period.rates.constFind(row);
            if (found != period.rates.cend() && found->contains(key))
                return found->value(key);
        }
        return std::nullopt;
    };
    const QString key = category.toLower();
    if (const auto price = priceOf(key))
        return price;
    if (key == QLatin1String("service"))
        return priceOf(QStringLiteral("utility")); // Meta bills service replies at the market's utility rate
    return std::nullopt;
}

} // namespace Mostrador
