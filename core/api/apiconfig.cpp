#include "apiconfig.h"

#include <QRegularExpression>

namespace Mostrador {

QUrl ApiConfig::endpoint(const QString &pathAndQuery) const
{
    QUrl url = baseUrl;
    QString basePath = url.path();
    if (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    const qsizetype question = pathAndQuery.indexOf(QLatin1Char('?'));
    const QString path = question < 0 ? pathAndQuery : pathAndQuery.left(question);
    url.setPath(basePath + QLatin1Char('/') + apiVersion + QLatin1Char('/') + path);
    if (question >= 0)
        url.setQuery(pathAndQuery.mid(question + 1));
    return url;
}

void ApiConfig::setGraphUrl(const QString &text)
{
    QUrl url(text.trimmed());
    static const QRegularExpression version(QStringLiteral("/(v\\d+\\.\\d+)/?$"));
    const QRegularExpressionMatch match = version.match(url.path());
    if (match.hasMatch()) {
        apiVersion = match.captured(1);
        url.setPath(url.path().left(match.capturedStart()));
    }
    baseUrl = url;
}

ApiConfig ApiConfig::fromEnvironment()
{
    ApiConfig config;
    const QString graph = qEnvironmentVariable("MOSTRADOR_GRAPH_URL");
    if (!graph.isEmpty())
        config.setGraphUrl(graph);
    config.accessToken = qEnvironmentVariable("MOSTRADOR_ACCESS_TOKEN");
    config.phoneNumberId = qEnvironmentVariable("MOSTRADOR_PHONE_NUMBER_ID");
    config.wabaId = qEnvironmentVariable("MOSTRADOR_WABA_ID");
    config.appId = qEnvironmentVariable("MOSTRADOR_APP_ID");
    return config;
}

} // namespace Mostrador
