#include "multipart.h"

#include <QRegularExpression>

namespace Mostrador {

namespace {

QString dispositionValue(const QByteArray &headers, const char *key)
{
    const QRegularExpression pattern(QStringLiteral("%1=\"([^\"]*)\"").arg(QLatin1String(key)),
                                     QRegularExpression::CaseInsensitiveOption);
    return pattern.match(QString::fromUtf8(headers)).captured(1);
}

} // namespace

QList<FormPart> parseMultipart(const QByteArray &contentTypeHeader, const QByteArray &body)
{
    const qsizetype at = contentTypeHeader.indexOf("boundary=");
    if (at < 0)
        return {};
    QByteArray boundary = contentTypeHeader.mid(at + 9).trimmed();
    if (boundary.startsWith('"'))
        boundary = boundary.mid(1, boundary.size() - 2);
    const QByteArray delimiter = "--" + boundary;

    QList<FormPart> parts;
    qsizetype position = body.indexOf(delimiter);
    while (position >= 0) {
        position += delimiter.size();
        if (body.mid(position, 2) == "--")
            break; // closing delimiter
        if (body.mid(position, 2) == "\r\n")
            position += 2;
        const qsizetype headerEnd = body.indexOf("\r\n\r\n", position);
        const qsizetype next = body.indexOf(QByteArray("\r\n" + delimiter), position);
        if (headerEnd < 0 || next < 0 || headerEnd > next)
            return {};
        const QByteArray headers = body.mid(position, headerEnd - position);
        FormPart part;
        part.name = dispositionValue(headers, "name");
        part.fileName = dispositionValue(headers, "filename");
        for (const QByteArray &line : headers.split('\n')) {
            if (line.trimmed().toLower().startsWith("content-type:"))
                part.contentType = line.mid(line.indexOf(':') + 1).trimmed();
        }
        part.data = body.mid(headerEnd + 4, next - headerEnd - 4);
        parts << part;
        position = next + 2;
    }
    return parts;
}

} // namespace Mostrador
