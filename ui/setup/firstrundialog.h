#pragma once

#include <QDialog>

namespace Mostrador {

// The first thing a new shop sees: try the demo, or connect the shop's own number.
class FirstRunDialog final : public QDialog
{
    Q_OBJECT

public:
    enum class Choice { Later, Demo, Connect };

    explicit FirstRunDialog(QWidget *parent = nullptr);

    [[nodiscard]] Choice choice() const { return m_choice; }

private:
    Choice m_choice = Choice::Later;
};

} // namespace Mostrador
