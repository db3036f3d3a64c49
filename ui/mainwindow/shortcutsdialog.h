#pragma once

#include <QDialog>

namespace Mostrador {

// Help ▸ Keyboard shortcuts: every key the inbox answers to, in the current language.
class ShortcutsDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit ShortcutsDialog(QWidget *parent = nullptr);
};

} // namespace Mostrador
