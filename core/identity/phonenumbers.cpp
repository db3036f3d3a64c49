#include "phonenumbers.h"

#include "messaging/waid.h"

#include <QList>
#include <QLocale>

#include <algorithm>

#include <phonenumbers/phonenumberutil.h>

namespace Mostrador {

namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

} // namespace

std::optional<PhoneNumbers::Reading> PhoneNumbers::read(const QString &typed, const QString &defaultRegion, QString *problem)
{
    QString text = typed.trimmed();
    if (text.startsWith(QLatin1String("00")))
        text = QLatin1Char('+') + text.mid(2);
    bool hasDigit = false;
    for (const QChar c : text)
        hasDigit = hasDigit || c.isDigit();
    if (!hasDigit) {
        *problem = tr("Type a phone number, with its country code if it is from another country (for example +52 55 1234 5678).");
        return std::nullopt;
    }
    const PhoneNumberUtil &util = *PhoneNumberUtil::GetInstance();
    const std::string region = (defaultRegion.isEmpty() ? QStringLiteral("ZZ") : defaultRegion.toUpper()).toStdString();
    // Digits without a +: a number of the shop's country, or a whole international number
    // written without its + (573001112233, as WhatsApp ids are): the one that is a real number.
    QList<PhoneNumber> candidates;
    PhoneNumber asTyped;
    if (util.Parse(text.toStdString(), region, &asTyped) == PhoneNumberUtil::NO_PARSING_ERROR)
        candidates << asTyped;
    PhoneNumber international;
    if (!text.startsWith(QLatin1Char('+'))
        && util.Parse(QString(QLatin1Char('+') + text).toStdString(), "ZZ", &international) == PhoneNumberUtil::NO_PARSING_ERROR)
        candidates << international;
    if (candidates.isEmpty()) {
        *problem = text.startsWith(QLatin1Char('+'))
                       ? tr("%1 does not look like a phone number.").arg(typed.trimmed())
                       : tr("%1 does not look like a phone number. If it is from another country, start with + and its "
                            "country code.").arg(typed.trimmed());
        return std::nullopt;
    }
    const auto valid = std::find_if(candidates.cbegin(), candidates.cend(), [&](const PhoneNumber &n) { return util.IsValidNumber(n); });
    const auto possible = std::find_if(candidates.cbegin(), candidates.cend(), [&](const PhoneNumber &n) { return util.IsPossibleNumber(n); });
    if (valid == candidates.cend() && possible == candidates.cend()) {
        *problem = tr("%1 has too few or too many digits for a phone number of that country.").arg(typed.trimmed());
        return std::nullopt;
    }
    const PhoneNumber &number = valid != candidates.cend() ? *valid : *possible;
    std::string e164;
    util.Format(number, PhoneNumberUtil::E164, &e164);
    std::string numberRegion;
    util.GetRegionCodeForNumber(number, &numberRegion);
    return Reading{WaId::whatsAppForm(fromStd(e164).mid(1)), fromStd(numberRegion)};
}

QString PhoneNumbers::displayed(const QString &waId)
{
    if (waId.isEmpty())
        return {};
    const PhoneNumberUtil &util = *PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    if (util.Parse(QString(QLatin1Char('+') + waId).toStdString(), "ZZ", &number) != PhoneNumberUtil::NO_PARSING_ERROR)
        return QLatin1Char('+') + waId;
    std::string international;
    util.Format(number, PhoneNumberUtil::INTERNATIONAL, &international);
    return fromStd(international);
}

QString PhoneNumbers::regionOf(const QString &waId)
{
    if (waId.isEmpty())
        return {};
    const PhoneNumberUtil &util = *PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    if (util.Parse(QString(QLatin1Char('+') + waId).toStdString(), "ZZ", &number) != PhoneNumberUtil::NO_PARSING_ERROR)
        return {};
    std::string region;
    util.GetRegionCodeForNumber(number, &region);
    if (region.empty() || region == "ZZ")
        util.GetRegionCodeForCountryCode(number.country_code(), &region);
    return region == "ZZ" ? QString() : fromStd(region);
}

QString PhoneNumbers::languageOf(const QString &waId)
{
    const QString region = regionOf(waId);
    if (region.isEmpty())
        return {};
    // Qt names Cherokee for the United States (its first locale there); English is what is spoken.
    if (region == QLatin1String("US"))
        return QStringLiteral("en");
    const QLocale locale(QLocale::AnyLanguage, QLocale::codeToTerritory(region));
    return locale.language() == QLocale::C ? QString() : locale.name().section(QLatin1Char('_'), 0, 0);
}

QString PhoneNumbers::defaultRegion()
{
    const QString name = QLocale::system().name(); // es_CO
    const QString region = name.section(QLatin1Char('_'), 1, 1);
    return region.size() == 2 ? region : QStringLiteral("ES");
}

} // namespace Mostrador
