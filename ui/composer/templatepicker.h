#pragma once

#include "reports/ratecard.h"

#include "api/apitypes.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Mostrador {

// The approved templates a person may send when the 24-hour window is closed: the customer's
// language first, then the shop's; each named as people read it, with its text and a field per
// variable saying what it fills; the customer's name filled in for them. Meta's samples
// (hello_world…) only when asked for.
class TemplatePicker final : public QWidget
{
    Q_OBJECT

public:
    explicit TemplatePicker(QWidget *parent = nullptr);

    void setTemplates(const QList<MessageTemplate> &templates);
    // Who the next template goes to: their name (for a variable that is their name) and
    // language ("pt"; empty when unknown).
    void setCustomer(const QString &name, const QString &language);
    // Why this customer gets no promotions ("Ana asked for no promotions…"); empty when they may.
    // Then promotions are offered last, a chosen one says why it is not sent, and sending it
    // takes an explicit confirmation (reported with pastTheirNo).
    void setPromotionsRefused(const QString &why);
    // What a template of each category would cost now; shown under the chosen one.
    void setPrices(const SendPrices &prices);

Q_SIGNALS:
    void sendTemplate(const Mostrador::MessageTemplate &messageTemplate, const QStringList &parameters, bool pastTheirNo);

protected:
    void changeEvent(QEvent *event) override;

private:
    void offer();
    void chosen(int index);
    void updatePreview();
    void retranslate();
    void send();
    [[nodiscard]] bool isRefusedPromotion(const MessageTemplate *candidate) const;
    [[nodiscard]] const MessageTemplate *current() const;
    [[nodiscard]] static QString languageName(const QString &code);

    QList<MessageTemplate> m_all;
    QList<MessageTemplate> m_offered;
    QString m_customerName;
    QString m_customerLanguage;
    QString m_promotionsRefused;
    QComboBox *m_picker = nullptr;
    QCheckBox *m_samples = nullptr;
    QFormLayout *m_parameterForm = nullptr;
    QList<QLineEdit *> m_parameters;
    QLabel *m_preview = nullptr;
    QLabel *m_refusal = nullptr;
    QLabel *m_price = nullptr; // the chosen template's price, when Meta bills it
    QPushButton *m_send = nullptr;
    SendPrices m_prices;
};

} // namespace Mostrador
