#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Mostrador::Testing {

// One webhook payload taken from ../shared/cloud-api/fixtures.
struct WebhookFixture {
    QString name;   // file (and key, for files that hold several)
    QJsonObject payload;
};

// Every webhook payload in the shared fixtures: Meta's spec examples (one per file) and pywa's
// update files (several per file, by name). Empty when shared/ is absent.
[[nodiscard]] QList<WebhookFixture> webhookFixtures();

// A file under ../shared/cloud-api/fixtures/meta-openapi-examples/extracted-examples.
[[nodiscard]] QJsonObject metaExample(const QString &relativePath);

// Reads a whole file; empty on failure.
[[nodiscard]] QByteArray readFile(const QString &path);
// Writes `bytes` as the whole file (a chat export, a contact file…); false on failure.
[[nodiscard]] bool writeFile(const QString &path, const QByteArray &bytes);

} // namespace Mostrador::Testing
