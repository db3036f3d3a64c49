#include "fixtures.h"

#include "testenvironment.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>

namespace Mostrador::Testing {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QList<WebhookFixture> webhookFixtures()
{
    QList<WebhookFixture> fixtures;
    const QString shared = sharedDirectory();
    if (shared.isEmpty())
        return fixtures;
    const QString fixtureRoot = shared + QStringLiteral("/cloud-api/fixtures");

    QDirIterator meta(fixtureRoot + QStringLiteral("/meta-openapi-examples/extracted-examples/whatsapp_webhooks"),
                      {QStringLiteral("*.json")}, QDir::Files, QDirIterator::Subdirectories);
    while (meta.hasNext()) {
        const QString path = meta.next();
        fixtures << WebhookFixture{QDir(fixtureRoot).relativeFilePath(path),
                                   QJsonDocument::fromJson(readFile(path)).object()};
    }

    QDirIterator pywa(fixtureRoot + QStringLiteral("/pywa/tests/data/updates"), {QStringLiteral("*.json")}, QDir::Files);
    while (pywa.hasNext()) {
        const QString path = pywa.next();
        const QJsonObject named = QJsonDocument::fromJson(readFile(path)).object();
        for (auto it = named.begin(); it != named.end(); ++it)
            fixtures << WebhookFixture{QDir(fixtureRoot).relativeFilePath(path) + QLatin1Char('#') + it.key(),
                                       it.value().toObject()};
    }
    return fixtures;
}

QJsonObject metaExample(const QString &relativePath)
{
    const QString shared = sharedDirectory();
    if (shared.isEmpty())
        return {};
    return QJsonDocument::fromJson(readFile(
        shared + QStringLiteral("/cloud-api/fixtures/meta-openapi-examples/extracted-examples/") + relativePath)).object();
}

} // namespace Mostrador::Testing
