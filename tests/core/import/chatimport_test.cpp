// Chats exported from the phone brought into a real store (both backends): the customer found
// or made, a group kept as one conversation, media from the .zip kept, nothing twice, no window
// opened, searchable, and Cancel leaving the store as it was.
#include "import/chatimport.h"

#include "common/zipwriter.h"
#include "qtprinting.h"
#include "conversations/conversationstore.h"
#include "import/importrecordstore.h"
#include "import/importstore.h"
#include "temporarystore.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QBuffer>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Mostrador;
using namespace Mostrador::Testing;

namespace {

const QString kChat = QStringLiteral(
    "31/12/20, 23:50 - Los mensajes y las llamadas están cifrados de extremo a extremo.\n"
    "31/12/20, 23:51 - Lucía Gómez: Hola, ¿tenéis la manta gris?\n"
    "31/12/20, 23:52 - Casa Nube: Sí, nos quedan dos.\n"
    "Te la guardo si quieres.\n"
    "1/1/21, 0:05 - Lucía Gómez: <Multimedia omitido>\n"
    "1/1/21, 0:06 - Lucía Gómez: IMG-20210101-WA0001.jpg (archivo adjunto)\n"
    "Esta es la que vi\n"
    "1/1/21, 0:07 - Casa Nube: ok\n"
    "1/1/21, 0:07 - Casa Nube: ok\n");

class ChatImportTest : public StoreTest
{
protected:
    void SetUp() override
    {
        StoreTest::SetUp();
        if (IsSkipped() || HasFatalFailure())
            return;
        settings.me = QStringLiteral("Casa Nube");
        settings.defaultRegion = QStringLiteral("CO");
        settings.zone = QTimeZone("America/Bogota");
        settings.locale = QLocale(QLocale::Spanish, QLocale::Colombia);
        settings.mediaFolder = folder.filePath(QStringLiteral("media"));
    }

    QString write(const QString &name, const QString &text)
    {
        const QString path = folder.filePath(name);
        QFile file(path);
        EXPECT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(text.toUtf8());
        return path;
    }

    qint64 count(const QString &sql) { return scalar(*database, sql).toLongLong(); }

    bool import(const QStringList &files, ChatImport::Summary *summary, const ChatImport::Progress &progress = {})
    {
        ChatImport chats(*database, settings);
        QString error;
        const bool done = chats.run(files, summary, &error, progress);
        lastError = error;
        return done;
    }

    QTemporaryDir folder;
    ChatImport::Settings settings;
    QString lastError;
};

} // namespace

TEST_P(ChatImportTest, AChatWithItsMediaBecomesTheCustomersConversationOnce)
{
    // The .zip the phone writes: the chat's text and the photo it names.
    QImage photo(64, 48, QImage::Format_RGB32);
    photo.fill(QColor(0xc8, 0x78, 0x3c));
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    ASSERT_TRUE(photo.save(&buffer, "JPG"));
    const QString zip = folder.filePath(QStringLiteral("WhatsApp Chat - Lucía Gómez.zip"));
    {
        ZipWriter writer(zip);
        ASSERT_TRUE(writer.open());
        ASSERT_TRUE(writer.addBytes(QStringLiteral("Chat de WhatsApp con Lucía Gómez.txt"), kChat.toUtf8()));
        ASSERT_TRUE(writer.addBytes(QStringLiteral("IMG-20210101-WA0001.jpg"), jpeg));
        ASSERT_TRUE(writer.commit());
    }
    settings.phone = QStringLiteral("+57 300 111 2233");
    ChatImport::Summary summary;
    ASSERT_TRUE(import({zip}, &summary)) << qPrintable(lastError);
    EXPECT_EQ(summary.chats, 1);
    EXPECT_EQ(summary.messages, 7);
    EXPECT_EQ(summary.media, 1);
    EXPECT_EQ(summary.omitted, 1);

    EXPECT_EQ(scalar(*database, QStringLiteral("SELECT display_name FROM customers WHERE wa_id = '573001112233'")).toString(),
              QStringLiteral("Lucía Gómez"));
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM messages WHERE imported = 1 AND direction = 'out'")), 3);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM messages WHERE imported = 1 AND kind = 'system'")), 1);
    // The photo is kept like a received one, by its SHA-256.
    const QString kept = scalar(*database, QStringLiteral("SELECT media_path FROM messages WHERE kind = 'image'")).toString();
    EXPECT_TRUE(QFile::exists(kept));
    EXPECT_TRUE(kept.startsWith(settings.mediaFolder));
    EXPECT_EQ(scalar(*database, QStringLiteral("SELECT caption FROM messages WHERE kind = 'image'")).toString(), QStringLiteral("Esta es la que vi"));
    // History opens no window, is unread by nobody, waits for nobody.
    EXPECT_TRUE(scalar(*database, QStringLiteral("SELECT last_inbound_at FROM conversations")).isNull());
    EXPECT_EQ(count(QStringLiteral("SELECT unread_count FROM conversations")), 0);
    EXPECT_EQ(scalar(*database, QStringLiteral("SELECT status FROM conversations")).toString(), QStringLiteral("resolved"));
    EXPECT_EQ(count(QStringLiteral("SELECT last_message_at FROM conversations")),
              QDateTime(QDate(2021, 1, 1), QTime(0, 7), QTimeZone("America/Bogota")).toMSecsSinceEpoch());

    // Searchable like any message.
    ConversationStore reader(*database);
    StoreError error;
    const QList<SearchHit> hits = reader.search(QStringLiteral("manta gris"), 10, &error);
    ASSERT_FALSE(hits.isEmpty());
    EXPECT_GT(hits.first().messageId, 0);

    // Again, and a later export with two more messages: only those two are added.
    ASSERT_TRUE(import({zip}, &summary));
    EXPECT_EQ(summary.messages, 0);
    EXPECT_EQ(summary.alreadyThere, 7);
    settings.phone.clear();
    const QString later = write(QStringLiteral("Chat de WhatsApp con Lucía Gómez.txt"),
                                kChat + QStringLiteral("2/1/21, 10:00 - Lucía Gómez: ¿Me la enviáis?\n2/1/21, 10:05 - Casa Nube: ok\n"));
    ASSERT_TRUE(import({later}, &summary)) << qPrintable(lastError);
    EXPECT_EQ(summary.messages, 2);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM messages")), 9);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM customers")), 1) << "found again by the name the phone gave her";
}

TEST_P(ChatImportTest, AGroupIsOneConversationKeepingEveryAuthor)
{
    const QString group = write(QStringLiteral("WhatsApp Chat with Proveedores textil.txt"),
                                QStringLiteral("3/10/21, 9:00 AM - Marta created group \"Proveedores textil\"\n"
                                               "3/10/21, 9:02 AM - Marta: Morning! Blankets order?\n"
                                               "3/10/21, 9:03 AM - Jorge Textiles: Leaving Thursday\n"
                                               "3/10/21, 9:04 AM - Casa Nube: Thanks both\n"));
    settings.locale = QLocale(QLocale::English, QLocale::UnitedStates);
    ChatImport::Summary summary;
    ASSERT_TRUE(import({group}, &summary)) << qPrintable(lastError);
    EXPECT_EQ(summary.messages, 4);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM conversations")), 1);
    EXPECT_EQ(scalar(*database, QStringLiteral("SELECT display_name FROM customers")).toString(), QStringLiteral("Proveedores textil"));
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(DISTINCT author) FROM messages WHERE direction = 'in'")), 2);
    EXPECT_EQ(scalar(*database, QStringLiteral("SELECT author FROM messages WHERE body = 'Leaving Thursday'")).toString(),
              QStringLiteral("Jorge Textiles"));
}

TEST_P(ChatImportTest, CancelAndAFileThatIsNotAChatLeaveTheStoreAsItWas)
{
    QString many = QStringLiteral("1/1/21, 9:59 - Casa Nube: Hola Lucía, ¿en qué te ayudamos?\n");
    for (int i = 0; i < 1200; ++i)
        many += QStringLiteral("1/1/21, 10:%1 - Lucía: mensaje %2\n").arg(i % 60, 2, 10, QLatin1Char('0')).arg(i);
    const QString chat = write(QStringLiteral("Chat de WhatsApp con Lucía.txt"), many);
    ChatImport::Summary summary;
    EXPECT_FALSE(import({chat}, &summary, [](qint64 done, qint64) { return done < 1000; }));
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM messages")), 0);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM customers")), 0);

    const QString notAChat = write(QStringLiteral("contactos.csv"), QStringLiteral("nombre,telefono\nLucía,3001112233\n"));
    ChatImport chats(*database, settings);
    QString error;
    EXPECT_FALSE(chats.check({chat, notAChat}, &error));
    EXPECT_TRUE(error.startsWith(QLatin1String("contactos.csv:"))) << qPrintable(error);
    EXPECT_FALSE(import({chat, notAChat}, &summary));
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM messages")), 0);
}

// The shop's name must be one who wrote in the chat: otherwise each of its lines would be filed
// as the customer's. Refused naming who wrote, unless the shop says it only read that chat.
TEST_P(ChatImportTest, AShopNameThatWroteNothingIsRefusedNamingWhoDid)
{
    const QString chat = write(QStringLiteral("Chat de WhatsApp con Andrea.txt"),
                               QStringLiteral("3/11/21, 10:02 - Andrea Salazar: ¿Tienen el jarrón azul?\n"
                                              "3/11/21, 10:05 - Tienda Casa Nube: Sí, nos queda uno.\n"));
    settings.me = QStringLiteral("Tienda");
    QString error;
    bool meMissing = false;
    EXPECT_FALSE(ChatImport(*database, settings).check({chat}, &error, &meMissing));
    EXPECT_TRUE(meMissing);
    EXPECT_TRUE(error.contains(QStringLiteral("Andrea Salazar")) && error.contains(QStringLiteral("Tienda Casa Nube")))
        << qPrintable(error);

    settings.me = QStringLiteral("  tienda  casa nube ");
    EXPECT_TRUE(ChatImport(*database, settings).check({chat}, &error)) << qPrintable(error);

    settings.me = QStringLiteral("Tienda");
    settings.meMayBeAbsent = true;
    EXPECT_TRUE(ChatImport(*database, settings).check({chat}, &error)) << qPrintable(error);
}

TEST_P(ChatImportTest, AnImportUnderTheWrongNameIsUndoneAndImportedAgainRight)
{
    const QString chat = write(QStringLiteral("Chat de WhatsApp con Andrea.txt"),
                               QStringLiteral("3/11/21, 10:02 - Andrea Salazar: ¿Tienen el jarrón azul?\n"
                                              "3/11/21, 10:05 - Tienda Casa Nube: Sí, nos queda uno.\n"
                                              "3/11/21, 10:06 - Andrea Salazar: Me lo guardan\n"));
    settings.me = QStringLiteral("Tienda");
    settings.meMayBeAbsent = true; // forced past the check: every line filed as a customer's
    ChatImport::Summary summary;
    ASSERT_TRUE(import({chat}, &summary)) << qPrintable(lastError);
    ASSERT_EQ(summary.messages, 3);
    ASSERT_GT(summary.importId, 0);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM messages WHERE direction = 'out'")), 0) << "the mistake being undone";

    ImportRecordStore records(*database);
    const auto listed = records.imports();
    ASSERT_FALSE(listed.isError());
    ASSERT_EQ(listed->size(), 1);
    EXPECT_EQ(listed->first().fileNames, QStringList{QStringLiteral("Chat de WhatsApp con Andrea.txt")});
    EXPECT_EQ(listed->first().me, QStringLiteral("Tienda"));
    EXPECT_EQ(listed->first().messagesAdded, 3);

    // Found again by its bytes, even from another folder under another name.
    const QString moved = folder.filePath(QStringLiteral("copia.txt"));
    ASSERT_TRUE(QFile::copy(chat, moved));
    const ImportSource source = ImportSource::ofFiles({moved});
    const auto found = records.newestOfFile(source.fileSha256.value(0), source.fileNames.value(0));
    ASSERT_FALSE(found.isError());
    ASSERT_TRUE(found->has_value());
    EXPECT_EQ((*found)->id, summary.importId);

    const auto undone = records.undo(summary.importId, QStringLiteral("dueña"), QDateTime::currentDateTimeUtc());
    ASSERT_FALSE(undone.isError()) << qPrintable(undone.error().detail);
    EXPECT_EQ(undone->messages, 3);
    EXPECT_EQ(undone->conversations, 1);
    EXPECT_EQ(undone->customers, 1);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM messages")), 0);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM conversations")), 0);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM customers")), 0);
    ConversationStore reader(*database);
    StoreError error;
    EXPECT_TRUE(reader.search(QStringLiteral("jarrón"), 10, &error).isEmpty()) << "search forgets what was undone";
    EXPECT_FALSE(error.isError());

    const auto again = records.undo(summary.importId, QStringLiteral("dueña"), QDateTime::currentDateTimeUtc());
    ASSERT_TRUE(again.isError()) << "undone twice";
    EXPECT_TRUE(again.error().userMessage.contains(QString::number(summary.importId))) << qPrintable(again.error().userMessage);
    const auto gone = records.newestOfFile(source.fileSha256.value(0), source.fileNames.value(0));
    ASSERT_FALSE(gone.isError());
    EXPECT_FALSE(gone->has_value()) << "an undone import is not offered again";

    // Imported again under the right name: every message goes in, the shop's line as the shop's.
    settings.me = QStringLiteral("Tienda Casa Nube");
    settings.meMayBeAbsent = false;
    ASSERT_TRUE(import({chat}, &summary)) << qPrintable(lastError);
    EXPECT_EQ(summary.messages, 3);
    EXPECT_EQ(summary.alreadyThere, 0);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM messages WHERE direction = 'out'")), 1);
}

TEST_P(ChatImportTest, UndoingAnImportKeepsWhatCameBeforeAndWhatWhatsAppDeliveredSince)
{
    const QString first = write(QStringLiteral("Chat de WhatsApp con Lucía Gómez.txt"), kChat);
    settings.phone = QStringLiteral("300 111 2233");
    ChatImport::Summary earlier;
    ASSERT_TRUE(import({first}, &earlier)) << qPrintable(lastError);
    ASSERT_EQ(earlier.messages, 7);

    const QString later = write(QStringLiteral("Chat de WhatsApp con Lucía Gómez (2).txt"),
                                kChat + QStringLiteral("2/1/21, 10:00 - Lucía Gómez: ¿Me la enviáis?\n2/1/21, 10:05 - Casa Nube: Claro\n"));
    ChatImport::Summary summary;
    ASSERT_TRUE(import({later}, &summary)) << qPrintable(lastError);
    ASSERT_EQ(summary.messages, 2);
    const qint64 conversation = count(QStringLiteral("SELECT id FROM conversations"));
    // She writes on WhatsApp after the import.
    const qint64 now = QDateTime(QDate(2021, 1, 3), QTime(9, 0), QTimeZone("America/Bogota")).toMSecsSinceEpoch();
    ASSERT_FALSE(database->exec(QStringLiteral("INSERT INTO messages (conversation_id, direction, kind, body, sent_at, stored_at) "
                                               "VALUES (?, 'in', 'text', 'Ya me llegó', ?, ?)"),
                                {conversation, now, now}, "a delivered message")
                     .isError());
    ASSERT_FALSE(database->exec(QStringLiteral("UPDATE conversations SET last_message_id = (SELECT MAX(id) FROM messages), "
                                               "last_message_at = ?"),
                                {now}, "shown in the list")
                     .isError());

    ImportRecordStore records(*database);
    const auto undone = records.undo(summary.importId, QStringLiteral("dueña"), QDateTime::currentDateTimeUtc());
    ASSERT_FALSE(undone.isError()) << qPrintable(undone.error().detail);
    EXPECT_EQ(undone->messages, 2);
    EXPECT_EQ(undone->conversations, 0) << "the conversation was there before this import";
    EXPECT_EQ(undone->customers, 0);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM messages")), 8) << "the earlier import's 7 and WhatsApp's 1";
    EXPECT_EQ(scalar(*database, QStringLiteral("SELECT m.body FROM conversations c JOIN messages m ON m.id = c.last_message_id")).toString(),
              QStringLiteral("Ya me llegó"));

    // Undoing the first import leaves WhatsApp's message, its conversation and customer.
    const auto firstUndone = records.undo(earlier.importId, QStringLiteral("dueña"), QDateTime::currentDateTimeUtc());
    ASSERT_FALSE(firstUndone.isError()) << qPrintable(firstUndone.error().detail);
    EXPECT_EQ(firstUndone->messages, 7);
    EXPECT_EQ(firstUndone->conversations, 0);
    EXPECT_EQ(firstUndone->customers, 0);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM messages")), 1);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM customers")), 1);
    EXPECT_EQ(count(QStringLiteral("SELECT last_message_at FROM conversations")), now);
}

INSTANTIATE_TEST_SUITE_P(Backends, ChatImportTest, ::testing::Values(Backend::Sqlite, Backend::Postgres), backendName);
