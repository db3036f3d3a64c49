// Chats exported from the phone, dropped on the real window: the dialog proposes the shop's
// name among the chat's authors, imports with its progress bar, and the thread then shows the
// imported history marked as such, with each author of a group named.
#include "addressbook.h"
#include "chatimports.h"
#include "workspace.h"
#include "i18n/languagecontroller.h"
#include "inbox/conversationlistmodel.h"
#include "mainwindow/mainwindow.h"
#include "services/shopservices.h"
#include "thread/messagedelegate.h"
#include "thread/messagelistmodel.h"
#include "fixtures.h"
#include "qtprinting.h"
#include "widgetlookup.h"
#include "wireloop.h"
#include "temporarystore.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QMimeData>
#include <QMessageBox>
#include <QTimer>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace Mostrador;
using namespace Mostrador::Testing;

namespace {

// The real window and workspace on a store, as the desktop runs them.
class ShopWindowTest : public ::testing::Test
{
protected:
    ShopWindowTest()
    {
        QSettings().clear();
        languages.apply(QStringLiteral("en"));
    }

    LanguageController languages;
    WireLoop loop;
    QTemporaryDir folder;
    ShopServices shop{*loop.database, *loop.ingestor, *loop.client, loop.clock, folder.filePath(QStringLiteral("media")),
                      ShopServices::Runner::ThisComputer};
    MainWindow window{languages};
    Workspace workspace{shop, window};
};

class ChatImportsWindow : public ShopWindowTest
{
};
class AddressBookWindow : public ShopWindowTest
{
};

} // namespace

TEST_F(ChatImportsWindow, AGroupDroppedOnTheWindowComesInMarkedAndNamed)
{
    ChatImports imports(shop, window, workspace);
    imports.setShopName(QStringLiteral("Casa Nube"));
    window.resize(1200, 760);
    window.show();

    const QString chat = folder.filePath(QStringLiteral("WhatsApp Chat with Suppliers.txt"));
    ASSERT_TRUE(writeFile(chat, "[10/03/2021, 09:00:00] Marta Textiles: Morning! 40 grey blankets are in.\n"
                                "[10/03/2021, 09:05:00] Casa Nube: Great, we take 20.\n"
                                "[10/03/2021, 09:06:00] Jorge Transport: I bring them on Thursday.\n"));
    Q_EMIT window.chatFilesDropped({chat});

    auto *author = child<QComboBox>(window, "importShopAuthor");
    EXPECT_EQ(author->currentText(), QStringLiteral("Casa Nube")) << "the business profile's name is proposed";
    EXPECT_EQ(author->count(), 3);
    auto *start = child<QPushButton>(window, "importStart");
    ASSERT_TRUE(start->isEnabled());
    QTest::mouseClick(start, Qt::LeftButton);
    auto *result = child<QLabel>(window, "importResult");
    ASSERT_TRUE(QTest::qWaitFor([&] { return result->isVisible(); }, 10000));
    EXPECT_TRUE(result->text().contains(QLatin1String("3 new messages"))) << qPrintable(result->text());

    // History waits for nobody: the group is not in the Open view. Opened from elsewhere (a
    // search result), the header still names it.
    auto *list = child<QListView>(window, "conversationList");
    ConversationListModel &conversations = *qobject_cast<ConversationListModel *>(list->model());
    EXPECT_EQ(conversations.rowCount(), 0);
    workspace.bringToFront(scalar(*loop.database, QStringLiteral("SELECT id FROM conversations")).toLongLong());
    EXPECT_EQ(child<QLabel>(window, "threadTitle")->text(), QStringLiteral("Suppliers"));
    conversations.setView(ConversationFilter::View::All);
    conversations.reload();
    ASSERT_EQ(conversations.rowCount(), 1);
    EXPECT_EQ(conversations.index(0).data(ConversationListModel::CustomerNameRole).toString(), QStringLiteral("Suppliers"));
    list->setCurrentIndex(conversations.index(0));
    auto *thread = child<QListView>(window, "messageList");
    ASSERT_TRUE(QTest::qWaitFor([&] { return thread->model()->rowCount() == 3; }, 3000));
    const QModelIndex first = thread->model()->index(0, 0);
    EXPECT_TRUE(first.data(MessageListModel::ImportedRole).toBool());
    EXPECT_EQ(first.data(MessageListModel::AuthorRole).toString(), QStringLiteral("Marta Textiles"));
    EXPECT_EQ(MessageDelegate::headerLines(first).value(0), QStringLiteral("Marta Textiles"));
    EXPECT_TRUE(MessageDelegate::footerText(thread->model()->index(1, 0)).startsWith(QStringLiteral("imported · ")));
    EXPECT_TRUE(thread->model()->index(1, 0).data(MessageListModel::AuthorRole).toString().isEmpty()) << "the shop's own need no name";

    // The next file brings its own authors: none of the group's is proposed for it.
    const QString next = folder.filePath(QStringLiteral("WhatsApp Chat with Andrea.txt"));
    ASSERT_TRUE(writeFile(next, "[11/03/2021, 10:00:00] Andrea Salazar: ¿Tienen el jarrón azul?\n"
                                "[11/03/2021, 10:02:00] Tienda Casa Nube: Sí, nos queda uno.\n"));
    Q_EMIT window.chatFilesDropped({next});
    QStringList offered;
    for (int i = 0; i < author->count(); ++i)
        offered << author->itemText(i);
    EXPECT_EQ(offered, (QStringList{QStringLiteral("Andrea Salazar"), QStringLiteral("Tienda Casa Nube")}))
        << offered.join(QStringLiteral(", ")).toStdString();
    EXPECT_NE(author->currentText(), QStringLiteral("Casa Nube"));
}

// The wrong name for the shop: typed, it is refused naming who wrote; picked among the authors,
// the import goes in and Undo import takes it out, so it can go in again under the right one.
TEST_F(ChatImportsWindow, AnImportUnderTheWrongNameIsRefusedOrUndoneAndDoneAgainRight)
{
    ChatImports imports(shop, window, workspace);
    window.resize(1200, 760);
    window.show();
    const QString chat = folder.filePath(QStringLiteral("WhatsApp Chat with Andrea.txt"));
    ASSERT_TRUE(writeFile(chat, "[11/03/2021, 10:00:00] Andrea Salazar: ¿Tienen el jarrón azul?\n"
                                "[11/03/2021, 10:02:00] Tienda Casa Nube: Sí, nos queda uno.\n"
                                "[11/03/2021, 10:03:00] Andrea Salazar: Me lo guardan\n"));
    Q_EMIT window.chatFilesDropped({chat});

    auto *author = child<QComboBox>(window, "importShopAuthor");
    auto *start = child<QPushButton>(window, "importStart");
    auto *result = child<QLabel>(window, "importResult");
    auto *undo = child<QPushButton>(window, "importUndo");
    const auto messages = [&] { return scalar(*loop.database, QStringLiteral("SELECT COUNT(*) FROM messages")).toInt(); };

    author->setCurrentText(QStringLiteral("Tienda"));
    QTest::mouseClick(start, Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return result->isVisible(); }, 10000));
    EXPECT_TRUE(result->text().contains(QLatin1String("Tienda Casa Nube"))) << qPrintable(result->text());
    EXPECT_EQ(messages(), 0);
    EXPECT_FALSE(undo->isVisible());

    author->setCurrentText(QStringLiteral("Andrea Salazar")); // a slip: the customer picked as the shop
    QTest::mouseClick(start, Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return undo->isVisible(); }, 10000)) << qPrintable(result->text());
    EXPECT_EQ(messages(), 3);
    QTest::mouseClick(undo, Qt::LeftButton);
    EXPECT_TRUE(result->text().contains(QLatin1String("Import undone: 3 messages taken out"))) << qPrintable(result->text());
    EXPECT_FALSE(undo->isVisible());
    EXPECT_EQ(messages(), 0);
    EXPECT_EQ(scalar(*loop.database, QStringLiteral("SELECT COUNT(*) FROM customers")).toInt(), 0);

    // A file added by mistake comes off the list.
    auto *files = child<QListWidget>(window, "importFiles");
    auto *remove = child<QPushButton>(window, "importRemoveFiles");
    Q_EMIT window.chatFilesDropped({chat});
    ASSERT_EQ(files->count(), 1);
    EXPECT_FALSE(remove->isEnabled()) << "nothing chosen to remove";
    files->setCurrentRow(0);
    ASSERT_TRUE(remove->isEnabled());
    QTest::mouseClick(remove, Qt::LeftButton);
    EXPECT_EQ(files->count(), 0);
    EXPECT_FALSE(start->isEnabled());

    Q_EMIT window.chatFilesDropped({chat});
    author->setCurrentText(QStringLiteral("Tienda Casa Nube"));
    QTest::mouseClick(start, Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return undo->isVisible(); }, 10000)) << qPrintable(result->text());
    EXPECT_TRUE(result->text().contains(QLatin1String("3 new messages, 0 already there"))) << qPrintable(result->text());
    EXPECT_EQ(scalar(*loop.database, QStringLiteral("SELECT COUNT(*) FROM messages WHERE direction = 'out'")).toInt(), 1);
}

// The 27-byte export that once crashed the importer (issue 35: an attachment's name with control
// characters and NUL bytes reached Qt's MIME matching), dropped on the real window as a person
// drops it: the window stays, the import says what it could not read, and the conversation
// already in the store is still there.
TEST_F(ChatImportsWindow, TheFileThatOnceCrashedTheImporterIsReadAndItsBadLineSaid)
{
    ASSERT_TRUE(loop.customerWrites(QStringLiteral("573001112233"), QStringLiteral("Do you ship to Medellín?")));
    ChatImports imports(shop, window, workspace);
    window.resize(1200, 760);
    window.show();

    const QString chat = folder.filePath(QStringLiteral("WhatsApp Chat with n.txt"));
    ASSERT_TRUE(writeFile(chat, QByteArray::fromHex("332d332d32333a33332d206e3a200400002e766366202862746129")));
    QMimeData dropped;
    dropped.setUrls({QUrl::fromLocalFile(chat)});
    const QPoint centre = window.rect().center();
    QDragEnterEvent enter(centre, Qt::CopyAction, &dropped, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    ASSERT_TRUE(enter.isAccepted()) << "a .txt export is taken";
    QDropEvent drop(centre, Qt::CopyAction, &dropped, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);

    auto *author = child<QComboBox>(window, "importShopAuthor");
    ASSERT_EQ(author->count(), 1) << "the file's one author is offered";
    author->setCurrentIndex(0); // the person says who the shop is
    auto *start = child<QPushButton>(window, "importStart");
    ASSERT_TRUE(start->isEnabled());
    QTest::mouseClick(start, Qt::LeftButton);
    auto *result = child<QLabel>(window, "importResult");
    ASSERT_TRUE(QTest::qWaitFor([&] { return result->isVisible(); }, 10000));
    EXPECT_TRUE(result->text().contains(QLatin1String("line 1"))) << qPrintable(result->text());
    EXPECT_TRUE(result->text().contains(QLatin1String("characters a file name cannot have"))) << qPrintable(result->text());
    EXPECT_EQ(scalar(*loop.database, QStringLiteral("SELECT COUNT(*) FROM messages WHERE body = 'Do you ship to Medellín?'")).toInt(), 1)
        << "what the store held is still there";
}

// File ▸ Import contacts… with a phone's vCard: the summary says what came in, and the new
// customer is there to write to; Export contacts… writes them back out.
TEST_F(AddressBookWindow, ContactsComeInAndGoOutFromTheFileMenu)
{
    ASSERT_FALSE(shop.setRegion(QStringLiteral("CO")).isError());
    AddressBook book(shop, window, workspace);

    const QString cards = folder.filePath(QStringLiteral("contacts.vcf"));
    ASSERT_TRUE(writeFile(cards, "BEGIN:VCARD\nVERSION:3.0\nFN:Álvaro Ruiz\nTEL;TYPE=CELL:310 555 0199\nEND:VCARD\n"));
    QString said;
    QTimer::singleShot(0, &window, [&] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            said = box->text();
            box->accept();
        }
    });
    book.importFiles({cards});
    EXPECT_TRUE(said.contains(QLatin1String("1 new customers"))) << qPrintable(said);
    EXPECT_EQ(scalar(*loop.database, QStringLiteral("SELECT wa_id FROM customers WHERE display_name = 'Álvaro Ruiz'")).toString(),
              QStringLiteral("573105550199"));

    const QString out = folder.filePath(QStringLiteral("customers.csv"));
    QTimer::singleShot(0, &window, [&] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
            box->accept();
    });
    book.exportTo(out);
    QFile written(out);
    ASSERT_TRUE(written.open(QIODevice::ReadOnly));
    EXPECT_TRUE(written.readAll().contains("+573105550199"));
}

// Issue #31: a chat of two days whose every date reads both ways. The dialog shows the dates as
// it read them, offers the swap, and the import files them as the person chose.
TEST_F(ChatImportsWindow, DatesThatReadBothWaysAreShownBeforeImportingAndCanBeSwapped)
{
    ChatImports imports(shop, window, workspace);
    window.resize(1200, 760);
    window.show();
    const QString chat = folder.filePath(QStringLiteral("WhatsApp Chat with Lucía.txt"));
    ASSERT_TRUE(writeFile(chat, "01/02/21, 10:00 - Lucía: ¿Tienen la manta gris?\n"
                                "03/02/21, 11:00 - Casa Nube: Sí, llega hoy\n"));
    Q_EMIT window.chatFilesDropped({chat});

    auto *dates = child<QLabel>(window, "importDates");
    auto *swap = child<QPushButton>(window, "importSwapDates");
    ASSERT_TRUE(dates->isVisible());
    ASSERT_TRUE(swap->isVisible()) << "every date reads both ways";
    const QLocale locale;
    const auto when = [&](int month, int day, int hour) -> QString {
        return locale.toString(QDate(2021, month, day), QLocale::LongFormat) + QStringLiteral(", ")
            + locale.toString(QTime(hour, 0), QLocale::ShortFormat);
    };
    const QString dayFirst = when(2, 1, 10) + QStringLiteral(" to ") + when(2, 3, 11);
    const QString monthFirst = when(1, 2, 10) + QStringLiteral(" to ") + when(3, 2, 11);
    const bool readDayFirst = dates->text().contains(dayFirst);
    ASSERT_TRUE(readDayFirst || dates->text().contains(monthFirst)) << qPrintable(dates->text());
    QTest::mouseClick(swap, Qt::LeftButton);
    EXPECT_TRUE(dates->text().contains(readDayFirst ? monthFirst : dayFirst)) << qPrintable(dates->text());

    // Swapped to month first if it read day first, and back the other way: the import is the
    // month-first reading either way when it read day first, so choose month first.
    if (!readDayFirst)
        QTest::mouseClick(swap, Qt::LeftButton);
    EXPECT_TRUE(dates->text().contains(monthFirst)) << qPrintable(dates->text());
    child<QComboBox>(window, "importShopAuthor")->setCurrentText(QStringLiteral("Casa Nube"));
    QTest::mouseClick(child<QPushButton>(window, "importStart"), Qt::LeftButton);
    auto *undo = child<QPushButton>(window, "importUndo");
    ASSERT_TRUE(QTest::qWaitFor([&] { return undo->isVisible(); }, 10000)) << qPrintable(child<QLabel>(window, "importResult")->text());
    const qint64 span = scalar(*loop.database, QStringLiteral("SELECT MAX(sent_at) - MIN(sent_at) FROM messages")).toLongLong();
    const qint64 twoMonths = (QDate(2021, 1, 2).daysTo(QDate(2021, 3, 2)) * 24 + 1) * 3600;
    EXPECT_TRUE(span == twoMonths || span == twoMonths * 1000) << span << " — 2 January to 2 March, as shown";
}
