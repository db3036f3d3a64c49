// The Shop menu's dialogs driven as a user would, on a real store file.
#include "automation/quickreplyexchange.h"
#include "dialogs/automaticrepliesdialog.h"
#include "dialogs/quickrepliesdialog.h"
#include "i18n/languagecontroller.h"
#include "qtprinting.h"
#include "temporarystore.h"

#include <QCheckBox>
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

template<typename T>
T *child(QWidget &parent, const char *name)
{
    T *found = parent.findChild<T *>(QLatin1String(name));
    EXPECT_NE(found, nullptr) << name;
    return found;
}

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
    QTest::keyClicks(monday, QStringLiteral("9-13"));
    EXPECT_FALSE(saveButton(dialog)->isEnabled());
    EXPECT_TRUE(child<QLabel>(dialog, "problem")->text().contains(QStringLiteral("write the hours like 09:00-13:00")))
        << child<QLabel>(dialog, "problem")->text().toStdString();
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
    QuickRepliesDialog dialog(replies, QStringLiteral("Casa Nube"));
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
