#pragma once

#include "automation/shopautomation.h"

#include <QDialog>

class QButtonGroup;
class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace Mostrador {

class WeekEditor;

// "Opening hours and automatic replies": the shop's name and hours, the away and greeting
// messages, and which program sends them; says plainly whether automatic replies are armed now
// and where they run.
class AutomaticRepliesDialog final : public QDialog
{
    Q_OBJECT

public:
    // `receivingHere`: whether this program is receiving the shop's messages right now.
    AutomaticRepliesDialog(const ShopAutomation &current, bool receivingHere, QWidget *parent = nullptr);

    // What the user set; valid when the dialog was accepted.
    [[nodiscard]] ShopAutomation automation() const;

    // Whether `automation` answers anyone right now and from where, in a sentence or two; and
    // in a few words, for the status bar.
    [[nodiscard]] static QString describe(const ShopAutomation &automation, bool receivingHere);
    [[nodiscard]] static QString summarize(const ShopAutomation &automation, bool receivingHere);

    // What the automatic replies (greeting and away message) cost last month and, at this pace,
    // this month, by Meta's rate cards: a quiet line under them.
    void setCosts(double lastMonth, double thisMonthAtThisPace, const QString &currency);

private:
    QWidget *createMessages(const ShopAutomation &current);
    QWidget *createRunner(const ShopAutomation &current);
    void update();
    [[nodiscard]] QString problem() const;

    bool m_receivingHere = false;
    QLabel *m_armed = nullptr;
    QLineEdit *m_shopName = nullptr;
    WeekEditor *m_week = nullptr;
    QCheckBox *m_awayEnabled = nullptr;
    QPlainTextEdit *m_awayText = nullptr;
    QPlainTextEdit *m_awayTextEnglish = nullptr;
    QSpinBox *m_quietMinutes = nullptr;
    QCheckBox *m_greetingEnabled = nullptr;
    QPlainTextEdit *m_greetingText = nullptr;
    QPlainTextEdit *m_greetingTextEnglish = nullptr;
    QSpinBox *m_greetingDays = nullptr;
    QLabel *m_costs = nullptr;
    QButtonGroup *m_runner = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace Mostrador
