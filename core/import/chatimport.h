#pragma once

#include "chatexportreader.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QLocale>
#include <QStringList>
#include <QTimeZone>

#include <functional>
#include <optional>

namespace Mostrador {

class ChatExportFile;
class Database;
class ImportStore;
struct ExportedMessage;
struct ImportedMessage;
struct StoreError;

// Brings chats exported from the phone into the store: each file (a .txt or a .zip with its
// media) becomes the conversation with its customer — found by the number given, by the
// number the phone shows as the author, or by name, else created — with every message marked
// imported. A group chat is one conversation that keeps each author's name. Media in a .zip are
// kept like received media (by SHA-256); media the export left out say so in the thread.
// All the files go in one transaction: a failure, or Cancel, leaves the store as it was.
class ChatImport final
{
    Q_DECLARE_TR_FUNCTIONS(ChatImport)

public:
    struct Settings {
        QString me;             // the shop's name in the chats (its messages go out)
        QString phone;          // the customer's number, as typed (only with one file)
        QString defaultRegion;  // the country of numbers written without one
        QTimeZone zone = QTimeZone::systemTimeZone();
        QLocale locale;         // decides day/month order when a file does not
        QString mediaFolder;
        QString businessNumberId; // the shop's number for new conversations (else the store's usual one)
        // A `me` who wrote nothing in a chat files every line as the customer's: refused by
        // check() unless this is set (a chat the shop only ever read).
        bool meMayBeAbsent = false;
        // Where a file's dates read both ways (see ChatExportReader::dateOrderIsAGuess()): the
        // order a person chose, by file, or for every such file. A file whose numbers decide
        // keeps its own.
        QHash<QString, ChatExportReader::DateOrder> dateOrders;
        std::optional<ChatExportReader::DateOrder> dateOrder;
    };

    // What a file holds before it is imported, for a person to check.
    struct Preview {
        QStringList authors; // most messages first
        ChatExportReader::DateOrder order = ChatExportReader::DateOrder::DayMonthYear;
        bool orderIsAGuess = false;
        QDateTime first, last;               // as read
        QDateTime firstSwapped, lastSwapped; // read the other way (only when a guess)
        [[nodiscard]] ChatExportReader::DateOrder swappedOrder() const;
    };

    struct Summary {
        int chats = 0;
        qint64 messages = 0;     // added
        qint64 alreadyThere = 0; // in the store from an earlier import
        int media = 0;           // files kept from the exports
        int omitted = 0;         // media the exports did not include
        QStringList unreadLines; // "file: line 12: …", each kept as text of the message before it
        QStringList dates;       // "file: first – last, day first (…)", one per chat
        qint64 importId = 0;     // what import-chat --undo and the desktop's Undo import take
    };

    ChatImport(Database &database, Settings settings);

    // Files as given, with each folder replaced by the chats in it (its .txt and .zip files).
    [[nodiscard]] static QStringList withFoldersOpened(const QStringList &paths);

    // Whether every file is a chat export this can read; false, naming the file and why.
    // `meMissing` (when given) says the refusal was a `me` who wrote in none of a chat's lines.
    [[nodiscard]] bool check(const QStringList &files, QString *error, bool *meMissing = nullptr) const;
    // Whether `name` is one of `authors`, give or take case and spaces.
    [[nodiscard]] static bool isAuthor(const QString &name, const QStringList &authors);
    // Who wrote in a chat and the dates as read (to ask which is the shop, and to check them).
    [[nodiscard]] static std::optional<Preview> preview(const QString &file, const QLocale &locale, QString *error);
    // "day first", "month first", "year first", and whether it was only a guess.
    [[nodiscard]] static QString describeOrder(ChatExportReader::DateOrder order, bool guess);

    // Imports them all. `progress` hears messages read of all messages, and stops the import
    // (nothing kept) by returning false.
    using Progress = std::function<bool(qint64 done, qint64 total)>;
    bool run(const QStringList &files, Summary *summary, QString *error, const Progress &progress = {});

private:
    // The order a person chose for a file whose dates read both ways; false when none was.
    bool chooseDateOrder(const QString &file, ChatExportReader &reader) const;
    // What makes an imported message itself: the same message of the same chat always has the
    // same key (its repeats within a minute get .1, .2… after it).
    [[nodiscard]] static QString importKey(qint64 conversationId, const ExportedMessage &exported);
    [[nodiscard]] ImportedMessage prepared(const ExportedMessage &exported, const ChatExportFile &file, const QString &key) const;
    [[nodiscard]] std::optional<qint64> conversationFor(ImportStore &store, const ChatExportFile &file, const QStringList &authors,
                                                       const std::optional<QString> &givenWaId, StoreError *error) const;

    Database &m_database;
    Settings m_settings;
};

} // namespace Mostrador
