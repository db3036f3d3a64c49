#include "ratecard.h"

#include "db/settingsstore.h"

#include <QCoreApplication>
#include <QFile>
#include <QStringList>

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
    RateCard card;
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
                card.m_effective = QDate::fromString(value, Qt::ISODate);
            else if (key == QLatin1String("source"))
                card.m_source = value;
            else if (key == QLatin1String("currency"))
                card.m_currency = value.toUpper();
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
            card.m_rates[country].insert(categories.at(column - 1), price);
        }
    }
    if (card.m_rates.isEmpty()) {
        *error = tr("The rate card has no prices.");
        return std::nullopt;
    }
    return card;
}

RateCard RateCard::shipped()
{
    QFile file(QStringLiteral(":/ratecards/meta-rates.csv"));
    file.open(QIODevice::ReadOnly);
    QString ignored;
    return parse(file.readAll(), &ignored).value_or(RateCard());
}

RateCard RateCard::shopOrShipped(const QString &path, QString *problem)
{
    QFile file(path);
    if (path.isEmpty() || !file.exists())
        return shipped();
    if (!file.open(QIODevice::ReadOnly)) {
        *problem = tr("The rate card %1 could not be read: %2").arg(path, file.errorString());
        return shipped();
    }
    QString error;
    if (auto card = parse(file.readAll(), &error))
        return *card;
    *problem = tr("The rate card %1 was not used. %2").arg(path, error);
    return shipped();
}

namespace {
const QString kSettingKey = QStringLiteral("reports/rate_card");
}

RateCard RateCard::forShop(Database &database, QString *problem)
{
    StoreError error;
    const QString saved = SettingsStore(database).read(kSettingKey, &error).value(kSettingKey);
    if (saved.isEmpty())
        return shipped();
    QString reason;
    if (auto card = parse(saved.toUtf8(), &reason))
        return *card;
    *problem = tr("The shop's rate card was not used. %1").arg(reason);
    return shipped();
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

std::optional<double> RateCard::rate(const QString &country, const QString &category) const
{
    const QString key = category.toLower();
    for (const QString &row : {country.toUpper(), QStringLiteral("*")}) {
        const auto found = m_rates.constFind(row);
        if (found != m_rates.cend() && found->contains(key))
            return found->value(key);
    }
    return std::nullopt;
}

} // namespace Mostrador
