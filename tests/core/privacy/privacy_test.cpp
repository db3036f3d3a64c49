// What a shop must be able to do for its customers under Spain's GDPR/LOPDGDD and Colombia's Ley
// 1581: give one customer everything kept about them, forget them entirely, and keep nothing
// longer than the period the shop chose. On both backends, with real files.
#include "privacy/customerexport.h"
#include "privacy/retention.h"
#include "privacy/customerrecordstore.h"
#include "commerce/orderstore.h"

#include "common/clock.h"
#include "qtprinting.h"
#include "db/settingsstore.h"
#include "conversations/conversationstore.h"
#include "team/teamstore.h"
#include "storedhistory.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <zip.h>

using namespace Mostrador;
using namespace Mostrador::Testing;

namespace {

// Every entry of a ZIP by name, read back with libzip.
QMap<QString, QByteArray> readZip(const QString &path)
{
    QMap<QString, QByteArray> entries;
    int code = 0;
    zip_t *zip = zip_open(QFile::encodeName(path).constData(), ZIP_RDONLY, &code);
    if (!zip)
        return entries;
    for (zip_int64_t i = 0; i < zip_get_num_entries(zip, 0); ++i) {
        zip_stat_t stat;
        zip_stat_index(zip, zip_uint64_t(i), 0, &stat);
        QByteArray bytes(qsizetype(stat.size), Qt::Uninitialized);
        zip_file_t *file = zip_fopen_index(zip, zip_uint64_t(i), 0);
        zip_fread(file, bytes.data(), stat.size);
        zip_fclose(file);
        entries.insert(QString::fromUtf8(stat.name), bytes);
    }
    zip_close(zip);
    return entries;
}

class PrivacyTest : public IngestingStoreTest
{
protected:
    void SetUp() override
    {
        IngestingStoreTest::SetUp();
        if (IsSkipped() || HasFatalFailure())
            return;
        // Three customers with four messages each; customer 1 sent a photo that customer 2 also sent.
        ASSERT_FALSE(storeHistory(*ingestor, 3, 4).error.isError());
        photo = store->directory() + QStringLiteral("/media-photo.jpg");
        QFile file(photo);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(QByteArray("\xFF\xD8\xFF\xE0 a lamp", 10));
        file.close();
        own = store->directory() + QStringLiteral("/media-own.jpg");
        QFile second(own);
        ASSERT_TRUE(second.open(QIODevice::WriteOnly));
        second.write("only hers");
        second.close();
        const auto attach = [&](const QString &waId, const QString &path) {
            ASSERT_FALSE(database->exec(QStringLiteral("UPDATE messages SET media_path = ?, media_mime = 'image/jpeg', media_filename = 'lampara.jpg' "
                                                       "WHERE id = (SELECT MIN(m.id) FROM messages m JOIN conversations v ON v.id = m.conversation_id "
                                                       "JOIN customers c ON c.id = v.customer_id WHERE c.wa_id = ?)"),
                                        {path, waId}, "attach").isError());
        };
        attach(kLucia, photo);
        attach(kOther, photo);
        attach(kLucia, own);
        const auto found = CustomerRecordStore(*database).find(QStringLiteral("+57 300 000 0001"), &error);
        ASSERT_TRUE(found) << "found by her number as people write it; " << error.detail.toStdString();
        lucia = *found;
    }

    int count(const QString &sql) { return scalar(*database, sql).toInt(); }

    const QString kLucia = QStringLiteral("573000000001");
    const QString kOther = QStringLiteral("573000000002");
    QString photo;
    QString own;
    qint64 lucia = 0;
    StoreError error;
};

} // namespace

TEST_P(PrivacyTest, ACustomerGetsEverythingKeptAboutThemAsAZip)
{
    ASSERT_FALSE(database->exec(QStringLiteral("UPDATE customers SET notes = 'Vive en Chapinero' WHERE id = ?"), {lucia}, "note").isError());
    const QString zip = store->directory() + QStringLiteral("/lucia.zip");
    const CustomerExport::Result result = CustomerExport::write(*database, lucia, zip);
    ASSERT_TRUE(result.ok) << qPrintable(result.error);
    EXPECT_EQ(result.messages, 4);
    EXPECT_EQ(result.files, 1) << "one file, the one kept on this computer";
    EXPECT_EQ(QFileInfo(zip).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions()) << "hers and the owner's alone";

    const QMap<QString, QByteArray> entries = readZip(zip);
    ASSERT_TRUE(entries.contains(QStringLiteral("customer.json"))) << entries.keys().join(u',').toStdString();
    const QJsonObject data = QJsonDocument::fromJson(entries.value(QStringLiteral("customer.json"))).object();
    EXPECT_EQ(data[u"customer"][u"whatsapp_number"].toString(), kLucia);
    EXPECT_EQ(data[u"customer"][u"shop_notes"].toString(), QStringLiteral("Vive en Chapinero"));
    const QJsonArray messages = data[u"conversations"][0][u"messages"].toArray();
    ASSERT_EQ(messages.size(), 4);
    EXPECT_EQ(messages.at(0)[u"text"].toString(), QStringLiteral("Mensaje 0 de 1"));
    EXPECT_EQ(messages.at(0)[u"from"].toString(), QStringLiteral("customer"));
    const QString inZip = messages.at(0)[u"file"].toString();
    EXPECT_EQ(entries.value(inZip), QByteArray("only hers")) << qPrintable(inZip);
    EXPECT_FALSE(QFile::exists(zip + QStringLiteral(".part")));
}

TEST_P(PrivacyTest, AForgottenCustomerLeavesNothingBehindButOthersKeepTheirs)
{
    const auto say = [&](const QString &waId, const QString &text) {
        ASSERT_FALSE(database->exec(QStringLiteral("UPDATE messages SET body = ? WHERE id = (SELECT MAX(m.id) FROM messages m JOIN conversations v "
                                                   "ON v.id = m.conversation_id JOIN customers c ON c.id = v.customer_id WHERE c.wa_id = ?)"),
                                    {text, waId}, "say").isError());
    };
    say(kLucia, QStringLiteral("Quiero la lámpara turquesa para Chapinero"));
    say(kOther, QStringLiteral("Quiero la manta gris"));
    const auto forgotten = CustomerRecordStore(*database).forgetCustomer(lucia, &error);
    ASSERT_TRUE(forgotten) << error.detail.toStdString();
    EXPECT_EQ(forgotten->conversations, 1);
    EXPECT_EQ(forgotten->messages, 4);
    EXPECT_EQ(forgotten->unusedMediaFiles, QStringList{own}) << "the shared photo is still another customer's";
    EXPECT_EQ(Retention::removeFiles(forgotten->unusedMediaFiles), 1);
    EXPECT_FALSE(QFile::exists(own));
    EXPECT_TRUE(QFile::exists(photo));

    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM customers WHERE wa_id = '573000000001'")), 0);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM messages")), 8);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM conversations")), 2);
    {
        ConversationStore reader(*database);
        EXPECT_TRUE(reader.search(QStringLiteral("turquesa"), 10, &error).isEmpty()) << "not found by search either";
        EXPECT_EQ(reader.search(QStringLiteral("manta"), 10, &error).size(), 1);
    }
    if (database->dialect().isSqlite()) {
        // Overwritten, not only unlinked: her words are nowhere in the file (closed first, so
        // nothing waits in the journal).
        ingestor.reset();
        database.reset();
        QFile file(store->sqlitePath());
        ASSERT_TRUE(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        EXPECT_FALSE(bytes.contains("Chapinero"));
        EXPECT_TRUE(bytes.contains("manta gris"));
    }
}

TEST_P(PrivacyTest, HerOrdersGoWithHerDataAndAreForgottenWithHer)
{
    const qint64 conversation = scalar(*database, QStringLiteral("SELECT id FROM conversations WHERE customer_id = ?"), {lucia}).toLongLong();
    OrderLine lamp;
    lamp.retailerId = QStringLiteral("lampara-nube");
    lamp.name = QStringLiteral("Lámpara Nube");
    lamp.quantity = 1;
    lamp.unitCents = 18900000;
    lamp.currency = QStringLiteral("COP");
    ASSERT_TRUE(OrderStore(*database).addByHand(conversation, {lamp}, QStringLiteral("Chapinero"), QDateTime::currentDateTimeUtc(), &error));

    const QString zip = store->directory() + QStringLiteral("/lucia-orders.zip");
    ASSERT_TRUE(CustomerExport::write(*database, lucia, zip).ok);
    const QByteArray sheet = readZip(zip).value(QStringLiteral("orders.csv"));
    EXPECT_TRUE(sheet.contains("1 × Lámpara Nube [lampara-nube] @ 189000.00,189000.00,COP,Chapinero")) << sheet.constData();

    ASSERT_TRUE(CustomerRecordStore(*database).forgetCustomer(lucia, &error)) << error.detail.toStdString();
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM orders")), 0);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM order_lines")), 0);
}

TEST_P(PrivacyTest, ConversationsUntouchedLongerThanTheRetentionPeriodGoAfterAWeeksNotice)
{
    // History from 17 November 2026; the shop keeps six months.
    ManualClock clock(QDateTime(QDate(2027, 5, 12), QTime(12, 0), Qt::UTC));
    Retention retention(*database, clock);
    EXPECT_FALSE(retention.upcoming(&error)) << "off by default";
    EXPECT_EQ(retention.apply(&error)->conversations, 0);
    ASSERT_FALSE(retention.setMonths(6).isError());
    const auto notice = retention.upcoming(&error);
    ASSERT_TRUE(notice) << "a week ahead, the desktop says so";
    EXPECT_EQ(notice->conversations, 3);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM messages")), 12) << "nothing gone yet";
    clock.set(QDateTime(QDate(2027, 5, 18), QTime(12, 0), Qt::UTC));
    const auto gone = retention.apply(&error);
    ASSERT_TRUE(gone) << error.detail.toStdString();
    EXPECT_EQ(gone->conversations, 3);
    EXPECT_EQ(gone->customers, 3);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM messages")), 0);
    EXPECT_FALSE(QFile::exists(photo));
}

INSTANTIATE_TEST_SUITE_P(Backends, PrivacyTest, ::testing::Values(Backend::Sqlite, Backend::Postgres), backendName);
