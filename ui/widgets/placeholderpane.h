#pragma once

#include <QWidget>

#include <functional>

namespace Mostrador {

class EmptyState;

// A pane that only explains what will appear in it. The main window shell uses three of them
// until the inbox, thread and customer panel take their place (before a store is open). The texts come from a
// function so they are translated again whenever the language changes.
class PlaceholderPane final : public QWidget
{
    Q_OBJECT

public:
    struct Texts {
        QString title;
        QString text;
    };
    using TextSource = std::function<Texts()>;

    PlaceholderPane(const QString &objectName, QPalette::ColorRole background, TextSource texts,
                    QWidget *parent = nullptr);

    [[nodiscard]] QString title() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    TextSource m_texts;
    EmptyState *m_emptyState = nullptr;
};

} // namespace Mostrador
