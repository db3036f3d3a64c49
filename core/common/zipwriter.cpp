#include "zipwriter.h"

#include "privatefiles.h"

#include <QFile>
#include <QList>

#include <zip.h>

namespace Mostrador {

struct ZipWriter::Archive {
    zip_t *zip = nullptr;
    QList<QByteArray> buffers; // libzip reads them at zip_close: they live until then
};

ZipWriter::ZipWriter(QString path)
    : m_path(std::move(path))
    , m_partial(m_path + QStringLiteral(".part"))
    , m_archive(std::make_unique<Archive>())
{
}

ZipWriter::~ZipWriter()
{
    if (m_archive->zip) {
        zip_discard(m_archive->zip);
        QFile::remove(m_partial);
    }
}

bool ZipWriter::open()
{
    QFile::remove(m_partial);
    int code = 0;
    m_archive->zip = zip_open(QFile::encodeName(m_partial).constData(), ZIP_CREATE | ZIP_TRUNCATE, &code);
    if (!m_archive->zip) {
        zip_error_t error;
        zip_error_init_with_code(&error, code);
        m_error = QString::fromUtf8(zip_error_strerror(&error));
        zip_error_fini(&error);
        return false;
    }
    return true;
}

bool ZipWriter::addBytes(const QString &name, const QByteArray &bytes)
{
    m_archive->buffers.append(bytes);
    const QByteArray &kept = m_archive->buffers.constLast();
    return add(name, zip_source_buffer(m_archive->zip, kept.constData(), zip_uint64_t(kept.size()), 0));
}

bool ZipWriter::addFile(const QString &name, const QString &file)
{
    return add(name, zip_source_file(m_archive->zip, QFile::encodeName(file).constData(), 0, -1)); // -1: to the end
}

bool ZipWriter::add(const QString &name, zip_source *source)
{
    if (!source || zip_file_add(m_archive->zip, name.toUtf8().constData(), source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) < 0) {
        if (source)
            zip_source_free(source);
        m_error = QString::fromUtf8(zip_strerror(m_archive->zip));
        return false;
    }
    return true;
}

bool ZipWriter::commit()
{
    if (zip_close(m_archive->zip) < 0) {
        m_error = QString::fromUtf8(zip_strerror(m_archive->zip));
        return false;
    }
    m_archive->zip = nullptr;
    m_archive->buffers.clear();
    PrivateFiles::secureFile(m_partial);
    QFile::remove(m_path);
    if (!QFile::rename(m_partial, m_path)) {
        m_error = QStringLiteral("cannot move %1 into place").arg(m_partial);
        QFile::remove(m_partial);
        return false;
    }
    return true;
}

} // namespace Mostrador
