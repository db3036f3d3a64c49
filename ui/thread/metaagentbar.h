#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace Mostrador {

// Above the composer while Meta's AI agent is answering the open conversation: says so, and that
// the shop takes the conversation back by writing (Meta makes whoever sends the handler).
class MetaAgentBar final : public QFrame
{
    Q_OBJECT

public:
    explicit MetaAgentBar(QWidget *parent = nullptr);

Q_SIGNALS:
    void takeOverRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QLabel *m_text = nullptr;
    QPushButton *m_takeOver = nullptr;
};

} // namespace Mostrador
