// mostrador-server templates against the sandbox: Meta's rules said before submitting, Meta's
// review arriving by webhook, a deletion and what it means, Meta's refusals in its words.
#include "processrunner.h"
#include "loopbackhttpserver.h"
#include "testenvironment.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace Mostrador::Testing;

namespace {

ProcessOutcome templates(const QStringList &arguments, const QProcessEnvironment &environment)
{
    return runExecutable(QStringLiteral("mostrador-server"), QStringList{QStringLiteral("templates")} + arguments, environment);
}

} // namespace

TEST(TemplateCommands, CreateListAndDeleteThroughMetasReview)
{
    QTemporaryDir directory;
    const QString db = directory.filePath(QStringLiteral("shop.db"));
    const quint16 servePort = freeLoopbackPort();
    const quint16 sandboxPort = freeLoopbackPort();
    const QProcessEnvironment environment = serverEnvironment(sandboxPort);
    auto [serve, sandbox] = startServeAndSandbox(db, servePort, sandboxPort, environment, 0);
    ASSERT_TRUE(serve->state() == QProcess::Running && sandbox->state() == QProcess::Running);

    // Broken drafts never reach Meta: each rule broken is said.
    const auto broken = templates({QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("Manta gris"), QStringLiteral("--lang"),
                                   QStringLiteral("es"), QStringLiteral("--category"), QStringLiteral("UTILITY"), QStringLiteral("--body"),
                                   QStringLiteral("{{1}}, llegó tu manta {{2}}")}, environment);
    EXPECT_EQ(broken.exitCode, 2);
    for (const char *said : {"lowercase letters", "cannot start with a variable", "cannot end with a variable", "{{1}} needs an example"})
        EXPECT_TRUE(broken.standardError.contains(said)) << said << "\n" << broken.standardError.constData();

    // A utility template that promotes: Meta approves it as marketing, and says so by webhook.
    const QStringList create{QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("manta_llego"), QStringLiteral("--lang"),
                             QStringLiteral("es"), QStringLiteral("--category"), QStringLiteral("utility"), QStringLiteral("--body"),
                             QStringLiteral("Hola {{1}}, llegó la manta gris con 20 % de descuento. Te la guardamos."),
                             QStringLiteral("--example"), QStringLiteral("Lucía"), QStringLiteral("--footer"), QStringLiteral("Casa Nube"),
                             QStringLiteral("--button"), QStringLiteral("quick:La recojo"), QStringLiteral("--button"),
                             QStringLiteral("url:Ver=https://casanube.example/p/{{1}}"), QStringLiteral("--example"),
                             QStringLiteral("https://casanube.example/p/manta")};
    const auto created = templates(create, environment);
    ASSERT_EQ(created.exitCode, 0) << created.standardError.constData();
    EXPECT_TRUE(created.standardOutput.contains("Submitted manta_llego (es): in Meta's review")) << created.standardOutput.constData();
    ASSERT_TRUE(waitForStore(db, QStringLiteral("SELECT COUNT(*) FROM template_reviews WHERE name = 'manta_llego' AND status = 'APPROVED' "
                                                "AND category = 'MARKETING' AND previous_category = 'UTILITY'"), 1));
    const auto listed = templates({QStringLiteral("list")}, environment);
    ASSERT_EQ(listed.exitCode, 0);
    EXPECT_TRUE(listed.standardOutput.contains("manta_llego\tes\tapproved\tmarketing")) << listed.standardOutput.constData();
    EXPECT_TRUE(listed.standardOutput.contains("sorteo_clientes\tes\trejected (Meta thinks its category is wrong"))
        << listed.standardOutput.constData();

    // The same name and language again: Meta's refusal, in its words.
    const auto again = templates(create, environment);
    EXPECT_EQ(again.exitCode, 1);
    EXPECT_TRUE(again.standardError.contains("Message template already exists")) << again.standardError.constData();

    // Deleted: the name is kept by Meta for 30 days, and a new one under it is refused.
    const auto deleted = templates({QStringLiteral("delete"), QStringLiteral("manta_llego")}, environment);
    ASSERT_EQ(deleted.exitCode, 0) << deleted.standardError.constData();
    EXPECT_TRUE(deleted.standardOutput.contains("keeps the name for 30 days")) << deleted.standardOutput.constData();
    EXPECT_FALSE(templates({QStringLiteral("list")}, environment).standardOutput.contains("manta_llego"));
    const auto reused = templates(create, environment);
    EXPECT_EQ(reused.exitCode, 1);
    EXPECT_TRUE(reused.standardError.contains("after 30 days")) << reused.standardError.constData();
}
