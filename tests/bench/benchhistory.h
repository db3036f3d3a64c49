#pragma once

// What the benchmarks over a generated shop history share: their arguments, the store they open
// (generated when the file is new), and percentiles of timings.

#include "store/database.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QList>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <memory>

namespace Mostrador::Bench {

// `bench [messages] [conversations] [path]`: a store at `path` (kept for the next run) or in a
// temporary folder; `fresh` when it has to be generated.
struct HistoryArguments {
    int messages = 1000000;
    int conversations = 10000;
    QString path;
    bool fresh = true;
};

inline std::unique_ptr<Database> openHistory(const QStringList &args, const QTemporaryDir &directory, HistoryArguments *arguments)
{
    if (args.size() > 1)
        arguments->messages = args.at(1).toInt();
    if (args.size() > 2)
        arguments->conversations = args.at(2).toInt();
    arguments->path = args.size() > 3 ? args.at(3) : directory.filePath(QStringLiteral("bench.db"));
    arguments->fresh = !QFileInfo::exists(arguments->path);
    StoreError error;
    auto database = Database::open(StoreLocation::parse(arguments->path), &error);
    if (!database)
        std::fprintf(stderr, "cannot open %s: %s\n", qPrintable(arguments->path), qPrintable(error.detail));
    return database;
}

// The value below which a share `p` of the values lie (nearest rank).
inline double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.at(std::min<qsizetype>(values.size() - 1, qsizetype(p * values.size())));
}

} // namespace Mostrador::Bench
