// The workspace with files: what the shop sends (checked, captioned, kept as a thumbnail) and
// what customers send (downloaded with its progress), on the real window and the wire loop.
#include "workspacetest.h"

#include <gtest/gtest.h>

using namespace Mostrador;
using namespace Mostrador::Testing;

TEST_F(WorkspaceTest, AFileIsCheckedThenSentWithTheWrittenCaption)
{
    customerWrites(QStringLiteral("¿Me mandas la lista de precios?"));
    auto *list = find<QListView>("conversationList");
    list->setCurrentIndex(list->model()->index(0, 0));
    QTemporaryDir folder;

    // A program file is refused before anything is uploaded.
    const QString program = folder.filePath(QStringLiteral("tool.exe"));
    QFile exe(program);
    ASSERT_TRUE(exe.open(QIODevice::WriteOnly));
    exe.write(QByteArray("MZ\x90\x00", 4) + QByteArray(2000, '\0'));
    exe.close();
    auto *composer = window->findChild<Composer *>(QStringLiteral("composer"));
    Q_EMIT composer->attachFile(program, QString());
    // Said in the band across the window, where it stays until dismissed.
    auto *notice = window->findChild<QLabel *>(QStringLiteral("noticeText"));
    ASSERT_NE(notice, nullptr);
    EXPECT_TRUE(notice->isVisible());
    EXPECT_TRUE(notice->text().contains(QLatin1String("does not accept"))) << notice->text().toStdString();
    const int sendsBefore = int(loop.sandbox->receivedSends().size());

    // A PDF goes, with what was written as its caption.
    const QString pdf = folder.filePath(QStringLiteral("precios.pdf"));
    QFile document(pdf);
    ASSERT_TRUE(document.open(QIODevice::WriteOnly));
    document.write("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    document.close();
    Q_EMIT composer->attachFile(pdf, QStringLiteral("Precios de noviembre"));
    const auto documentSent = [&] {
        for (const QJsonObject &body : loop.sandbox->receivedSends()) {
            if (body.value(QLatin1String("type")).toString() == QLatin1String("document"))
                return body;
        }
        return QJsonObject();
    };
    ASSERT_TRUE(QTest::qWaitFor([&] { return !documentSent().isEmpty(); }, 5000));
    EXPECT_GT(int(loop.sandbox->receivedSends().size()), sendsBefore);
    const QJsonObject sent = documentSent();
    EXPECT_EQ(sent.value(QLatin1String("type")).toString(), QStringLiteral("document"));
    EXPECT_EQ(sent.value(QLatin1String("document")).toObject().value(QLatin1String("filename")).toString(), QStringLiteral("precios.pdf"));
    EXPECT_EQ(sent.value(QLatin1String("document")).toObject().value(QLatin1String("caption")).toString(), QStringLiteral("Precios de noviembre"));
}

TEST_F(WorkspaceTest, ThePhotoTheShopSendsShowsInTheThreadLikeACustomers)
{
    customerWrites(QStringLiteral("¿Tenéis la lámpara en blanco?"));
    auto *list = find<QListView>("conversationList");
    list->setCurrentIndex(list->model()->index(0, 0));
    QTemporaryDir folder;
    QImage drawn(320, 240, QImage::Format_RGB32);
    drawn.fill(QColor(0xf2, 0xe8, 0xd5));
    {
        QPainter painter(&drawn);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0xc9, 0xa8, 0x7c));
        painter.drawPolygon(QPolygon({QPoint(120, 60), QPoint(200, 60), QPoint(230, 130), QPoint(90, 130)}));
        painter.drawRect(155, 130, 10, 60);
        painter.drawRoundedRect(120, 185, 80, 12, 6, 6);
    }
    const QString photo = folder.filePath(QStringLiteral("lampara.png"));
    ASSERT_TRUE(drawn.save(photo));
    QFile written(photo);
    ASSERT_TRUE(written.open(QIODevice::ReadOnly));
    const QString sha256 = QString::fromLatin1(QCryptographicHash::hash(written.readAll(), QCryptographicHash::Sha256).toHex());

    auto *composer = window->findChild<Composer *>(QStringLiteral("composer"));
    Q_EMIT composer->attachFile(photo, QStringLiteral("Sí, en blanco"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return messages()->rowCount() == 2; }, 5000));
    const QModelIndex sent = messages()->index(1);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !sent.data(MessageListModel::MediaPathRole).toString().isEmpty(); }, 5000));
    // Kept like a customer's file: in the shop's media folder, named by its SHA-256.
    const QString kept = sent.data(MessageListModel::MediaPathRole).toString();
    EXPECT_EQ(QFileInfo(kept).fileName(), sha256 + QStringLiteral(".png"));
    EXPECT_EQ(QFileInfo(kept).absolutePath(), QFileInfo(mediaFolder.path()).absoluteFilePath());
    EXPECT_FALSE(QImage(kept).isNull());
    // The bubble is a picture, not the line "Photo: …".
    auto *thread = find<QListView>("messageList");
    QStyleOptionViewItem option;
    option.initFrom(thread->viewport());
    option.rect = QRect(0, 0, thread->viewport()->width(), 0);
    const QModelIndex shown = thread->model()->index(1, 0);
    EXPECT_GT(thread->itemDelegate()->sizeHint(option, shown).height(), 120);
    if (qEnvironmentVariableIsSet("MOSTRADOR_TEST_SCREENSHOTS"))
        QTest::qWait(50), window->grab().save(qEnvironmentVariable("MOSTRADOR_TEST_SCREENSHOTS") + QStringLiteral("/shop-photo.png"));
}

TEST_F(WorkspaceTest, ACustomersPhotoShowsItsDownloadAndThenItsSize)
{
    MediaDownloader downloader(*loop.database, *loop.client, loop.store.directory() + QStringLiteral("/media"));
    workspace->followDownloads(downloader);
    loop.sandbox->addCustomer(QStringLiteral("573001112233"), QStringLiteral("Lucía"));
    const QByteArray photo(300 * 1024, '\x44');
    const QString mediaId = loop.sandbox->addMedia(photo, QStringLiteral("image/jpeg"));
    loop.sandbox->customerSends(QStringLiteral("573001112233"), QStringLiteral("image"),
                                {{QStringLiteral("id"), mediaId}, {QStringLiteral("mime_type"), QStringLiteral("image/jpeg")},
                                 {QStringLiteral("sha256"), QString::fromLatin1(QCryptographicHash::hash(photo, QCryptographicHash::Sha256).toHex())}});
    ASSERT_TRUE(loop.waitForBatches(1));
    auto *list = find<QListView>("conversationList");
    ASSERT_TRUE(QTest::qWaitFor([&] { return list->model()->rowCount() == 1; }, 3000));
    list->setCurrentIndex(list->model()->index(0, 0));
    auto *thread = find<QListView>("messageList");
    ASSERT_EQ(thread->model()->rowCount(), 1);
    EXPECT_EQ(MessageDelegate::displayText(thread->model()->index(0, 0)), QStringLiteral("Photo\nDownloading…"));

    QStringList shown;
    QObject::connect(thread->model(), &QAbstractItemModel::dataChanged, thread,
            [&](const QModelIndex &from) { shown << MessageDelegate::displayText(from); });
    // Halfway, the bubble draws a bar filling beside the time.
    auto *messages = qobject_cast<MessageListModel *>(thread->model());
    messages->setDownloadProgress(thread->model()->index(0, 0).data(MessageListModel::IdRole).toLongLong(), 150, 300);
    EXPECT_EQ(MessageDelegate::displayText(thread->model()->index(0, 0)), QStringLiteral("Photo\nDownloading… 50 %"));
    if (qEnvironmentVariableIsSet("MOSTRADOR_TEST_SCREENSHOTS"))
        QTest::qWait(50), window->grab().save(qEnvironmentVariable("MOSTRADOR_TEST_SCREENSHOTS") + QStringLiteral("/download.png"));
    downloader.schedule();
    const QString done = QStringLiteral("Photo\nClick to open · %1").arg(QLocale().formattedDataSize(photo.size(), 1, QLocale::DataSizeTraditionalFormat));
    ASSERT_TRUE(QTest::qWaitFor([&] { return MessageDelegate::displayText(thread->model()->index(0, 0)) == done; }, 5000));
    EXPECT_TRUE(shown.contains(QStringLiteral("Photo\nDownloading… 100 %"))) << shown.join(QLatin1Char('|')).toStdString();
}

TEST_F(WorkspaceTest, AQuickReplyWithAFileSendsTheTextThenTheFile)
{
    QTemporaryDir folder;
    const QString source = folder.filePath(QStringLiteral("precios.pdf"));
    QFile pdf(source);
    ASSERT_TRUE(pdf.open(QIODevice::WriteOnly));
    pdf.write("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    pdf.close();
    QString problem;
    const auto kept = keepQuickReplyFile(source, folder.filePath(QStringLiteral("kept")), &problem);
    ASSERT_TRUE(kept) << problem.toStdString();
    QuickReplyStore store(*loop.database);
    StoreError error;
    ASSERT_TRUE(store.save({0, QStringLiteral("precios"), QStringLiteral("Lista de precios"), QStringLiteral("Te envío la lista de precios, {nombre}."), 0, {*kept}},
                           &error));
    window->findChild<Composer *>(QStringLiteral("composer"))->setQuickReplies(store.all(&error));

    customerWrites(QStringLiteral("¿Cómo pago?"));
    auto *list = find<QListView>("conversationList");
    list->setCurrentIndex(list->model()->index(0, 0));
    auto *editor = find<QPlainTextEdit>("composerText");
    QTest::keyClicks(editor, QStringLiteral("/precios"));
    QTest::keyClick(editor, Qt::Key_Return); // inserts
    EXPECT_EQ(editor->toPlainText(), QStringLiteral("Te envío la lista de precios, Lucía."));
    EXPECT_EQ(find<QLabel>("attachmentText")->text(), QStringLiteral("Sent with the message: precios.pdf"));
    QTest::keyClick(editor, Qt::Key_Return); // sends
    ASSERT_TRUE(QTest::qWaitFor([&] { return loop.value(QStringLiteral("SELECT COUNT(*) FROM messages WHERE direction = 'out' AND kind = 'document'")).toInt() == 1; }, 5000));
    EXPECT_EQ(loop.value(QStringLiteral("SELECT body FROM messages WHERE direction = 'out' AND kind = 'document'")).toString(),
              QStringLiteral("precios.pdf"));
    EXPECT_TRUE(loop.value(QStringLiteral("SELECT payload_json FROM messages WHERE direction = 'out' AND kind = 'document'"))
                    .toString().contains(QLatin1String("\"filename\":\"precios.pdf\""))) << "the customer sees the file's name, not the kept copy's";
    EXPECT_LT(loop.value(QStringLiteral("SELECT id FROM messages WHERE body = 'Te envío la lista de precios, Lucía.'")).toLongLong(),
              loop.value(QStringLiteral("SELECT id FROM messages WHERE kind = 'document' AND direction = 'out'")).toLongLong())
        << "the text first, then the file";
    EXPECT_TRUE(find<QWidget>("attachmentBanner")->isHidden());
}
