#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace Mostrador::Testing {

// Meta's OpenAPI spec from ../shared, read through python3-yaml into JSON, with a small
// JSON-Schema checker for request bodies: $ref, allOf (merged, as the spec intends),
// oneOf/anyOf (with discriminator), type, enum, required, properties, additionalProperties,
// items and string/array length limits.
class OpenApiSpec
{
public:
    // Loads the spec; isLoaded() is false with loadError() saying why (no shared/, no python3-yaml).
    OpenApiSpec();

    [[nodiscard]] bool isLoaded() const { return !m_root.isEmpty(); }
    [[nodiscard]] QString loadError() const { return m_loadError; }

    // The request-body schema of an operation, e.g. ("/{Version}/{Phone-Number-ID}/messages", "post").
    [[nodiscard]] QJsonObject requestSchema(const QString &path, const QString &method,
                                            const QString &contentType = QStringLiteral("application/json")) const;
    [[nodiscard]] QJsonObject requestExample(const QString &path, const QString &method, const QString &name) const;

    // Problems found, each with the JSON path; empty when the value conforms. Property names in
    // `allowedExtras` are accepted anywhere at the top level of the body.
    [[nodiscard]] QStringList validate(const QJsonValue &value, const QJsonObject &schema,
                                       const QStringList &allowedExtras = {}) const;

private:
    [[nodiscard]] QJsonObject resolve(const QJsonObject &schema) const;
    [[nodiscard]] QJsonObject merged(const QJsonObject &schema) const;
    void check(const QJsonValue &value, const QJsonObject &schema, const QString &path, QStringList &problems,
               const QStringList &allowedExtras) const;

    QJsonObject m_root;
    QString m_loadError;
};

} // namespace Mostrador::Testing
