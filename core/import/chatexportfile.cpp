#include "chatexportfile.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <zip.h>

namespace Mostrador {

struct ChatExportFile::Archive {
    zip_t *zip = nullptr;
    ~Archive()
    {
        if (zip)
            zip_discard(zip);
    }
};

namespace {

// One entry of a .zip as a stream.
class ZipEntryDevice final : public QIODevice
{
public:
    explicit ZipEntryDevice(zip_file_t *file)
        : m_file(file)
    {
        QIODevice::open(QIODevice::ReadOnly);
    }
    ~ZipEntryDevice() override
    {
        if (m_file)
            zip_fclose(m_file);
    }
    [[nodiscard]] bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const zip_int64_t read = zip_fread(m_file, data, zip_uint64_t(maxSize));
        return read < 0 ? -1 : qint64(read);
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    zip_file_t *m_file = nullptr;
};

bool startsLikeAZip(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && file.read(4) == QByteArray("PK\x03\x04", 4);
}

} // namespace

ChatExportFile::~ChatExportFile() = default;

std::unique_ptr<ChatExportFile> ChatExportFile::open(const QString &path, QString *error)
{
    const QFileInfo info(path);
    if (!info.exists() || !info.isReadable() || info.isDir()) {
        *error = tr("%1 cannot be read.").arg(info.fileName());
        return nullptr;
    }
    std::unique_ptr<ChatExportFile> file(new ChatExportFile);
    file->m_path = path;
    file->m_size = info.size();
    if (!startsLikeAZip(path))
        return file;

    file->m_isZip = true;
    file->m_archive = std::make_unique<Archive>();
    int code = 0;
    file->m_archive->zip = zip_open(QFile::encodeName(path).constData(), ZIP_RDONLY, &code);
    if (!file->m_archive->zip) {
        *error = tr("%1 is not a .zip that can be opened.").arg(info.fileName());
        return nullptr;
    }
    const zip_int64_t entries = zip_get_num_entries(file->m_archive->zip, 0);
    for (zip_int64_t i = 0; i < entries; ++i) {
        const QString name = QString::fromUtf8(zip_get_name(file->m_archive->zip, zip_uint64_t(i), 0));
        if (!name.endsWith(QLatin1String(".txt"), Qt::CaseInsensitive))
            continue;
        // The iPhone's _chat.txt wins over any other text file the chat had as an attachment.
        if (file->m_textEntry.isEmpty() || name.endsWith(QLatin1String("_chat.txt")))
            file->m_textEntry = name;
        zip_stat_t stat;
        if (zip_stat_index(file->m_archive->zip, zip_uint64_t(i), 0, &stat) == 0 && name == file->m_textEntry)
            file->m_size = qint64(stat.size);
    }
    if (file->m_textEntry.isEmpty()) {
        *error = tr("%1 holds no chat: an exported chat's .zip has a .txt inside.").arg(info.fileName());
        return nullptr;
    }
    return file;
}

std::unique_ptr<QIODevice> ChatExportFile::text() const
{
    if (!m_isZip) {
        auto file = std::make_unique<QFile>(m_path);
        file->open(QIODevice::ReadOnly);
        return file;
    }
    zip_file_t *entry = zip_fopen(m_archive->zip, m_textEntry.toUtf8().constData(), 0);
    if (!entry)
        return std::make_unique<QFile>();
    return std::make_unique<ZipEntryDevice>(entry);
}

QByteArray ChatExportFile::attachment(const QString &name) const
{
    if (!m_isZip || name.isEmpty())
        return {};
    const zip_int64_t index = zip_name_locate(m_archive->zip, name.toUtf8().constData(), ZIP_FL_NODIR);
    if (index < 0)
        return {};
    zip_stat_t stat;
    if (zip_stat_index(m_archive->zip, zip_uint64_t(index), 0, &stat) != 0)
        return {};
    zip_file_t *entry = zip_fopen_index(m_archive->zip, zip_uint64_t(index), 0);
    if (!entry)
        return {};
    QByteArray data(qsizetype(stat.size), Qt::Uninitialized);
    const zip_int64_t read = zip_fread(entry, data.data(), stat.size);
    zip_fclose(entry);
    return read == zip_int64_t(stat.size) ? data : QByteArray();
}

QString ChatExportFile::chatName() const
{
    static const QRegularExpression prefix(
        QStringLiteral("^(?:Chat de WhatsApp con|WhatsApp Chat with|WhatsApp Chat -|Conversa do WhatsApp com|Conversa de WhatsApp com|"
                       "Discussion WhatsApp avec|WhatsApp-Chat mit|Chat WhatsApp con|Чат WhatsApp с|WhatsApp-chat met)\\s*(.+)$"),
        QRegularExpression::CaseInsensitiveOption);
    const QString base = QFileInfo(m_path).completeBaseName().trimmed();
    const QRegularExpressionMatch match = prefix.match(base);
    return match.hasMatch() ? match.captured(1).trimmed() : QString();
}

} // namespace Mostrador
