// Start-up benchmark: time from main() to the first painted inbox and peak memory, for
// `mostrador --db STORE` against a bare Qt Widgets window, median of several runs.
//
//   build/tests/bench/bench_startup STORE [runs=7]
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <sys/resource.h>
#include <sys/wait.h>

namespace {

struct Run {
    double firstPaintMs = -1;
    double peakMb = 0;
};

// Runs a program to the end and reads its first-paint line and peak resident memory.
Run runOnce(const QString &program, const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("MOSTRADOR_TRACE_STARTUP"), QStringLiteral("1"));
    process.setProcessEnvironment(environment);
    // From the moment the process is started (loading included) to its first-paint line.
    QElapsedTimer timer;
    timer.start();
    process.setReadChannel(QProcess::StandardError);
    process.start(program, arguments);
    QByteArray errors;
    Run run;
    while (process.waitForReadyRead(120000) || process.state() == QProcess::Running) {
        errors += process.readAllStandardError();
        if (errors.contains("first-paint-ms")) {
            run.firstPaintMs = timer.nsecsElapsed() / 1e6;
            // Let it settle a moment so peak memory includes the first screen, then stop it.
            QThread::msleep(300);
            process.terminate();
            break;
        }
        if (process.state() != QProcess::Running)
            break;
    }
    process.waitForFinished(120000);
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage); // the largest child so far
    run.peakMb = usage.ru_maxrss / 1024.0;
    return run;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_startup STORE [runs]\n");
        return 2;
    }
    const int runs = args.size() > 2 ? args.at(2).toInt() : 7;
    QTemporaryDir home;
    qputenv("HOME", home.path().toUtf8());

    QList<double> bare;
    double barePeak = 0;
    for (int i = 0; i < runs; ++i) {
        const Run run = runOnce(QStringLiteral(MOSTRADOR_BARE_BINARY), {});
        bare << run.firstPaintMs;
        barePeak = run.peakMb;
    }
    QList<double> shop;
    double shopPeak = 0;
    for (int i = 0; i < runs; ++i) {
        const Run run = runOnce(QStringLiteral(MOSTRADOR_DESKTOP_BINARY),
                                {QStringLiteral("--db"), args.at(1)});
        shop << run.firstPaintMs;
        shopPeak = std::max(shopPeak, run.peakMb);
    }
    std::printf("(times from process start, loading included)\n");
    std::printf("bare Qt window: first paint %.0f ms (median of %d), peak %.0f MB\n", median(bare), runs, barePeak);
    std::printf("mostrador on %s: first painted inbox %.0f ms (median of %d, %.2fx the bare window), peak %.0f MB (+%.0f MB)\n",
                qPrintable(args.at(1)), median(shop), runs, median(shop) / std::max(1.0, median(bare)), shopPeak, shopPeak - barePeak);
    return 0;
}
