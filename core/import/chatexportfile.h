#pragma once

#include <QCoreApplication>
#include <QIODevice>
#include <QString>

#include <memory>

namespace Mostrador {

// One chat as the phone exported it: a .txt, or a .zip holding the .txt (_chat.txt on iPhones)
// and the media it names. The text is read as a stream, as often as asked, never whole.
class ChatExportFile final
{
    Q_DECLARE_TR_FUNCTIONS(ChatExportFile)

public:
    ~ChatExportFile();

    // Nothing, with a sentence in `error`, when it is neither a readable .txt nor a .zip with one.
    [[nodiscard]] static std::unique_ptr<ChatExportFile> open(const QString &path, QString *error);

    // The chat's text from its start (each call a new stream).
    [[nodiscard]] std::unique_ptr<QIODevice> text() const;
    // A file of the export by the name the text gives it; empty when the export does not have it.
    [[nodiscard]] QByteArray attachment(const QString &name) const;
    [[nodiscard]] bool hasMedia() const { return m_isZip; }

    // Who the chat was with, from the file's name ("Chat de WhatsApp con Lucía Gómez.txt",
    // "WhatsApp Chat - Lucía Gómez.zip"); empty when the name does not say.
    [[nodiscard]] QString chatName() const;
    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] qint64 size() const { return m_size; }

private:
    ChatExportFile() = default;

    QString m_path;
    bool m_isZip = false;
    QString m_textEntry;
    qint64 m_size = 0;
    struct Archive;
    std::unique_ptr<Archive> m_archive;
};

} // namespace Mostrador
