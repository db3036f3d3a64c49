#pragma once

#include <QWidget>

#include <array>

namespace Mostrador {

// When customers write: a week of hours (Monday to Sunday, 0 to 23 h) coloured by how many
// customer messages arrived in each, with the shop's opening hours outlined, so "who works when"
// can be read at a glance. Hovering a cell says its count.
class HeatMapWidget final : public QWidget
{
    Q_OBJECT

public:
    using Grid = std::array<std::array<int, 24>, 7>;
    using OpenGrid = std::array<std::array<bool, 24>, 7>;

    explicit HeatMapWidget(QWidget *parent = nullptr);

    void setData(const Grid &messages, const OpenGrid &open, bool hasOpeningHours);

    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    [[nodiscard]] QRect cell(int day, int hour) const;
    [[nodiscard]] int labelWidth() const;

    Grid m_messages{};
    OpenGrid m_open{};
    bool m_hasOpeningHours = false;
    int m_most = 0;
};

} // namespace Mostrador
