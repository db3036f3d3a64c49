// File names read from files a person loads are cleaned before any library or file-system
// call: a chat export once crashed Qt's MIME matching with an attachment's name holding control
// characters and NUL bytes.
#include "common/safefilename.h"

#include "qtprinting.h"

#include <gtest/gtest.h>

using namespace Mostrador;

TEST(SafeFileName, NamesPhonesWriteStayAsTheyAre)
{
    for (const QString &name : {QStringLiteral("IMG-20240312-WA0001.jpg"), QStringLiteral("00000012-PHOTO-2024-03-12-09-18-01.jpg"),
                                QStringLiteral("Factura de Lucía Gómez (1).pdf"), QStringLiteral("PTT-20240101-WA0003.opus"),
                                QStringLiteral("写真 2024.jpg"), QStringLiteral("😀 sticker.webp")}) {
        const SafeFileName::Cleaned cleaned = SafeFileName::clean(name);
        EXPECT_EQ(cleaned.name, name);
        EXPECT_TRUE(cleaned.problem.isEmpty()) << qPrintable(cleaned.problem);
    }
}

TEST(SafeFileName, ControlCharactersNulAndMarksGoAndAreSaid)
{
    const QString hostile = QStringLiteral("\u0004") + QChar(u'\0') + QStringLiteral("foto\u200E\u202E\u0085.jpg\r");
    const SafeFileName::Cleaned cleaned = SafeFileName::clean(hostile);
    EXPECT_EQ(cleaned.name, QStringLiteral("foto.jpg"));
    EXPECT_FALSE(cleaned.problem.isEmpty());
    // An unpaired surrogate is not a character.
    EXPECT_EQ(SafeFileName::clean(QStringLiteral("a") + QChar(0xD800) + QStringLiteral("b.png")).name, QStringLiteral("ab.png"));
}

TEST(SafeFileName, OnlyTheLastPathComponentIsKept)
{
    EXPECT_EQ(SafeFileName::clean(QStringLiteral("../../.ssh/id_rsa")).name, QStringLiteral("id_rsa"));
    EXPECT_EQ(SafeFileName::clean(QStringLiteral("C:\\Users\\María José\\foto.jpg")).name, QStringLiteral("foto.jpg"));
    EXPECT_EQ(SafeFileName::clean(QStringLiteral("/etc/passwd")).name, QStringLiteral("passwd"));
    EXPECT_FALSE(SafeFileName::clean(QStringLiteral("../../.ssh/id_rsa")).problem.isEmpty());
}

TEST(SafeFileName, NothingUsableLeftIsAProblemNotAName)
{
    for (const QString &name : {QString(), QStringLiteral(".."), QStringLiteral("."), QStringLiteral("/"), QStringLiteral(" . "),
                                QStringLiteral("\u0001\u0002")}) {
        const SafeFileName::Cleaned cleaned = SafeFileName::clean(name);
        EXPECT_TRUE(cleaned.name.isEmpty()) << qPrintable(cleaned.name);
        EXPECT_FALSE(cleaned.problem.isEmpty());
    }
}

TEST(SafeFileName, ALongNameIsCutInItsStemKeepingItsExtension)
{
    const QString name = QString(500, QChar(u'ñ')) + QStringLiteral(".jpeg");
    const SafeFileName::Cleaned cleaned = SafeFileName::clean(name);
    EXPECT_LE(cleaned.name.toUtf8().size(), SafeFileName::kMostBytes);
    EXPECT_TRUE(cleaned.name.endsWith(QStringLiteral(".jpeg")));
    EXPECT_TRUE(cleaned.name.startsWith(QStringLiteral("ññ")));
    // Never half an emoji.
    const QString emoji = QString(300, QChar(0xD83D)).replace(QChar(0xD83D), QStringLiteral("😀")) + QStringLiteral(".png");
    const QString cut = SafeFileName::clean(emoji).name;
    EXPECT_FALSE(cut.isEmpty());
    EXPECT_FALSE(cut.at(cut.size() - 5).isHighSurrogate());
}

// Found by fuzzing a chat export: a cut that ends on a dot or a space left a name that a second
// cleaning changed again. A cleaned name is clean.
TEST(SafeFileName, ACutNameIsAlreadyClean)
{
    for (const QString &edge : {QStringLiteral("."), QStringLiteral(" "), QStringLiteral(". .")}) {
        for (qsizetype stem = SafeFileName::kMostBytes - 4; stem <= SafeFileName::kMostBytes + 1; ++stem) {
            const QString name = QString(stem, QLatin1Char('a')) + edge + QString(300, QChar(0xFFFD));
            const QString once = SafeFileName::clean(name).name;
            EXPECT_EQ(SafeFileName::clean(once).name, once) << qPrintable(once.right(8));
            EXPECT_TRUE(SafeFileName::clean(once).problem.isEmpty());
        }
    }
}

TEST(SafeFileName, RelativePathsKeepTheirFoldersBelowAndLoseTheRest)
{
    EXPECT_EQ(SafeFileName::cleanRelativePath(QStringLiteral("fotos/lampara.jpg")).name, QStringLiteral("fotos/lampara.jpg"));
    EXPECT_EQ(SafeFileName::cleanRelativePath(QStringLiteral("fotos\\lampara.jpg")).name, QStringLiteral("fotos/lampara.jpg"));
    EXPECT_EQ(SafeFileName::cleanRelativePath(QStringLiteral("../../etc/passwd")).name, QStringLiteral("etc/passwd"));
    EXPECT_EQ(SafeFileName::cleanRelativePath(QStringLiteral("C:\\fotos\\vela.png")).name, QStringLiteral("fotos/vela.png"));
    EXPECT_TRUE(SafeFileName::cleanRelativePath(QStringLiteral("../..")).name.isEmpty());
}
