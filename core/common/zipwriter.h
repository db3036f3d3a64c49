#pragma once

#include <QByteArray>
#include <QString>

#include <memory>

struct zip_source; // libzip's

namespace Mostrador {

// Writes a .zip with libzip: files from disk and bytes from memory, stored under the names given.
// Nothing appears at `path` until commit() succeeds (written beside it, then renamed), and the
// file is the owner's alone (it holds a customer's data).
class ZipWriter final
{
public:
    explicit ZipWriter(QString path);
    ~ZipWriter();
    ZipWriter(const ZipWriter &) = delete;
    ZipWriter &operator=(const ZipWriter &) = delete;

    [[nodiscard]] bool open();
    [[nodiscard]] bool addBytes(const QString &name, const QByteArray &bytes);
    [[nodiscard]] bool addFile(const QString &name, const QString &file);
    [[nodiscard]] bool commit();

    // What went wrong, for the log and the user (libzip's words).
    [[nodiscard]] QString errorString() const { return m_error; }

private:
    struct Archive;
    bool add(const QString &name, zip_source *source);

    QString m_path;
    QString m_partial;
    std::unique_ptr<Archive> m_archive;
    QString m_error;
};

} // namespace Mostrador
