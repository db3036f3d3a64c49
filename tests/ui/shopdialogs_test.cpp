// The Shop menu's dialogs driven as a user would, on a real store file.
#include "api/cloudapiclient.h"
#include "widgetlookup.h"
#include "automation/quickreplyexchange.h"
#include "profile/businessprofiledialog.h"
#include "automation/automaticrepliesdialog.h"
#include "automation/quickrepliesdialog.h"
#include "i18n/languagecontroller.h"
#include "qtprinting.h"
#include "temporarystore.h"
#include "wireloop.h"

#include <QApplication>
#include <QCheckBox>
#include <QMessageBox>
#include <QTimer>
#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTest>

#include <gtest/gtest.h>

using namespace Mostrador;
using namespace Mostrador::Testing;

namespace {


QPushButton *saveButton(QDialog &dialog)
{
    return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
}

} // namespace

TEST(AutomaticRepliesDialog, SaysWhatIsWrongAndOnlySavesWhatCanBeRead)
{
    ShopAutomation current;
    AutomaticRepliesDialog dialog(current, true);
    dialog.show();
    EXPECT_TRUE(child<QLabel>(dialog, "armedStatus")->text().startsWith(QStringLiteral("Automatic replies are off")));

    QLineEdit *monday = child<QLineEdit>(dialog, "hours_mon");
    EXPECT_FALSE(monday->isEnabled()) << "closed on Mondays until ticked";
    child<QCheckBox>(dialog, "open_mon")->setChecked(true);
    EXPECT_EQ(monday->text(), QStringLiteral("09:00-13:00 16:00-20:00")) << "a usual day to start from";
    monday->clear();
    QTest::keyClicks(monday, QStringLiteral("25:00-26:00"));
    EXPECT_FALSE(saveButton(dialog)->isEnabled());
    EXPECT_TRUE(child<QLabel>(dialog, "problem")->text().contains(QStringLiteral("25:00 does not exist")))
        << child<QLabel>(dialog, "problem")->text().toStdString();
    EXPECT_FALSE(monday->styleSheet().isEmpty()) << "the wrong field is outlined";
    monday->clear();
    QTest::keyClicks(monday, QStringLiteral("9 a 13 y 16 a 20")); // as people write it
    EXPECT_TRUE(saveButton(dialog)->isEnabled()) << child<QLabel>(dialog, "problem")->text().toStdString();
    EXPECT_TRUE(monday->styleSheet().isEmpty());
    monday->clear();
    QTest::keyClicks(monday, QStringLiteral("09:00-13:00 16:00-20:00"));
    EXPECT_TRUE(saveButton(dialog)->isEnabled());

    child<QCheckBox>(dialog, "awayEnabled")->setChecked(true);
    EXPECT_FALSE(saveButton(dialog)->isEnabled()) << "an away message without text";
    EXPECT_EQ(child<QLabel>(dialog, "problem")->text(), QStringLiteral("⚠ Write the away message, or turn it off."));
    child<QPlainTextEdit>(dialog, "awayText")->setPlainText(QStringLiteral("Hola {nombre}, ya cerramos."));
    EXPECT_TRUE(saveButton(dialog)->isEnabled());
    EXPECT_TRUE(child<QLabel>(dialog, "armedStatus")->text().startsWith(QStringLiteral("Armed: this computer sends")));

    child<QCheckBox>(dialog, "open_sun")->setChecked(true);
    child<QLineEdit>(dialog, "hours_sun")->setText(QStringLiteral("10:00-14:00"));
    child<QLineEdit>(dialog, "shopName")->setText(QStringLiteral("Casa Olivo"));
    child<QRadioButton>(dialog, "runnerServer")->setChecked(true);
    EXPECT_TRUE(child<QLabel>(dialog, "armedStatus")->text().startsWith(QStringLiteral("mostrador-server sends")));

    const ShopAutomation edited = dialog.automation();
    EXPECT_TRUE(edited.replies.awayEnabled);
    EXPECT_EQ(edited.replies.shopName, QStringLiteral("Casa Olivo"));
    EXPECT_EQ(edited.runner, ShopAutomation::Runner::Server);
    EXPECT_EQ(edited.hours.day(Qt::Monday).size(), 2);
    EXPECT_EQ(edited.hours.day(Qt::Sunday).size(), 1);
}

TEST(AutomaticRepliesDialog, IsHonestWhenNothingIsReceivingMessages)
{
    ShopAutomation armed;
    armed.replies.greetingEnabled = true;
    armed.replies.greetingText = QStringLiteral("¡Hola!");
    EXPECT_TRUE(AutomaticRepliesDialog::describe(armed, false).startsWith(QStringLiteral("Not armed right now")));
    EXPECT_EQ(AutomaticRepliesDialog::summarize(armed, false), QStringLiteral("Automatic replies not armed: nothing is being received."));
    EXPECT_EQ(AutomaticRepliesDialog::summarize(armed, true), QStringLiteral("Automatic replies armed on this computer."));
}

TEST(QuickRepliesDialog, AddDuplicateReorderDeleteAndCarryToAFile)
{
    LanguageController english; // plural forms come from the English translation
    english.apply(QStringLiteral("en"));
    TemporaryStore store;
    auto database = store.open();
    QuickReplyStore replies(*database);
    QuickRepliesDialog dialog(replies, QStringLiteral("Casa Nube"), store.directory() + QStringLiteral("/files"));
    int changes = 0;
    QObject::connect(&dialog, &QuickRepliesDialog::repliesChanged, &dialog, [&changes] { ++changes; });
    dialog.show();

    child<QPushButton>(dialog, "newReply")->click();
    QTest::keyClicks(child<QLineEdit>(dialog, "shortcut"), QStringLiteral("envio"));
    child<QLineEdit>(dialog, "title")->setText(QStringLiteral("Envío a Bogotá"));
    child<QPlainTextEdit>(dialog, "body")->setPlainText(QStringLiteral("Hola {nombre}, desde {tienda}: el envío cuesta $12.000."));
    EXPECT_EQ(child<QLabel>(dialog, "preview")->text(), QStringLiteral("Hola Lucía, desde Casa Nube: el envío cuesta $12.000."));
    child<QPushButton>(dialog, "saveReply")->click();
    child<QPushButton>(dialog, "duplicateReply")->click();
    QListWidget *list = child<QListWidget>(dialog, "replyList");
    ASSERT_EQ(list->count(), 2);
    EXPECT_EQ(list->item(1)->text(), QStringLiteral("/envio2 — Envío a Bogotá"));
    EXPECT_EQ(list->currentRow(), 1) << "the copy is selected, ready to edit";
    child<QPushButton>(dialog, "moveUp")->click();
    StoreError error;
    EXPECT_EQ(replies.all(&error).first().shortcut, QStringLiteral("envio2"));

    // A shortcut that exists already: said plainly, nothing saved.
    child<QLineEdit>(dialog, "shortcut")->setText(QStringLiteral("envio"));
    child<QPushButton>(dialog, "saveReply")->click();
    EXPECT_EQ(child<QLabel>(dialog, "message")->text(), QStringLiteral("There is already a quick reply called /envio."));

    QTemporaryDir folder;
    const QString file = folder.filePath(QStringLiteral("respuestas.csv"));
    EXPECT_EQ(dialog.exportTo(file), QStringLiteral("2 replies saved to %1.").arg(file));
    child<QPushButton>(dialog, "deleteReply")->click();
    EXPECT_EQ(list->count(), 1);
    EXPECT_EQ(dialog.importFrom(file), QStringLiteral("Imported 1 new reply; 1 updated."));
    EXPECT_EQ(list->count(), 2);
    EXPECT_GE(changes, 5);
}

TEST(BusinessProfileDialog, LoadsChecksAsYouTypeAndSavesWithANewPhoto)
{
    WireLoop loop;
    loop.sandbox->uploads().setBreakFirstTransferAfter(4096); // the photo's transfer breaks once
    BusinessProfileDialog dialog(*loop.client, QStringLiteral("Casa Nube"), QStringLiteral("lun–sáb 09:00–13:00"));
    QSignalSpy loaded(&dialog, &BusinessProfileDialog::loaded);
    dialog.show();
    ASSERT_TRUE(loaded.wait(5000));
    EXPECT_TRUE(loaded.first().first().toBool());
    QLineEdit *about = child<QLineEdit>(dialog, "about");
    EXPECT_EQ(about->text(), QStringLiteral("Casa Nube · hogar y decoración"));
    EXPECT_EQ(child<QLabel>(dialog, "aboutCount")->text(), QStringLiteral("30/139"));

    about->setText(QString(140, QLatin1Char('a')));
    EXPECT_EQ(child<QLabel>(dialog, "aboutCount")->text(), QStringLiteral("140/139"));
    EXPECT_FALSE(saveButton(dialog)->isEnabled());
    EXPECT_EQ(child<QLabel>(dialog, "problems")->text(), QStringLiteral("⚠ About: 140 characters, at most 139."));
    about->setText(QStringLiteral("Hogar y decoración · envíos en Bogotá"));
    child<QLineEdit>(dialog, "website2")->setText(QStringLiteral("instagram.com/casanube"));
    EXPECT_FALSE(saveButton(dialog)->isEnabled());
    child<QLineEdit>(dialog, "website2")->setText(QStringLiteral("https://instagram.com/casanube"));
    EXPECT_TRUE(saveButton(dialog)->isEnabled());
    EXPECT_TRUE(child<QLabel>(dialog, "previewAbout")->text().contains(QStringLiteral("envíos en Bogotá"))) << "the preview follows";

    QTemporaryDir folder;
    const QString photoPath = folder.filePath(QStringLiteral("tienda.png"));
    QImage image(320, 320, QImage::Format_RGB32);
    image.fill(QColor(32, 128, 120));
    ASSERT_TRUE(image.save(photoPath));
    EXPECT_EQ(dialog.choosePhoto(photoPath), QStringLiteral("New photo chosen. Press Save to send it."));
    const QString text = folder.filePath(QStringLiteral("notes.txt"));
    QFile notes(text);
    ASSERT_TRUE(notes.open(QIODevice::WriteOnly));
    notes.write("not a photo");
    notes.close();
    EXPECT_EQ(dialog.choosePhoto(text), QStringLiteral("The photo must be a JPEG or PNG image."));

    QSignalSpy saved(&dialog, &BusinessProfileDialog::saved);
    saveButton(dialog)->click();
    ASSERT_TRUE(saved.wait(5000));
    EXPECT_TRUE(saved.first().first().toBool()) << child<QLabel>(dialog, "status")->text().toStdString();
    EXPECT_EQ(child<QLabel>(dialog, "status")->text(), QStringLiteral("Saved. Customers see the new profile in WhatsApp within a few minutes."));

    const BusinessProfile stored = BusinessProfile::fromJson(await(loop.client->businessProfile())->response());
    EXPECT_EQ(stored.about, QStringLiteral("Hogar y decoración · envíos en Bogotá"));
    EXPECT_EQ(stored.websites.size(), 2);
    EXPECT_TRUE(stored.profilePictureUrl.contains(QLatin1String("/sandbox-profile-photo/")));
}

TEST(BusinessProfileDialog, SaysPlainlyWhenTheProfileCannotBeRead)
{
    WireLoop loop;
    ApiConfig expired = loop.apiConfig();
    expired.accessToken = QStringLiteral("expired");
    CloudApiClient client(expired);
    BusinessProfileDialog dialog(client, QStringLiteral("Casa Nube"), QString());
    QSignalSpy loaded(&dialog, &BusinessProfileDialog::loaded);
    ASSERT_TRUE(loaded.wait(5000));
    EXPECT_FALSE(loaded.first().first().toBool());
    EXPECT_TRUE(child<QLabel>(dialog, "status")->text().startsWith(QStringLiteral("Could not read the profile: ")))
        << child<QLabel>(dialog, "status")->text().toStdString();
}

namespace {

// Answers the question the dialog is about to ask with `button`.
void answerNextQuestion(QMessageBox::StandardButton button, QString *asked)
{
    QTimer::singleShot(0, [button, asked] {
        auto *question = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        ASSERT_NE(question, nullptr) << "no question was asked";
        *asked = question->text();
        question->button(button)->click();
    });
}

} // namespace

TEST(QuickRepliesDialog, ClosingWithUnsavedChangesAsksFirst)
{
    LanguageController english;
    english.apply(QStringLiteral("en"));
    TemporaryStore store;
    auto database = store.open();
    QuickReplyStore replies(*database);
    QuickRepliesDialog dialog(replies, QStringLiteral("Casa Nube"), store.directory() + QStringLiteral("/files"));
    dialog.show();

    child<QPushButton>(dialog, "newReply")->click();
    EXPECT_FALSE(dialog.hasUnsavedEdits());
    QTest::keyClicks(child<QLineEdit>(dialog, "shortcut"), QStringLiteral("horario"));
    child<QPlainTextEdit>(dialog, "body")->setPlainText(QStringLiteral("Abrimos de 9 a 13."));
    ASSERT_TRUE(dialog.hasUnsavedEdits());

    // Closing asks; Save keeps the reply and closes.
    QString asked;
    answerNextQuestion(QMessageBox::Save, &asked);
    dialog.reject();
    EXPECT_EQ(asked, QStringLiteral("The reply you are editing has changes that are not saved."));
    EXPECT_FALSE(dialog.isVisible());
    StoreError error;
    ASSERT_EQ(replies.all(&error).size(), 1);
    EXPECT_EQ(replies.all(&error).first().body, QStringLiteral("Abrimos de 9 a 13."));

    // Changed again; Cancel keeps the dialog open with the change; Discard closes without it.
    dialog.show();
    child<QPlainTextEdit>(dialog, "body")->setPlainText(QStringLiteral("Abrimos de 10 a 14."));
    answerNextQuestion(QMessageBox::Cancel, &asked);
    dialog.reject();
    EXPECT_TRUE(dialog.isVisible());
    EXPECT_EQ(child<QPlainTextEdit>(dialog, "body")->toPlainText(), QStringLiteral("Abrimos de 10 a 14."));
    answerNextQuestion(QMessageBox::Discard, &asked);
    dialog.reject();
    EXPECT_FALSE(dialog.isVisible());
    EXPECT_EQ(replies.all(&error).first().body, QStringLiteral("Abrimos de 9 a 13."));
}
