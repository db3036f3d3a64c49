// The yardstick for bench_startup: a bare Qt Widgets window with a list, shown and painted once.
#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QListWidget>
#include <QMainWindow>
#include <QTimer>

#include <cstdio>

namespace {

class FirstPaint final : public QObject
{
public:
    explicit FirstPaint(const QElapsedTimer &timer) : m_timer(timer) { }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_done) {
            m_done = true;
            std::fprintf(stderr, "first-paint-ms %lld\n", static_cast<long long>(m_timer.elapsed()));
            QTimer::singleShot(0, qApp, &QCoreApplication::quit);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    const QElapsedTimer &m_timer;
    bool m_done = false;
};

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer timer;
    timer.start();
    QApplication app(argc, argv);
    QMainWindow window;
    auto *list = new QListWidget(&window);
    list->addItems({QStringLiteral("uno"), QStringLiteral("dos"), QStringLiteral("tres")});
    window.setCentralWidget(list);
    FirstPaint probe(timer);
    list->viewport()->installEventFilter(&probe);
    window.resize(1280, 800);
    window.show();
    return app.exec();
}
