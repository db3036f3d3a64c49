#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace Mostrador {

// A minimal multipart/form-data reader for the sandbox's media upload endpoint.
struct FormPart {
    QString name;
    QString fileName;
    QByteArray contentType;
    QByteArray data;
};

// `contentTypeHeader` is the request's Content-Type ("multipart/form-data; boundary=...").
// Returns no parts when the body is not well-formed.
[[nodiscard]] QList<FormPart> parseMultipart(const QByteArray &contentTypeHeader, const QByteArray &body);

} // namespace Mostrador
