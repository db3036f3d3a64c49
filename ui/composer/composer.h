#pragma once

#include "api/apitypes.h"
#include "automation/quickreplies.h"
#include "messaging/servicewindow.h"
#include "reports/ratecard.h"

#include <QSet>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;

namespace Mostrador {

// Where the shop writes. Inside the 24-hour window it is a text box (Enter sends, Shift+Enter
// starts a new line); when the window is closed the text box gives way to a template picker,
// because WhatsApp would refuse free text anyway.
class QuickReplyList;

class Composer final : public QWidget
{
    Q_OBJECT

public:
    explicit Composer(QWidget *parent = nullptr);

    void setWindow(const ServiceWindow &window);
    void setTemplates(const QList<MessageTemplate> &templates);

    [[nodiscard]] QString text() const;
    void setText(const QString &text);
    void clear();

    // Quote a message in the next reply (empty wamid: no quote). The banner shows its text.
    void setReplyTo(const QString &wamid, const QString &quotedText);
    [[nodiscard]] QString replyTo() const { return m_replyTo; }

    // Offered when the user types "/"; {nombre} is filled with the customer's first name.
    void setQuickReplies(const QList<QuickReply> &replies);
    // Who this conversation is with: their name ({nombre} in quick replies, a template's name
    // variable) and language (the templates in it offered first; "" when unknown).
    void setCustomer(const QString &name, const QString &language = {});
    // Why this customer gets no promotions; empty when they may (see TemplatePicker).
    void setPromotionsRefused(const QString &why);
    // Puts a quick reply in the text box (its files beside it), {nombre} and {tienda} filled in.
    void insertQuickReply(const QuickReply &reply);
    // For {tienda} in quick replies.
    void setShopName(const QString &name) { m_shopName = name; }

    // What a send would cost (Meta's rate card of today, this customer's market): said quietly
    // beside Send and under a template, and not at all where it is free.
    void setPrices(const SendPrices &prices);

    // While the shop is closed, the next opening: offered beside Send as "At opening" (an
    // invalid time hides it). Not offered when the 24-hour window closes before then.
    void setNextOpening(const QDateTime &at);

Q_SIGNALS:
    void quickReplyUsed(qint64 id);
    void sendText(const QString &text);
    // The user is writing (team mode tells the others "… is replying").
    void typing();
    void sendTextAt(const QString &text, const QDateTime &at);
    void sendTemplate(const Mostrador::MessageTemplate &messageTemplate, const QStringList &parameters, bool pastTheirNo);
    // A file to send, with the text box's words as its caption.
    // A file to send; `fileName` is what the customer sees (the file's own name when empty).
    void attachFile(const QString &path, const QString &caption, const QString &fileName = {});
    // The Products button, or "#word" and Enter: choose products to send, found by `search`.
    void productsRequested(const QString &search);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void submitText();
    void updateLength();
    void updateSendAtOpening();
    void updatePrice();

    ServiceWindow m_window;
    QString m_replyTo;
    QWidget *m_replyBanner = nullptr;
    QLabel *m_replyText = nullptr;
    QLabel *m_notice = nullptr;
    QLabel *m_unknownShortcut = nullptr; // "/descuento" names no quick reply: a second Enter sends it
    QWidget *m_length = nullptr;         // the counter near WhatsApp's limit, and what to do past it
    QLabel *m_lengthText = nullptr;
    QPushButton *m_split = nullptr;
    QString m_confirmedShortcut;
    QSet<QString> m_shortcuts;           // case-folded, without the slash
    QStackedWidget *m_modes = nullptr;
    QPlainTextEdit *m_editor = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_sendAtOpening = nullptr;
    QLabel *m_price = nullptr;           // "Billed: ~US$0.0085" under Send, when a reply is billed
    SendPrices m_prices;
    QDateTime m_nextOpening;
    QPushButton *m_attach = nullptr;
    QPushButton *m_emoji = nullptr;
    QPushButton *m_products = nullptr;
    class TemplatePicker *m_templatePicker = nullptr;
    QuickReplyList *m_quickReplies = nullptr;
    QString m_customerName;
    QString m_shopName;
    class AttachmentBanner *m_attachments = nullptr;
};

} // namespace Mostrador
