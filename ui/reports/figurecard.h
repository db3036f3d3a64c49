#pragma once

#include <QFrame>

#include <optional>

class QLabel;

namespace Mostrador {

// One figure of a report at a glance: what it is, its value, a line of detail, and how it
// changed since the previous period (green when better, red when worse). Clicking it, when it
// leads somewhere (the unanswered chats), emits clicked().
class FigureCard final : public QFrame
{
    Q_OBJECT

public:
    // Which way a figure should go: fewer lost chats is good news, more messages while closed
    // is neither.
    enum class Better { Lower, Higher, Neither };

    explicit FigureCard(QWidget *parent = nullptr);

    void setTitle(const QString &title);
    void setValue(const QString &value, const QString &detail = QString());
    // `now` and `before` compared, coloured by `better`.
    void setComparison(const std::optional<double> &now, const std::optional<double> &before, Better better);
    void setClickable(bool clickable);

    [[nodiscard]] QString value() const;

Q_SIGNALS:
    void clicked();

protected:
    void mouseReleaseEvent(QMouseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void applyColours();

    QLabel *m_title = nullptr;
    QLabel *m_value = nullptr;
    QLabel *m_detail = nullptr;
    QLabel *m_change = nullptr;
    int m_trend = 0; // 1 better, -1 worse, 0 neither
    bool m_clickable = false;
};

} // namespace Mostrador
