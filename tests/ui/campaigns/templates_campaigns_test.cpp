// Shop ▸ Templates and Shop ▸ Campaigns on real widgets, talking to the sandbox through a real
// client and storing in a real file.
#include "api/templatelibrary.h"
#include "campaigns/campaignrunner.h"
#include "campaigns/campaignsdialog.h"
#include "campaigns/newcampaigndialog.h"
#include "campaigns/templateeditor.h"
#include "campaigns/templatesdialog.h"
#include "outbox/outbox.h"
#include "qtprinting.h"
#include "inbox/labelstore.h"
#include "campaigns/templatereviewstore.h"
#include "storedhistory.h"
#include "widgetlookup.h"
#include "widgets/templatepreview.h"
#include "wireloop.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QTreeWidget>

#include <gtest/gtest.h>

using namespace Mostrador;
using namespace Mostrador::Testing;

namespace {

QString allText(const QWidget &widget)
{
    QStringList texts;
    for (const QLabel *label : widget.findChildren<QLabel *>())
        texts << label->text();
    return texts.join(QLatin1Char('\n'));
}

} // namespace

TEST(TemplateEditor, SaysEveryRuleWhileTypingAndSubmitsInBothLanguages)
{
    WireLoop loop;
    TemplateLibrary library(*loop.client);
    TemplateEditor editor(library);
    editor.show();

    QTest::keyClicks(child<QLineEdit>(editor, "templateName"), QStringLiteral("Manta llego"));
    EXPECT_TRUE(child<QLabel>(editor, "nameProblem")->text().contains(QLatin1String("manta_llego")));
    auto *spanish = child<QPlainTextEdit>(editor, "templateBody_es");
    spanish->setPlainText(QStringLiteral("{{1}}, llegó la manta que pediste {{2}}"));
    const QString problems = child<QLabel>(editor, "templateProblems")->text();
    for (const char *said : {"cannot start with a variable", "cannot end with a variable", "{{1}} needs an example"})
        EXPECT_TRUE(problems.contains(QLatin1String(said))) << said << "\n" << problems.toStdString();
    EXPECT_FALSE(child<QPushButton>(editor, "submitTemplate")->isEnabled());

    spanish->setPlainText(QStringLiteral("Hola {{1}}, llegó la manta que pediste. Te la guardamos hasta el {{2}}."));
    child<QLineEdit>(editor, "example_es_1")->setText(QStringLiteral("Lucía"));
    child<QLineEdit>(editor, "example_es_2")->setText(QStringLiteral("viernes"));
    child<QCheckBox>(editor, "alsoEnglish")->setChecked(true);
    child<QPlainTextEdit>(editor, "templateBody_en")->setPlainText(QStringLiteral("Hi {{1}}, your blanket is here. We keep it until {{2}}."));
    EXPECT_FALSE(child<QPushButton>(editor, "submitTemplate")->isEnabled()); // the English examples are missing
    child<QLineEdit>(editor, "example_en_1")->setText(QStringLiteral("Lucy"));
    child<QLineEdit>(editor, "example_en_2")->setText(QStringLiteral("Friday"));
    // The preview is what the customer reads: the values put in.
    EXPECT_EQ(child<QLabel>(editor, "previewBody")->text(),
              QStringLiteral("Hola Lucía, llegó la manta que pediste. Te la guardamos hasta el viernes."));
    ASSERT_TRUE(child<QPushButton>(editor, "submitTemplate")->isEnabled()) << child<QLabel>(editor, "templateProblems")->text().toStdString();

    QSignalSpy submitted(&editor, &TemplateEditor::submitted);
    child<QPushButton>(editor, "submitTemplate")->click();
    ASSERT_TRUE(submitted.wait(5000)) << child<QLabel>(editor, "templateAnswer")->text().toStdString();
    EXPECT_EQ(submitted.first().first().toString(), QStringLiteral("manta_llego"));
    EXPECT_TRUE(child<QLabel>(editor, "templateAnswer")->text().contains(QLatin1String("in Meta's review")));
    // Both languages reached Meta's review under one name.
    ASSERT_TRUE(QTest::qWaitFor([&] { return loop.value(QStringLiteral("SELECT COUNT(*) FROM template_reviews WHERE name = 'manta_llego'")).toInt() == 2; }, 5000));
}

TEST(TemplatesDialog, ShowsMetasReviewTheRejectedReasonAndAMoveToMarketing)
{
    WireLoop loop;
    TemplateLibrary library(*loop.client);
    Database &database = *loop.database;
    TemplatesDialog dialog(library, [&database] {
        StoreError error;
        return TemplateReviewStore(database).reviews(&error);
    });
    dialog.show();
    dialog.reload();
    auto *list = child<QTreeWidget>(dialog, "templateList");
    ASSERT_TRUE(QTest::qWaitFor([&] { return list->topLevelItemCount() >= 8; }, 5000));

    // Meta moves a utility template to marketing: the webhook reaches the store, the list says it.
    loop.sandbox->recategoriseTemplate(QStringLiteral("recordatorio_pago"), QStringLiteral("es"), QStringLiteral("MARKETING"));
    ASSERT_TRUE(loop.waitForBatches(1));
    dialog.reload();
    ASSERT_TRUE(QTest::qWaitFor([&] { return child<QLabel>(dialog, "templateNotices")->isVisible(); }, 5000));
    EXPECT_TRUE(child<QLabel>(dialog, "templateNotices")->text().contains(
        QLatin1String("Recordatorio pago (es): Meta moved it from utility to marketing: each message now costs the marketing price.")))
        << child<QLabel>(dialog, "templateNotices")->text().toStdString();

    const auto select = [&](const QString &name) {
        for (int i = 0; i < list->topLevelItemCount(); ++i) {
            if (list->topLevelItem(i)->toolTip(0) == name)
                list->setCurrentItem(list->topLevelItem(i));
        }
    };
    select(QStringLiteral("sorteo_clientes"));
    EXPECT_TRUE(child<QLabel>(dialog, "templateDetails")->text().contains(QLatin1String("a promotion is marketing, not utility")));
    select(QStringLiteral("novedades_hogar"));
    EXPECT_TRUE(child<QLabel>(dialog, "previewBody")->text().startsWith(QLatin1String("Hola [1], llegaron a Casa Nube")));
    EXPECT_TRUE(allText(dialog).contains(QLatin1String("Detener promociones")));
}

TEST(Campaigns, ANewCampaignShowsWhoGetsItAndIsSentWithItsResults)
{
    WireLoop loop(QDateTime::currentDateTimeUtc());
    ASSERT_FALSE(storeHistory(*loop.ingestor, 4, 1, QDateTime::currentDateTimeUtc().addSecs(-600)).error.isError());
    for (int customer = 0; customer < 4; ++customer)
        loop.sandbox->addCustomer(QStringLiteral("5730000%1").arg(customer, 5, 10, QLatin1Char('0')), QStringLiteral("Cliente %1").arg(customer));
    LabelStore labels(*loop.database);
    ASSERT_FALSE(labels.seedIfEmpty({{QStringLiteral("Clientes VIP"), QStringLiteral("#1fa67a")}}).isError());
    StoreError error;
    const qint64 vip = labels.labels(&error).first().id;
    for (const qint64 conversation : {1, 2, 3, 4})
        ASSERT_FALSE(labels.setLabel(conversation, vip, true).isError());
    ASSERT_FALSE(loop.database->exec(QStringLiteral("UPDATE customers SET opted_out_at = 1 WHERE id = 2"), {}, "opt out").isError());

    TemplateLibrary library(*loop.client);
    QList<MessageTemplate> templates;
    QObject::connect(&library, &TemplateLibrary::loaded, [&](const QList<MessageTemplate> &loaded) { templates = loaded; });
    library.load();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !templates.isEmpty(); }, 5000));

    NewCampaignDialog dialog(*loop.database, loop.clock, templates, {QStringLiteral("Clientes VIP")}, QStringLiteral("CO"));
    dialog.show();
    // Only approved templates are offered, and never Meta's samples.
    auto *templateBox = child<QComboBox>(dialog, "campaignTemplate");
    for (int i = 0; i < templateBox->count(); ++i) {
        EXPECT_FALSE(templateBox->itemText(i).contains(QLatin1String("Oferta navidad")));
        EXPECT_FALSE(templateBox->itemText(i).contains(QLatin1String("Hello world")));
    }
    dialog.chooseTemplate(QStringLiteral("novedades_hogar"), QStringLiteral("es"));
    EXPECT_EQ(child<QComboBox>(dialog, "campaignValue1")->currentData().toString(), QStringLiteral("{first_name}"));
    dialog.chooseLabel(QStringLiteral("Clientes VIP"));
    EXPECT_FALSE(child<QPushButton>(dialog, "sendCampaign")->isEnabled()); // not before it was checked
    child<QPushButton>(dialog, "checkAudience")->click();
    const QString summary = child<QLabel>(dialog, "campaignSummary")->text();
    EXPECT_TRUE(summary.contains(QLatin1String("<b>3 customer"))) << summary.toStdString();
    EXPECT_TRUE(summary.contains(QLatin1String("1 asked not to get promotions"))) << summary.toStdString();
    EXPECT_TRUE(summary.contains(QLatin1String("Estimated cost"))) << summary.toStdString();
    EXPECT_TRUE(summary.contains(QLatin1String("Colombia: 3"))) << summary.toStdString();
    EXPECT_EQ(child<QLabel>(dialog, "previewBody")->text(),
              QStringLiteral("Hola Cliente, llegaron a Casa Nube las mantas de lana y los cojines de lino. ¿Te guardamos alguno?"));

    QSignalSpy created(&dialog, &NewCampaignDialog::created);
    child<QLineEdit>(dialog, "campaignName")->setText(QStringLiteral("Mantas"));
    // Send asks once, with the count and the estimate; "Not yet" sends nothing.
    const auto answer = [&](bool send, QString *asked) {
        QTimer::singleShot(0, &dialog, [&dialog, send, asked] {
            auto *box = dialog.findChild<QMessageBox *>(QStringLiteral("confirmCampaign"));
            ASSERT_NE(box, nullptr) << "no confirmation asked";
            *asked = box->text() + QLatin1Char('\n') + box->informativeText();
            for (QAbstractButton *button : box->buttons()) {
                if ((button->objectName() == QLatin1String("confirmCampaignSend")) == send) {
                    button->click();
                    return;
                }
            }
        });
    };
    QString asked;
    answer(false, &asked);
    child<QPushButton>(dialog, "sendCampaign")->click();
    EXPECT_TRUE(asked.contains(QStringLiteral("Send “Mantas” to 3 customer"))) << asked.toStdString();
    EXPECT_TRUE(asked.contains(QLatin1String("Estimated cost:"))) << asked.toStdString();
    EXPECT_EQ(created.size(), 0) << "Not yet sends nothing";
    EXPECT_EQ(loop.value(QStringLiteral("SELECT COUNT(*) FROM campaigns")).toInt(), 0);
    answer(true, &asked);
    child<QPushButton>(dialog, "sendCampaign")->click();
    ASSERT_EQ(created.size(), 1);
    const qint64 campaignId = created.first().first().toLongLong();

    // Sent by a runner on the shop's outbox, as the desktop does; the results show in the window.
    Outbox outbox(*loop.database, *loop.client, loop.clock);
    CampaignRunner runner(*loop.database, outbox, loop.clock, QStringLiteral("desktop@test"));
    QString problem;
    ASSERT_TRUE(runner.start(campaignId, &problem)) << problem.toStdString();
    QSignalSpy finished(&runner, &CampaignRunner::finished);
    ASSERT_TRUE(finished.wait(10000));
    // Reports and the export tell them apart: origin "campaign" (they end nobody's wait).
    EXPECT_EQ(loop.value(QStringLiteral("SELECT COUNT(*) FROM messages WHERE handled_by = 'campaign'")).toInt(), 3);
    // Each send records when its request left the computer (what a crash's recovery relies on).
    EXPECT_EQ(loop.value(QStringLiteral("SELECT COUNT(*) FROM messages WHERE handled_by = 'campaign' AND left_at IS NOT NULL")).toInt(), 3);
    // A campaign does not move its conversations up the inbox: they come up when a customer answers.
    EXPECT_EQ(loop.value(QStringLiteral("SELECT COUNT(*) FROM conversations WHERE last_message_id IN "
                                        "(SELECT id FROM messages WHERE handled_by = 'campaign')")).toInt(), 0);
    CampaignsDialog campaigns(*loop.database);
    campaigns.show();
    campaigns.select(campaignId);
    ASSERT_TRUE(QTest::qWaitFor([&] { return child<QLabel>(campaigns, "campaignResults")->text().contains(QLatin1String("Delivered</td><td align=right><b>3")); }, 5000))
        << child<QLabel>(campaigns, "campaignResults")->text().toStdString();
    EXPECT_TRUE(child<QLabel>(campaigns, "campaignResults")->text().contains(QLatin1String("1 asked not to get promotions")));
    EXPECT_EQ(child<QTreeWidget>(campaigns, "campaignList")->topLevelItem(0)->text(1), QStringLiteral("sent"));
    EXPECT_FALSE(child<QPushButton>(campaigns, "pauseCampaign")->isEnabled());
}

TEST(TemplateEditor, ANewTemplateFromAnExistingOneStartsWithItsWordsAndButtons)
{
    WireLoop loop;
    TemplateLibrary library(*loop.client);
    QList<MessageTemplate> templates;
    QObject::connect(&library, &TemplateLibrary::loaded, [&](const QList<MessageTemplate> &loaded) { templates = loaded; });
    library.load();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !templates.isEmpty(); }, 5000));
    const auto existing = std::find_if(templates.cbegin(), templates.cend(),
                                       [](const MessageTemplate &t) { return t.name == QLatin1String("novedades_hogar"); });
    ASSERT_NE(existing, templates.cend());

    TemplateEditor editor(library);
    editor.show();
    editor.startFrom(TemplateDraft::fromTemplate(*existing));
    EXPECT_EQ(child<QLineEdit>(editor, "templateName")->text(), QStringLiteral("novedades_hogar_2"));
    EXPECT_EQ(child<QPlainTextEdit>(editor, "templateBody_es")->toPlainText(), existing->bodyText);
    EXPECT_EQ(child<QTableWidget>(editor, "templateButtons")->rowCount(), 2);
    EXPECT_EQ(child<QComboBox>(editor, "templateCategory")->currentData().toString(), QStringLiteral("MARKETING"));
}
