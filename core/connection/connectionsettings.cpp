#include "connectionsettings.h"

#include <QRandomGenerator>
#include <QSettings>

namespace Mostrador {

namespace {

const QString kGroup = QStringLiteral("connection");

} // namespace

ApiConfig ConnectionSettings::apiConfig(const QString &accessToken) const
{
    ApiConfig config;
    if (!graphUrl.isEmpty())
        config.setGraphUrl(graphUrl);
    config.accessToken = accessToken;
    config.phoneNumberId = phoneNumberId;
    config.wabaId = wabaId;
    config.appId = appId;
    return config;
}

ConnectionSettings ConnectionSettings::load()
{
    QSettings settings;
    settings.beginGroup(kGroup);
    ConnectionSettings result;
    result.phoneNumberId = settings.value(QStringLiteral("phoneNumberId")).toString();
    result.wabaId = settings.value(QStringLiteral("wabaId")).toString();
    result.appId = settings.value(QStringLiteral("appId")).toString();
    result.graphUrl = settings.value(QStringLiteral("graphUrl")).toString();
    result.receiveHere = settings.value(QStringLiteral("receiveHere"), true).toBool();
    result.receiverPort = quint16(settings.value(QStringLiteral("receiverPort"), 8080).toUInt());
    result.secretsIn = settings.value(QStringLiteral("secretsIn")).toString() == QLatin1String("file") ? SecretsIn::File
                                                                                                     : SecretsIn::Keychain;
    return result;
}

void ConnectionSettings::save() const
{
    QSettings settings;
    settings.beginGroup(kGroup);
    settings.setValue(QStringLiteral("phoneNumberId"), phoneNumberId);
    settings.setValue(QStringLiteral("wabaId"), wabaId);
    settings.setValue(QStringLiteral("appId"), appId);
    settings.setValue(QStringLiteral("graphUrl"), graphUrl);
    settings.setValue(QStringLiteral("receiveHere"), receiveHere);
    settings.setValue(QStringLiteral("receiverPort"), receiverPort);
    settings.setValue(QStringLiteral("secretsIn"), secretsIn == SecretsIn::File ? QStringLiteral("file") : QStringLiteral("keychain"));
}

QString ConnectionSecrets::proposeVerifyToken()
{
    static const char kAlphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    QString token = QStringLiteral("mostrador-");
    for (int i = 0; i < 20; ++i)
        token += QLatin1Char(kAlphabet[QRandomGenerator::system()->bounded(int(sizeof(kAlphabet) - 1))]);
    return token;
}

} // namespace Mostrador
