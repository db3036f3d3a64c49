#include "movecommand.h"

#include "commandsupport.h"
#include "db/storecopy.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QLocale>

#include <cstdio>
#ifdef Q_OS_WIN
#include <io.h>
#else
#include <unistd.h>
#endif

namespace Mostrador {

namespace {

// "[##########          ]  50 %  messages" on a terminal, redrawn in place; a line every
// tenth of the way when the output is a log.
class ProgressBar
{
public:
    void show(qint64 done, qint64 total, const QString &table)
    {
        const int percent = total > 0 ? int(done * 100 / total) : 100;
        if (percent == m_lastPercent && table == m_lastTable)
            return;
        m_lastPercent = percent;
        m_lastTable = table;
        if (m_terminal) {
            constexpr int kWidth = 30;
            const int filled = percent * kWidth / 100;
            const QString bar = QString(filled, QLatin1Char('#')) + QString(kWidth - filled, QLatin1Char(' '));
            std::fprintf(stderr, "\r[%s] %3d %%  %-24s", qPrintable(bar), percent, qPrintable(table));
            std::fflush(stderr);
        } else if (percent / 10 != m_lastTenth) {
            m_lastTenth = percent / 10;
            std::fprintf(stderr, "%3d %%  %s\n", percent, qPrintable(table));
        }
    }
    void finish()
    {
        if (m_terminal)
            std::fprintf(stderr, "\n");
    }

private:
    bool m_terminal = isatty(fileno(stderr)) != 0;
    int m_lastTenth = -1;
    int m_lastPercent = -1;
    QString m_lastTable;
};

} // namespace

int runMoveToPostgresCommand(const QStringList &arguments)
{
    using namespace CommandSupport;
    QCommandLineParser parser;
    parser.setApplicationDescription(CommandText::tr(
        "Copies the shop's SQLite database into a new, empty PostgreSQL database for team mode, and counts every "
        "table on both sides at the end. Stop mostrador-server and close the desktops first; the SQLite file is "
        "left as it was."));
    const QCommandLineOption fromOption(QStringLiteral("from"), CommandText::tr("The SQLite database file."), QStringLiteral("path"));
    const QCommandLineOption toOption(QStringLiteral("to"), CommandText::tr("The PostgreSQL database (postgres://user:password@host/db)."),
                                      QStringLiteral("url"));
    parser.addOptions({fromOption, toOption});
    process(parser, QStringLiteral("move-to-postgres"), arguments);

    QStringList problems;
    if (!parser.isSet(fromOption))
        problems << CommandText::tr("--from is required.");
    if (!parser.isSet(toOption))
        problems << CommandText::tr("--to is required.");
    else if (StoreLocation::parse(parser.value(toOption)).dialect.isSqlite())
        problems << CommandText::tr("--to must be a postgres:// address.");
    if (parser.isSet(fromOption) && !StoreLocation::parse(parser.value(fromOption)).dialect.isSqlite())
        problems << CommandText::tr("--from must be a SQLite database file.");
    if (!problems.isEmpty())
        return configurationError(problems);

    auto source = openStore(parser.value(fromOption), true);
    if (!source)
        return kFailure;
    auto target = openStore(parser.value(toOption), false);
    if (!target)
        return kFailure;

    StoreCopy copy(*source, *target);
    StoreError error;
    QList<StoreCopy::Table> tables = copy.plan(&error);
    if (error.isError()) {
        printError(CommandText::tr("Nothing was copied: %1").arg(error.userMessage));
        return kConfigurationError;
    }
    QElapsedTimer clock;
    clock.start();
    ProgressBar bar;
    error = copy.copy(tables, [&bar](qint64 done, qint64 total, const QString &table) { bar.show(done, total, table); });
    bar.finish();
    if (error.isError()) {
        printError(CommandText::tr("Nothing was copied (the PostgreSQL database is as it was): %1").arg(error.userMessage));
        printError(error.detail);
        return kFailure;
    }

    const QLocale locale;
    bool allMatch = true;
    qint64 rows = 0;
    for (const StoreCopy::Table &table : std::as_const(tables)) {
        allMatch = allMatch && table.matches();
        rows += table.targetRows;
        printOut(QStringLiteral("%1  %2 → %3  %4")
                     .arg(table.name, -28)
                     .arg(locale.toString(table.sourceRows), 10)
                     .arg(locale.toString(table.targetRows), 10)
                     .arg(table.matches() ? CommandText::tr("ok") : CommandText::tr("DIFFERENT")));
    }
    if (!allMatch) {
        printError(CommandText::tr("Some tables do not hold the same rows on both sides (marked DIFFERENT). Do not use the "
                                   "PostgreSQL database yet; the SQLite file is untouched."));
        return kFailure;
    }
    printOut(CommandText::tr("Copied %1 rows in %2 tables in %3 s, counted again on both sides. Start mostrador-server and "
                             "the desktops with --db %4.")
                 .arg(locale.toString(rows))
                 .arg(tables.size())
                 .arg(locale.toString(clock.elapsed() / 1000.0, 'f', 1))
                 .arg(target->location().describe()));
    return 0;
}

} // namespace Mostrador
