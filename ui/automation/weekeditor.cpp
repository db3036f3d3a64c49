#include "weekeditor.h"

#include "automation/spanreader.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace Mostrador {

namespace {

const char *const kDayKeys[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

QString spansOf(const QList<OpeningHours::Interval> &intervals)
{
    QStringList spans;
    for (const OpeningHours::Interval &interval : intervals)
        spans << OpeningHours::spanText(interval);
    return spans.join(QLatin1Char(' '));
}

} // namespace

WeekEditor::WeekEditor(const OpeningHours &hours, QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(createWeek(hours));
    layout->addWidget(createClosedDates(hours));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("hoursStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    layout->addStretch();
    update();
}

QWidget *WeekEditor::createWeek(const OpeningHours &hours)
{
    auto *week = new QWidget(this);
    auto *grid = new QGridLayout(week);
    grid->setContentsMargins(0, 0, 0, 0);
    for (int day = 0; day < 7; ++day) {
        const QList<OpeningHours::Interval> intervals = hours.day(Qt::DayOfWeek(day + 1));
        DayRow &row = m_days.at(day);
        const QString name = QLocale().standaloneDayName(day + 1, QLocale::LongFormat);
        row.open = new QCheckBox(name.left(1).toUpper() + name.mid(1), week);
        row.open->setObjectName(QStringLiteral("open_") + QLatin1String(kDayKeys[day]));
        row.open->setChecked(!intervals.isEmpty());
        row.spans = new QLineEdit(spansOf(intervals), week);
        row.spans->setObjectName(QStringLiteral("hours_") + QLatin1String(kDayKeys[day]));
        row.spans->setPlaceholderText(row.open->isChecked() ? tr("e.g. 09:00-13:00 16:00-20:00") : tr("Closed"));
        row.spans->setEnabled(row.open->isChecked());
        row.spans->setAccessibleName(tr("Opening hours on %1").arg(name));
        connect(row.open, &QCheckBox::toggled, this, [this, &row](bool open) {
            row.spans->setEnabled(open);
            row.spans->setPlaceholderText(open ? tr("e.g. 09:00-13:00 16:00-20:00") : tr("Closed"));
            if (open && row.spans->text().isEmpty())
                row.spans->setText(QStringLiteral("09:00-13:00 16:00-20:00"));
            update();
        });
        connect(row.spans, &QLineEdit::textChanged, this, &WeekEditor::update);
        grid->addWidget(row.open, day, 0);
        grid->addWidget(row.spans, day, 1);
    }
    auto *zoneLabel = new QLabel(tr("Time zone of the shop:"), week);
    m_zone = new QComboBox(week);
    m_zone->setObjectName(QStringLiteral("timeZone"));
    m_zone->setEditable(true);
    m_zone->setInsertPolicy(QComboBox::NoInsert);
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds()) {
        if (id.contains('/'))
            m_zone->addItem(QString::fromUtf8(id));
    }
    m_zone->completer()->setFilterMode(Qt::MatchContains);
    m_zone->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_zone->setCurrentText(QString::fromUtf8(hours.zone().id()));
    m_zone->setAccessibleName(tr("Time zone of the shop"));
    zoneLabel->setBuddy(m_zone);
    connect(m_zone, &QComboBox::currentTextChanged, this, &WeekEditor::update);
    grid->addWidget(zoneLabel, 7, 0);
    grid->addWidget(m_zone, 7, 1);
    grid->setColumnStretch(1, 1);
    return week;
}

QWidget *WeekEditor::createClosedDates(const OpeningHours &hours)
{
    auto *box = new QWidget(this);
    auto *form = new QFormLayout(box);
    form->setContentsMargins(0, 0, 0, 0);

    m_closedDates = new QListWidget(box);
    m_closedDates->setObjectName(QStringLiteral("closedDates"));
    m_closedDates->setAccessibleName(tr("Closed dates"));
    m_closedDates->setMaximumHeight(fontMetrics().height() * 4);
    for (const QDate date : hours.closedDates())
        addClosedDate(date);
    m_newClosedDate = new QDateEdit(QDate::currentDate(), box);
    m_newClosedDate->setObjectName(QStringLiteral("newClosedDate"));
    m_newClosedDate->setCalendarPopup(true);
    m_newClosedDate->setAccessibleName(tr("Date to add as closed"));
    auto *add = new QPushButton(tr("Add"), box);
    add->setObjectName(QStringLiteral("addClosedDate"));
    auto *remove = new QPushButton(tr("Remove"), box);
    remove->setObjectName(QStringLiteral("removeClosedDate"));
    connect(add, &QPushButton::clicked, this, [this] { addClosedDate(m_newClosedDate->date()); update(); });
    connect(remove, &QPushButton::clicked, this, [this] { delete m_closedDates->currentItem(); update(); });
    auto *dateButtons = new QHBoxLayout;
    dateButtons->addWidget(m_newClosedDate, 1);
    dateButtons->addWidget(add);
    dateButtons->addWidget(remove);
    auto *dates = new QVBoxLayout;
    dates->addWidget(m_closedDates);
    dates->addLayout(dateButtons);
    form->addRow(tr("Closed dates (holidays):"), dates);

    const auto vacation = hours.vacation();
    m_vacation = new QCheckBox(tr("On vacation from"), box);
    m_vacation->setObjectName(QStringLiteral("vacation"));
    m_vacation->setChecked(vacation.has_value());
    m_vacationFrom = new QDateEdit(vacation ? vacation->first : QDate::currentDate(), box);
    m_vacationFrom->setObjectName(QStringLiteral("vacationFrom"));
    m_vacationTo = new QDateEdit(vacation ? vacation->second : QDate::currentDate().addDays(7), box);
    m_vacationTo->setObjectName(QStringLiteral("vacationTo"));
    for (QDateEdit *edit : {m_vacationFrom, m_vacationTo}) {
        edit->setCalendarPopup(true);
        edit->setEnabled(m_vacation->isChecked());
        connect(m_vacation, &QCheckBox::toggled, edit, &QWidget::setEnabled);
        connect(edit, &QDateEdit::dateChanged, this, &WeekEditor::update);
    }
    m_vacationFrom->setAccessibleName(tr("First day of the vacation"));
    m_vacationTo->setAccessibleName(tr("Last day of the vacation"));
    connect(m_vacation, &QCheckBox::toggled, this, &WeekEditor::update);
    auto *vacationRow = new QHBoxLayout;
    vacationRow->addWidget(m_vacation);
    vacationRow->addWidget(m_vacationFrom, 1);
    vacationRow->addWidget(new QLabel(tr("to"), box));
    vacationRow->addWidget(m_vacationTo, 1);
    form->addRow(vacationRow);
    return box;
}

void WeekEditor::addClosedDate(QDate date)
{
    for (int row = 0; row < m_closedDates->count(); ++row) {
        if (m_closedDates->item(row)->data(Qt::UserRole).toDate() == date)
            return;
    }
    auto *item = new QListWidgetItem(QLocale().toString(date, QLocale::LongFormat));
    item->setData(Qt::UserRole, date);
    int at = 0; // kept in date order
    while (at < m_closedDates->count() && m_closedDates->item(at)->data(Qt::UserRole).toDate() < date)
        ++at;
    m_closedDates->insertItem(at, item);
}

std::optional<OpeningHours> WeekEditor::hours() const
{
    const QTimeZone zone(m_zone->currentText().trimmed().toUtf8());
    QStringList week;
    for (int day = 0; day < 7; ++day) {
        const DayRow &row = m_days.at(day);
        if (row.open->isChecked())
            week << QLatin1String(kDayKeys[day]) + QLatin1Char(' ') + row.spans->text().simplified();
    }
    QString error;
    std::optional<OpeningHours> hours = OpeningHours::parse(week.join(QStringLiteral("; ")), zone, &error);
    if (!hours)
        return std::nullopt;
    for (int row = 0; row < m_closedDates->count(); ++row)
        hours->addClosedDate(m_closedDates->item(row)->data(Qt::UserRole).toDate());
    if (m_vacation->isChecked()) {
        if (m_vacationTo->date() < m_vacationFrom->date())
            return std::nullopt;
        hours->setVacation(m_vacationFrom->date(), m_vacationTo->date());
    }
    return hours;
}

QString WeekEditor::summary(const OpeningHours &hours)
{
    const auto spans = [&hours](int day) {
        QStringList parts;
        for (const OpeningHours::Interval &interval : hours.day(Qt::DayOfWeek(day)))
            parts << OpeningHours::spanText(interval).replace(QLatin1Char('-'), QStringLiteral("–"));
        return parts.join(QStringLiteral(", "));
    };
    const QLocale locale;
    QStringList groups;
    for (int first = 1; first <= 7;) {
        int last = first;
        while (last < 7 && spans(last + 1) == spans(first))
            ++last;
        if (!spans(first).isEmpty()) {
            QString days = locale.dayName(first, QLocale::ShortFormat);
            if (last > first)
                days += QStringLiteral("–") + locale.dayName(last, QLocale::ShortFormat);
            groups << days + QLatin1Char(' ') + spans(first);
        }
        first = last + 1;
    }
    if (groups.isEmpty())
        return tr("Closed every day (%1)").arg(QString::fromUtf8(hours.zone().id()));
    return groups.join(QStringLiteral(" · ")) + QStringLiteral(" (%1)").arg(QString::fromUtf8(hours.zone().id()));
}

QString WeekEditor::problem() const
{
    return m_problem;
}

void WeekEditor::update()
{
    m_problem.clear();
    if (!QTimeZone(m_zone->currentText().trimmed().toUtf8()).isValid())
        m_problem = tr("Choose the shop's time zone from the list (for example America/Bogota or Europe/Madrid).");
    for (int day = 0; day < 7; ++day) {
        const DayRow &row = m_days.at(day);
        QString reason;
        const bool wrong = row.open->isChecked() && !SpanReader::read(row.spans->text(), &reason);
        // The field that is wrong is outlined, and the reason says what is wrong with it.
        row.spans->setStyleSheet(wrong ? QStringLiteral("QLineEdit { border: 2px solid #c0392b; border-radius: 3px; }") : QString());
        row.spans->setToolTip(reason);
        if (wrong && m_problem.isEmpty())
            m_problem = tr("%1: %2").arg(row.open->text(), reason);
    }
    if (m_problem.isEmpty() && m_vacation->isChecked() && m_vacationTo->date() < m_vacationFrom->date())
        m_problem = tr("The vacation ends before it starts.");

    if (!m_problem.isEmpty()) {
        m_status->setText(QStringLiteral("⚠ ") + m_problem);
    } else if (const auto edited = hours()) {
        const QDateTime now = QDateTime::currentDateTime();
        const QDateTime opening = edited->nextOpening(now).toTimeZone(edited->zone());
        const QString when = QLocale().toString(opening, QStringLiteral("dddd d MMMM, HH:mm"));
        m_status->setText(edited->isOpen(now) ? tr("Open now (shop's time). Next opening after this: %1.").arg(when)
                          : opening.isValid() ? tr("Closed now (shop's time). Opens %1.").arg(when)
                                              : tr("Closed now, and no opening in the next year."));
    }
    Q_EMIT changed();
}

} // namespace Mostrador
