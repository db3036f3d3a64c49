// Address books as phones, Google and Outlook export them, into customers and back out.
// The samples are written for this test from the formats' specifications.
#include "import/contactbook.h"
#include "import/contactfile.h"

#include "qtprinting.h"
#include "customers/customerdirectorystore.h"
#include "temporarystore.h"

#include <QBuffer>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Mostrador;
using namespace Mostrador::Testing;

TEST(ContactFile, VCardsTwoOneThreeAndFourWithFoldedLinesAndQuotedPrintableNames)
{
    const QByteArray cards =
        "BEGIN:VCARD\r\nVERSION:2.1\r\n"
        "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:G=C3=B3mez;Luc=C3=ADa;;;\r\n"
        "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Luc=C3=ADa G=C3=B3mez =\r\nTextiles\r\n"
        "TEL;HOME:601 555 1234\r\n"
        "TEL;CELL:+57 300 111 2233\r\n"
        "END:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\n"
        "FN:Jordi Puig\\, Valencia\r\n"
        "N:Puig;Jordi;;;\r\n"
        "TEL;TYPE=CELL,VOICE:+34 611 22\r\n 33 44\r\n"
        "END:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:4.0\r\n"
        "N:Castillo;Ximena;;;\r\n"
        "TEL;VALUE=uri;TYPE=\"cell\":tel:+52-1-55-1234-5678\r\n"
        "END:VCARD\r\n";
    const QList<Contact> contacts = ContactFile::fromVCards(cards);
    ASSERT_EQ(contacts.size(), 3);
    EXPECT_EQ(contacts[0].name, QStringLiteral("Lucía Gómez Textiles"));
    EXPECT_EQ(contacts[0].phones, (QStringList{QStringLiteral("+57 300 111 2233"), QStringLiteral("601 555 1234")})) << "mobile first";
    EXPECT_EQ(contacts[1].name, QStringLiteral("Jordi Puig, Valencia"));
    EXPECT_EQ(contacts[1].phones, QStringList{QStringLiteral("+34 611 2233 44")});
    EXPECT_EQ(contacts[2].name, QStringLiteral("Ximena Castillo")) << "from N when there is no FN";
    EXPECT_EQ(contacts[2].phones, QStringList{QStringLiteral("+52-1-55-1234-5678")});
}

TEST(ContactFile, GoogleAndOutlookCsvWithQuotesSeveralNumbersAndABom)
{
    QByteArray google = "\xEF\xBB\xBFName,Given Name,Family Name,Notes,Phone 1 - Label,Phone 1 - Value,Phone 2 - Label,Phone 2 - Value\r\n"
                        "Álvaro Ruiz,Álvaro,Ruiz,\"Pide factura, siempre\nA nombre de la empresa\",Work,+57 601 555 0000,Mobile,+57 310 555 0199 ::: +57 310 555 0200\r\n"
                        "Pedro,Pedro,,,,,,\r\n";
    QBuffer googleFile(&google);
    googleFile.open(QIODevice::ReadOnly);
    QString error;
    const auto fromGoogle = ContactFile::fromCsv(googleFile, &error);
    ASSERT_TRUE(fromGoogle) << qPrintable(error);
    ASSERT_EQ(fromGoogle->size(), 2);
    EXPECT_EQ(fromGoogle->at(0).name, QStringLiteral("Álvaro Ruiz"));
    EXPECT_EQ(fromGoogle->at(0).phones.first(), QStringLiteral("+57 310 555 0199"));
    EXPECT_EQ(fromGoogle->at(0).phones.size(), 3);
    EXPECT_TRUE(fromGoogle->at(1).phones.isEmpty());

    QByteArray outlook = "First Name;Middle Name;Last Name;Business Phone;Mobile Phone\r\nMarta;;Ruiz Textiles;;600 123 456\r\n";
    QBuffer outlookFile(&outlook);
    outlookFile.open(QIODevice::ReadOnly);
    const auto fromOutlook = ContactFile::fromCsv(outlookFile, &error);
    ASSERT_TRUE(fromOutlook) << qPrintable(error);
    ASSERT_EQ(fromOutlook->size(), 1);
    EXPECT_EQ(fromOutlook->at(0).name, QStringLiteral("Marta Ruiz Textiles"));
    EXPECT_EQ(fromOutlook->at(0).phones, QStringList{QStringLiteral("600 123 456")});

    QByteArray prices = "producto,precio\r\nmanta,120000\r\n";
    QBuffer pricesFile(&prices);
    pricesFile.open(QIODevice::ReadOnly);
    EXPECT_FALSE(ContactFile::fromCsv(pricesFile, &error));
    EXPECT_TRUE(error.contains(QLatin1String("no name and phone columns"))) << qPrintable(error);
}

namespace {

class ContactBookTest : public StoreTest
{
};

} // namespace

TEST_P(ContactBookTest, ContactsBecomeCustomersMergedByNumberAndGoBackOut)
{
    // Ximena already wrote (WhatsApp gives Mexican mobiles without the 1).
    ASSERT_FALSE(database->exec(QStringLiteral("INSERT INTO customers (wa_id, profile_name, created_at) VALUES ('525512345678', 'Xime', 0)")).isError());
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("contacts.vcf"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ximena Castillo\r\nTEL;TYPE=CELL:+52 1 55 1234 5678\r\nEND:VCARD\r\n"
               "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Álvaro Ruiz\r\nTEL;TYPE=CELL:310 555 0199\r\nEND:VCARD\r\n"
               "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Sin número\r\nEND:VCARD\r\n");
    file.close();

    ContactBook::Summary summary;
    QString error;
    ASSERT_TRUE(ContactBook::import(*database, {path}, QStringLiteral("CO"), &summary, &error)) << qPrintable(error);
    EXPECT_EQ(summary.read, 3);
    EXPECT_EQ(summary.added, 1);
    EXPECT_EQ(summary.merged, 1);
    ASSERT_EQ(summary.skipped.size(), 1);
    EXPECT_TRUE(summary.skipped.first().contains(QStringLiteral("Sin número"))) << qPrintable(summary.skipped.first());
    EXPECT_EQ(scalar(*database, QStringLiteral("SELECT COUNT(*) FROM customers")).toInt(), 2);
    EXPECT_EQ(scalar(*database, QStringLiteral("SELECT display_name FROM customers WHERE wa_id = '525512345678'")).toString(),
              QStringLiteral("Ximena Castillo"));

    // Found as any customer, accents and case aside, ready for a new conversation.
    StoreError storeError;
    const QList<KnownCustomer> found = CustomerDirectoryStore(*database).find(QStringLiteral("alvaro"), 10, &storeError);
    ASSERT_EQ(found.size(), 1);
    EXPECT_EQ(found.first().waId, QStringLiteral("573105550199"));

    // Out as vCard, and read back the same.
    QByteArray cards;
    QBuffer out(&cards);
    out.open(QIODevice::WriteOnly);
    int written = 0;
    ASSERT_TRUE(ContactBook::write(*database, ContactBook::Format::VCard, out, &written, &error));
    EXPECT_EQ(written, 2);
    const QList<Contact> back = ContactFile::fromVCards(cards);
    ASSERT_EQ(back.size(), 2);
    EXPECT_EQ(back.last().name, QStringLiteral("Ximena Castillo"));
    EXPECT_EQ(back.last().phones, QStringList{QStringLiteral("+525512345678")});
    QByteArray csv;
    QBuffer csvOut(&csv);
    csvOut.open(QIODevice::WriteOnly);
    ASSERT_TRUE(ContactBook::write(*database, ContactBook::Format::Csv, csvOut, &written, &error));
    EXPECT_TRUE(csv.startsWith("Name,Phone,WhatsApp username\r\n"));
    EXPECT_TRUE(csv.contains(QStringLiteral("Álvaro Ruiz,+573105550199,").toUtf8()));

    // The same file again adds nobody.
    ASSERT_TRUE(ContactBook::import(*database, {path}, QStringLiteral("CO"), &summary, &error));
    EXPECT_EQ(summary.added, 0);
    EXPECT_EQ(summary.merged, 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, ContactBookTest, ::testing::Values(Backend::Sqlite, Backend::Postgres), backendName);
