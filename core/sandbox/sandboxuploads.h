#pragma once

#include <QByteArray>
#include <QHash>
#include <QHttpServerResponse>
#include <QString>

#include <optional>

class QHttpServerRequest;

namespace Mostrador {

// The sandbox's side of Meta's Resumable Upload API: sessions opened on /{app-id}/uploads,
// bytes appended at the offset the client names, the offset reported on request, and a handle
// for each finished file. Can break each session's first transfer part-way, like a dropped
// connection, so the client's resuming is tested for real.
class SandboxUploads
{
public:
    struct File {
        QByteArray data;
        QString mimeType;
        QString name;
    };

    // > 0: the first transfer of each session keeps only this many bytes, then fails with a
    // transient server error.
    void setBreakFirstTransferAfter(qint64 bytes) { m_breakAfter = bytes; }

    QHttpServerResponse open(const QHttpServerRequest &request);
    QHttpServerResponse transfer(const QString &uploadId, const QHttpServerRequest &request);
    QHttpServerResponse offset(const QString &uploadId) const;

    // The file a finished upload's handle names.
    [[nodiscard]] std::optional<File> fileFor(const QString &handle) const;

private:
    struct Session {
        File file;
        qint64 length = 0;
        bool broken = false;
        QString handle;
    };

    QHash<QString, Session> m_sessions;
    qint64 m_breakAfter = 0;
    int m_counter = 0;
};

} // namespace Mostrador
