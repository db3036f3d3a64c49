// The phone's "Export chat" text as Android and iPhone write it in many languages and regions.
// Every sample here is written for this test from the formats phones use (no real chat).
#include "import/chatexportreader.h"

#include "qtprinting.h"

#include <QBuffer>

#include <gtest/gtest.h>

using namespace Mostrador;

namespace {

const QTimeZone kMadrid("Europe/Madrid");

struct Read {
    bool recognised = false;
    QString error;
    QList<ExportedMessage> messages;
    QStringList authors;
    QStringList problems;
    ChatExportReader::DateOrder order = ChatExportReader::DateOrder::DayMonthYear;
};

Read readExport(const QString &text, const QLocale &locale = QLocale(QLocale::Spanish, QLocale::Spain),
                const QTimeZone &zone = kMadrid)
{
    QByteArray bytes = text.toUtf8();
    Read result;
    ChatExportReader reader(zone, locale);
    QBuffer first(&bytes);
    first.open(QIODevice::ReadOnly);
    result.recognised = reader.scan(first, &result.error);
    if (!result.recognised)
        return result;
    QBuffer second(&bytes);
    second.open(QIODevice::ReadOnly);
    reader.read(second, [&](const ExportedMessage &message) {
        result.messages << message;
        return true;
    });
    result.authors = reader.authors();
    result.problems = reader.problems();
    result.order = reader.dateOrder();
    return result;
}

QDateTime madrid(int year, int month, int day, int hour, int minute, int second = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second), kMadrid);
}

} // namespace

TEST(ChatExportReader, AndroidInSpanishWithMediaDeletedEditedAndManyLines)
{
    const Read read = readExport(QStringLiteral(
        "31/12/20, 23:50 - Los mensajes y las llamadas están cifrados de extremo a extremo. Nadie fuera de este chat, ni siquiera "
        "WhatsApp, puede leerlos ni escucharlos. Toca para obtener más información.\n"
        "31/12/20, 23:51 - Lucía Gómez: Hola, ¿tenéis la manta gris?\n"
        "31/12/20, 23:52 - Casa Nube: Sí, nos quedan dos.\n"
        "Te la guardo si quieres.\n"
        "\n"
        "Un saludo\n"
        "1/1/21, 0:05 - Lucía Gómez: <Multimedia omitido>\n"
        "1/1/21, 0:06 - Lucía Gómez: IMG-20210101-WA0001.jpg (archivo adjunto)\n"
        "Esta es la que vi\n"
        "1/1/21, 0:07 - Casa Nube: Se eliminó este mensaje.\n"
        "1/1/21, 0:08 - Casa Nube: Perfecto, mañana 10:00 - 14:00 <Se editó este mensaje.>\n"
        "1/1/21, 0:09 - Lucía Gómez: PDF-factura.pdf (archivo adjunto)\n"));
    ASSERT_TRUE(read.recognised) << qPrintable(read.error);
    EXPECT_EQ(read.order, ChatExportReader::DateOrder::DayMonthYear);
    EXPECT_TRUE(read.problems.isEmpty()) << qPrintable(read.problems.join(QLatin1Char('\n')));
    ASSERT_EQ(read.messages.size(), 8);
    EXPECT_EQ(read.authors, (QStringList{QStringLiteral("Lucía Gómez"), QStringLiteral("Casa Nube")}));

    EXPECT_EQ(read.messages[0].kind, MessageKind::System);
    EXPECT_TRUE(read.messages[0].author.isEmpty());
    EXPECT_EQ(read.messages[1].author, QStringLiteral("Lucía Gómez"));
    EXPECT_EQ(read.messages[1].time, madrid(2020, 12, 31, 23, 51));
    EXPECT_EQ(read.messages[1].text, QStringLiteral("Hola, ¿tenéis la manta gris?"));
    EXPECT_EQ(read.messages[2].text, QStringLiteral("Sí, nos quedan dos.\nTe la guardo si quieres.\n\nUn saludo"));
    EXPECT_EQ(read.messages[3].media, ExportedMessage::Media::Omitted);
    EXPECT_EQ(read.messages[3].time, madrid(2021, 1, 1, 0, 5));
    EXPECT_EQ(read.messages[4].media, ExportedMessage::Media::Attached);
    EXPECT_EQ(read.messages[4].attachment, QStringLiteral("IMG-20210101-WA0001.jpg"));
    EXPECT_EQ(read.messages[4].kind, MessageKind::Image);
    EXPECT_EQ(read.messages[4].text, QStringLiteral("Esta es la que vi"));
    EXPECT_TRUE(read.messages[5].deleted);
    EXPECT_TRUE(read.messages[6].edited);
    EXPECT_EQ(read.messages[6].text, QStringLiteral("Perfecto, mañana 10:00 - 14:00"));
    EXPECT_EQ(read.messages[7].kind, MessageKind::Document);
}

TEST(ChatExportReader, AndroidInEnglishWithATwelveHourClockMonthFirst)
{
    // A narrow no-break space before AM/PM, as recent Android versions write it.
    const Read read = readExport(QStringLiteral("12/31/20, 11:59\u202FPM - Lucía: Are you open tomorrow?\n"
                                                "1/2/21, 9:05\u202FAM - Casa Nube: Yes, from 10 to 2\n"
                                                "1/2/21, 12:30\u202FPM - Lucía: <Media omitted>\n"
                                                "1/2/21, 12:31\u202FAM - Lucía: This message was deleted\n"),
                                 QLocale(QLocale::English, QLocale::UnitedStates));
    ASSERT_TRUE(read.recognised);
    EXPECT_EQ(read.order, ChatExportReader::DateOrder::MonthDayYear);
    ASSERT_EQ(read.messages.size(), 4);
    EXPECT_EQ(read.messages[0].time, madrid(2020, 12, 31, 23, 59));
    EXPECT_EQ(read.messages[1].time, madrid(2021, 1, 2, 9, 5));
    EXPECT_EQ(read.messages[1].text, QStringLiteral("Yes, from 10 to 2"));
    EXPECT_EQ(read.messages[2].time, madrid(2021, 1, 2, 12, 30));
    EXPECT_EQ(read.messages[2].media, ExportedMessage::Media::Omitted);
    EXPECT_EQ(read.messages[3].time, madrid(2021, 1, 2, 0, 31));
    EXPECT_TRUE(read.messages[3].deleted);
}

TEST(ChatExportReader, IphoneInSpanishWithSecondsMarksAttachmentsAndTheNotice)
{
    const QString lrm(QChar(0x200E));
    const Read read = readExport(
        lrm + QStringLiteral("[31/12/20, 23:50:00] Casa Nube: ") + lrm
        + QStringLiteral("Los mensajes y las llamadas están cifrados de extremo a extremo. Nadie fuera de este chat puede leerlos.\r\n")
        + QStringLiteral("[31/12/20, 23:59:59] Lucía Gómez: ¿Os queda la lámpara?\r\n")
        + lrm + QStringLiteral("[1/1/21, 0:00:10] Casa Nube: ") + lrm + QStringLiteral("<adjunto: 00000012-PHOTO-2020-12-31-23-59-59.jpg>\r\n")
        + lrm + QStringLiteral("[1/1/21, 0:01:00] Lucía Gómez: ") + lrm + QStringLiteral("imagen omitida\r\n")
        + lrm + QStringLiteral("[1/1/21, 0:02:00] Lucía Gómez: ") + lrm + QStringLiteral("audio omitido\r\n"));
    ASSERT_TRUE(read.recognised);
    ASSERT_EQ(read.messages.size(), 5);
    EXPECT_EQ(read.messages[0].kind, MessageKind::System) << "the iPhone's notice under the chat's name";
    EXPECT_TRUE(read.messages[0].author.isEmpty());
    EXPECT_EQ(read.messages[1].time, madrid(2020, 12, 31, 23, 59, 59));
    EXPECT_EQ(read.messages[1].text, QStringLiteral("¿Os queda la lámpara?")) << "no carriage return left";
    EXPECT_EQ(read.messages[2].author, QStringLiteral("Casa Nube"));
    EXPECT_EQ(read.messages[2].attachment, QStringLiteral("00000012-PHOTO-2020-12-31-23-59-59.jpg"));
    EXPECT_EQ(read.messages[2].kind, MessageKind::Image);
    EXPECT_EQ(read.messages[3].media, ExportedMessage::Media::Omitted);
    EXPECT_EQ(read.messages[3].kind, MessageKind::Image);
    EXPECT_EQ(read.messages[4].kind, MessageKind::Audio);
}

TEST(ChatExportReader, YearFirstSpanishPeriodsPortugueseAndRussianForms)
{
    const Read ymd = readExport(QStringLiteral("\uFEFF2020-12-31 23:59 - Lucía: Feliz año\n2021-01-01 00:01 - Casa Nube: ¡Igualmente!\n"));
    ASSERT_TRUE(ymd.recognised);
    EXPECT_EQ(ymd.order, ChatExportReader::DateOrder::YearMonthDay);
    ASSERT_EQ(ymd.messages.size(), 2);
    EXPECT_EQ(ymd.messages[0].author, QStringLiteral("Lucía")) << "the BOM is not part of anything";
    EXPECT_EQ(ymd.messages[1].time, madrid(2021, 1, 1, 0, 1));

    const Read spanish = readExport(QStringLiteral("31/12/20, 11:59\u202Fp.\u00A0m. - Lucía: ¿A qué hora abrís?\n"
                                                   "1/1/21, 9:00\u202Fa.\u00A0m. - Casa Nube: A las 10\n"));
    ASSERT_EQ(spanish.messages.size(), 2);
    EXPECT_EQ(spanish.messages[0].time, madrid(2020, 12, 31, 23, 59));
    EXPECT_EQ(spanish.messages[1].time, madrid(2021, 1, 1, 9, 0));

    const Read portuguese = readExport(QStringLiteral("31/12/2020 23:59 - Joana: Olá, vocês entregam?\n"
                                                      "01/01/2021 10:00 - Casa Nube: <Mídia oculta>\n"
                                                      "01/01/2021 10:01 - Joana: Esta mensagem foi apagada\n"),
                                       QLocale(QLocale::Portuguese, QLocale::Brazil));
    ASSERT_EQ(portuguese.messages.size(), 3);
    EXPECT_EQ(portuguese.messages[0].author, QStringLiteral("Joana"));
    EXPECT_EQ(portuguese.messages[0].text, QStringLiteral("Olá, vocês entregam?"));
    EXPECT_EQ(portuguese.messages[1].media, ExportedMessage::Media::Omitted);
    EXPECT_TRUE(portuguese.messages[2].deleted);

    const Read russian = readExport(QStringLiteral("31.12.2020, 23:59 - Анна: Привет! Есть серый плед?\n"
                                                   "01.01.2021, 00:10 - Casa Nube: Да, есть.\n"));
    ASSERT_EQ(russian.messages.size(), 2);
    EXPECT_EQ(russian.messages[0].author, QStringLiteral("Анна"));
    EXPECT_EQ(russian.messages[0].time, madrid(2020, 12, 31, 23, 59));
    EXPECT_EQ(russian.messages[1].text, QStringLiteral("Да, есть."));
}

TEST(ChatExportReader, ArabicDigitsRightToLeftMarksTimeFirstAndOtherCalendars)
{
    const QString rlm(QChar(0x200F));
    const Read arabic = readExport(QStringLiteral("٣١") + rlm + QStringLiteral("/١٢") + rlm + QStringLiteral("/٢٠٢٠ ١١:٥٩ م - أحمد: مرحبا، هل لديكم البطانية؟\n")
                                   + QStringLiteral("١") + rlm + QStringLiteral("/١") + rlm + QStringLiteral("/٢٠٢١ ٩:٠٥ ص - Casa Nube: نعم\n"));
    ASSERT_TRUE(arabic.recognised) << qPrintable(arabic.error);
    ASSERT_EQ(arabic.messages.size(), 2);
    EXPECT_EQ(arabic.messages[0].author, QStringLiteral("أحمد"));
    EXPECT_EQ(arabic.messages[0].time, madrid(2020, 12, 31, 23, 59));
    EXPECT_EQ(arabic.messages[0].text, QStringLiteral("مرحبا، هل لديكم البطانية؟"));
    EXPECT_EQ(arabic.messages[1].time, madrid(2021, 1, 1, 9, 5));

    const Read timeFirst = readExport(QStringLiteral("23:59, 31/12/2020 - Lucía: Hola\n00:05, 01/01/2021 - Casa Nube: Hola Lucía\n"));
    ASSERT_EQ(timeFirst.messages.size(), 2);
    EXPECT_EQ(timeFirst.messages[0].time, madrid(2020, 12, 31, 23, 59));

    const Read buddhist = readExport(QStringLiteral("[31/12/2563 23:59:59] Somchai: สวัสดีครับ\n[1/1/2564 08:00:00] Casa Nube: สวัสดีค่ะ\n"));
    ASSERT_EQ(buddhist.messages.size(), 2);
    EXPECT_EQ(buddhist.messages[0].time, madrid(2020, 12, 31, 23, 59, 59)) << "2563 of the Buddhist era is 2020";

    const Read japanese = readExport(QStringLiteral("[R2/12/31 23:59:59] 田中: こんにちは\n[R3/01/01 0:00:30] Casa Nube: あけましておめでとう\n"));
    ASSERT_EQ(japanese.messages.size(), 2);
    EXPECT_EQ(japanese.messages[0].time, madrid(2020, 12, 31, 23, 59, 59)) << "Reiwa 2 is 2020";
    EXPECT_EQ(japanese.messages[1].time, madrid(2021, 1, 1, 0, 0, 30)) << qPrintable(japanese.messages[1].time.toString(Qt::ISODate));

    const Read korean = readExport(QStringLiteral("2020. 12. 31. 오후 11:59 - 민수: 안녕하세요\n2021. 1. 1. 오전 9:00 - Casa Nube: 네\n"));
    ASSERT_EQ(korean.messages.size(), 2);
    EXPECT_EQ(korean.messages[0].time, madrid(2020, 12, 31, 23, 59));
    EXPECT_EQ(korean.messages[1].time, madrid(2021, 1, 1, 9, 0)) << qPrintable(korean.messages[1].time.toString(Qt::ISODate));
}

TEST(ChatExportReader, AGroupKeepsEveryAuthorAndLinesWithNoAuthor)
{
    const Read read = readExport(QStringLiteral("10/03/21, 9:00 - Marta creó el grupo \"Proveedores textil\"\n"
                                                "10/03/21, 9:01 - Marta añadió a Casa Nube\n"
                                                "10/03/21, 9:02 - Marta: Buenos días, ¿pedido de mantas?\n"
                                                "10/03/21, 9:03 - Jorge Textiles: Salen el jueves\n"
                                                "10/03/21, 9:04 - Casa Nube: Gracias a los dos\n"
                                                "10/03/21, 9:05 - ~ Pedro: Yo llevo los cojines\n"));
    ASSERT_EQ(read.messages.size(), 6);
    EXPECT_EQ(read.messages[0].kind, MessageKind::System);
    EXPECT_EQ(read.messages[1].kind, MessageKind::System);
    EXPECT_EQ(read.messages[3].author, QStringLiteral("Jorge Textiles"));
    EXPECT_EQ(read.messages[5].author, QStringLiteral("Pedro"));
    EXPECT_EQ(read.authors.size(), 4);
}

TEST(ChatExportReader, DayAndMonthAreResolvedOverTheWholeFile)
{
    // Only the last line says day first (13 cannot be a month): every line is read that way.
    const Read late = readExport(QStringLiteral("01/02/21, 10:00 - Lucía: uno\n03/02/21, 10:00 - Lucía: dos\n13/02/21, 10:00 - Lucía: tres\n"),
                                 QLocale(QLocale::English, QLocale::UnitedStates));
    EXPECT_EQ(late.order, ChatExportReader::DateOrder::DayMonthYear);
    EXPECT_EQ(late.messages[0].time, madrid(2021, 2, 1, 10, 0));

    // No number above 12: the order that keeps the dates going forward (5 January, 4 February).
    const Read forward = readExport(QStringLiteral("05/01/21, 10:00 - Lucía: uno\n04/02/21, 10:00 - Lucía: dos\n"),
                                    QLocale(QLocale::English, QLocale::UnitedStates));
    EXPECT_EQ(forward.order, ChatExportReader::DateOrder::DayMonthYear);

    // Nothing tells: the shop's locale decides.
    const QString undecided = QStringLiteral("01/02/21, 10:00 - Lucía: uno\n01/02/21, 11:00 - Lucía: dos\n");
    EXPECT_EQ(readExport(undecided).order, ChatExportReader::DateOrder::DayMonthYear);
    EXPECT_EQ(readExport(undecided, QLocale(QLocale::English, QLocale::UnitedStates)).order, ChatExportReader::DateOrder::MonthDayYear);
}

TEST(ChatExportReader, ALineThatCannotBeReadIsReportedAndKept)
{
    const Read read = readExport(QStringLiteral("28/02/21, 10:00 - Lucía: ¿Cuándo llega?\n"
                                                "31/02/21, 10:00 - esto no es una fecha\n"
                                                "01/03/21, 10:00 - Casa Nube: El lunes\n"));
    ASSERT_EQ(read.messages.size(), 2);
    EXPECT_EQ(read.messages[0].text, QStringLiteral("¿Cuándo llega?\n31/02/21, 10:00 - esto no es una fecha"));
    ASSERT_EQ(read.problems.size(), 1);
    EXPECT_TRUE(read.problems.first().startsWith(QLatin1String("line 2:"))) << qPrintable(read.problems.first());
}

TEST(ChatExportReader, AFileThatIsNotAChatExportIsSaidSo)
{
    const Read read = readExport(QStringLiteral("nombre,telefono\nLucía,+57 300 111 2233\nJordi,+34 611 22 33 44\n"));
    EXPECT_FALSE(read.recognised);
    EXPECT_TRUE(read.error.contains(QLatin1String("not a WhatsApp chat export"))) << qPrintable(read.error);
}

// The 27 bytes a fuzzer found (issue #35): an attachment's name with control characters and NUL
// bytes crashed Qt's MIME matching. Read now, the name cleaned and the problem said with its line.
TEST(ChatExportReader, AnAttachmentNameWithControlCharactersIsCleanedAndReported)
{
    const QByteArray crash = QByteArray::fromHex("332d332d32333a33332d206e3a200400002e766366202862746129");
    const Read read = readExport(QString::fromUtf8(crash));
    if (read.recognised) {
        for (const ExportedMessage &message : read.messages)
            EXPECT_FALSE(message.attachment.contains(QChar(u'\0')));
    } else {
        EXPECT_FALSE(read.error.isEmpty());
    }

    const Read hostile = readExport(QStringLiteral("12/03/24, 09:18 - Andrea: IMG\u0004-2024\u0000.jpg (archivo adjunto)\n"
                                                   "12/03/24, 09:19 - Andrea: ../../../.ssh/id_rsa.jpg (archivo adjunto)\n"
                                                   "12/03/24, 09:20 - Andrea: IMG-20240312-WA0001.jpg (archivo adjunto)\n"));
    ASSERT_TRUE(hostile.recognised) << qPrintable(hostile.error);
    ASSERT_EQ(hostile.messages.size(), 3);
    EXPECT_EQ(hostile.messages[0].attachment, QStringLiteral("IMG-2024.jpg"));
    EXPECT_EQ(hostile.messages[1].attachment, QStringLiteral("id_rsa.jpg"));
    EXPECT_EQ(hostile.messages[2].attachment, QStringLiteral("IMG-20240312-WA0001.jpg"));
    ASSERT_EQ(hostile.problems.size(), 2) << qPrintable(hostile.problems.join(u'\n'));
    EXPECT_TRUE(hostile.problems[0].startsWith(QLatin1String("line 1:"))) << qPrintable(hostile.problems[0]);
    EXPECT_TRUE(hostile.problems[1].startsWith(QLatin1String("line 2:"))) << qPrintable(hostile.problems[1]);
}

// Issue #31: the forms real phones write, which the forms above did not cover.
TEST(ChatExportReader, CalendarsAsIphonesWriteThemWithTheEraAfterTheYear)
{
    const Read buddhist = readExport(QStringLiteral("[31/12/2563 BE 23:59:59] Somchai: สวัสดีครับ\n"
                                                    "[1/1/2564 BE, 08:00:00] Casa Nube: สวัสดีค่ะ\n"));
    ASSERT_TRUE(buddhist.recognised) << qPrintable(buddhist.error);
    ASSERT_EQ(buddhist.messages.size(), 2);
    EXPECT_EQ(buddhist.messages[0].time, madrid(2020, 12, 31, 23, 59, 59)) << "2563 BE is 2020";
    EXPECT_EQ(buddhist.messages[1].time, madrid(2021, 1, 1, 8, 0));
    EXPECT_EQ(buddhist.messages[1].text, QStringLiteral("สวัสดีค่ะ"));

    // The era letter after the year, and before it in the year's place.
    const Read japanese = readExport(QStringLiteral("[31/12/2 R 23:59:59] 田中: こんにちは\n"
                                                    "[1/1/R3, 0:00:30] Casa Nube: あけましておめでとう\n"
                                                    "[12/1/3 R 9:15:00] 田中: ありがとう\n"));
    ASSERT_TRUE(japanese.recognised) << qPrintable(japanese.error);
    ASSERT_EQ(japanese.messages.size(), 3);
    EXPECT_EQ(japanese.messages[0].time, madrid(2020, 12, 31, 23, 59, 59)) << "Reiwa 2 is 2020";
    EXPECT_EQ(japanese.messages[1].time, madrid(2021, 1, 1, 0, 0, 30));
    EXPECT_EQ(japanese.messages[2].time, madrid(2021, 1, 12, 9, 15));
    EXPECT_EQ(japanese.messages[0].author, QStringLiteral("田中"));
}

TEST(ChatExportReader, ArabicIphonesMarkEveryPartOfTheDateAndUseTheArabicComma)
{
    // Every combination of the marks iPhones put between the parts: right-to-left, left-to-right,
    // the Arabic letter mark, before and after each separator.
    const QList<QChar> marks{QChar(0x200F), QChar(0x200E), QChar(0x061C)};
    for (const QChar before : marks) {
        for (const QChar after : marks) {
            const QString line = QString(before) + QStringLiteral("[") + before + QStringLiteral("٣١") + before + QStringLiteral("/") + after
                + QStringLiteral("١٢") + before + QStringLiteral("/") + after + QStringLiteral("٢٠٢٠، ") + after + QStringLiteral("١١:٥٩:٠٥")
                + before + QStringLiteral(" م] أحمد: مرحبا، هل لديكم البطانية؟\n");
            const Read arabic = readExport(line + QStringLiteral("[١/١/٢٠٢١، ٩:٠٠:٠٠ ص] Casa Nube: ") + QChar(0x200E)
                                           + QStringLiteral("تم حذف هذه الرسالة.\n"));
            ASSERT_TRUE(arabic.recognised) << qPrintable(arabic.error);
            ASSERT_EQ(arabic.messages.size(), 2);
            EXPECT_EQ(arabic.messages[0].author, QStringLiteral("أحمد"));
            EXPECT_EQ(arabic.messages[0].time, madrid(2020, 12, 31, 23, 59, 5));
            EXPECT_EQ(arabic.messages[0].text, QStringLiteral("مرحبا، هل لديكم البطانية؟"));
            EXPECT_EQ(arabic.messages[1].author, QStringLiteral("Casa Nube"));
            EXPECT_TRUE(arabic.messages[1].deleted);
        }
    }
}

TEST(ChatExportReader, OlderHeaderFormsAPeriodAfterTheTimeAndAColonAfterTheSeconds)
{
    const Read period = readExport(QStringLiteral("23/09/2022, 13:34. - Ana: ¿Tenéis cojines?\n23/09/2022, 13:40. - Casa Nube: Sí\n"));
    ASSERT_TRUE(period.recognised) << qPrintable(period.error);
    ASSERT_EQ(period.messages.size(), 2);
    EXPECT_EQ(period.messages[0].time, madrid(2022, 9, 23, 13, 34));
    EXPECT_EQ(period.messages[0].author, QStringLiteral("Ana"));
    EXPECT_EQ(period.messages[0].text, QStringLiteral("¿Tenéis cojines?"));

    const Read old = readExport(QStringLiteral("31/12/2012 23:59:58: Ana: Feliz año: os veo el 2\n"
                                               "01/01/2013 00:00:10: Casa Nube: ¡Igualmente!\nHasta el 2\n"));
    ASSERT_TRUE(old.recognised) << qPrintable(old.error);
    ASSERT_EQ(old.messages.size(), 2);
    EXPECT_EQ(old.messages[0].time, madrid(2012, 12, 31, 23, 59, 58));
    EXPECT_EQ(old.messages[0].author, QStringLiteral("Ana"));
    EXPECT_EQ(old.messages[0].text, QStringLiteral("Feliz año: os veo el 2"));
    EXPECT_EQ(old.messages[1].text, QStringLiteral("¡Igualmente!\nHasta el 2"));
}

TEST(ChatExportReader, ADeletedMessageKeepsItsAuthorInEveryLanguage)
{
    const QString lrm(QChar(0x200E));
    const QStringList notices{QStringLiteral("This message was deleted."), QStringLiteral("You deleted this message."),
                              QStringLiteral("Se eliminó este mensaje."), QStringLiteral("Eliminaste este mensaje."),
                              QStringLiteral("Diese Nachricht wurde gelöscht."), QStringLiteral("Questo messaggio è stato eliminato"),
                              QStringLiteral("Tin nhắn này đã bị xóa"), QStringLiteral("Pesan ini telah dihapus"),
                              QStringLiteral("Данное сообщение удалено"), QStringLiteral("Bu mesaj silindi")};
    for (const QString &notice : notices) {
        // iPhone, after its mark, and Android, without it.
        const Read read = readExport(QStringLiteral("[1/2/21, 10:00:00] Ana: ") + lrm + QStringLiteral("Messages and calls are end-to-end encrypted. No one outside of this chat can read them.\n")
                                     + QStringLiteral("[1/2/21, 10:01:00] Ana: ") + lrm + notice + QStringLiteral("\n")
                                     + QStringLiteral("[1/2/21, 10:02:00] Ana: ¿Sigue disponible?\n"));
        ASSERT_EQ(read.messages.size(), 3) << qPrintable(notice);
        EXPECT_EQ(read.messages[0].kind, MessageKind::System);
        EXPECT_EQ(read.messages[1].author, QStringLiteral("Ana")) << qPrintable(notice);
        EXPECT_TRUE(read.messages[1].deleted) << qPrintable(notice);
        const Read android = readExport(QStringLiteral("01/02/21, 10:01 - Ana: ") + notice + QStringLiteral("\n"));
        ASSERT_EQ(android.messages.size(), 1);
        EXPECT_EQ(android.messages[0].author, QStringLiteral("Ana")) << qPrintable(notice);
        EXPECT_TRUE(android.messages[0].deleted) << qPrintable(notice);
    }
}

TEST(ChatExportReader, AnIphonesPlaceholdersUnderTheContactsNameAreTheirsInAnyLanguage)
{
    // One to one: the chat's name is the contact's, over the phone's notices and her messages.
    const QString lrm(QChar(0x200E));
    const QList<std::pair<QString, MessageKind>> placeholders{
        {QStringLiteral("image omitted"), MessageKind::Image},         {QStringLiteral("hình ảnh bị bỏ qua"), MessageKind::Image},
        {QStringLiteral("gambar tidak disertakan"), MessageKind::Image}, {QStringLiteral("obrázek vynechán"), MessageKind::Image},
        {QStringLiteral("изображение отсутствует"), MessageKind::Image}, {QStringLiteral("imagem ocultada"), MessageKind::Image},
        {QStringLiteral("Bild weggelassen"), MessageKind::Image},       {QStringLiteral("âm thanh bị bỏ qua"), MessageKind::Audio},
        {QStringLiteral("audio omitido"), MessageKind::Audio},         {QStringLiteral("sticker omitted"), MessageKind::Sticker},
        {QStringLiteral("nhãn dán bị bỏ qua"), MessageKind::Sticker},   {QStringLiteral("video omitted"), MessageKind::Video},
        {QStringLiteral("GIF weggelassen"), MessageKind::Video},        {QStringLiteral("Kontaktkarte weggelassen"), MessageKind::Document},
    };
    for (const auto &[placeholder, kind] : placeholders) {
        const Read read = readExport(
            QStringLiteral("[23/09/2022, 10:00:00] Ana Ruiz: ") + lrm + QStringLiteral("Messages and calls are end-to-end encrypted. No one outside of this chat can read them.\n")
            + QStringLiteral("[23/09/2022, 10:00:05] Ana Ruiz: Hola\n")
            + lrm + QStringLiteral("[23/09/2022, 10:01:00] Ana Ruiz: ") + lrm + placeholder + QStringLiteral("\n")
            + lrm + QStringLiteral("[23/09/2022, 10:02:00] Ana Ruiz: ") + lrm + QStringLiteral("You blocked this contact. Tap to unblock.\n")
            + lrm + QStringLiteral("[23/09/2022, 10:03:00] Ana Ruiz: ") + lrm + QStringLiteral("Missed voice call\n"));
        ASSERT_EQ(read.messages.size(), 5) << qPrintable(placeholder);
        EXPECT_EQ(read.messages[0].kind, MessageKind::System) << "the encryption notice";
        EXPECT_EQ(read.messages[2].author, QStringLiteral("Ana Ruiz")) << qPrintable(placeholder);
        EXPECT_EQ(read.messages[2].media, ExportedMessage::Media::Omitted) << qPrintable(placeholder);
        EXPECT_EQ(read.messages[2].kind, kind) << qPrintable(placeholder);
        EXPECT_TRUE(read.messages[2].text.isEmpty());
        EXPECT_EQ(read.messages[3].kind, MessageKind::System) << "a sentence is the phone's";
        EXPECT_EQ(read.messages[4].kind, MessageKind::System) << "a call is an event";
        EXPECT_EQ(read.authors, QStringList{QStringLiteral("Ana Ruiz")});
    }

    // In a group, the group's name over "‎Ana left" is a notice; a member's placeholder is hers.
    const Read group = readExport(
        QStringLiteral("[23/09/2022, 10:00:00] Vecinos: ") + lrm + QStringLiteral("Messages and calls are end-to-end encrypted. No one outside of this chat can read them.\n")
        + QStringLiteral("[23/09/2022, 10:00:01] Vecinos: ") + lrm + QStringLiteral("Ana Ruiz left\n")
        + QStringLiteral("[23/09/2022, 10:00:02] Jorge: ") + lrm + QStringLiteral("hình ảnh bị bỏ qua\n")
        + QStringLiteral("[23/09/2022, 10:00:03] Jorge: ") + lrm + QStringLiteral("Factura.pdf • 1 page ") + lrm + QStringLiteral("document omitted\n"));
    ASSERT_EQ(group.messages.size(), 4);
    EXPECT_EQ(group.messages[1].kind, MessageKind::System);
    EXPECT_EQ(group.messages[1].text, QStringLiteral("Ana Ruiz left"));
    EXPECT_EQ(group.messages[2].author, QStringLiteral("Jorge"));
    EXPECT_EQ(group.messages[2].kind, MessageKind::Image);
    EXPECT_EQ(group.messages[3].author, QStringLiteral("Jorge"));
    EXPECT_EQ(group.messages[3].kind, MessageKind::Document);
    EXPECT_EQ(group.messages[3].media, ExportedMessage::Media::Omitted);
    EXPECT_EQ(group.messages[3].text, QStringLiteral("Factura.pdf • 1 page"));
    EXPECT_EQ(group.authors, QStringList{QStringLiteral("Jorge")});
}

TEST(ChatExportReader, AndroidsAttachedFileLineKeepsItsAuthorInAnyLanguage)
{
    const QString lrm(QChar(0x200E));
    for (const QString &attached : {QStringLiteral("(tệp đính kèm)"), QStringLiteral("(Datei angehängt)"), QStringLiteral("(файл добавлен)"),
                                    QStringLiteral("(file terlampir)"), QStringLiteral("(arquivo anexado)")}) {
        const Read read = readExport(QStringLiteral("23/09/2022, 10:00 - Ana: ") + lrm + QStringLiteral("IMG-20220923-WA0003.jpg ") + attached
                                     + QStringLiteral("\nLa lámpara\n"));
        ASSERT_EQ(read.messages.size(), 1);
        EXPECT_EQ(read.messages[0].author, QStringLiteral("Ana")) << qPrintable(attached);
        EXPECT_EQ(read.messages[0].attachment, QStringLiteral("IMG-20220923-WA0003.jpg"));
        EXPECT_EQ(read.messages[0].kind, MessageKind::Image);
        EXPECT_EQ(read.messages[0].text, QStringLiteral("La lámpara")) << "the caption stays with its media";
    }
}

TEST(ChatExportReader, TheEncryptionNoticeUnderAGroupsNameIsTheChatsNotice)
{
    const Read read = readExport(QStringLiteral("12/01/2015, 10:00 - Proveedores: Los mensajes que envíes a este grupo ahora están protegidos "
                                                "con cifrado de extremo a extremo. Toca para más información.\n"
                                                "12/01/2015, 10:05 - Marta: ¿Pedido de mantas?\n"
                                                "12/01/2015, 10:06 - Casa Nube: Sí, 20 mantas grises\n"));
    ASSERT_EQ(read.messages.size(), 3);
    EXPECT_EQ(read.messages[0].kind, MessageKind::System);
    EXPECT_TRUE(read.messages[0].author.isEmpty());
    EXPECT_EQ(read.authors, (QStringList{QStringLiteral("Casa Nube"), QStringLiteral("Marta")}));

    // The same words written by a customer stay hers: she writes, and the notice is only ever first.
    const Read asked = readExport(QStringLiteral("12/01/2015, 10:05 - Marta: ¿Los mensajes van cifrados de extremo a extremo? Es para pagar\n"
                                                 "12/01/2015, 10:06 - Marta: Con tarjeta\n"));
    EXPECT_EQ(asked.messages[0].author, QStringLiteral("Marta"));
    const Read later = readExport(QStringLiteral("12/01/2015, 10:04 - Casa Nube: Buenos días\n"
                                                 "12/01/2015, 10:05 - Marta: ¿Los mensajes van cifrados de extremo a extremo? Es para pagar\n"));
    EXPECT_EQ(later.messages[1].author, QStringLiteral("Marta"));
}

TEST(ChatExportReader, DatesThatReadBothWaysAreDecidedByThePhonesConventionAndCanBeSwapped)
{
    // An iPhone in US English: brackets, a two-digit year, "AM"/"PM" — month first, even for a Spanish shop.
    const Read us = readExport(QStringLiteral("[1/2/21, 10:00:00 AM] Ann: Hi\n[1/2/21, 10:05:00 AM] Casa Nube: Hello\n"));
    EXPECT_EQ(us.order, ChatExportReader::DateOrder::MonthDayYear);
    EXPECT_EQ(us.messages[0].time, madrid(2021, 1, 2, 10, 0));

    // Nothing in the file tells: the shop's locale, said as a guess; the person may swap.
    QByteArray bytes = QStringLiteral("01/02/21, 10:00 - Lucía: uno\n03/02/21, 11:00 - Lucía: dos\n").toUtf8();
    ChatExportReader reader(kMadrid, QLocale(QLocale::Spanish, QLocale::Spain));
    QBuffer device(&bytes);
    device.open(QIODevice::ReadOnly);
    QString error;
    ASSERT_TRUE(reader.scan(device, &error));
    EXPECT_TRUE(reader.dateOrderIsAGuess());
    EXPECT_EQ(reader.firstTime(), madrid(2021, 2, 1, 10, 0));
    EXPECT_EQ(reader.lastTime(), madrid(2021, 2, 3, 11, 0));
    reader.setDateOrder(ChatExportReader::DateOrder::MonthDayYear);
    EXPECT_EQ(reader.firstTime(), madrid(2021, 1, 2, 10, 0));
    EXPECT_EQ(reader.lastTime(), madrid(2021, 3, 2, 11, 0));
    device.seek(0);
    QList<QDateTime> times;
    reader.read(device, [&](const ExportedMessage &message) {
        times << message.time;
        return true;
    });
    EXPECT_EQ(times, (QList<QDateTime>{madrid(2021, 1, 2, 10, 0), madrid(2021, 3, 2, 11, 0)}));

    // A day above 12 is no guess.
    const QString decided = QStringLiteral("13/02/21, 10:00 - Lucía: uno\n");
    ChatExportReader sure(kMadrid, QLocale(QLocale::English, QLocale::UnitedStates));
    QByteArray decidedBytes = decided.toUtf8();
    QBuffer decidedDevice(&decidedBytes);
    decidedDevice.open(QIODevice::ReadOnly);
    ASSERT_TRUE(sure.scan(decidedDevice, &error));
    EXPECT_FALSE(sure.dateOrderIsAGuess());
}

// Learnt from the real exports in tests/exports.
TEST(ChatExportReader, MarksBeforeAPersonsOwnTextLeaveItTheirs)
{
    const QString lrm(QChar(0x200E));
    // Android writes no notice under a name: marks there start the person's text.
    const Read android = readExport(QStringLiteral("1/29/18, 23:59 - Bob: ") + lrm + lrm + QStringLiteral("How about Locations?\n")
                                    + QStringLiteral("1/29/18, 23:59 - Bob: ") + lrm + lrm + QStringLiteral("Alright, lets go 😌\n"));
    ASSERT_EQ(android.messages.size(), 2);
    EXPECT_EQ(android.messages[0].author, QStringLiteral("Bob"));
    EXPECT_EQ(android.messages[0].text, QStringLiteral("How about Locations?")) << "without its marks";
    EXPECT_EQ(android.messages[1].media, ExportedMessage::Media::None);

    // On an iPhone, the same under a member's name (not the chat's) is hers too.
    const Read iphone = readExport(QStringLiteral("[1/29/18, 23:58:00] Bob: Hi\n[1/29/18, 23:59:03] Bob: ") + lrm
                                   + QStringLiteral("No idea, lets try it out!\n"));
    ASSERT_EQ(iphone.messages.size(), 2);
    EXPECT_EQ(iphone.messages[1].author, QStringLiteral("Bob"));
    EXPECT_EQ(iphone.messages[1].text, QStringLiteral("No idea, lets try it out!"));
}

TEST(ChatExportReader, ATwentyFourHourTimeWithItsHalfOfTheDayAndTrailingEmptyLines)
{
    const Read read = readExport(QStringLiteral("1/29/18, 23:59 PM - Bob: Late\n1/30/18, 00:04 AM - Alice: Later\n\n\n"),
                                 QLocale(QLocale::English, QLocale::UnitedStates));
    ASSERT_TRUE(read.problems.isEmpty()) << qPrintable(read.problems.join(QLatin1Char('\n')));
    ASSERT_EQ(read.messages.size(), 2);
    EXPECT_EQ(read.messages[0].time, madrid(2018, 1, 29, 23, 59));
    EXPECT_EQ(read.messages[1].time, madrid(2018, 1, 30, 0, 4));
    EXPECT_EQ(read.messages[1].text, QStringLiteral("Later")) << "the empty lines at the end are no one's";
}

TEST(ChatExportReader, ADateAndTimeWithAColonInsideAMessageIsTextUnlessTheFileIsWrittenSo)
{
    const Read read = readExport(QStringLiteral("12/03/2021, 09:00 - Lucía: Os confirmo la recogida:\n"
                                                "15/03/2021 10:00: en la tienda\n"
                                                "12/03/2021, 09:05 - Casa Nube: Perfecto\n"));
    ASSERT_EQ(read.messages.size(), 2);
    EXPECT_EQ(read.messages[0].text, QStringLiteral("Os confirmo la recogida:\n15/03/2021 10:00: en la tienda"));
}
