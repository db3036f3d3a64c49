#include "chatexportreader.h"

#include "common/safefilename.h"

#include <QHash>
#include <QIODevice>
#include <QMimeDatabase>
#include <QRegularExpression>
#include <QTextStream>

#include <algorithm>

namespace Mostrador {

namespace {

// Marks phones put around names, numbers and times (left-to-right, right-to-left, Arabic letter
// mark, isolates, embeddings, the BOM): invisible, and in the way of reading.
bool isInvisibleMark(char16_t c)
{
    return c == 0x200E || c == 0x200F || c == 0x061C || c == 0xFEFF || (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069);
}

// The line as the header patterns read it: marks dropped, odd spaces made plain spaces, any
// script's digits made ASCII. `origin[i]` is where normalized character i came from.
bool needsNormalizing(QChar c)
{
    const char16_t u = c.unicode();
    return u > 0x7f && (isInvisibleMark(u) || u == 0x202F || u == 0x00A0 || u == 0x2009 || u == 0x2007 || c.isDigit());
}

QString normalized(const QString &line, QList<int> *origin)
{
    origin->clear();
    // Most lines hold nothing to change: read as they are (an empty `origin` means "the same").
    if (std::none_of(line.cbegin(), line.cend(), needsNormalizing))
        return line;
    QString result;
    result.reserve(line.size());
    for (int i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (isInvisibleMark(c.unicode()))
            continue;
        if (c.unicode() == 0x202F || c.unicode() == 0x00A0 || c.unicode() == 0x2009 || c.unicode() == 0x2007)
            result += QLatin1Char(' ');
        else if (c.isDigit() && c.unicode() > 0x7f)
            result += QChar(u'0' + c.digitValue());
        else
            result += c;
        origin->append(i);
    }
    origin->append(int(line.size()));
    return result;
}

QString withoutMarks(QString text)
{
    const auto isMark = [](QChar c) { return isInvisibleMark(c.unicode()); };
    if (std::any_of(text.cbegin(), text.cend(), isMark))
        text.removeIf(isMark);
    return text;
}

// Whether a line can start a message at all: a date, a time, a bracket, an era, a mark before
// them. Lines of a message's text mostly start otherwise and skip the patterns.
bool mayStartAMessage(const QString &line)
{
    for (const QChar c : line) {
        if (isInvisibleMark(c.unicode()) || c == QLatin1Char(' '))
            continue;
        return c.isDigit() || c == QLatin1Char('[') || c.unicode() > 0x2000 || QStringLiteral("RHSrhs").contains(c);
    }
    return false;
}

const QString kDate = QStringLiteral(
    R"((?:(?<era>令和|平成|昭和|[RHSrhs])\s?)?(?<d1>\d{1,4})\s?(?<sep>[./-])\s?(?<d2>\d{1,2})\s?\k<sep>\s?(?<d3>\d{1,4})\.?)");
const QString kTime = QStringLiteral(
    R"((?:(?<pre>午前|午後|上午|下午|오전|오후)\s?)?(?<h>\d{1,2})[:.](?<m>\d{2})(?:[:.](?<s>\d{2}))?(?:\s?(?<ampm>[AaPp]\.?\s?[Mm]\.?|ص|م))?)");
const QString kAfter = QStringLiteral(R"(\s*(?:\]\s?|[-–]\s)(?<rest>.*)$)");

// A header pattern and where its named parts are (looking a part up by name costs more than
// the match on the millions of lines of a big export).
struct HeaderPattern {
    explicit HeaderPattern(const QString &pattern)
        : expression(pattern)
    {
        const QStringList names = expression.namedCaptureGroups();
        era = int(names.indexOf(QStringLiteral("era")));
        d1 = int(names.indexOf(QStringLiteral("d1")));
        d2 = int(names.indexOf(QStringLiteral("d2")));
        d3 = int(names.indexOf(QStringLiteral("d3")));
        pre = int(names.indexOf(QStringLiteral("pre")));
        hour = int(names.indexOf(QStringLiteral("h")));
        minute = int(names.indexOf(QStringLiteral("m")));
        second = int(names.indexOf(QStringLiteral("s")));
        ampm = int(names.indexOf(QStringLiteral("ampm")));
        rest = int(names.indexOf(QStringLiteral("rest")));
    }
    QRegularExpression expression;
    int era, d1, d2, d3, pre, hour, minute, second, ampm, rest;
};

const HeaderPattern &dateFirst()
{
    static const HeaderPattern pattern(QStringLiteral("^\\[?\\s*") + kDate + QStringLiteral("\\s*,?\\s*") + kTime + kAfter);
    return pattern;
}

const HeaderPattern &timeFirst()
{
    static const HeaderPattern pattern(QStringLiteral("^\\[?\\s*") + kTime + QStringLiteral("\\s*,?\\s*") + kDate + kAfter);
    return pattern;
}

MessageKind kindOfFile(const QString &name)
{
    const QString mime = QMimeDatabase().mimeTypeForFile(name, QMimeDatabase::MatchExtension).name();
    if (mime == QLatin1String("image/webp"))
        return MessageKind::Sticker;
    if (mime.startsWith(QLatin1String("image/")))
        return MessageKind::Image;
    if (mime.startsWith(QLatin1String("video/")))
        return MessageKind::Video;
    if (mime.startsWith(QLatin1String("audio/")) || name.endsWith(QLatin1String(".opus"), Qt::CaseInsensitive))
        return MessageKind::Audio;
    return MessageKind::Document;
}

MessageKind kindOfWord(const QString &word)
{
    static const QRegularExpression image(QStringLiteral("^(image|imagen|imagem|foto|photo|immagine|bild|изображение|фото)"),
                                          QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression video(QStringLiteral("^(video|vídeo|видео|gif)"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression audio(QStringLiteral("^(audio|áudio|аудио)"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression sticker(QStringLiteral("^(sticker|figurinha|стикер)"), QRegularExpression::CaseInsensitiveOption);
    if (image.match(word).hasMatch())
        return MessageKind::Image;
    if (video.match(word).hasMatch())
        return MessageKind::Video;
    if (audio.match(word).hasMatch())
        return MessageKind::Audio;
    if (sticker.match(word).hasMatch())
        return MessageKind::Sticker;
    return MessageKind::Document;
}

bool isDeletedNotice(const QString &text)
{
    static const QStringList notices{
        QStringLiteral("se eliminó este mensaje"), QStringLiteral("eliminaste este mensaje"),
        QStringLiteral("este mensaje fue eliminado"), QStringLiteral("this message was deleted"),
        QStringLiteral("you deleted this message"), QStringLiteral("mensagem apagada"),
        QStringLiteral("esta mensagem foi apagada"), QStringLiteral("você apagou esta mensagem"),
        QStringLiteral("ce message a été supprimé"), QStringLiteral("vous avez supprimé ce message"),
        QStringLiteral("diese nachricht wurde gelöscht"), QStringLiteral("данное сообщение удалено"),
        QStringLiteral("вы удалили данное сообщение"),
    };
    QString folded = withoutMarks(text).trimmed().toLower();
    while (folded.endsWith(QLatin1Char('.')))
        folded.chop(1);
    return notices.contains(folded);
}

int yearOf(int written, const QString &era)
{
    if (era == u"令和" || era.compare(QLatin1String("R"), Qt::CaseInsensitive) == 0)
        return 2018 + written;
    if (era == u"平成" || era.compare(QLatin1String("H"), Qt::CaseInsensitive) == 0)
        return 1988 + written;
    if (era == u"昭和" || era.compare(QLatin1String("S"), Qt::CaseInsensitive) == 0)
        return 1925 + written;
    if (written < 100)
        return 2000 + written;  // WhatsApp began in 2009
    if (written >= 2400)
        return written - 543;   // the Buddhist era (Thai iPhones)
    return written;
}

} // namespace

struct ChatExportReader::Header {
    QString era;
    int d1 = 0, d2 = 0, d3 = 0;
    int d1Digits = 0;
    int hour = 0, minute = 0, second = 0;
    int halfDay = 0; // 0: a 24-hour clock; 1: before noon; 2: after noon
    QString rest;    // the original text after the header
};

ChatExportReader::ChatExportReader(QTimeZone zone, QLocale locale)
    : m_zone(std::move(zone))
    , m_locale(std::move(locale))
{
}

bool ChatExportReader::parseHeader(const QString &line, Header *header) const
{
    if (!mayStartAMessage(line))
        return false;
    QList<int> origin;
    const QString text = normalized(line, &origin);
    const HeaderPattern *pattern = &dateFirst();
    QRegularExpressionMatch match = pattern->expression.match(text);
    if (!match.hasMatch()) {
        pattern = &timeFirst();
        match = pattern->expression.match(text);
    }
    if (!match.hasMatch())
        return false;
    header->era = match.captured(pattern->era);
    header->d1 = match.capturedView(pattern->d1).toInt();
    header->d1Digits = int(match.capturedLength(pattern->d1));
    header->d2 = match.capturedView(pattern->d2).toInt();
    header->d3 = match.capturedView(pattern->d3).toInt();
    header->hour = match.capturedView(pattern->hour).toInt();
    header->minute = match.capturedView(pattern->minute).toInt();
    header->second = match.capturedView(pattern->second).toInt();
    const QStringView pre = match.capturedView(pattern->pre);
    const QString ampm = match.captured(pattern->ampm).toLower();
    if (!pre.isEmpty())
        header->halfDay = (pre == u"午前" || pre == u"上午" || pre == u"오전") ? 1 : 2;
    else if (!ampm.isEmpty())
        header->halfDay = (ampm.startsWith(QLatin1Char('a')) || ampm == QStringLiteral("ص")) ? 1 : 2;
    else
        header->halfDay = 0;
    const qsizetype restStart = match.capturedStart(pattern->rest);
    header->rest = line.mid(origin.isEmpty() ? restStart : origin.at(restStart));
    return true;
}

QDateTime ChatExportReader::timeOf(const Header &header) const
{
    int year = 0, month = 0, day = 0;
    switch (m_order) {
    case DateOrder::YearMonthDay: year = header.d1; month = header.d2; day = header.d3; break;
    case DateOrder::DayMonthYear: day = header.d1; month = header.d2; year = header.d3; break;
    case DateOrder::MonthDayYear: month = header.d1; day = header.d2; year = header.d3; break;
    }
    int hour = header.hour;
    if (header.halfDay != 0) {
        if (hour < 1 || hour > 12)
            return {};
        hour = hour % 12 + (header.halfDay == 2 ? 12 : 0);
    }
    const QDate date(yearOf(year, header.era), month, day);
    const QTime time(hour, header.minute, header.second);
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, m_zone);
}

bool ChatExportReader::scan(QIODevice &device, QString *error)
{
    QTextStream in(&device);
    in.setEncoding(QStringConverter::Utf8);
    m_headers = 0;
    m_problems.clear();
    QHash<QString, qint64> authors;
    qint64 yearFirst = 0, dayFirstEvidence = 0, monthFirstEvidence = 0;
    qint64 dayFirstBackwards = 0, monthFirstBackwards = 0;
    int previousDayFirst = 0, previousMonthFirst = 0;
    int linesBeforeFirst = 0;
    QString line;
    Header header;
    while (in.readLineInto(&line)) {
        if (!parseHeader(line, &header)) {
            if (m_headers == 0 && !line.trimmed().isEmpty() && ++linesBeforeFirst > 20)
                break;
            continue;
        }
        ++m_headers;
        if (header.d1Digits >= 3 || !header.era.isEmpty()) {
            ++yearFirst;
        } else {
            dayFirstEvidence += header.d1 > 12;
            monthFirstEvidence += header.d2 > 12;
            // Dates only go forward in a chat: the wrong order makes them jump back.
            const int dayFirst = header.d3 * 10000 + header.d2 * 100 + header.d1;
            const int monthFirst = header.d3 * 10000 + header.d1 * 100 + header.d2;
            dayFirstBackwards += dayFirst < previousDayFirst;
            monthFirstBackwards += monthFirst < previousMonthFirst;
            previousDayFirst = dayFirst;
            previousMonthFirst = monthFirst;
        }
        const qsizetype colon = header.rest.indexOf(QLatin1String(": "));
        if (colon > 0 && colon <= 80) {
            const QString author = withoutMarks(header.rest.left(colon)).remove(QLatin1Char('~')).trimmed();
            if (!author.isEmpty() && !header.rest.mid(colon + 2).startsWith(QChar(0x200E)))
                ++authors[author];
        }
    }
    if (m_headers == 0) {
        *error = tr("This is not a WhatsApp chat export: no line starts with a date and a time as \"Export chat\" writes them.");
        return false;
    }
    if (yearFirst * 2 > m_headers)
        m_order = DateOrder::YearMonthDay;
    else if (dayFirstEvidence > 0 && monthFirstEvidence == 0)
        m_order = DateOrder::DayMonthYear;
    else if (monthFirstEvidence > 0 && dayFirstEvidence == 0)
        m_order = DateOrder::MonthDayYear;
    else if (dayFirstBackwards != monthFirstBackwards)
        m_order = dayFirstBackwards < monthFirstBackwards ? DateOrder::DayMonthYear : DateOrder::MonthDayYear;
    else {
        const QString format = m_locale.dateFormat(QLocale::ShortFormat);
        const qsizetype month = format.indexOf(QLatin1Char('M'));
        const qsizetype day = format.indexOf(QLatin1Char('d'));
        m_order = (month >= 0 && day >= 0 && month < day) ? DateOrder::MonthDayYear : DateOrder::DayMonthYear;
    }
    QList<std::pair<QString, qint64>> ranked;
    for (auto it = authors.cbegin(); it != authors.cend(); ++it)
        ranked.append({it.key(), it.value()});
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    m_authors.clear();
    for (const auto &[author, count] : std::as_const(ranked))
        m_authors << author;
    return true;
}

void ChatExportReader::finishMessage(ExportedMessage &message)
{
    QString rest = message.text;
    message.text.clear();
    const qsizetype colon = rest.indexOf(QLatin1String(": "));
    const qsizetype firstBreak = rest.indexOf(QLatin1Char('\n'));
    const bool hasAuthor = colon > 0 && colon <= 80 && (firstBreak < 0 || colon < firstBreak);
    QString text;
    if (hasAuthor) {
        message.author = withoutMarks(rest.left(colon)).remove(QLatin1Char('~')).trimmed();
        text = rest.mid(colon + 2);
    } else if (rest.endsWith(QLatin1Char(':')) && rest.size() <= 81 && firstBreak < 0) {
        message.author = withoutMarks(rest.chopped(1)).remove(QLatin1Char('~')).trimmed();
    } else {
        text = rest;
    }
    // Android writes system notices (the encryption notice, a number change) with no name;
    // iPhones under the chat's name, starting with a left-to-right mark — as they also start
    // their media markers ("‎image omitted", "‎<attached: …>"), a sentence tells them apart.
    if (message.author.isEmpty()) {
        message.kind = MessageKind::System;
    } else if (text.startsWith(QChar(0x200E))) {
        const QString plain = withoutMarks(text).trimmed();
        static const QRegularExpression mediaLike(QStringLiteral("^(<[^<>]+>|\\S+(\\s\\S+)?\\s\\S+)$"));
        if (!mediaLike.match(plain).hasMatch() || plain.contains(QLatin1String(". "))) {
            message.kind = MessageKind::System;
            message.author.clear();
        }
    }

    // "<This message was edited>" at the end.
    static const QRegularExpression editedMark(
        QStringLiteral("\\s*<[^<>\\n]*(edit|bearbeitet|modifi|изменен|редакт)[^<>\\n]*>\\s*$"), QRegularExpression::CaseInsensitiveOption);
    if (text.trimmed().endsWith(QLatin1Char('>'))) {
        if (const QRegularExpressionMatch edited = editedMark.match(text); edited.hasMatch()) {
            message.edited = true;
            text.truncate(edited.capturedStart());
        }
    }
    if (text.size() < 60 && isDeletedNotice(text)) {
        message.deleted = true;
        message.text = withoutMarks(text).trimmed();
        return;
    }

    const qsizetype lineEnd = text.indexOf(QLatin1Char('\n'));
    const QString first = withoutMarks(lineEnd < 0 ? text : text.left(lineEnd)).trimmed();
    const QString following = lineEnd < 0 ? QString() : text.mid(lineEnd + 1);
    static const QRegularExpression iosAttached(QStringLiteral("^<[^:<>]{2,30}:\\s*([^<>]+)>$"));
    static const QRegularExpression androidAttached(QStringLiteral("^(.+?\\.[A-Za-z0-9]{2,5}) \\([^()]{3,40}\\)$"));
    static const QRegularExpression angleOmitted(QStringLiteral("^<[^<>]{3,60}>$"));
    static const QRegularExpression wordsOmitted(
        QStringLiteral("^(\\S+)(?:\\s\\S+)?\\s(omitted|omitida|omitido|ocultad[oa]|ocult[oa]s?|omise?|weggelaten|ausgeschlossen|"
                       "пропущено|опущено|пропущен)$"),
        QRegularExpression::CaseInsensitiveOption);
    // Media markers are short, and start with "<" or end with ")" or are two or three words.
    const bool mayBeMedia = first.size() < 200
        && (first.startsWith(QLatin1Char('<')) || first.endsWith(QLatin1Char(')')) || first.count(QLatin1Char(' ')) <= 2);
    // The attachment's name is the file's text, not a name to trust (see SafeFileName).
    const auto attach = [&](const QString &name) {
        const SafeFileName::Cleaned cleaned = SafeFileName::clean(name);
        if (!cleaned.problem.isEmpty())
            m_problems << tr("line %1: %2").arg(message.line).arg(cleaned.problem);
        if (cleaned.name.isEmpty())
            return;
        message.media = ExportedMessage::Media::Attached;
        message.attachment = cleaned.name;
    };
    if (message.kind != MessageKind::System && mayBeMedia) {
        if (QRegularExpressionMatch match = iosAttached.match(first); match.hasMatch()) {
            attach(match.captured(1));
        } else if (match = androidAttached.match(first); match.hasMatch()) {
            attach(match.captured(1));
        } else if (match = wordsOmitted.match(first); match.hasMatch()) {
            message.media = ExportedMessage::Media::Omitted;
            message.kind = kindOfWord(match.captured(1));
        } else if (angleOmitted.match(first).hasMatch()) {
            message.media = ExportedMessage::Media::Omitted;
            message.kind = kindOfWord(first.mid(1));
        }
    }
    if (message.media == ExportedMessage::Media::Attached)
        message.kind = kindOfFile(message.attachment);
    message.text = message.media == ExportedMessage::Media::None ? text : following;
    if (message.kind == MessageKind::System)
        message.text = withoutMarks(message.text).trimmed();
}

void ChatExportReader::read(QIODevice &device, const std::function<bool(const ExportedMessage &)> &each)
{
    QTextStream in(&device);
    in.setEncoding(QStringConverter::Utf8);
    m_problems.clear();
    ExportedMessage current;
    bool started = false;
    int number = 0;
    QString line;
    Header header;
    const auto flush = [&]() {
        if (!started)
            return true;
        finishMessage(current);
        return each(current);
    };
    while (in.readLineInto(&line)) {
        ++number;
        if (number == 1 && line.startsWith(QChar(0xFEFF)))
            line.remove(0, 1);
        QDateTime time;
        if (parseHeader(line, &header)) {
            time = timeOf(header);
            if (!time.isValid())
                m_problems << tr("line %1: the date or time cannot be read (%2); kept as text of the message before it")
                                  .arg(number).arg(withoutMarks(line).left(40));
        }
        if (time.isValid()) {
            if (!flush())
                return;
            current = ExportedMessage{};
            current.line = number;
            current.time = time;
            current.text = header.rest;
            started = true;
            continue;
        }
        if (!started) {
            if (!line.trimmed().isEmpty())
                m_problems << tr("line %1: text before the first message: %2").arg(number).arg(withoutMarks(line).left(40));
            continue;
        }
        current.text += QLatin1Char('\n') + line;
    }
    flush();
}

} // namespace Mostrador
