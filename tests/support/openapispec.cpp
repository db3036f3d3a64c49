#include "openapispec.h"

#include "testenvironment.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>

namespace Mostrador::Testing {

namespace {

const char kToJson[] = "import sys, json, yaml\n"
                       "loader = getattr(yaml, 'CSafeLoader', yaml.SafeLoader)\n"
                       "json.dump(yaml.load(open(sys.argv[1], encoding='utf-8'), Loader=loader), sys.stdout, default=str)\n";

QString typeOf(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Object: return QStringLiteral("object");
    case QJsonValue::Array: return QStringLiteral("array");
    case QJsonValue::String: return QStringLiteral("string");
    case QJsonValue::Bool: return QStringLiteral("boolean");
    case QJsonValue::Double: return QStringLiteral("number");
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Undefined: break;
    }
    return QStringLiteral("undefined");
}

} // namespace

OpenApiSpec::OpenApiSpec()
{
    const QString shared = sharedDirectory();
    if (shared.isEmpty()) {
        m_loadError = QStringLiteral("../shared/cloud-api/openapi is not beside the checkout");
        return;
    }
    QProcess python;
    python.start(QStringLiteral("python3"), {QStringLiteral("-c"), QLatin1String(kToJson),
                                             shared + QStringLiteral("/cloud-api/openapi/business-messaging-api_v23.0.yaml")});
    if (!python.waitForFinished(60000) || python.exitCode() != 0) {
        m_loadError = QStringLiteral("cannot read the spec with python3-yaml: ") + QString::fromUtf8(python.readAllStandardError()).left(300);
        return;
    }
    m_root = QJsonDocument::fromJson(python.readAllStandardOutput()).object();
    if (m_root.isEmpty())
        m_loadError = QStringLiteral("the spec did not convert to JSON");
}

QJsonObject OpenApiSpec::requestSchema(const QString &path, const QString &method, const QString &contentType) const
{
    return m_root.value(QLatin1String("paths")).toObject().value(path).toObject().value(method).toObject()
        .value(QLatin1String("requestBody")).toObject().value(QLatin1String("content")).toObject()
        .value(contentType).toObject().value(QLatin1String("schema")).toObject();
}

QJsonObject OpenApiSpec::requestExample(const QString &path, const QString &method, const QString &name) const
{
    return m_root.value(QLatin1String("paths")).toObject().value(path).toObject().value(method).toObject()
        .value(QLatin1String("requestBody")).toObject().value(QLatin1String("content")).toObject()
        .value(QLatin1String("application/json")).toObject().value(QLatin1String("examples")).toObject()
        .value(name).toObject().value(QLatin1String("value")).toObject();
}

QJsonObject OpenApiSpec::resolve(const QJsonObject &schema) const
{
    QJsonObject current = schema;
    for (int depth = 0; depth < 32 && current.contains(QLatin1String("$ref")); ++depth) {
        const QStringList parts = current.value(QLatin1String("$ref")).toString().mid(2).split(QLatin1Char('/'));
        QJsonValue node = m_root;
        for (const QString &part : parts)
            node = node.toObject().value(part);
        current = node.toObject();
    }
    return current;
}

// allOf branches are merged into one object schema: the spec puts additionalProperties:false
// on a branch while the shared properties sit in another, which only makes sense merged.
QJsonObject OpenApiSpec::merged(const QJsonObject &schemaIn) const
{
    QJsonObject schema = resolve(schemaIn);
    if (!schema.contains(QLatin1String("allOf")))
        return schema;
    QJsonObject result = schema;
    result.remove(QLatin1String("allOf"));
    QJsonObject properties = result.value(QLatin1String("properties")).toObject();
    QJsonArray required = result.value(QLatin1String("required")).toArray();
    for (const QJsonValue &branchValue : schema.value(QLatin1String("allOf")).toArray()) {
        const QJsonObject branch = merged(branchValue.toObject());
        const QJsonObject branchProperties = branch.value(QLatin1String("properties")).toObject();
        for (auto it = branchProperties.begin(); it != branchProperties.end(); ++it)
            properties.insert(it.key(), it.value());
        for (const QJsonValue &name : branch.value(QLatin1String("required")).toArray())
            required.append(name);
        if (branch.value(QLatin1String("additionalProperties")) == QJsonValue(false))
            result.insert(QStringLiteral("additionalProperties"), false);
        for (const char *key : {"type", "oneOf", "anyOf", "discriminator"}) {
            if (branch.contains(QLatin1String(key)) && !result.contains(QLatin1String(key)))
                result.insert(QLatin1String(key), branch.value(QLatin1String(key)));
        }
    }
    result.insert(QStringLiteral("properties"), properties);
    result.insert(QStringLiteral("required"), required);
    return result;
}

QStringList OpenApiSpec::validate(const QJsonValue &value, const QJsonObject &schema, const QStringList &allowedExtras) const
{
    QStringList problems;
    check(value, schema, QStringLiteral("$"), problems, allowedExtras);
    return problems;
}

void OpenApiSpec::check(const QJsonValue &value, const QJsonObject &schemaIn, const QString &path, QStringList &problems,
                        const QStringList &allowedExtras) const
{
    const QJsonObject schema = merged(schemaIn);

    // oneOf / anyOf: the discriminator picks the branch when there is one, else any branch may fit.
    for (const char *key : {"oneOf", "anyOf"}) {
        if (!schema.contains(QLatin1String(key)))
            continue;
        const QJsonObject discriminator = schema.value(QLatin1String("discriminator")).toObject();
        if (!discriminator.isEmpty()) {
            const QString chosen = value.toObject().value(discriminator.value(QLatin1String("propertyName")).toString()).toString();
            const QString ref = discriminator.value(QLatin1String("mapping")).toObject().value(chosen).toString();
            if (ref.isEmpty()) {
                problems << path + QStringLiteral(": no schema for %1 \"%2\"").arg(discriminator.value(QLatin1String("propertyName")).toString(), chosen);
                return;
            }
            check(value, QJsonObject{{QStringLiteral("$ref"), ref}}, path, problems, allowedExtras);
        } else {
            QStringList best;
            bool matched = false;
            for (const QJsonValue &branch : schema.value(QLatin1String(key)).toArray()) {
                QJsonObject combined = merged(branch.toObject());
                // Sibling properties (as in MediaObject's oneOf of "required" lists) apply to every branch.
                if (schema.contains(QLatin1String("properties")) && !combined.contains(QLatin1String("properties")))
                    combined.insert(QStringLiteral("properties"), schema.value(QLatin1String("properties")));
                QStringList branchProblems;
                check(value, combined, path, branchProblems, allowedExtras);
                if (branchProblems.isEmpty()) {
                    matched = true;
                    break;
                }
                if (best.isEmpty() || branchProblems.size() < best.size())
                    best = branchProblems;
            }
            if (!matched)
                problems << best;
        }
        if (!schema.contains(QLatin1String("properties")) && !schema.contains(QLatin1String("type")))
            return;
    }

    const QString type = schema.value(QLatin1String("type")).toString();
    const QString actual = typeOf(value);
    if (!type.isEmpty()) {
        const bool numeric = (type == QLatin1String("integer") || type == QLatin1String("number")) && actual == QLatin1String("number");
        if (!numeric && type != actual) {
            problems << path + QStringLiteral(": expected %1, got %2").arg(type, actual);
            return;
        }
    }
    if (schema.contains(QLatin1String("enum")) && !schema.value(QLatin1String("enum")).toArray().contains(value))
        problems << path + QStringLiteral(": value not in the allowed list");

    if (value.isString()) {
        const qsizetype length = value.toString().size();
        if (schema.contains(QLatin1String("maxLength")) && length > schema.value(QLatin1String("maxLength")).toInt())
            problems << path + QStringLiteral(": longer than %1").arg(schema.value(QLatin1String("maxLength")).toInt());
        if (schema.contains(QLatin1String("minLength")) && length < schema.value(QLatin1String("minLength")).toInt())
            problems << path + QStringLiteral(": shorter than %1").arg(schema.value(QLatin1String("minLength")).toInt());
    }
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        if (schema.contains(QLatin1String("maxItems")) && array.size() > schema.value(QLatin1String("maxItems")).toInt())
            problems << path + QStringLiteral(": more than %1 items").arg(schema.value(QLatin1String("maxItems")).toInt());
        if (schema.contains(QLatin1String("minItems")) && array.size() < schema.value(QLatin1String("minItems")).toInt())
            problems << path + QStringLiteral(": fewer than %1 items").arg(schema.value(QLatin1String("minItems")).toInt());
        const QJsonObject items = schema.value(QLatin1String("items")).toObject();
        for (qsizetype i = 0; i < array.size(); ++i)
            check(array.at(i), items, path + QStringLiteral("[%1]").arg(i), problems, {});
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
        for (const QJsonValue &name : schema.value(QLatin1String("required")).toArray()) {
            if (!object.contains(name.toString()))
                problems << path + QStringLiteral(": missing required \"%1\"").arg(name.toString());
        }
        const QJsonValue additional = schema.value(QLatin1String("additionalProperties"));
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString childPath = path + QLatin1Char('.') + it.key();
            if (properties.contains(it.key()))
                check(it.value(), properties.value(it.key()).toObject(), childPath, problems, {});
            else if (allowedExtras.contains(it.key()))
                continue;
            else if (additional == QJsonValue(false))
                problems << childPath + QStringLiteral(": not allowed by the spec");
            else if (additional.isObject())
                check(it.value(), additional.toObject(), childPath, problems, {});
        }
    }
}

} // namespace Mostrador::Testing
