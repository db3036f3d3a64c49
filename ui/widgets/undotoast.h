#pragma once

#include <QFrame>
#include <QTimer>

class QLabel;
class QPushButton;

namespace Mostrador {

// A short note floating at the bottom left of the window after an action that is easy to regret —
// "Resolved: Lucía Gómez · Undo" — gone by itself after a few seconds.
class UndoToast final : public QFrame
{
    Q_OBJECT

public:
    explicit UndoToast(QWidget *parent);

    void offer(const QString &text);
    [[nodiscard]] QString text() const;

Q_SIGNALS:
    void undoRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void place();

    QLabel *m_text = nullptr;
    QPushButton *m_undo = nullptr;
    QTimer m_hide;
};

} // namespace Mostrador
