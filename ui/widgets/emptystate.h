#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace Mostrador {

// A centred title and explanation shown where a pane has nothing to show yet.
class EmptyState final : public QWidget
{
    Q_OBJECT

public:
    explicit EmptyState(QWidget *parent = nullptr);

    void setTitle(const QString &title);
    void setText(const QString &text);

    [[nodiscard]] QString title() const;
    [[nodiscard]] QString text() const;
    // A button under the text for the one thing to do next (empty: none).
    void setAction(const QString &text);

Q_SIGNALS:
    void actionTriggered();

private:
    QLabel *m_title = nullptr;
    QLabel *m_text = nullptr;
    QPushButton *m_action = nullptr;
};

} // namespace Mostrador
