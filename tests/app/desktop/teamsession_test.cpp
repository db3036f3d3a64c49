// Team mode as two people see it: two desktops (each a store connection, a window and its
// workspace) and the server on one PostgreSQL. What the server stores, what one desktop assigns,
// types or notes, shows on the other as it happens.
#include "teamsession.h"

#include "i18n/languagecontroller.h"
#include "inbox/conversationlistmodel.h"
#include "mainwindow/mainwindow.h"
#include "qtprinting.h"
#include "sandbox/webhookpayloads.h"
#include "services/shopservices.h"
#include "db/settingsstore.h"
#include "thread/messagelistmodel.h"
#include "webhook/webhookreceiver.h"
#include "webhook/webhookingestor.h"
#include "temporarystore.h"
#include "widgetlookup.h"
#include "webhook/webhookparser.h"
#include "workspace.h"

#include <QAction>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QJsonDocument>
#include <QLabel>
#include <QListView>
#include <QApplication>
#include <QInputDialog>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>
#include <QSettings>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

using namespace Mostrador;
using namespace Mostrador::Testing;
namespace Payloads = Mostrador::WebhookPayloads;

namespace {

const Payloads::Business kShop{QStringLiteral("100200300400500"), QStringLiteral("106540352242922"), QStringLiteral("576017654321")};
const Payloads::Sender kLucia{QStringLiteral("573001112233"), QStringLiteral("Lucía Gómez"), QString()};
const Payloads::Sender kCarlos{QStringLiteral("573004445566"), QStringLiteral("Carlos Díaz"), QString()};

struct Desktop {
    Desktop(const StoreLocation &location, LanguageController &languages, const QString &name, const QString &mediaFolder)
    {
        qputenv("MOSTRADOR_AGENT", name.toUtf8());
        QString error;
        shop = ShopServices::open(location, ApiConfig{}, mediaFolder, ShopServices::Runner::ThisComputer, &error);
        EXPECT_NE(shop, nullptr) << error.toStdString();
        window = std::make_unique<MainWindow>(languages);
        workspace = std::make_unique<Workspace>(*shop, *window);
        QString problem;
        const auto me = TeamSession::signIn(*shop, window.get(), &problem);
        EXPECT_TRUE(me) << problem.toStdString();
        team = std::make_unique<TeamSession>(*shop, *workspace, *me);
        window->resize(1200, 760);
        window->show();
        qunsetenv("MOSTRADOR_AGENT");
    }

    template<typename T>
    T *find(const char *name) const
    {
        return child<T>(*window, name);
    }
    int conversations() const { return find<QListView>("conversationList")->model()->rowCount(); }
    void openFirst() const
    {
        auto *list = find<QListView>("conversationList");
        list->setCurrentIndex(list->model()->index(0, 0));
    }

    std::unique_ptr<ShopServices> shop;
    std::unique_ptr<MainWindow> window;
    std::unique_ptr<Workspace> workspace;
    std::unique_ptr<TeamSession> team;
};

} // namespace

// A team's PostgreSQL store and the server's connection to it (its ingestor stores webhooks).
class TeamSessionTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        if (!store.isAvailable())
            GTEST_SKIP() << qPrintable(store.skipReason());
        QSettings().clear();
        languages.apply(QStringLiteral("en"));
        serverDatabase = store.open();
        ASSERT_NE(serverDatabase, nullptr);
        server = std::make_unique<WebhookIngestor>(*serverDatabase);
    }
    void TearDown() override { QSettings().clear(); }

    TemporaryStore store{Backend::Postgres};
    LanguageController languages;
    std::unique_ptr<Database> serverDatabase;
    std::unique_ptr<WebhookIngestor> server;
};

TEST_F(TeamSessionTest, TwoDesktopsAndTheServerSeeTheSameInboxLive)
{
    Desktop marta(store.location(), languages, QStringLiteral("Marta"), store.directory() + QStringLiteral("/a"));
    Desktop diego(store.location(), languages, QStringLiteral("Diego"), store.directory() + QStringLiteral("/b"));
    ASSERT_TRUE(marta.team->isListening());
    EXPECT_EQ(marta.team->me().role, Agent::Role::Owner) << "the first to sign in";
    EXPECT_EQ(diego.team->me().role, Agent::Role::Agent);
    diego.window->setOwnerOnly(false, diego.team->ownerName());
    auto *hours = diego.window->findChild<QAction *>(QStringLiteral("automaticRepliesAction"));
    EXPECT_FALSE(hours->isEnabled());
    EXPECT_EQ(hours->toolTip(), QStringLiteral("Only the owner (Marta) can change this."));
    EXPECT_FALSE(marta.find<QComboBox>("teamFilter")->isHidden()) << "Everyone's / Mine / Unassigned";

    // A webhook stored by the server appears on both desktops, without anyone reloading.
    const auto parsed = WebhookParser::parse(QJsonDocument(Payloads::envelope(kShop, {kLucia},
        {Payloads::textMessage(QStringLiteral("wamid.1"), kLucia, QDateTime::currentDateTimeUtc(), QStringLiteral("¿Tienen la lámpara?"))})).toJson());
    ASSERT_FALSE(server->ingest(parsed.batch).error.isError());
    ASSERT_TRUE(QTest::qWaitFor([&] { return marta.conversations() == 1 && diego.conversations() == 1; }, 5000));

    // Marta takes it; Diego sees that, and his Unassigned view no longer lists it.
    marta.openFirst();
    diego.openFirst();
    // Opening it asks the server for the read receipt (desktops have no token).
    EXPECT_EQ(scalar(*serverDatabase, QStringLiteral("SELECT COUNT(*) FROM read_receipts WHERE wamid = 'wamid.1'")).toInt(), 1);
    auto *martaAssignee = marta.find<QComboBox>("assignee");
    ASSERT_NE(martaAssignee, nullptr);
    const int martaRow = martaAssignee->findText(QStringLiteral("Marta (me)"));
    ASSERT_GE(martaRow, 0);
    martaAssignee->setCurrentIndex(martaRow);
    Q_EMIT martaAssignee->activated(martaRow);
    ASSERT_TRUE(QTest::qWaitFor([&] { return diego.find<QComboBox>("assignee")->currentText() == QStringLiteral("Marta"); }, 5000));
    diego.find<QComboBox>("teamFilter")->setCurrentIndex(2); // Unassigned
    EXPECT_EQ(diego.conversations(), 0);
    diego.find<QComboBox>("teamFilter")->setCurrentIndex(0);

    // Marta types: Diego sees «Marta is replying…».
    auto *editor = marta.find<QPlainTextEdit>("composerText");
    QTest::keyClicks(editor, QStringLiteral("Si, la tenemos en blanco"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !diego.find<QLabel>("replying")->isHidden(); }, 5000));
    EXPECT_EQ(diego.find<QLabel>("replying")->text(), QStringLiteral("✎ Marta is replying…"));
    EXPECT_TRUE(marta.find<QLabel>("replying")->isHidden()) << "nobody else is replying for Marta";

    // Marta sends: the message is stored for the server to send, and Diego sees it in the thread.
    QTest::keyClick(editor, Qt::Key_Return);
    ASSERT_TRUE(QTest::qWaitFor([&] { return diego.find<QLabel>("replying")->isHidden(); }, 5000));
    EXPECT_EQ(scalar(*serverDatabase, QStringLiteral("SELECT outbox_state FROM messages WHERE direction = 'out'")).toString(),
              QStringLiteral("queued")) << "desktops store; only the server sends";
    ASSERT_TRUE(QTest::qWaitFor([&] {
        auto *thread = diego.find<QListView>("messageList");
        return thread && thread->model()->rowCount() == 2;
    }, 5000));

    // Diego's connection drops (the server ends it); meanwhile a customer writes. His desktop
    // notices, reconnects, and shows what he missed.
    const qint64 diegoBackend = scalar(diego.shop->database(), QStringLiteral("SELECT pg_backend_pid()")).toLongLong();
    ASSERT_TRUE(scalar(*serverDatabase, QStringLiteral("SELECT pg_terminate_backend(?)"), {diegoBackend}).toBool());
    const auto second = WebhookParser::parse(QJsonDocument(Payloads::envelope(kShop, {kCarlos},
        {Payloads::textMessage(QStringLiteral("wamid.2"), kCarlos, QDateTime::currentDateTimeUtc(), QStringLiteral("¿Envían a Cali?"))})).toJson());
    ASSERT_FALSE(server->ingest(second.batch).error.isError());
    QSignalSpy connection(diego.team.get(), &TeamSession::connectionChanged);
    diego.team->checkConnection();
    ASSERT_EQ(connection.count(), 2);
    EXPECT_FALSE(connection.at(0).at(0).toBool()) << "the loss is said";
    EXPECT_TRUE(connection.at(1).at(0).toBool()) << "and the return";
    EXPECT_EQ(diego.conversations(), 2) << "caught up";

    // The store stays out of reach for a while: what Diego sends is kept on his PC, and stored
    // (in order) as soon as it is back.
    const QString databaseName = scalar(*serverDatabase, QStringLiteral("SELECT current_database()")).toString();
    // From the server's maintenance database: a database cannot close its own door.
    const StoreLocation where = store.location();
    QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("team-test-admin"));
    admin.setHostName(where.host);
    admin.setPort(where.port);
    admin.setUserName(where.user);
    admin.setPassword(where.password);
    admin.setDatabaseName(QStringLiteral("postgres"));
    ASSERT_TRUE(admin.open()) << qPrintable(admin.lastError().text());
    const auto allowConnections = [&](bool allow) {
        QSqlQuery query(admin);
        return query.exec(QStringLiteral("ALTER DATABASE \"%1\" ALLOW_CONNECTIONS %2").arg(databaseName, allow ? QStringLiteral("true") : QStringLiteral("false")));
    };
    ASSERT_TRUE(allowConnections(false));
    const qint64 again = scalar(diego.shop->database(), QStringLiteral("SELECT pg_backend_pid()")).toLongLong();
    ASSERT_TRUE(scalar(*serverDatabase, QStringLiteral("SELECT pg_terminate_backend(?)"), {again}).toBool());
    // pg_terminate_backend only signals: the connection is lost once its backend is gone (under
    // load a send could otherwise still reach it).
    ASSERT_TRUE(QTest::qWaitFor([&] {
        return scalar(*serverDatabase, QStringLiteral("SELECT COUNT(*) FROM pg_stat_activity WHERE pid = ?"), {again}).toInt() == 0;
    }, 5000));
    diego.openFirst();
    auto *diegoEditor = diego.find<QPlainTextEdit>("composerText");
    // A draft typed in another conversation meanwhile is not lost when he moves on.
    auto *diegoList = diego.find<QListView>("conversationList");
    diegoList->setCurrentIndex(diegoList->model()->index(1, 0));
    diegoEditor->setPlainText(QStringLiteral("Borrador para Carlos"));
    diegoList->setCurrentIndex(diegoList->model()->index(0, 0));
    diegoList->setCurrentIndex(diegoList->model()->index(1, 0));
    EXPECT_EQ(diegoEditor->toPlainText(), QStringLiteral("Borrador para Carlos"));
    diegoList->setCurrentIndex(diegoList->model()->index(0, 0));
    diegoEditor->setPlainText(QStringLiteral("Te confirmo mañana"));
    QTest::keyClick(diegoEditor, Qt::Key_Return);
    EXPECT_TRUE(diegoEditor->toPlainText().isEmpty()) << "kept, so the box is free";
    EXPECT_EQ(diego.team->waitingCount(), 1);
    EXPECT_FALSE(diego.team->isConnected());
    ASSERT_TRUE(allowConnections(true));
    diego.team->checkConnection();
    EXPECT_TRUE(diego.team->isConnected());
    EXPECT_EQ(diego.team->waitingCount(), 0);
    EXPECT_EQ(scalar(*serverDatabase, QStringLiteral("SELECT COUNT(*) FROM messages WHERE body = 'Te confirmo mañana' AND outbox_state = 'queued'")).toInt(), 1);
    EXPECT_EQ(scalar(*serverDatabase, QStringLiteral("SELECT COUNT(*) FROM drafts WHERE body = 'Borrador para Carlos'")).toInt(), 1)
        << "the kept draft is stored once the connection is back";
    admin.close();
    admin = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("team-test-admin"));
}

TEST_F(TeamSessionTest, ADesktopOnAnotherMachineGetsCustomersFilesFromTheServer)
{

    // The server's folder, which the desktop cannot read: it asks over HTTP with the team's token.
    QTemporaryDir serverFolder;
    const QByteArray photo = QByteArray(2048, '\x42').prepend("\x89PNG\r\n\x1a\n");
    const QString name = QString::fromLatin1(QCryptographicHash::hash(photo, QCryptographicHash::Sha256).toHex()) + QStringLiteral(".png");
    QFile kept(QDir(serverFolder.path()).filePath(name));
    ASSERT_TRUE(kept.open(QIODevice::WriteOnly));
    kept.write(photo);
    kept.close();
    WebhookReceiver::Settings settings;
    settings.appSecret = "secret";
    settings.mediaFolder = serverFolder.path();
    settings.mediaToken = "team-token";
    WebhookReceiver receiver(settings, *server);
    const quint16 port = receiver.listen(QHostAddress::LocalHost, 0);
    ASSERT_FALSE(SettingsStore(*serverDatabase).write({{QStringLiteral("team/media_url"), QStringLiteral("http://127.0.0.1:%1").arg(port)},
                                                       {QStringLiteral("team/media_token"), QStringLiteral("team-token")}}).isError());
    const auto parsed = WebhookParser::parse(QJsonDocument(Payloads::envelope(kShop, {kLucia},
        {Payloads::message(QStringLiteral("wamid.photo"), kLucia, QDateTime::currentDateTimeUtc(), QStringLiteral("image"),
                           {{QStringLiteral("id"), QStringLiteral("media-1")}, {QStringLiteral("mime_type"), QStringLiteral("image/png")},
                            {QStringLiteral("caption"), QStringLiteral("Esta")}})})).toJson());
    ASSERT_TRUE(parsed.ok) << qPrintable(parsed.error);
    ASSERT_FALSE(server->ingest(parsed.batch).error.isError());
    ASSERT_FALSE(serverDatabase->exec(QStringLiteral("UPDATE messages SET media_path = '/nonexistent/server/media/%1'").arg(name)).isError());

    Desktop marta(store.location(), languages, QStringLiteral("Marta"), store.directory() + QStringLiteral("/a"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return marta.conversations() == 1; }, 5000));
    marta.openFirst();
    auto *thread = marta.find<QListView>("messageList");
    ASSERT_TRUE(QTest::qWaitFor([&] {
        return !thread->model()->index(0, 0).data(MessageListModel::MediaPathRole).toString().isEmpty();
    }, 5000));
    const QString local = thread->model()->index(0, 0).data(MessageListModel::MediaPathRole).toString();
    EXPECT_FALSE(local.startsWith(QStringLiteral("/nonexistent"))) << local.toStdString();
    QFile copy(local);
    ASSERT_TRUE(copy.open(QIODevice::ReadOnly));
    EXPECT_EQ(copy.readAll(), photo);
}

// A private note the team's store refuses (here the notes' table is out of reach for a moment)
// is said, and kept: pressing "Private note…" again opens it as it was written, and it is stored then.
TEST_F(TeamSessionTest, ANoteTheStoreRefusesIsKeptToTryAgain)
{
    Desktop marta(store.location(), languages, QStringLiteral("Marta"), store.directory() + QStringLiteral("/a"));
    const auto parsed = WebhookParser::parse(QJsonDocument(Payloads::envelope(kShop, {kLucia},
        {Payloads::textMessage(QStringLiteral("wamid.1"), kLucia, QDateTime::currentDateTimeUtc(), QStringLiteral("¿Tienen la lámpara?"))})).toJson());
    ASSERT_FALSE(server->ingest(parsed.batch).error.isError());
    ASSERT_TRUE(QTest::qWaitFor([&] { return marta.conversations() == 1; }, 5000));
    marta.openFirst();

    // Writes the note in the dialog "Private note…" opens, after checking what it opened with.
    QString openedWith;
    const auto writeNote = [&](const QString &text) {
        QTimer::singleShot(0, [&openedWith, text] {
            auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
            ASSERT_NE(dialog, nullptr);
            openedWith = dialog->textValue();
            dialog->setTextValue(text);
            dialog->accept();
        });
        QTest::mouseClick(marta.find<QPushButton>("addNote"), Qt::LeftButton);
    };
    const QString note = QStringLiteral("Lucía paga contra entrega; confirmar dirección.");
    ASSERT_FALSE(serverDatabase->exec(QStringLiteral("ALTER TABLE conversation_notes RENAME TO notes_away")).isError());
    writeNote(note);
    auto *notice = marta.find<QLabel>("noticeText");
    EXPECT_TRUE(notice->isVisible());
    EXPECT_TRUE(notice->text().contains(QLatin1String("The note was not saved"))) << notice->text().toStdString();

    ASSERT_FALSE(serverDatabase->exec(QStringLiteral("ALTER TABLE notes_away RENAME TO conversation_notes")).isError());
    writeNote(note);
    EXPECT_EQ(openedWith, note) << "what was typed came back";
    EXPECT_EQ(scalar(*serverDatabase, QStringLiteral("SELECT COUNT(*) FROM conversation_notes WHERE body = ?"), {note}).toInt(), 1);
    EXPECT_TRUE(QTest::qWaitFor([&] { return marta.find<QLabel>("teamNotes")->text().contains(QLatin1String("contra entrega")); }, 5000));
}
