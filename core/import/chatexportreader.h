#pragma once

#include "exportedmessage.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>
#include <QTimeZone>

#include <QSet>

#include <functional>
#include <memory>

class QIODevice;

namespace Mostrador {

// Reads a WhatsApp "Export chat" text as phones write it — Android and iPhone, any language and
// region: "31/12/20, 23:59 - Lucía: texto", "[12/31/20, 11:59:59 PM] Lucía: text", "2020-12-31
// 23:59 - …", times first, dots or dashes, "a. m.", 午後, Arabic-Indic digits, left-to-right and
// right-to-left marks, narrow no-break spaces, a BOM, CRLF; Buddhist and Japanese era years.
//
// Two passes over the text, neither holding it in memory: scan() finds the lines that start a
// message, decides day/month order over the whole file (never line by line: by the numbers
// that cannot be months and, failing that, by which order keeps the dates going forward, and
// then by the phone's conventions, last by the shop's locale) and collects the authors; read() then hands out the messages one
// by one. A line that starts like a message but cannot be read (a 31 February) is reported with
// its number and kept as text of the message before it: nothing is dropped.
class ChatExportReader final
{
    Q_DECLARE_TR_FUNCTIONS(ChatExportReader)

public:
    ChatExportReader(QTimeZone zone, QLocale locale);
    ~ChatExportReader();

    // First pass. False, with a sentence in `error`, when the text is not a chat export.
    bool scan(QIODevice &device, QString *error);
    // Second pass, over the same text from its start (a new device, or the same one re-opened).
    // `each` returns false to stop early.
    void read(QIODevice &device, const std::function<bool(const ExportedMessage &)> &each);

    [[nodiscard]] QStringList authors() const { return m_authors; } // most messages first
    [[nodiscard]] qint64 messageCount() const { return m_headers; }
    // "line 12: …" for each line kept as text of the message before it.
    [[nodiscard]] QStringList problems() const { return m_problems; }

    enum class DateOrder { DayMonthYear, MonthDayYear, YearMonthDay };
    [[nodiscard]] DateOrder dateOrder() const { return m_order; }
    // What decided the order: a year written first, a number above 12, the dates going
    // forward, the phone's own convention (an iPhone in US English), or only the shop's locale.
    enum class OrderEvidence { YearFirst, Numbers, Direction, PhoneConvention, Locale };
    [[nodiscard]] OrderEvidence dateOrderEvidence() const { return m_orderFrom; }
    // Whether every date reads both ways, so a person should look (and may swap).
    [[nodiscard]] bool dateOrderIsAGuess() const;
    // After scan(): the person's choice, for read() and the times below.
    void setDateOrder(DateOrder order);
    [[nodiscard]] QDateTime firstTime() const;
    [[nodiscard]] QDateTime lastTime() const;

private:
    struct Header;
    bool parseHeader(const QString &line, Header *header) const;
    [[nodiscard]] QDateTime timeOf(const Header &header) const;
    void finishMessage(ExportedMessage &message);
    // A name that wrote something of its own, not only the chat's name over its notices.
    [[nodiscard]] bool isPerson(const QString &author) const;

    QTimeZone m_zone;
    QLocale m_locale;
    DateOrder m_order = DateOrder::DayMonthYear;
    OrderEvidence m_orderFrom = OrderEvidence::Locale;
    std::unique_ptr<Header> m_first, m_last;
    QSet<QString> m_people;
    QString m_chatName; // whose name an iPhone wrote its notices under
    bool m_colonForm = false;   // "date time: Name: text" is how this file starts its messages
    bool m_fromAndroid = false; // "… - Name: text": marks before a text are not an iPhone's placeholders
    int m_firstLine = 0; // where the chat's first message starts (the encryption notice's place)
    qint64 m_headers = 0;
    QStringList m_authors;
    QStringList m_problems;
};

} // namespace Mostrador
