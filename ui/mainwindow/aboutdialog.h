#pragma once

#include <QDialog>

namespace Mostrador {

// Version, purpose and the licences of everything Mostrador is built on.
class AboutDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);
};

} // namespace Mostrador
