#include "i18n/languagecontroller.h"

#include <QCoreApplication>
#include <QSettings>
#include <QSignalSpy>

#include "qtprinting.h"

#include <gtest/gtest.h>

using namespace Mostrador;

namespace {

// A core string every build translates.
QString translatedSample()
{
    return QCoreApplication::translate("Mostrador::SecretStore",
                                       "Nothing is saved in the keychain under this name yet.");
}

const QString kSpanishSample = QStringLiteral("Todavía no hay nada guardado en el llavero con este nombre.");
const QString kEnglishSample = QStringLiteral("Nothing is saved in the keychain under this name yet.");

class LanguageControllerTest : public ::testing::Test
{
protected:
    void SetUp() override { QSettings().clear(); }
    void TearDown() override { QSettings().clear(); }
};

} // namespace

TEST_F(LanguageControllerTest, SpanishTranslationIsBuiltIn)
{
    LanguageController languages;
    ASSERT_TRUE(languages.apply(QStringLiteral("es")));
    EXPECT_EQ(languages.currentLanguage(), QStringLiteral("es"));
    EXPECT_EQ(translatedSample(), kSpanishSample);
}

TEST_F(LanguageControllerTest, EnglishShowsTheSourceText)
{
    LanguageController languages;
    ASSERT_TRUE(languages.apply(QStringLiteral("en")));
    EXPECT_EQ(translatedSample(), kEnglishSample);
}

TEST_F(LanguageControllerTest, SwitchingAtRuntimeReplacesTheTranslatorAndSignals)
{
    LanguageController languages;
    languages.apply(QStringLiteral("en"));
    QSignalSpy changed(&languages, &LanguageController::languageChanged);
    ASSERT_TRUE(languages.apply(QStringLiteral("es")));
    EXPECT_EQ(translatedSample(), kSpanishSample);
    ASSERT_EQ(changed.count(), 1);
    EXPECT_EQ(changed.at(0).at(0).toString(), QStringLiteral("es"));
    languages.apply(QStringLiteral("en"));
    EXPECT_EQ(translatedSample(), kEnglishSample);
}

TEST_F(LanguageControllerTest, ChoiceIsRememberedButForcedLanguageIsNot)
{
    {
        LanguageController languages;
        ASSERT_TRUE(languages.choose(QStringLiteral("en")));
        languages.apply(QStringLiteral("es")); // like --lang es: this run only
    }
    LanguageController restarted;
    EXPECT_EQ(restarted.savedChoice(), QStringLiteral("en"));
    ASSERT_TRUE(restarted.choose(QString()));
    EXPECT_TRUE(restarted.savedChoice().isEmpty());
}

TEST_F(LanguageControllerTest, RejectsUnknownLanguages)
{
    LanguageController languages;
    EXPECT_FALSE(languages.apply(QStringLiteral("fr")));
    EXPECT_FALSE(languages.choose(QStringLiteral("xx")));
    EXPECT_TRUE(languages.savedChoice().isEmpty());
}

TEST_F(LanguageControllerTest, SystemLanguageIsOneWeSupport)
{
    EXPECT_TRUE(LanguageController::isSupported(LanguageController::systemLanguage()));
}
