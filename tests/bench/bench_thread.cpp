// Thread benchmark: opening a long conversation in the real window and scrolling up through it,
// timed frame by frame (offscreen).
//
//   build/tests/bench/bench_thread STORE [conversation-id=1] [frames=120]
#include "api/cloudapiclient.h"
#include "common/clock.h"
#include "i18n/languagecontroller.h"
#include "mainwindow/mainwindow.h"
#include "services/shopservices.h"
#include "db/database.h"
#include "webhook/webhookingestor.h"
#include "thread/threadpane.h"
#include "workspace.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QListView>
#include <QScrollBar>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace Mostrador;

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QTemporaryDir home;
    qputenv("HOME", home.path().toUtf8());
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_thread STORE [conversation-id] [frames]\n");
        return 2;
    }
    const qint64 conversation = args.size() > 2 ? args.at(2).toLongLong() : 1;
    const int frames = args.size() > 3 ? args.at(3).toInt() : 120;

    StoreLocation location = StoreLocation::parse(args.at(1));
    location.checkOnOpen = false;
    StoreError error;
    auto database = Database::open(location, &error);
    if (!database) {
        std::fprintf(stderr, "%s\n", qPrintable(error.detail));
        return 1;
    }
    SystemClock clock;
    WebhookIngestor ingestor(*database);
    CloudApiClient client(ApiConfig{});
    QTemporaryDir media;
    ShopServices shop(*database, ingestor, client, clock, media.path(), ShopServices::Runner::ThisComputer);
    LanguageController languages;
    languages.apply(QStringLiteral("en"));
    MainWindow window(languages);
    Workspace workspace(shop, window);
    window.resize(1280, 800);
    window.show();
    QCoreApplication::processEvents();

    auto *thread = window.findChild<ThreadPane *>(QStringLiteral("threadPane"));
    QListView *list = thread->messageList();

    QElapsedTimer timer;
    timer.start();
    thread->showConversation(conversation);
    list->viewport()->repaint();
    const double openMs = timer.nsecsElapsed() / 1e6;
    const int loadedAtOpen = list->model()->rowCount();
    QCoreApplication::processEvents();
    list->scrollToBottom();

    QList<double> frameMs;
    for (int i = 0; i < frames; ++i) {
        QScrollBar *bar = list->verticalScrollBar();
        timer.restart();
        bar->setValue(std::max(0, bar->value() - bar->pageStep() / 2));
        QCoreApplication::processEvents(); // loads older pages at the top, as a user scrolling would
        list->viewport()->repaint();
        frameMs << timer.nsecsElapsed() / 1e6;
    }
    std::sort(frameMs.begin(), frameMs.end());
    std::printf("open conversation %lld and paint it: %.1f ms (%d messages loaded)\n", static_cast<long long>(conversation), openMs,
                loadedAtOpen);
    std::printf("scrolling up half a page per frame, %d frames: median %.2f ms, p95 %.2f ms, max %.2f ms; %d messages loaded at the end\n",
                frames, frameMs.at(frameMs.size() / 2), frameMs.at(int(frameMs.size() * 0.95)), frameMs.last(),
                list->model()->rowCount());
    return 0;
}
