#include "profilerules.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrl>

namespace Mostrador::ProfileRules {

const QStringList &verticals()
{
    static const QStringList kVerticals{
        QStringLiteral("OTHER"), QStringLiteral("AUTO"), QStringLiteral("BEAUTY"), QStringLiteral("APPAREL"),
        QStringLiteral("EDU"), QStringLiteral("ENTERTAIN"), QStringLiteral("EVENT_PLAN"), QStringLiteral("FINANCE"),
        QStringLiteral("GROCERY"), QStringLiteral("GOVT"), QStringLiteral("HOTEL"), QStringLiteral("HEALTH"),
        QStringLiteral("NONPROFIT"), QStringLiteral("PROF_SERVICES"), QStringLiteral("RETAIL"), QStringLiteral("TRAVEL"),
        QStringLiteral("RESTAURANT"), QStringLiteral("ALCOHOL"), QStringLiteral("ONLINE_GAMBLING"),
        QStringLiteral("PHYSICAL_GAMBLING"), QStringLiteral("OTC_DRUGS")};
    return kVerticals;
}

QString verticalName(const QString &vertical)
{
    static const QHash<QString, const char *> kNames{
        {QStringLiteral("OTHER"), QT_TRANSLATE_NOOP("ProfileRules", "Other")},
        {QStringLiteral("AUTO"), QT_TRANSLATE_NOOP("ProfileRules", "Automotive")},
        {QStringLiteral("BEAUTY"), QT_TRANSLATE_NOOP("ProfileRules", "Beauty, spa and salon")},
        {QStringLiteral("APPAREL"), QT_TRANSLATE_NOOP("ProfileRules", "Clothing and apparel")},
        {QStringLiteral("EDU"), QT_TRANSLATE_NOOP("ProfileRules", "Education")},
        {QStringLiteral("ENTERTAIN"), QT_TRANSLATE_NOOP("ProfileRules", "Entertainment")},
        {QStringLiteral("EVENT_PLAN"), QT_TRANSLATE_NOOP("ProfileRules", "Event planning and service")},
        {QStringLiteral("FINANCE"), QT_TRANSLATE_NOOP("ProfileRules", "Finance and banking")},
        {QStringLiteral("GROCERY"), QT_TRANSLATE_NOOP("ProfileRules", "Food and grocery")},
        {QStringLiteral("GOVT"), QT_TRANSLATE_NOOP("ProfileRules", "Public service")},
        {QStringLiteral("HOTEL"), QT_TRANSLATE_NOOP("ProfileRules", "Hotel and lodging")},
        {QStringLiteral("HEALTH"), QT_TRANSLATE_NOOP("ProfileRules", "Medical and health")},
        {QStringLiteral("NONPROFIT"), QT_TRANSLATE_NOOP("ProfileRules", "Non-profit")},
        {QStringLiteral("PROF_SERVICES"), QT_TRANSLATE_NOOP("ProfileRules", "Professional services")},
        {QStringLiteral("RETAIL"), QT_TRANSLATE_NOOP("ProfileRules", "Shopping and retail")},
        {QStringLiteral("TRAVEL"), QT_TRANSLATE_NOOP("ProfileRules", "Travel and transportation")},
        {QStringLiteral("RESTAURANT"), QT_TRANSLATE_NOOP("ProfileRules", "Restaurant")},
        {QStringLiteral("ALCOHOL"), QT_TRANSLATE_NOOP("ProfileRules", "Alcoholic beverages")},
        {QStringLiteral("ONLINE_GAMBLING"), QT_TRANSLATE_NOOP("ProfileRules", "Online gambling and gaming")},
        {QStringLiteral("PHYSICAL_GAMBLING"), QT_TRANSLATE_NOOP("ProfileRules", "Non-online gambling and gaming")},
        {QStringLiteral("OTC_DRUGS"), QT_TRANSLATE_NOOP("ProfileRules", "Over-the-counter drugs")},
    };
    const char *name = kNames.value(vertical);
    return name ? QCoreApplication::translate("ProfileRules", name) : vertical;
}

QList<Problem> check(const BusinessProfile &profile)
{
    QList<Problem> problems;
    const qsizetype about = profile.about.trimmed().size();
    if (about == 0)
        problems.append({Field::About, QCoreApplication::translate("ProfileRules", "The About text cannot be empty; customers see it under the shop's name.")});
    else if (about > kAboutMax)
        problems.append({Field::About, QCoreApplication::translate("ProfileRules", "About: %1 characters, at most %2.").arg(about).arg(kAboutMax)});
    if (profile.address.size() > kAddressMax)
        problems.append({Field::Address, QCoreApplication::translate("ProfileRules", "Address: %1 characters, at most %2.").arg(profile.address.size()).arg(kAddressMax)});
    if (profile.description.size() > kDescriptionMax)
        problems.append({Field::Description,
                         QCoreApplication::translate("ProfileRules", "Description: %1 characters, at most %2.").arg(profile.description.size()).arg(kDescriptionMax)});
    else if (profile.description.size() > kDescriptionWarn)
        problems.append({Field::Description,
                         QCoreApplication::translate("ProfileRules", "Description: past %1 characters some WhatsApp versions cut it short.").arg(kDescriptionWarn), false});
    static const QRegularExpression kEmail(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    if (profile.email.size() > kEmailMax)
        problems.append({Field::Email, QCoreApplication::translate("ProfileRules", "Email: %1 characters, at most %2.").arg(profile.email.size()).arg(kEmailMax)});
    else if (!profile.email.isEmpty() && !kEmail.match(profile.email).hasMatch())
        problems.append({Field::Email, QCoreApplication::translate("ProfileRules", "Email: \"%1\" is not an email address such as hola@mitienda.com.").arg(profile.email)});
    if (profile.websites.size() > kWebsitesMax)
        problems.append({Field::Websites, QCoreApplication::translate("ProfileRules", "At most %1 websites.").arg(kWebsitesMax)});
    for (const QString &site : profile.websites) {
        const QUrl url(site, QUrl::StrictMode);
        if (site.size() > kWebsiteMax)
            problems.append({Field::Websites, QCoreApplication::translate("ProfileRules", "Website: %1 characters, at most %2.").arg(site.size()).arg(kWebsiteMax)});
        else if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) || url.host().isEmpty())
            problems.append({Field::Websites, QCoreApplication::translate("ProfileRules", "Website: \"%1\" must start with https:// (or http://).").arg(site)});
    }
    if (!profile.vertical.isEmpty() && !verticals().contains(profile.vertical))
        problems.append({Field::Vertical, QCoreApplication::translate("ProfileRules", "Category: \"%1\" is not one WhatsApp knows.").arg(profile.vertical)});
    return problems;
}

bool canSave(const QList<Problem> &problems)
{
    return std::none_of(problems.cbegin(), problems.cend(), [](const Problem &problem) { return problem.blocking; });
}

} // namespace Mostrador::ProfileRules
