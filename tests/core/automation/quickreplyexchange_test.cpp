#include "automation/quickreplyexchange.h"

#include "qtprinting.h"
#include "temporarystore.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Mostrador;
using namespace Mostrador::Testing;

namespace {

QList<QuickReply> shopReplies()
{
    return {
        {0, QStringLiteral("envio"), QStringLiteral("Envío a Bogotá, Medellín"),
         QStringLiteral("Hola {nombre}, el envío cuesta $12.000; llega en 1 o 2 días."), 0, {}},
        {0, QStringLiteral("pago"), QStringLiteral("Medios de \"pago\""),
         QStringLiteral("Puedes pagar por:\n- Nequi\n- Daviplata\n- Transferencia"), 0, {}},
        {0, QStringLiteral("año"), QString(), QStringLiteral("¡Feliz año, {nombre}! Mañana abrimos a las 10."), 0, {}},
    };
}

void expectSameReplies(const QList<QuickReply> &actual, const QList<QuickReply> &expected)
{
    ASSERT_EQ(actual.size(), expected.size());
    for (qsizetype i = 0; i < actual.size(); ++i) {
        EXPECT_EQ(actual.at(i).shortcut, expected.at(i).shortcut);
        EXPECT_EQ(actual.at(i).title, expected.at(i).title);
        EXPECT_EQ(actual.at(i).body, expected.at(i).body);
    }
}

} // namespace

TEST(QuickReplyExchange, JsonAndCsvComeBackExactlyWithAccentsQuotesAndNewLines)
{
    QString error;
    const auto fromJson = QuickReplyExchange::fromJson(*QuickReplyExchange::toJson(shopReplies(), &error), &error);
    ASSERT_TRUE(fromJson) << error.toStdString();
    expectSameReplies(*fromJson, shopReplies());

    const QByteArray csv = QuickReplyExchange::toCsv(shopReplies());
    EXPECT_TRUE(csv.startsWith("\xEF\xBB\xBF" "shortcut,title,text\r\n")) << "UTF-8 mark for spreadsheets, then the header";
    const auto fromCsv = QuickReplyExchange::fromCsv(csv, &error);
    ASSERT_TRUE(fromCsv) << error.toStdString();
    expectSameReplies(*fromCsv, shopReplies());
}

TEST(QuickReplyExchange, ReadsASpreadsheetSavedWithSemicolonsAndOtherColumnOrder)
{
    QString error;
    const auto replies = QuickReplyExchange::fromCsv(
        QByteArrayLiteral("text;shortcut;notes\n\"Abrimos de 9 a 13; sábados hasta las 14.\";horario;interna\n"), &error);
    ASSERT_TRUE(replies) << error.toStdString();
    ASSERT_EQ(replies->size(), 1);
    EXPECT_EQ(replies->first().shortcut, QStringLiteral("horario"));
    EXPECT_EQ(replies->first().body, QStringLiteral("Abrimos de 9 a 13; sábados hasta las 14."));
}

TEST(QuickReplyExchange, SaysWhatIsWrongWithABadFile)
{
    QString error;
    EXPECT_FALSE(QuickReplyExchange::fromCsv(QByteArrayLiteral("shortcut,title,text\nenvio,Envío,Cuesta 12.000\n,Sin atajo,Texto\n"), &error));
    EXPECT_EQ(error, QStringLiteral("Row 3 of the CSV file has no shortcut or no text."));
    EXPECT_FALSE(QuickReplyExchange::fromCsv(QByteArrayLiteral("atajo,texto\nenvio,Cuesta\n"), &error));
    EXPECT_EQ(error, QStringLiteral("The first line of the CSV file must name the columns: shortcut, title, text."));
    EXPECT_FALSE(QuickReplyExchange::fromCsv(QByteArrayLiteral("shortcut,text\nenvio,\"sin cerrar\n"), &error));
    EXPECT_EQ(error, QStringLiteral("The file could not be read as CSV (a quote is never closed)."));
    EXPECT_FALSE(QuickReplyExchange::fromJson(QByteArrayLiteral(R"({"replies":[]})"), &error));
    EXPECT_EQ(error, QStringLiteral("This is not a file of quick replies exported by Mostrador."));
}

TEST(QuickReplyExchange, MovesAShopsRepliesToAnotherPcThroughAFile)
{
    TemporaryStore firstPc;
    TemporaryStore secondPc;
    auto first = firstPc.open();
    auto second = secondPc.open();
    ASSERT_TRUE(first && second);
    QuickReplyStore from(*first);
    QuickReplyStore to(*second);
    StoreError storeError;
    for (const QuickReply &reply : shopReplies())
        ASSERT_TRUE(from.save(reply, &storeError)) << storeError.detail.toStdString();
    // The second PC already has its own /pago, with uses: it is updated, not duplicated.
    const auto ownPago = to.save({0, QStringLiteral("pago"), QStringLiteral("Viejo"), QStringLiteral("Texto viejo"), 0, {}}, &storeError);
    ASSERT_TRUE(ownPago);
    ASSERT_FALSE(to.recordUse(*ownPago).isError());

    QTemporaryDir folder;
    for (const QString &name : {QStringLiteral("respuestas.json"), QStringLiteral("respuestas.csv")}) {
        const QString path = folder.filePath(name);
        QString error;
        ASSERT_TRUE(QuickReplyExchange::toFile(from.all(&storeError), path, &error)) << error.toStdString();
        const auto read = QuickReplyExchange::fromFile(path, &error);
        ASSERT_TRUE(read) << error.toStdString();
        const auto result = to.import(*read, &storeError);
        ASSERT_TRUE(result) << storeError.detail.toStdString();
        EXPECT_EQ(result->added + result->updated, 3);
    }
    const QList<QuickReply> imported = to.all(&storeError);
    ASSERT_EQ(imported.size(), 3);
    EXPECT_EQ(imported.first().shortcut, QStringLiteral("pago"));
    EXPECT_EQ(imported.first().title, QStringLiteral("Medios de \"pago\""));
    EXPECT_EQ(imported.first().useCount, 1) << "the second PC's own use count stays";
}

TEST(QuickReplyExchange, AnImportWithABadReplyChangesNothing)
{
    TemporaryStore store;
    auto database = store.open();
    QuickReplyStore replies(*database);
    StoreError error;
    ASSERT_TRUE(replies.save({0, QStringLiteral("envio"), QStringLiteral("Envío"), QStringLiteral("Cuesta 12.000"), 0, {}}, &error));
    EXPECT_FALSE(replies.import({{0, QStringLiteral("envio"), QStringLiteral("Nuevo"), QStringLiteral("Nuevo texto"), 0, {}},
                                 {0, QStringLiteral("con espacio"), QString(), QStringLiteral("Texto"), 0, {}}},
                                &error));
    EXPECT_EQ(error.userMessage, QStringLiteral("A quick reply needs a shortcut without spaces (such as envio) and a text."));
    const QList<QuickReply> after = replies.all(&error);
    ASSERT_EQ(after.size(), 1);
    EXPECT_EQ(after.first().body, QStringLiteral("Cuesta 12.000"));
}

TEST(QuickReplyExchange, ReorderIsKept)
{
    TemporaryStore store;
    auto database = store.open();
    QuickReplyStore replies(*database);
    StoreError error;
    QList<qint64> ids;
    for (const QuickReply &reply : shopReplies())
        ids << *replies.save(reply, &error);
    ASSERT_FALSE(replies.reorder({ids.at(2), ids.at(0), ids.at(1)}).isError());
    QStringList order;
    for (const QuickReply &reply : replies.all(&error))
        order << reply.shortcut;
    EXPECT_EQ(order, (QStringList{QStringLiteral("año"), QStringLiteral("envio"), QStringLiteral("pago")}));
}

TEST(QuickReplyExchange, AttachedFilesAreCheckedKeptAndTravelInTheJsonFile)
{
    QTemporaryDir firstPc;
    QTemporaryDir secondPc;
    const QString priceList = firstPc.filePath(QStringLiteral("lista de precios.pdf"));
    QFile pdf(priceList);
    ASSERT_TRUE(pdf.open(QIODevice::WriteOnly));
    const QByteArray pdfBytes = QByteArrayLiteral("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    pdf.write(pdfBytes);
    pdf.close();

    QString error;
    const auto kept = keepQuickReplyFile(priceList, firstPc.filePath(QStringLiteral("files")), &error);
    ASSERT_TRUE(kept) << error.toStdString();
    EXPECT_EQ(kept->name, QStringLiteral("lista de precios.pdf"));
    EXPECT_TRUE(kept->path.endsWith(QLatin1String(".pdf")));
    ASSERT_TRUE(QFile::remove(priceList)) << "the kept copy does not depend on the original";

    // Too big for WhatsApp: refused when saved, not when sent.
    EXPECT_FALSE(keepQuickReplyFile(QByteArray(6 * 1024 * 1024, '\xff').prepend("\x89PNG\r\n\x1a\n"), QStringLiteral("qr.png"),
                                    firstPc.filePath(QStringLiteral("files")), &error));
    EXPECT_FALSE(error.isEmpty());

    const QList<QuickReply> replies{{0, QStringLiteral("precios"), QStringLiteral("Lista de precios"), QStringLiteral("Te envío la lista."), 0, {*kept}}};
    const auto json = QuickReplyExchange::toJson(replies, &error);
    ASSERT_TRUE(json) << error.toStdString();
    const auto read = QuickReplyExchange::fromJson(*json, &error, secondPc.filePath(QStringLiteral("files")));
    ASSERT_TRUE(read) << error.toStdString();
    ASSERT_EQ(read->first().attachments.size(), 1);
    const QuickReplyFile arrived = read->first().attachments.first();
    EXPECT_EQ(arrived.name, QStringLiteral("lista de precios.pdf"));
    EXPECT_TRUE(arrived.path.startsWith(secondPc.path()));
    QFile copy(arrived.path);
    ASSERT_TRUE(copy.open(QIODevice::ReadOnly));
    EXPECT_EQ(copy.readAll(), pdfBytes);

    QFile::remove(kept->path);
    EXPECT_FALSE(QuickReplyExchange::toJson(replies, &error));
    EXPECT_TRUE(error.startsWith(QStringLiteral("The file lista de precios.pdf of /precios cannot be read"))) << error.toStdString();
}
