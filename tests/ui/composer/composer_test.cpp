// The message box on its own, driven with real keys: Enter sends, Shift+Enter breaks the line,
// "/" offers the quick replies, and a closed window turns it into a template picker.

#include "composer/composer.h"
#include "api/messagepayloads.h"
#include "widgetlookup.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

using namespace Mostrador;
using namespace Mostrador::Testing;

namespace {

ServiceWindow openWindow()
{
    ServiceWindow window;
    window.state = ServiceWindow::State::Open;
    window.openUntil = QDateTime::currentDateTimeUtc().addSecs(3600);
    return window;
}

MessageTemplate orderReady()
{
    MessageTemplate order;
    order.name = QStringLiteral("pedido_listo");
    order.language = QStringLiteral("es");
    order.status = QStringLiteral("APPROVED");
    order.bodyText = QStringLiteral("Hola {{1}}, tu pedido {{2}} está listo.");
    order.bodyParameterCount = 2;
    return order;
}

class ComposerTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        composer.resize(600, 200);
        composer.setWindow(openWindow());
        composer.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&composer));
        editor = child<QPlainTextEdit>(composer, "composerText");
        editor->setFocus();
    }

    Composer composer;
    QPlainTextEdit *editor = nullptr;
};

} // namespace

TEST_F(ComposerTest, EnterSendsAndShiftEnterStartsANewLine)
{
    QSignalSpy sent(&composer, &Composer::sendText);
    QTest::keyClicks(editor, QStringLiteral("Hola"));
    QTest::keyClick(editor, Qt::Key_Return, Qt::ShiftModifier);
    QTest::keyClicks(editor, QStringLiteral("que tal?"));
    EXPECT_TRUE(sent.isEmpty());
    QTest::keyClick(editor, Qt::Key_Return);
    ASSERT_EQ(sent.count(), 1);
    EXPECT_EQ(sent.first().at(0).toString(), QStringLiteral("Hola\nque tal?"));
}

TEST_F(ComposerTest, NothingIsSentFromAnEmptyBox)
{
    QSignalSpy sent(&composer, &Composer::sendText);
    QTest::keyClicks(editor, QStringLiteral("   "));
    QTest::keyClick(editor, Qt::Key_Return);
    EXPECT_TRUE(sent.isEmpty());
}

TEST_F(ComposerTest, SlashOffersTheQuickRepliesAndFillsTheCustomersName)
{
    composer.setQuickReplies({QuickReply{7, QStringLiteral("envio"), QStringLiteral("Envío"),
                                         QStringLiteral("Hola {nombre}, el envío cuesta $12.000."), 0, {}}});
    composer.setCustomer(QStringLiteral("Lucía Gómez"));
    QSignalSpy used(&composer, &Composer::quickReplyUsed);
    QTest::keyClicks(editor, QStringLiteral("/env"));
    auto *list = child<QListView>(composer, "quickReplyList");
    ASSERT_TRUE(QTest::qWaitFor([&] { return list->isVisible(); }, 2000));
    QTest::keyClick(editor, Qt::Key_Return);
    EXPECT_EQ(editor->toPlainText(), QStringLiteral("Hola Lucía, el envío cuesta $12.000."));
    ASSERT_EQ(used.count(), 1);
    EXPECT_EQ(used.first().at(0).toLongLong(), 7);
}

TEST_F(ComposerTest, TemplatesInTheCustomersLanguageFirstWithTheirNameFilledAndNoSamples)
{
    MessageTemplate hello;
    hello.name = QStringLiteral("hello_world");
    hello.language = QStringLiteral("en_US");
    hello.status = QStringLiteral("APPROVED");
    hello.bodyText = QStringLiteral("Hello World");
    MessageTemplate pronto = orderReady();
    pronto.name = QStringLiteral("pedido_pronto");
    pronto.language = QStringLiteral("pt_BR");
    pronto.bodyText = QStringLiteral("Olá {{1}}, seu pedido {{2}} está pronto.");
    composer.setTemplates({hello, orderReady(), pronto});
    composer.setCustomer(QStringLiteral("Joana Silva"), QStringLiteral("pt"));
    composer.setWindow(ServiceWindow{});
    auto *picker = child<QComboBox>(composer, "templatePicker");
    ASSERT_TRUE(QTest::qWaitFor([&] { return picker->isVisible(); }, 2000));

    ASSERT_EQ(picker->count(), 2) << "Meta's hello_world is not offered";
    EXPECT_EQ(picker->currentData().toString(), QStringLiteral("pedido_pronto/pt_BR"));
    EXPECT_EQ(child<QLineEdit>(composer, "templateParameter1")->text(), QStringLiteral("Joana"));
    EXPECT_EQ(child<QLabel>(composer, "templatePreview")->text(), QStringLiteral("Olá Joana, seu pedido [2] está pronto."));
    // Each field says what it fills, in the template's own words.
    const auto labels = composer.findChildren<QLabel *>();
    EXPECT_TRUE(std::any_of(labels.begin(), labels.end(), [](QLabel *label) {
        return label->text() == QStringLiteral("Olá …, seu pedido ___ está pronto.");
    }));

    auto *samples = child<QCheckBox>(composer, "templateSamples");
    ASSERT_TRUE(samples->isVisible());
    samples->click();
    EXPECT_EQ(picker->count(), 3);
    EXPECT_GE(picker->findData(QStringLiteral("hello_world/en_US")), 0);
}

TEST_F(ComposerTest, AClosedWindowOffersOnlyTemplatesWithTheirParameters)
{
    composer.setTemplates({orderReady()});
    composer.setWindow(ServiceWindow{});
    auto *picker = child<QComboBox>(composer, "templatePicker");
    ASSERT_TRUE(QTest::qWaitFor([&] { return picker->isVisible(); }, 2000));
    EXPECT_FALSE(editor->isVisible());
    picker->setCurrentIndex(picker->findData(QStringLiteral("pedido_listo/es")));
    auto *send = child<QPushButton>(composer, "sendTemplateButton");
    EXPECT_FALSE(send->isEnabled()) << "parameters are still empty";
    QTest::keyClicks(child<QLineEdit>(composer, "templateParameter1"), QStringLiteral("Lucia"));
    QTest::keyClicks(child<QLineEdit>(composer, "templateParameter2"), QStringLiteral("1042"));
    EXPECT_TRUE(child<QLabel>(composer, "templatePreview")->text().contains(QStringLiteral("Hola Lucia, tu pedido 1042")));
    QSignalSpy sent(&composer, &Composer::sendTemplate);
    ASSERT_TRUE(send->isEnabled());
    QTest::mouseClick(send, Qt::LeftButton);
    ASSERT_EQ(sent.count(), 1);
    EXPECT_EQ(sent.first().at(1).toStringList(), (QStringList{QStringLiteral("Lucia"), QStringLiteral("1042")}));
}

TEST_F(ComposerTest, AMistypedQuickReplyIsNotSentOnTheFirstEnter)
{
    composer.setQuickReplies({QuickReply{7, QStringLiteral("envio"), QStringLiteral("Envío"), QStringLiteral("El envío cuesta $12.000."), 0, {}}});
    QSignalSpy sent(&composer, &Composer::sendText);
    QTest::keyClicks(editor, QStringLiteral("/descuento"));
    QTest::keyClick(editor, Qt::Key_Escape); // the list of matches (none) out of the way
    QTest::keyClick(editor, Qt::Key_Return);
    EXPECT_TRUE(sent.isEmpty());
    auto *warning = child<QLabel>(composer, "unknownQuickReply");
    EXPECT_TRUE(warning->isVisible());
    EXPECT_TRUE(warning->text().contains(QStringLiteral("no quick reply /descuento")));
    QTest::keyClick(editor, Qt::Key_Return);
    ASSERT_EQ(sent.count(), 1) << "a second Enter sends it as it is";
    EXPECT_EQ(sent.first().at(0).toString(), QStringLiteral("/descuento"));
}

// WhatsApp takes at most 4,096 characters in one message: a counter as the limit nears; past it,
// Enter and Send do nothing but say why, and the text can go as several messages, cut between
// paragraphs, none over the limit and nothing lost.
TEST_F(ComposerTest, ATextOverWhatsAppsLimitSaysWhyAndCanGoAsSeveralMessages)
{
    QSignalSpy sent(&composer, &Composer::sendText);
    QString paragraph = QStringLiteral("La lámpara Nube mide 40 cm y viene en blanco, gris y terracota. ").repeated(30).trimmed();
    editor->setPlainText(paragraph + QStringLiteral("\n\n") + paragraph.left(1700));
    QWidget *length = child<QWidget>(composer, "messageLength");
    EXPECT_TRUE(length->isVisible()) << "a counter as the limit nears";
    EXPECT_FALSE(child<QPushButton>(composer, "sendAsSeveral")->isVisible());

    const QString tooLong = paragraph + QStringLiteral("\n\n") + paragraph + QStringLiteral("\n\n") + paragraph.left(1000);
    editor->setPlainText(tooLong);
    QTest::keyClick(editor, Qt::Key_Return);
    EXPECT_TRUE(sent.isEmpty()) << "not sent as one message WhatsApp would refuse";
    EXPECT_FALSE(child<QPushButton>(composer, "sendButton")->isEnabled());
    const QString reason = child<QLabel>(composer, "messageLengthText")->text();
    EXPECT_TRUE(reason.contains(QLatin1String("4,096")) || reason.contains(QLatin1String("4.096"))) << qPrintable(reason);

    QPushButton *split = child<QPushButton>(composer, "sendAsSeveral");
    ASSERT_TRUE(split->isVisible());
    QTest::mouseClick(split, Qt::LeftButton);
    ASSERT_EQ(sent.count(), 2);
    QStringList parts;
    for (const QList<QVariant> &signal : sent) {
        parts << signal.at(0).toString();
        EXPECT_LE(parts.last().size(), 4096);
    }
    EXPECT_EQ(parts.first(), paragraph + QStringLiteral("\n\n") + paragraph) << "cut at a paragraph break";
    EXPECT_EQ(parts.join(QStringLiteral("\n\n")), tooLong) << "nothing lost";
}

// Since 1 October 2026 every reply is billed: the box says what a send costs, quietly, only when
// it is billed; a long text sent as several messages says the sum; a template its category's price.
TEST_F(ComposerTest, WhatASendCostsIsSaidBesideSendOnlyWhenItIsBilled)
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QLabel *price = child<QLabel>(composer, "sendPrice");
    EXPECT_FALSE(price->isVisible()) << "no rate card given: nothing said";

    const RateCard cards = RateCard::shipped();
    composer.setPrices(cards.pricesOfSends(QStringLiteral("MX"), true, false, QDate(2026, 9, 30)));
    EXPECT_FALSE(price->isVisible()) << "a reply inside the window was free until 30 September 2026";

    composer.setPrices(cards.pricesOfSends(QStringLiteral("MX"), true, true, QDate(2026, 11, 20)));
    EXPECT_FALSE(price->isVisible()) << "inside a free entry point after an ad: free";

    const SendPrices november = cards.pricesOfSends(QStringLiteral("MX"), true, false, QDate(2026, 11, 20));
    ASSERT_TRUE(november.reply.has_value());
    composer.setPrices(november);
    ASSERT_TRUE(price->isVisible());
    EXPECT_TRUE(price->text().contains(QLatin1String("0.0085"))) << qPrintable(price->text());

    QString paragraph = QStringLiteral("La lámpara Nube mide 40 cm y viene en blanco, gris y terracota. ").repeated(30).trimmed();
    const QString tooLong = QStringList(5, paragraph).join(QStringLiteral("\n\n"));
    editor->setPlainText(tooLong);
    ASSERT_TRUE(child<QPushButton>(composer, "sendAsSeveral")->isVisible());
    ASSERT_EQ(MessagePayloads::splitText(tooLong).size(), 3);
    EXPECT_TRUE(price->text().startsWith(QLatin1String("3 messages"))) << qPrintable(price->text());
    EXPECT_TRUE(price->text().contains(QLatin1String("0.0255"))) << qPrintable(price->text());

    composer.setPrices(cards.pricesOfSends(QString(), true, false, QDate(2026, 11, 20)));
    EXPECT_FALSE(price->isVisible()) << "a market the number does not tell: no guess";

    composer.setWindow(ServiceWindow{});
    MessageTemplate offer = orderReady();
    offer.name = QStringLiteral("oferta_mantas");
    offer.category = QStringLiteral("MARKETING");
    composer.setTemplates({offer});
    composer.setPrices(cards.pricesOfSends(QStringLiteral("CO"), false, false, QDate(2026, 11, 20)));
    QLabel *templatePrice = child<QLabel>(composer, "templatePrice");
    ASSERT_TRUE(templatePrice->isVisible());
    EXPECT_TRUE(templatePrice->text().contains(QLatin1String("0.0125"))) << qPrintable(templatePrice->text());
    EXPECT_TRUE(templatePrice->text().contains(QLatin1String("marketing"))) << qPrintable(templatePrice->text());
    QLocale::setDefault(QLocale::system());
}
