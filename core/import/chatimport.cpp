#include "chatimport.h"

#include "chatexportfile.h"
#include "chatexportreader.h"
#include "common/contentfiles.h"
#include "identity/phonenumbers.h"
#include "store/importstore.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QHash>
#include <QLoggingCategory>
#include <QMimeDatabase>
#include <QRegularExpression>

Q_LOGGING_CATEGORY(lcImport, "mostrador.import")

namespace Mostrador {

namespace {

QString sameName(const QString &name)
{
    return name.simplified().toCaseFolded();
}

// "+57 300 1112233" as an author: the phone had no name for that number.
bool looksLikeANumber(const QString &author)
{
    static const QRegularExpression number(QStringLiteral("^\\+[\\d\\s().-]{7,}$"));
    return number.match(author).hasMatch();
}

} // namespace

ChatImport::ChatImport(Database &database, Settings settings)
    : m_database(database)
    , m_settings(std::move(settings))
{
}

bool ChatImport::check(const QStringList &files, QString *error) const
{
    for (const QString &path : files) {
        QString problem;
        const auto file = ChatExportFile::open(path, &problem);
        if (file) {
            ChatExportReader reader(m_settings.zone, m_settings.locale);
            const auto text = file->text();
            if (reader.scan(*text, &problem))
                continue;
        }
        *error = QStringLiteral("%1: %2").arg(QFileInfo(path).fileName(), problem);
        return false;
    }
    return true;
}

QStringList ChatImport::authorsOf(const QString &path, const QLocale &locale, QString *error)
{
    const auto file = ChatExportFile::open(path, error);
    if (!file)
        return {};
    ChatExportReader reader(QTimeZone::systemTimeZone(), locale);
    const auto text = file->text();
    if (!reader.scan(*text, error))
        return {};
    return reader.authors();
}

bool ChatImport::run(const QStringList &files, Summary *summary, QString *error, const Progress &progress)
{
    *summary = {};
    if (m_settings.me.trimmed().isEmpty()) {
        *error = tr("Say which name in the chats is the shop's.");
        return false;
    }
    std::optional<PhoneNumbers::Reading> given;
    if (!m_settings.phone.trimmed().isEmpty()) {
        if (files.size() > 1) {
            *error = tr("A number goes with one chat only; import the others without it.");
            return false;
        }
        given = PhoneNumbers::read(m_settings.phone, m_settings.defaultRegion, error);
        if (!given)
            return false;
    }

    // First pass over every file: is it a chat, how many messages, who wrote.
    struct Chat {
        std::unique_ptr<ChatExportFile> file;
        std::unique_ptr<ChatExportReader> reader;
    };
    std::vector<Chat> chats;
    qint64 total = 0;
    for (const QString &path : files) {
        Chat chat;
        chat.file = ChatExportFile::open(path, error);
        if (!chat.file) {
            *error = QStringLiteral("%1: %2").arg(QFileInfo(path).fileName(), *error);
            return false;
        }
        chat.reader = std::make_unique<ChatExportReader>(m_settings.zone, m_settings.locale);
        const auto text = chat.file->text();
        QString problem;
        if (!chat.reader->scan(*text, &problem)) {
            *error = QStringLiteral("%1: %2").arg(QFileInfo(path).fileName(), problem);
            return false;
        }
        total += chat.reader->messageCount();
        chats.push_back(std::move(chat));
    }

    ImportStore store(m_database);
    store.setBusinessNumber(m_settings.businessNumberId);
    if (StoreError failed = store.begin(); failed.isError()) {
        *error = failed.userMessage;
        return false;
    }
    const auto fail = [&](const QString &reason, const QString &detail = {}) {
        if (!detail.isEmpty())
            qCWarning(lcImport).noquote() << "import rolled back:" << detail;
        store.rollback();
        *error = reason;
        *summary = {};
        return false;
    };
    const QString me = sameName(m_settings.me);
    qint64 done = 0;
    for (Chat &chat : chats) {
        QStringList others;
        for (const QString &author : chat.reader->authors()) {
            if (sameName(author) != me)
                others << author;
        }
        // Who the chat is with: the number given, the number the phone shows as the author, a
        // known customer of that name, or a new one — a group by the chat's name.
        StoreError failed;
        std::optional<qint64> customer;
        const QString name = others.size() == 1 ? others.first() : chat.file->chatName();
        if (given) {
            customer = store.customerWithNumber(given->waId, others.size() == 1 && !looksLikeANumber(name) ? name : QString(), &failed);
        } else if (others.size() == 1 && looksLikeANumber(others.first())) {
            QString problem;
            const auto reading = PhoneNumbers::read(others.first(), m_settings.defaultRegion, &problem);
            customer = reading ? store.customerWithNumber(reading->waId, QString(), &failed)
                               : store.customerNamed(others.first(), &failed);
        } else {
            const QString chatName = name.isEmpty() ? QFileInfo(chat.file->path()).completeBaseName() : name;
            customer = store.customerNamed(chatName, &failed);
        }
        const auto conversation = customer ? store.conversationOf(*customer, &failed) : std::nullopt;
        if (!conversation)
            return fail(failed.userMessage, failed.detail);

        // The same message of the same chat always gets the same key, so importing again adds
        // nothing; repeats within one minute ("ok", "ok") are told apart by their order.
        QHash<QByteArray, int> repeatsThisMinute;
        qint64 minute = -1;
        bool stopped = false;
        const QString fileName = QFileInfo(chat.file->path()).fileName();
        const auto text = chat.file->text();
        chat.reader->read(*text, [&](const ExportedMessage &exported) {
            ImportedMessage message;
            const bool fromShop = !exported.author.isEmpty() && sameName(exported.author) == me;
            message.direction = fromShop ? Direction::Outbound : Direction::Inbound;
            message.kind = exported.kind;
            message.text = exported.text;
            message.author = exported.author;
            message.sentAt = exported.time;
            message.deleted = exported.deleted;
            message.edited = exported.edited;
            message.mediaFilename = exported.attachment;
            if (exported.media == ExportedMessage::Media::Attached) {
                const QByteArray data = chat.file->attachment(exported.attachment);
                if (!data.isEmpty()) {
                    message.mediaMime = QMimeDatabase().mimeTypeForFileNameAndData(exported.attachment, data).name();
                    const ContentFiles::Kept kept = ContentFiles::keep(m_settings.mediaFolder, data, message.mediaMime);
                    message.mediaPath = kept.path;
                    message.mediaSha256 = kept.sha256;
                }
            }
            const qint64 thisMinute = exported.time.toSecsSinceEpoch() / 60;
            if (thisMinute != minute) {
                minute = thisMinute;
                repeatsThisMinute.clear();
            }
            const QByteArray base = QCryptographicHash::hash(
                QStringLiteral("%1|%2|%3|%4|%5|%6")
                    .arg(*conversation)
                    .arg(exported.time.toSecsSinceEpoch())
                    .arg(exported.author, messageKindName(exported.kind), exported.text, exported.attachment)
                    .toUtf8(),
                QCryptographicHash::Sha1);
            const int repeat = repeatsThisMinute[base]++;
            message.importKey = QString::fromLatin1(base.toHex()) + QLatin1Char('.') + QString::number(repeat);

            const auto added = store.add(*conversation, message, &failed);
            if (!added)
                return false;
            ++(*added ? summary->messages : summary->alreadyThere);
            if (*added && exported.media != ExportedMessage::Media::None)
                ++(message.mediaPath.isEmpty() ? summary->omitted : summary->media);
            ++done;
            if (progress && done % 500 == 0 && !progress(done, total)) {
                stopped = true;
                return false;
            }
            return true;
        });
        if (failed.isError())
            return fail(failed.userMessage, failed.detail);
        if (stopped)
            return fail(tr("Import cancelled: nothing was added."));
        if (StoreError finished = store.finishConversation(*conversation); finished.isError())
            return fail(finished.userMessage, finished.detail);
        for (const QString &problem : chat.reader->problems())
            summary->unreadLines << QStringLiteral("%1: %2").arg(fileName, problem);
        ++summary->chats;
    }
    if (progress && !progress(total, total))
        return fail(tr("Import cancelled: nothing was added."));
    if (StoreError committed = store.commit(); committed.isError()) {
        *summary = {};
        *error = committed.userMessage;
        return false;
    }
    return true;
}

} // namespace Mostrador
