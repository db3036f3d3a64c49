#pragma once

#include "automation/openinghours.h"

#include <QWidget>

#include <array>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;

namespace Mostrador {

// Edits when the shop is open: one line per weekday with its hours ("09:00-13:00 16:00-20:00"),
// the time zone, closed dates such as holidays, and a vacation. Says at once what is wrong with a
// line, and what the next opening will be.
class WeekEditor final : public QWidget
{
    Q_OBJECT

public:
    explicit WeekEditor(const OpeningHours &hours, QWidget *parent = nullptr);

    // The hours as edited; nothing while a line cannot be read (problem() says which).
    [[nodiscard]] std::optional<OpeningHours> hours() const;
    [[nodiscard]] QString problem() const;

    // The week in a line, in the user's language: "lun–vie 09:00–13:00, 16:00–20:00 · sáb 10:00–14:00 (America/Bogota)".
    [[nodiscard]] static QString summary(const OpeningHours &hours);

Q_SIGNALS:
    void changed();

private:
    QWidget *createWeek(const OpeningHours &hours);
    QWidget *createClosedDates(const OpeningHours &hours);
    void addClosedDate(QDate date);
    void update();

    struct DayRow {
        QCheckBox *open = nullptr;
        QLineEdit *spans = nullptr;
    };
    std::array<DayRow, 7> m_days;
    QComboBox *m_zone = nullptr;
    QListWidget *m_closedDates = nullptr;
    QDateEdit *m_newClosedDate = nullptr;
    QCheckBox *m_vacation = nullptr;
    QDateEdit *m_vacationFrom = nullptr;
    QDateEdit *m_vacationTo = nullptr;
    QLabel *m_status = nullptr;
    QString m_problem;
};

} // namespace Mostrador
