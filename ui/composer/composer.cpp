#include "composer.h"

#include "attachmentbanner.h"

#include "api/messagepayloads.h"
#include "automation/autoresponder.h"
#include "messaging/metapricing.h"
#include "widgets/pricetext.h"
#include "quickreplylist.h"
#include "templatepicker.h"

#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QPixmap>
#include <QPainter>
#include <QRegularExpression>
#include <QLocale>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace Mostrador {

namespace {

QIcon tagIcon(const QColor &color)
{
    QPixmap icon(32, 32);
    icon.fill(Qt::transparent);
    QPainter painter(&icon);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(color, 2.5));
    painter.setBrush(Qt::NoBrush);
    // A price tag: the products with their prices.
    const QPointF tag[] = {{3, 17}, {15, 5}, {28, 5}, {28, 18}, {16, 30}};
    painter.drawPolygon(tag, 5);
    painter.drawEllipse(QPointF(22.5, 10.5), 2.2, 2.2);
    return QIcon(icon);
}

} // namespace

Composer::Composer(QWidget *parent)
    : QWidget(parent)
    , m_notice(new QLabel(this))
    , m_unknownShortcut(new QLabel(this))
    , m_modes(new QStackedWidget(this))
    , m_editor(new QPlainTextEdit(this))
    , m_send(new QPushButton(this))
    , m_attach(new QPushButton(this))
    , m_emoji(new QPushButton(this))
    , m_products(new QPushButton(this))
    , m_templatePicker(new TemplatePicker(this))
    , m_quickReplies(new QuickReplyList(this))
{
    setObjectName(QStringLiteral("composer"));
    m_notice->setObjectName(QStringLiteral("composerNotice"));
    m_notice->setWordWrap(true);
    m_notice->hide();

    m_editor->setObjectName(QStringLiteral("composerText"));
    m_editor->setFixedHeight(m_editor->fontMetrics().lineSpacing() * 3 + 14);
    m_editor->setTabChangesFocus(true);
    m_editor->installEventFilter(this);
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        m_quickReplies->showMatches(m_editor->toPlainText());
        if (m_editor->toPlainText().trimmed() != m_confirmedShortcut)
            m_unknownShortcut->hide();
        updateLength();
    });
    // WhatsApp's 4,096 characters: a counter as the limit nears, the reason when it is passed,
    // and the offer to send the text as several messages.
    m_length = new QWidget(this);
    m_length->setObjectName(QStringLiteral("messageLength"));
    m_lengthText = new QLabel(m_length);
    m_lengthText->setObjectName(QStringLiteral("messageLengthText"));
    m_lengthText->setWordWrap(true);
    m_split = new QPushButton(m_length);
    m_split->setObjectName(QStringLiteral("sendAsSeveral"));
    connect(m_split, &QPushButton::clicked, this, [this] {
        const QStringList parts = MessagePayloads::splitText(m_editor->toPlainText());
        for (const QString &part : parts)
            Q_EMIT sendText(part);
    });
    auto *lengthLayout = new QHBoxLayout(m_length);
    lengthLayout->setContentsMargins(0, 0, 0, 0);
    lengthLayout->addWidget(m_lengthText, 1);
    lengthLayout->addWidget(m_split, 0, Qt::AlignVCenter);
    m_length->hide();
    m_unknownShortcut->setObjectName(QStringLiteral("unknownQuickReply"));
    m_unknownShortcut->setWordWrap(true);
    m_unknownShortcut->hide();
    connect(m_quickReplies, &QuickReplyList::chosen, this, &Composer::insertQuickReply);
    m_send->setObjectName(QStringLiteral("sendButton"));
    m_send->setDefault(true);
    connect(m_send, &QPushButton::clicked, this, &Composer::submitText);
    m_sendAtOpening = new QPushButton(this);
    m_sendAtOpening->setObjectName(QStringLiteral("sendAtOpeningButton"));
    m_sendAtOpening->hide();
    connect(m_sendAtOpening, &QPushButton::clicked, this, [this] {
        const QString body = m_editor->toPlainText().trimmed();
        if (m_nextOpening.isValid() && MessagePayloads::validateText(body).isEmpty())
            Q_EMIT sendTextAt(body, m_nextOpening);
    });

    m_price = new QLabel(this);
    m_price->setObjectName(QStringLiteral("sendPrice"));
    m_price->setAlignment(Qt::AlignCenter);
    m_price->setForegroundRole(QPalette::PlaceholderText);
    m_price->hide();

    m_attach->setObjectName(QStringLiteral("attachButton"));
    connect(m_attach, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Send a file"));
        if (!path.isEmpty())
            Q_EMIT attachFile(path, m_editor->toPlainText().trimmed());
    });

    // The few emoji a shop uses all day, one click away.
    m_emoji->setObjectName(QStringLiteral("emojiButton"));
    m_emoji->setText(QStringLiteral("☺"));
    auto *emojiMenu = new QMenu(m_emoji);
    emojiMenu->setObjectName(QStringLiteral("emojiMenu"));
    for (const QString &emoji : {QStringLiteral("👍"), QStringLiteral("🙏"), QStringLiteral("😊"), QStringLiteral("😉"), QStringLiteral("❤️"),
                                 QStringLiteral("🎉"), QStringLiteral("👋"), QStringLiteral("✅"), QStringLiteral("📦"), QStringLiteral("🚚"),
                                 QStringLiteral("💳"), QStringLiteral("⏰")}) {
        emojiMenu->addAction(emoji, this, [this, emoji] {
            m_editor->insertPlainText(emoji);
            m_editor->setFocus();
        });
    }
    m_emoji->setMenu(emojiMenu);

    // A price tag: the button stays narrow enough for a netbook's composer.
    m_products->setObjectName(QStringLiteral("productsButton"));
    connect(m_products, &QPushButton::clicked, this, [this] { Q_EMIT productsRequested({}); });

    auto *textPage = new QWidget(this);
    auto *textLayout = new QHBoxLayout(textPage);
    textLayout->setContentsMargins(0, 0, 0, 0);
    textLayout->addWidget(m_editor, 1);
    auto *buttons = new QVBoxLayout;
    auto *smallButtons = new QHBoxLayout;
    smallButtons->addWidget(m_emoji);
    smallButtons->addWidget(m_attach);
    smallButtons->addWidget(m_products);
    buttons->addLayout(smallButtons);
    buttons->addWidget(m_send);
    buttons->addWidget(m_sendAtOpening);
    buttons->addWidget(m_price);
    textLayout->addLayout(buttons);

    connect(m_templatePicker, &TemplatePicker::sendTemplate, this, &Composer::sendTemplate);

    m_modes->addWidget(textPage);
    m_modes->addWidget(m_templatePicker);

    m_replyBanner = new QWidget(this);
    m_replyBanner->setObjectName(QStringLiteral("replyBanner"));
    m_replyText = new QLabel(m_replyBanner);
    m_replyText->setObjectName(QStringLiteral("replyText"));
    m_replyText->setTextFormat(Qt::PlainText);
    auto *cancelReply = new QPushButton(QStringLiteral("✕"), m_replyBanner);
    cancelReply->setObjectName(QStringLiteral("cancelReply"));
    cancelReply->setFlat(true);
    cancelReply->setMaximumWidth(28);
    cancelReply->setAccessibleName(tr("Do not quote"));
    cancelReply->setToolTip(tr("Do not quote"));
    connect(cancelReply, &QPushButton::clicked, this, [this] { setReplyTo(QString(), QString()); });
    auto *bannerLayout = new QHBoxLayout(m_replyBanner);
    bannerLayout->setContentsMargins(0, 0, 0, 0);
    bannerLayout->addWidget(m_replyText, 1);
    bannerLayout->addWidget(cancelReply);
    m_replyBanner->hide();

    m_attachments = new AttachmentBanner(this);
    connect(m_attachments, &AttachmentBanner::filesChanged, this, &Composer::updateSendAtOpening);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 10);
    layout->addWidget(m_notice);
    layout->addWidget(m_unknownShortcut);
    layout->addWidget(m_length);
    layout->addWidget(m_replyBanner);
    layout->addWidget(m_attachments);
    layout->addWidget(m_quickReplies);
    layout->addWidget(m_modes);
    retranslate();
}

QString Composer::text() const
{
    return m_editor->toPlainText();
}

void Composer::setText(const QString &text)
{
    m_editor->setPlainText(text);
    m_editor->moveCursor(QTextCursor::End);
}

void Composer::clear()
{
    m_editor->clear();
    m_attachments->setFiles({});
    setReplyTo(QString(), QString());
}

void Composer::setReplyTo(const QString &wamid, const QString &quotedText)
{
    m_replyTo = wamid;
    m_replyText->setText(tr("Replying to: %1").arg(m_replyText->fontMetrics().elidedText(quotedText.simplified(), Qt::ElideRight, 420)));
    m_replyBanner->setVisible(!wamid.isEmpty());
    if (!wamid.isEmpty())
        m_editor->setFocus();
}

void Composer::setWindow(const ServiceWindow &window)
{
    m_window = window;
    const bool closed = window.state == ServiceWindow::State::Closed;
    m_modes->setCurrentIndex(closed ? 1 : 0);
    retranslate();
}

void Composer::setTemplates(const QList<MessageTemplate> &templates)
{
    m_templatePicker->setTemplates(templates);
}

void Composer::setCustomer(const QString &name, const QString &language)
{
    m_customerName = name;
    m_templatePicker->setCustomer(name, language);
}

void Composer::setPromotionsRefused(const QString &why)
{
    m_templatePicker->setPromotionsRefused(why);
}

void Composer::setPrices(const SendPrices &prices)
{
    m_prices = prices;
    m_templatePicker->setPrices(prices);
    updatePrice();
}

void Composer::updatePrice()
{
    const QString text = m_editor->toPlainText();
    const qsizetype parts = text.trimmed().size() > MessagePayloads::kMaxTextLength ? MessagePayloads::splitText(text).size() : 1;
    m_price->setVisible(m_prices.reply.has_value());
    if (!m_prices.reply)
        return;
    const QString each = PriceText::amount(*m_prices.reply, m_prices.currency);
    m_price->setText(parts > 1 ? tr("%n messages · ~%1", nullptr, int(parts)).arg(PriceText::amount(*m_prices.reply * double(parts), m_prices.currency))
                               : tr("Billed: ~%1").arg(each));
    m_price->setToolTip(tr("Since %1 Meta bills every reply, even inside the 24-hour window: about %2 each to this customer's "
                           "country, by Meta's rate card. Your WhatsApp Manager shows what you are really billed.")
                            .arg(QLocale().toString(MetaPricing::serviceBilledFrom(), QLocale::LongFormat), each));
}

void Composer::updateLength()
{
    updatePrice();
    const qsizetype length = m_editor->toPlainText().trimmed().size();
    constexpr int kWarnFrom = MessagePayloads::kMaxTextLength - 600;
    m_length->setVisible(length >= kWarnFrom);
    if (length < kWarnFrom)
        return;
    const QLocale locale;
    const bool tooLong = length > MessagePayloads::kMaxTextLength;
    m_split->setVisible(tooLong);
    m_send->setEnabled(!tooLong);
    if (!tooLong) {
        m_lengthText->setText(tr("%1 of %2 characters").arg(locale.toString(length), locale.toString(MessagePayloads::kMaxTextLength)));
        return;
    }
    const qsizetype parts = MessagePayloads::splitText(m_editor->toPlainText()).size();
    m_lengthText->setText(tr("%1 characters: WhatsApp takes at most %2 in one message. Shorten it, or send it as %n messages, "
                             "cut between paragraphs or sentences.", nullptr, int(parts))
                              .arg(locale.toString(length), locale.toString(MessagePayloads::kMaxTextLength)));
    m_split->setText(tr("Send as %n messages", nullptr, int(parts)));
}

void Composer::submitText()
{
    const QString body = m_editor->toPlainText().trimmed();
    if (m_window.state == ServiceWindow::State::Closed)
        return;
    if (!MessagePayloads::validateText(body).isEmpty()) {
        updateLength(); // too long: the reason and the offer are there; empty: nothing to say
        return;
    }
    // "/descuento" that names no quick reply is almost always a typo, not a message for the
    // customer: said, and sent only on a second Enter.
    const bool looksLikeShortcut = body.startsWith(QLatin1Char('/')) && body.size() > 1 && !body.contains(QLatin1Char(' '))
                                   && !body.contains(QLatin1Char('\n'));
    if (looksLikeShortcut && !m_shortcuts.contains(body.mid(1).toCaseFolded()) && m_unknownShortcut->isHidden()) {
        m_confirmedShortcut = body;
        m_unknownShortcut->setText(tr("There is no quick reply %1. Press Enter again to send it to the customer as it is.").arg(body));
        m_unknownShortcut->show();
        return;
    }
    m_unknownShortcut->hide();
    const QList<QuickReplyFile> files = m_attachments->files(); // sending clears the composer
    Q_EMIT sendText(body);
    for (const QuickReplyFile &file : files)
        Q_EMIT attachFile(file.path, QString(), file.name);
}

void Composer::setNextOpening(const QDateTime &at)
{
    m_nextOpening = at;
    updateSendAtOpening();
}

void Composer::updateSendAtOpening()
{
    const bool windowLastsUntilThen = !m_window.openUntil.isValid() || m_nextOpening <= m_window.openUntil;
    const bool offered = m_nextOpening.isValid() && m_window.state != ServiceWindow::State::Closed;
    m_sendAtOpening->setVisible(offered);
    // Files go as soon as they are uploaded, so a reply with files is not held for opening.
    m_sendAtOpening->setEnabled(offered && windowLastsUntilThen && m_attachments->files().isEmpty());
    m_sendAtOpening->setText(tr("At opening"));
    const QString when = QLocale().toString(m_nextOpening.toLocalTime(), QStringLiteral("dddd d, HH:mm"));
    m_sendAtOpening->setToolTip(windowLastsUntilThen
                                    ? tr("The shop is closed: send this when it opens (%1).").arg(when)
                                    : tr("The 24-hour window closes before the shop opens (%1): send it now, "
                                         "or later with a template.").arg(when));
    m_sendAtOpening->setAccessibleName(m_sendAtOpening->toolTip());
}

void Composer::setQuickReplies(const QList<QuickReply> &replies)
{
    m_quickReplies->setReplies(replies);
    m_shortcuts.clear();
    for (const QuickReply &reply : replies)
        m_shortcuts.insert(reply.shortcut.toCaseFolded());
}

void Composer::insertQuickReply(const QuickReply &reply)
{
    m_editor->setPlainText(AutoResponder::expand(reply.body, m_customerName, m_shopName, QDate::currentDate(), QLocale()));
    m_attachments->setFiles(reply.attachments);
    m_editor->moveCursor(QTextCursor::End);
    m_editor->setFocus();
    Q_EMIT quickReplyUsed(reply.id);
}

bool Composer::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_editor && event->type() == QEvent::KeyPress) {
        if (!static_cast<QKeyEvent *>(event)->text().isEmpty())
            Q_EMIT typing(); // keystrokes, not drafts or quick replies put in by the program
        const auto *key = static_cast<QKeyEvent *>(event);
        if (!m_quickReplies->isHidden()) {
            switch (key->key()) {
            case Qt::Key_Up:
            case Qt::Key_Down:
                m_quickReplies->moveSelection(key->key() == Qt::Key_Up ? -1 : 1);
                return true;
            case Qt::Key_Return:
            case Qt::Key_Enter:
            case Qt::Key_Tab:
                if (const auto reply = m_quickReplies->current())
                    insertQuickReply(*reply);
                return true;
            case Qt::Key_Escape:
                m_quickReplies->hide();
                return true;
            default:
                break;
            }
        }
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && !(key->modifiers() & Qt::ShiftModifier)) {
            // "#lampara": the products that match, to send.
            static const QRegularExpression productSearch(QStringLiteral("^#(\\S*)$"));
            if (const QRegularExpressionMatch match = productSearch.match(m_editor->toPlainText().trimmed()); match.hasMatch()) {
                m_editor->clear();
                Q_EMIT productsRequested(match.captured(1));
                return true;
            }
            submitText();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void Composer::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::PaletteChange)
        retranslate();
    QWidget::changeEvent(event);
}

void Composer::retranslate()
{
    m_editor->setPlaceholderText(tr("Write a message… (Enter sends, Shift+Enter adds a line)"));
    m_editor->setAccessibleName(tr("Message"));
    m_send->setText(tr("Send"));
    m_attach->setText(tr("File…"));
    m_products->setIcon(tagIcon(palette().color(QPalette::ButtonText)));
    m_products->setAccessibleName(tr("Products"));
    m_products->setToolTip(tr("Products: send some from the catalog (or type # and a word, then Enter)"));
    m_emoji->setAccessibleName(tr("Emoji"));
    m_emoji->setToolTip(tr("Emoji"));
    m_attach->setToolTip(tr("Send a photo, video, audio or document; the text you wrote goes as its caption"));
    switch (m_window.state) {
    case ServiceWindow::State::Closed:
        m_notice->setText(tr("More than 24 hours have passed since this customer last wrote. WhatsApp only allows an "
                             "approved template until they write again."));
        m_notice->setStyleSheet(palette().color(QPalette::Window).lightness() > 128 ? QStringLiteral("color: #7a2e2e;")
                                                                                    : QStringLiteral("color: #f0a0a0;"));
        m_notice->show();
        break;
    case ServiceWindow::State::ClosingSoon:
        m_notice->setText(tr("The 24-hour window closes at %1. Reply now, or you will need a template.")
                              .arg(QLocale().toString(m_window.openUntil.toLocalTime().time(), QLocale::ShortFormat)));
        m_notice->setStyleSheet(palette().color(QPalette::Window).lightness() > 128 ? QStringLiteral("color: #8a4b00;")
                                                                                    : QStringLiteral("color: #f0c070;"));
        m_notice->show();
        break;
    case ServiceWindow::State::Open:
        m_notice->hide();
        break;
    }
    updateSendAtOpening();
    updatePrice();
}

} // namespace Mostrador
