#pragma once

#include <QDialog>

class QSpinBox;

namespace Mostrador {

// Shop ▸ Privacy: how long conversations nobody touches are kept (0: always), and what the shop
// can do for a customer who asks (from the customer pane).
class PrivacyDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit PrivacyDialog(int retentionMonths, QWidget *parent = nullptr);

    [[nodiscard]] int retentionMonths() const;

private:
    QSpinBox *m_months = nullptr;
};

} // namespace Mostrador
