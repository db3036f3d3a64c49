#include "privacydialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Mostrador {

PrivacyDialog::PrivacyDialog(int retentionMonths, QWidget *parent)
    : QDialog(parent)
    , m_months(new QSpinBox(this))
{
    setWindowTitle(tr("Privacy"));
    setObjectName(QStringLiteral("privacyDialog"));
    m_months->setObjectName(QStringLiteral("retentionMonths"));
    m_months->setRange(0, 120);
    m_months->setSpecialValueText(tr("Always (never remove)"));
    m_months->setSuffix(tr(" months"));
    m_months->setValue(retentionMonths);

    auto *explanation = new QLabel(tr("Conversations nobody has written in for longer than this are removed, with their files; a "
                                      "customer left with no conversation is forgotten. A week before, Mostrador says how many "
                                      "will go. Backups keep them until they are replaced by newer ones."),
                                   this);
    explanation->setWordWrap(true);
    auto *rights = new QLabel(tr("When a customer asks for their data, or asks to be forgotten, use “Their data” in the customer "
                                 "pane."),
                              this);
    rights->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Keep conversations for:"), m_months);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(explanation);
    layout->addWidget(rights);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(480);
    adjustSize(); // tall enough for the wrapped explanations at that width
}

int PrivacyDialog::retentionMonths() const
{
    return m_months->value();
}

} // namespace Mostrador
