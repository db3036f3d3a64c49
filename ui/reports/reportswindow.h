#pragma once

#include "reports/shopreport.h"

#include <QDialog>

class QChartView;
class QComboBox;
class QDateEdit;
class QGridLayout;
class QLabel;
class QPushButton;
class QScrollArea;
class QTreeWidget;
class QVBoxLayout;

namespace Mostrador {

class FigureCard;
class HeatMapWidget;

// Shop ▸ Reports: how the shop is doing over a period, compared with the one before — reply
// times, chats left waiting or lost, resolution, messages by origin, closed hours, the team,
// ads, and what WhatsApp costs — with charts, the chats to follow up (double-click opens one),
// and the report saved as PDF or its figures as CSV. The figures are computed elsewhere (off
// the interface's thread): the window asks with periodChosen() and shows what it is given,
// keeping the previous figures on screen meanwhile.
class ReportsWindow final : public QDialog
{
    Q_OBJECT

public:
    explicit ReportsWindow(QWidget *parent = nullptr);

    // The period chosen now (the last one asked for).
    [[nodiscard]] ReportPeriod::Kind kind() const;
    // Chooses the period of `kind` (the figures are asked for again).
    void showPeriod(ReportPeriod::Kind kind);
    // What the costs are priced by and what changed, in a few sentences under the figures.
    [[nodiscard]] static QString costNote(const Costs &costs);
    [[nodiscard]] QDate customFrom() const;
    [[nodiscard]] QDate customTo() const;

    void setComputing();
    void setReports(const ShopReport &report, const ShopReport &previous);
    void setProblem(const QString &problem);

    // For tests and the PDF: the card showing a figure, by its key (reply_time, unanswered…).
    [[nodiscard]] FigureCard *card(const QString &key) const;
    [[nodiscard]] QTreeWidget *waitingList() const { return m_waiting; }
    // Writes the report to `path` as PDF; false with the reason in `problem`.
    bool savePdf(const QString &path, QString *problem);

Q_SIGNALS:
    void periodChosen();
    void conversationRequested(qint64 conversationId);
    void rateCardChosen(const QString &path);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void buildCards();
    void fillCards(const ShopReport &report, const ShopReport &previous);
    void fillCharts(const ShopReport &report);
    void fillLists(const ShopReport &report);
    void layOutCards();
    void retranslate();
    void choosePdf();
    void chooseCsv();
    void chooseRateCard();

    [[nodiscard]] QString periodText(const ReportPeriod &period) const;

    QComboBox *m_period = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QPushButton *m_rateCard = nullptr;
    QPushButton *m_pdf = nullptr;
    QPushButton *m_csv = nullptr;
    QLabel *m_status = nullptr;
    QScrollArea *m_scroll = nullptr;
    QWidget *m_page = nullptr;
    QGridLayout *m_cardGrid = nullptr;
    QList<std::pair<QString, FigureCard *>> m_cards;
    QGridLayout *m_chartGrid = nullptr;
    QList<QChartView *> m_charts;
    QLabel *m_heatTitle = nullptr;
    HeatMapWidget *m_heatMap = nullptr;
    QLabel *m_waitingTitle = nullptr;
    QTreeWidget *m_waiting = nullptr;
    QLabel *m_teamTitle = nullptr;
    QTreeWidget *m_team = nullptr;
    QLabel *m_adsTitle = nullptr;
    QTreeWidget *m_ads = nullptr;
    QLabel *m_costNote = nullptr;
    QLabel *m_heading = nullptr;
    std::optional<ShopReport> m_report;
    std::optional<ShopReport> m_previous;
    int m_columns = 0;
};

} // namespace Mostrador
