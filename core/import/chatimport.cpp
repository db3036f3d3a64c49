#include "chatimport.h"

#include "common/applicationidentity.h"
#include "db/database.h"
#include "chatexportfile.h"
#include "chatexportreader.h"
#include "common/contentfiles.h"
#include "identity/phonenumbers.h"
#include "import/importstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QLoggingCategory>
#include <QMimeDatabase>
#include <QRegularExpression>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

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

QStringList ChatImport::withFoldersOpened(const QStringList &paths)
{
    QStringList files;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.isDir()) {
            files << path;
            continue;
        }
        const QDir folder(path);
        for (const QString &name : folder.entryList({QStringLiteral("*.txt"), QStringLiteral("*.zip")}, QDir::Files, QDir::Name))
            files << folder.filePath(name);
    }
    return files;
}

bool ChatImport::check(const QStringList &files, QString *error, bool *meMissing) const
{
    for (const QString &path : files) {
        QString problem;
        const auto file = ChatExportFile::open(path, &problem);
        if (file) {
            ChatExportReader reader(m_settings.zone, m_settings.locale);
            const auto text = file->text();
            if (reader.scan(*text, &problem)) {
                if (m_settings.meMayBeAbsent || m_settings.me.isEmpty() || isAuthor(m_settings.me, reader.authors()))
                    continue;
                if (meMissing)
                    *meMissing = true;
                problem = tr("“%1” wrote nothing in this chat, so every message would be filed as the customer's. "
                             "Who wrote in it: %2.")
                              .arg(m_settings.me, reader.authors().join(QStringLiteral(", ")));
            }
        }
        *error = QStringLiteral("%1: %2").arg(QFileInfo(path).fileName(), problem);
        return false;
    }
    return true;
}

// The shop's name as the phone wrote it, give or take case and spaces.
bool ChatImport::isAuthor(const QString &name, const QStringList &authors)
{
    const QString wanted = name.simplified();
    return std::any_of(authors.cbegin(), authors.cend(), [&](const QString &author) {
        return author.simplified().compare(wanted, Qt::CaseInsensitive) == 0;
    });
}

std::optional<ChatImport::Preview> ChatImport::preview(const QString &path, const QLocale &locale, QString *error)
{
    const auto file = ChatExportFile::open(path, error);
    if (!file)
        return std::nullopt;
    ChatExportReader reader(QTimeZone::systemTimeZone(), locale);
    const auto text = file->text();
    if (!reader.scan(*text, error))
        return std::nullopt;
    Preview preview;
    preview.authors = reader.authors();
    preview.order = reader.dateOrder();
    preview.orderIsAGuess = reader.dateOrderIsAGuess();
    preview.first = reader.firstTime();
    preview.last = reader.lastTime();
    if (preview.orderIsAGuess) {
        reader.setDateOrder(preview.swappedOrder());
        preview.firstSwapped = reader.firstTime();
        preview.lastSwapped = reader.lastTime();
    }
    return preview;
}

ChatExportReader::DateOrder ChatImport::Preview::swappedOrder() const
{
    return order == ChatExportReader::DateOrder::DayMonthYear ? ChatExportReader::DateOrder::MonthDayYear
                                                              : ChatExportReader::DateOrder::DayMonthYear;
}

QString ChatImport::describeOrder(ChatExportReader::DateOrder order, bool guess)
{
    QString text;
    switch (order) {
    case ChatExportReader::DateOrder::DayMonthYear: text = tr("day first"); break;
    case ChatExportReader::DateOrder::MonthDayYear: text = tr("month first"); break;
    case ChatExportReader::DateOrder::YearMonthDay: text = tr("year first"); break;
    }
    return guess ? tr("%1 (every date reads both ways: check them)").arg(text) : text;
}

bool ChatImport::chooseDateOrder(const QString &file, ChatExportReader &reader) const
{
    if (!reader.dateOrderIsAGuess())
        return false;
    if (const auto chosen = m_settings.dateOrders.constFind(file); chosen != m_settings.dateOrders.cend()) {
        reader.setDateOrder(*chosen);
        return true;
    }
    if (m_settings.dateOrder && *m_settings.dateOrder != ChatExportReader::DateOrder::YearMonthDay) {
        reader.setDateOrder(*m_settings.dateOrder);
        return true;
    }
    return false;
}

namespace {

// Messages read and made ready on one thread while the store takes them on another: on a shop's
// PC with two cores, reading a big export costs almost nothing on top of storing it.
class MessagePipe
{
public:
    struct Batch {
        std::vector<std::pair<qint64, ImportedMessage>> messages; // conversation, message
        bool last = false;
    };

    void push(Batch batch)
    {
        std::unique_lock lock(m_mutex);
        m_space.wait(lock, [this] { return m_batches.size() < kDepth || m_stopped; });
        if (m_stopped)
            return;
        m_batches.push_back(std::move(batch));
        m_ready.notify_one();
    }

    Batch pop()
    {
        std::unique_lock lock(m_mutex);
        m_ready.wait(lock, [this] { return !m_batches.empty(); });
        Batch batch = std::move(m_batches.front());
        m_batches.pop_front();
        m_space.notify_one();
        return batch;
    }

    // The reading side gives up (the import was cancelled or failed).
    void stop()
    {
        std::lock_guard lock(m_mutex);
        m_stopped = true;
        m_space.notify_all();
    }
    [[nodiscard]] bool stopped()
    {
        std::lock_guard lock(m_mutex);
        return m_stopped;
    }

private:
    static constexpr std::size_t kDepth = 8;
    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::condition_variable m_space;
    std::deque<Batch> m_batches;
    bool m_stopped = false;
};

} // namespace

QString ChatImport::importKey(qint64 conversationId, const ExportedMessage &exported)
{
    // Stable across versions: the conversation, the minute and second, and what was written.
    QCryptographicHash key(QCryptographicHash::Sha1);
    const QByteArray identity = QByteArray::number(conversationId) + '|' + QByteArray::number(exported.time.toSecsSinceEpoch()) + '|'
        + messageKindName(exported.kind).toLatin1() + '|';
    key.addData(identity);
    for (const QString *part : {&exported.author, &exported.text, &exported.attachment}) {
        key.addData(part->toUtf8());
        key.addData(QByteArrayView("\0", 1));
    }
    // The conversation and time first: a chat's keys come in order, so the key index grows at
    // its end instead of everywhere at once (which a million random keys would make SQLite do).
    return QStringLiteral("%1.%2.%3").arg(conversationId).arg(exported.time.toSecsSinceEpoch())
        .arg(QString::fromLatin1(key.result().toHex().left(20)));
}

ImportedMessage ChatImport::prepared(const ExportedMessage &exported, const ChatExportFile &file, const QString &key) const
{
    ImportedMessage message;
    const bool fromShop = !exported.author.isEmpty() && sameName(exported.author) == sameName(m_settings.me);
    message.direction = fromShop ? Direction::Outbound : Direction::Inbound;
    message.kind = exported.kind;
    message.text = exported.text;
    message.author = exported.author;
    message.sentAt = exported.time;
    message.deleted = exported.deleted;
    message.edited = exported.edited;
    message.mediaFilename = exported.attachment;
    if (exported.media == ExportedMessage::Media::Attached) {
        const QByteArray data = file.attachment(exported.attachment);
        if (!data.isEmpty()) {
            message.mediaMime = QMimeDatabase().mimeTypeForFileNameAndData(exported.attachment, data).name();
            const ContentFiles::Kept kept = ContentFiles::keep(m_settings.mediaFolder, data, message.mediaMime);
            message.mediaPath = kept.path;
            message.mediaSha256 = kept.sha256;
        }
    }
    message.importKey = key;
    return message;
}

std::optional<qint64> ChatImport::conversationFor(ImportStore &store, const ChatExportFile &file, const QStringList &authors,
                                                  const std::optional<QString> &givenWaId, StoreError *error) const
{
    QStringList others;
    for (const QString &author : authors) {
        if (sameName(author) != sameName(m_settings.me))
            others << author;
    }
    // Who the chat is with: the number given, the number the phone shows as the author, a known
    // customer of that name, or a new one — a group by the chat's name.
    std::optional<qint64> customer;
    const QString name = others.size() == 1 ? others.first() : file.chatName();
    if (givenWaId) {
        customer = store.customerWithNumber(*givenWaId, others.size() == 1 && !looksLikeANumber(name) ? name : QString(), error);
    } else if (others.size() == 1 && looksLikeANumber(others.first())) {
        QString problem;
        const auto reading = PhoneNumbers::read(others.first(), m_settings.defaultRegion, &problem);
        customer = reading ? store.customerWithNumber(reading->waId, QString(), error) : store.customerNamed(others.first(), error);
    } else {
        customer = store.customerNamed(name.isEmpty() ? QFileInfo(file.path()).completeBaseName() : name, error);
    }
    return customer ? store.conversationOf(*customer, error) : std::nullopt;
}

bool ChatImport::run(const QStringList &files, Summary *summary, QString *error, const Progress &progress)
{
    *summary = {};
    if (m_settings.me.trimmed().isEmpty()) {
        *error = tr("Say which name in the chats is the shop's.");
        return false;
    }
    std::optional<QString> givenWaId;
    if (!m_settings.phone.trimmed().isEmpty()) {
        if (files.size() > 1) {
            *error = tr("A number goes with one chat only; import the others without it.");
            return false;
        }
        const auto reading = PhoneNumbers::read(m_settings.phone, m_settings.defaultRegion, error);
        if (!reading)
            return false;
        givenWaId = reading->waId;
    }

    // First pass over every file: is it a chat, how many messages, who wrote.
    struct Chat {
        std::unique_ptr<ChatExportFile> file;
        std::unique_ptr<ChatExportReader> reader;
        qint64 conversation = 0;
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
        // A person who chose the order has looked: no need to ask them to check again.
        const bool chosen = chooseDateOrder(path, *chat.reader);
        total += chat.reader->messageCount();
        summary->dates << tr("%1: %2 – %3, %4")
                              .arg(QFileInfo(path).fileName(), chat.reader->firstTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                   chat.reader->lastTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                   describeOrder(chat.reader->dateOrder(), chat.reader->dateOrderIsAGuess() && !chosen));
        chats.push_back(std::move(chat));
    }

    ImportStore store(m_database);
    store.setBusinessNumber(m_settings.businessNumberId);
    ImportSource source = ImportSource::ofFiles(files, m_settings.me);
    source.importedBy = personActing(m_database.location().user);
    if (StoreError failed = store.begin(source); failed.isError()) {
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
    for (Chat &chat : chats) {
        StoreError failed;
        const auto conversation = conversationFor(store, *chat.file, chat.reader->authors(), givenWaId, &failed);
        if (!conversation)
            return fail(failed.userMessage, failed.detail);
        chat.conversation = *conversation;
    }

    // Second pass: read on a thread of its own, store here.
    MessagePipe pipe;
    std::thread reading([&] {
        constexpr std::size_t kBatchSize = 500;
        for (Chat &chat : chats) {
            // The same message of the same chat always gets the same key, so importing again adds
            // nothing; repeats within one minute ("ok", "ok") are told apart by their order.
            QHash<QString, int> repeatsThisMinute;
            qint64 minute = -1;
            MessagePipe::Batch batch;
            const auto text = chat.file->text();
            chat.reader->read(*text, [&](const ExportedMessage &exported) {
                const qint64 thisMinute = exported.time.toSecsSinceEpoch() / 60;
                if (thisMinute != minute) {
                    minute = thisMinute;
                    repeatsThisMinute.clear();
                }
                const QString key = importKey(chat.conversation, exported);
                const int repeat = repeatsThisMinute[key]++;
                batch.messages.emplace_back(chat.conversation,
                                            prepared(exported, *chat.file, key + QLatin1Char('.') + QString::number(repeat)));
                if (batch.messages.size() == kBatchSize) {
                    pipe.push(std::move(batch));
                    batch = {};
                }
                return !pipe.stopped();
            });
            if (!batch.messages.empty())
                pipe.push(std::move(batch));
            if (pipe.stopped())
                break;
        }
        pipe.push({{}, true});
    });
    const auto finishReading = [&] {
        pipe.stop();
        reading.join();
    };

    qint64 done = 0;
    for (MessagePipe::Batch batch = pipe.pop(); !batch.last; batch = pipe.pop()) {
        for (const auto &[conversation, message] : batch.messages) {
            if (StoreError failed = store.add(conversation, message); failed.isError()) {
                finishReading();
                return fail(failed.userMessage, failed.detail);
            }
        }
        const qint64 before = done;
        done += qint64(batch.messages.size());
        if (progress && done / 500 != before / 500 && !progress(done, total)) {
            finishReading();
            return fail(tr("Import cancelled: nothing was added."));
        }
    }
    reading.join();

    for (const Chat &chat : chats) {
        if (StoreError finished = store.finishConversation(chat.conversation); finished.isError())
            return fail(finished.userMessage, finished.detail);
        const QString fileName = QFileInfo(chat.file->path()).fileName();
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
    const ImportStore::Counts counts = store.counts();
    summary->importId = store.importId();
    summary->messages = counts.added;
    summary->alreadyThere = counts.alreadyThere;
    summary->media = counts.mediaKept;
    summary->omitted = counts.mediaOmitted;
    return true;
}

} // namespace Mostrador
