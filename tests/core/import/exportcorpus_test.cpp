// Real "Export chat" files that no one on this project wrote (tests/exports: each
// file's origin, commit and licence in SOURCES), each checked against what a person reads in it,
// written down by hand in expected.json: how many messages people wrote, who, the first and last
// with their local times and texts, and how many carry media or were deleted. The phone's own
// notices are not counted (the importer keeps them as system rows).
//
// MOSTRADOR_EXPORTS_TO_READ=<folder> also prints what the reader makes of every .txt in that
// folder — to try it on exports that cannot be kept here.
#include "import/chatexportreader.h"

#include "qtprinting.h"
#include "testenvironment.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

#include <gtest/gtest.h>

#include <cstdio>

using namespace Mostrador;

namespace {

struct ReadFile {
    bool recognised = false;
    QString error;
    QList<ExportedMessage> people; // not the phone's notices
    QList<ExportedMessage> all;
    qint64 notices = 0;
    QStringList problems;
};

ReadFile readFile(const QString &path, const QLocale &locale)
{
    ReadFile result;
    ChatExportReader reader(QTimeZone::utc(), locale);
    QFile first(path);
    if (!first.open(QIODevice::ReadOnly)) {
        result.error = first.errorString();
        return result;
    }
    result.recognised = reader.scan(first, &result.error);
    if (!result.recognised)
        return result;
    QFile second(path);
    if (!second.open(QIODevice::ReadOnly))
        return result;
    reader.read(second, [&](const ExportedMessage &message) {
        result.all << message;
        if (message.kind == MessageKind::System)
            ++result.notices;
        else
            result.people << message;
        return true;
    });
    result.problems = reader.problems();
    return result;
}

QString oneLine(QString text)
{
    return text.replace(QLatin1Char('\n'), QLatin1String("⏎"));
}

const char *kindName(MessageKind kind)
{
    switch (kind) {
    case MessageKind::Image: return "image";
    case MessageKind::Video: return "video";
    case MessageKind::Audio: return "audio";
    case MessageKind::Sticker: return "sticker";
    case MessageKind::Document: return "document";
    case MessageKind::System: return "system";
    default: return "text";
    }
}

} // namespace

TEST(ExportCorpus, EveryRealExportIsReadAsAPersonReadsIt)
{
    const QDir folder(Testing::sourceDirectory() + QStringLiteral("/tests/exports"));
    QFile expectations(folder.filePath(QStringLiteral("expected.json")));
    ASSERT_TRUE(expectations.open(QIODevice::ReadOnly)) << qPrintable(expectations.fileName());
    const QJsonObject files = QJsonDocument::fromJson(expectations.readAll()).object();
    ASSERT_FALSE(files.isEmpty());
    QStringList unread;
    for (auto it = files.constBegin(); it != files.constEnd(); ++it) {
        const QString name = it.key();
        const QJsonObject expected = it.value().toObject();
        SCOPED_TRACE(name.toStdString());
        const QLocale locale(expected.value(QLatin1String("shop_locale")).toString(QStringLiteral("es_ES")));
        const ReadFile read = readFile(folder.filePath(name), locale);
        if (expected.contains(QLatin1String("cannot_read_yet"))) {
            unread << QStringLiteral("%1: %2").arg(name, expected.value(QLatin1String("cannot_read_yet")).toString());
            continue;
        }
        ASSERT_TRUE(read.recognised) << qPrintable(read.error);
        ASSERT_EQ(read.people.size(), expected.value(QLatin1String("messages")).toInt());
        QStringList authors;
        for (const ExportedMessage &message : read.people) {
            if (!authors.contains(message.author))
                authors << message.author;
        }
        QStringList expectedAuthors;
        for (const QJsonValue &author : expected.value(QLatin1String("authors")).toArray())
            expectedAuthors << author.toString();
        EXPECT_EQ(authors, expectedAuthors) << qPrintable(authors.join(QLatin1String(" | ")));
        const auto check = [&](const ExportedMessage &message, const QJsonObject &wanted) {
            EXPECT_EQ(message.time.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), wanted.value(QLatin1String("time")).toString());
            EXPECT_EQ(message.author, wanted.value(QLatin1String("author")).toString());
            EXPECT_EQ(message.text, wanted.value(QLatin1String("text")).toString());
        };
        check(read.people.first(), expected.value(QLatin1String("first")).toObject());
        check(read.people.last(), expected.value(QLatin1String("last")).toObject());
        const auto count = [&](auto predicate) { return int(std::count_if(read.people.cbegin(), read.people.cend(), predicate)); };
        EXPECT_EQ(count([](const ExportedMessage &m) { return m.media != ExportedMessage::Media::None; }),
                  expected.value(QLatin1String("media")).toInt());
        EXPECT_EQ(count([](const ExportedMessage &m) { return m.deleted; }), expected.value(QLatin1String("deleted")).toInt());
    }
    if (!unread.isEmpty())
        std::printf("Exports the reader still cannot read as a person does:\n  %s\n", qPrintable(unread.join(QLatin1String("\n  "))));
}

TEST(ExportCorpus, ExportsFromElsewhereArePrintedAsRead)
{
    const QString elsewhere = qEnvironmentVariable("MOSTRADOR_EXPORTS_TO_READ");
    if (elsewhere.isEmpty())
        GTEST_SKIP() << "set MOSTRADOR_EXPORTS_TO_READ to a folder of exports to print what the reader makes of them";
    QDirIterator files(elsewhere, {QStringLiteral("*.txt")}, QDir::Files, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString path = files.next();
        const ReadFile read = readFile(path, QLocale(QLocale::English, QLocale::UnitedStates));
        std::printf("=== %s\n", qPrintable(path));
        if (!read.recognised) {
            std::printf("  NOT READ: %s\n", qPrintable(read.error));
            continue;
        }
        std::printf("  %lld people's messages, %lld notices, %lld problems\n", qlonglong(read.people.size()), qlonglong(read.notices),
                    qlonglong(read.problems.size()));
        for (const ExportedMessage &message : read.all) {
            std::printf("  %d %s [%s]%s%s %s%s\n", message.line, qPrintable(message.time.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))),
                        qPrintable(message.author), message.deleted ? " DELETED" : "",
                        message.media == ExportedMessage::Media::None ? ""
                        : message.media == ExportedMessage::Media::Omitted ? " OMITTED" : " ATTACHED",
                        kindName(message.kind), qPrintable(oneLine(message.text).left(70)));
        }
        for (const QString &problem : read.problems)
            std::printf("  PROBLEM %s\n", qPrintable(problem));
    }
}
