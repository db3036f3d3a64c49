#include "serverenvironment.h"

#include <QCoreApplication>
#include <QFile>

namespace Mostrador {

namespace {

// NAME, or the first line of the file NAME_FILE points at.
QString variable(const char *name, QStringList *problems)
{
    const QString fileVariable = QLatin1String(name) + QStringLiteral("_FILE");
    const QString path = qEnvironmentVariable(fileVariable.toLatin1().constData());
    if (!path.isEmpty()) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            *problems << QCoreApplication::translate("ServerEnvironment", "%1 names %2, which cannot be read: %3")
                             .arg(fileVariable, path, file.errorString());
            return {};
        }
        return QString::fromUtf8(file.readLine()).trimmed();
    }
    return qEnvironmentVariable(name).trimmed();
}

void readAutoReplies(ServerEnvironment &environment, QStringList *problems)
{
    AutoResponder::Settings &replies = environment.autoReplies;
    replies.shopName = variable("MOSTRADOR_SHOP_NAME", problems);
    replies.awayText = variable("MOSTRADOR_AWAY_MESSAGE", problems);
    replies.awayEnabled = !replies.awayText.isEmpty();
    replies.greetingText = variable("MOSTRADOR_GREETING_MESSAGE", problems);
    replies.greetingEnabled = !replies.greetingText.isEmpty();
    const QString zoneName = variable("MOSTRADOR_TIMEZONE", problems);
    const QTimeZone zone = zoneName.isEmpty() ? QTimeZone::systemTimeZone() : QTimeZone(zoneName.toUtf8());
    const QString week = variable("MOSTRADOR_OPENING_HOURS", problems);
    if (week.isEmpty()) {
        if (replies.awayEnabled)
            *problems << QCoreApplication::translate("ServerEnvironment",
                                                     "MOSTRADOR_AWAY_MESSAGE needs MOSTRADOR_OPENING_HOURS (for example "
                                                     "\"mon-fri 09:00-18:00; sat 10:00-14:00\") to know when the shop is closed.");
        return;
    }
    QString error;
    if (const auto hours = OpeningHours::parse(week, zone, &error))
        environment.openingHours = *hours;
    else
        *problems << QCoreApplication::translate("ServerEnvironment", "MOSTRADOR_OPENING_HOURS or MOSTRADOR_TIMEZONE: %1").arg(error);
}

} // namespace

ServerEnvironment ServerEnvironment::read(QStringList *problems)
{
    ServerEnvironment environment;
    environment.appSecret = variable("MOSTRADOR_APP_SECRET", problems).toUtf8();
    environment.verifyToken = variable("MOSTRADOR_VERIFY_TOKEN", problems);
    environment.api.accessToken = variable("MOSTRADOR_ACCESS_TOKEN", problems);
    environment.api.phoneNumberId = variable("MOSTRADOR_PHONE_NUMBER_ID", problems);
    environment.api.wabaId = variable("MOSTRADOR_WABA_ID", problems);
    const QString graph = variable("MOSTRADOR_GRAPH_URL", problems);
    if (!graph.isEmpty()) {
        environment.api.setGraphUrl(graph);
        if (!environment.api.baseUrl.isValid() || environment.api.baseUrl.scheme().isEmpty())
            *problems << QCoreApplication::translate("ServerEnvironment",
                                                     "MOSTRADOR_GRAPH_URL is not a URL such as https://graph.facebook.com/v25.0");
    }
    readAutoReplies(environment, problems);
    return environment;
}

QStringList ServerEnvironment::missing(const QStringList &required) const
{
    QStringList problems;
    for (const QString &name : required) {
        bool empty = false;
        if (name == QLatin1String("MOSTRADOR_APP_SECRET"))
            empty = appSecret.isEmpty();
        else if (name == QLatin1String("MOSTRADOR_VERIFY_TOKEN"))
            empty = verifyToken.isEmpty();
        else if (name == QLatin1String("MOSTRADOR_ACCESS_TOKEN"))
            empty = api.accessToken.isEmpty();
        else if (name == QLatin1String("MOSTRADOR_PHONE_NUMBER_ID"))
            empty = api.phoneNumberId.isEmpty();
        else if (name == QLatin1String("MOSTRADOR_WABA_ID"))
            empty = api.wabaId.isEmpty();
        if (empty)
            problems << QCoreApplication::translate("ServerEnvironment", "%1 is not set (nor %1_FILE).").arg(name);
    }
    return problems;
}

} // namespace Mostrador
