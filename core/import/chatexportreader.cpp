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

// The year may carry its era: a Japanese era before the year in either place ("R4/09/23",
// "23/9/R4"), or after it as an iPhone writes both calendars ("23/9/4 R", "23/9/2565 BE").
const QString kDate = QStringLiteral(
    R"((?:(?<era>令和|平成|昭和|[RHSrhs])\s?)?(?<d1>\d{1,4})\s?(?<sep>[./-])\s?(?<d2>\d{1,2})\s?\k<sep>\s?)"
    R"((?:(?<era3>[RHS])\s?)?(?<d3>\d{1,4})(?:\s(?:(?<eraAfter>[RHS])|B\.?E\.?|พ\.ศ\.)(?=[\s,،\]]))?\.?)");
// A period may follow the time ("13:34. - "), as some Android versions write it.
const QString kTime = QStringLiteral(
    R"((?:(?<pre>午前|午後|上午|下午|오전|오후)\s?)?(?<h>\d{1,2})[:.](?<m>\d{2})(?:[:.](?<s>\d{2}))?(?:\s?(?<ampm>[AaPp]\.?\s?[Mm]\.?|ص|م))?\.?)");
// The bracket of iPhones, the dash of Android, or the colon of the oldest exports
// ("31/12/2012 23:59:59: Name: text").
const QString kAfter = QStringLiteral(R"(\s*(?:\]\s?|(?<dash>[-–])\s|(?<colon>:)\s)(?<rest>.*)$)");
const QString kBetween = QStringLiteral(R"(\s*[,،]?\s*)");

// A header pattern and where its named parts are (looking a part up by name costs more than
// the match on the millions of lines of a big export).
struct HeaderPattern {
    explicit HeaderPattern(const QString &pattern)
        : expression(pattern)
    {
        const QStringList names = expression.namedCaptureGroups();
        open = int(names.indexOf(QStringLiteral("open")));
        era = int(names.indexOf(QStringLiteral("era")));
        era3 = int(names.indexOf(QStringLiteral("era3")));
        eraAfter = int(names.indexOf(QStringLiteral("eraAfter")));
        d1 = int(names.indexOf(QStringLiteral("d1")));
        d2 = int(names.indexOf(QStringLiteral("d2")));
        d3 = int(names.indexOf(QStringLiteral("d3")));
        pre = int(names.indexOf(QStringLiteral("pre")));
        hour = int(names.indexOf(QStringLiteral("h")));
        minute = int(names.indexOf(QStringLiteral("m")));
        second = int(names.indexOf(QStringLiteral("s")));
        ampm = int(names.indexOf(QStringLiteral("ampm")));
        rest = int(names.indexOf(QStringLiteral("rest")));
        dash = int(names.indexOf(QStringLiteral("dash")));
        colon = int(names.indexOf(QStringLiteral("colon")));
    }
    QRegularExpression expression;
    int open, era, era3, eraAfter, d1, d2, d3, pre, hour, minute, second, ampm, rest, dash, colon;
};

const HeaderPattern &dateFirst()
{
    static const HeaderPattern pattern(QStringLiteral("^(?<open>\\[)?\\s*") + kDate + kBetween + kTime + kAfter);
    return pattern;
}

const HeaderPattern &timeFirst()
{
    static const HeaderPattern pattern(QStringLiteral("^(?<open>\\[)?\\s*") + kTime + kBetween + kDate + kAfter);
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

// What an omitted or attached media says it was, in the phone's language: "image omitted",
// "imagen omitida", "hình ảnh bị bỏ qua", "<Mídia oculta>"… (unknown words: a document).
MessageKind kindOfWords(const QString &words)
{
    // Words of scripts written with spaces need one before them; the others (Arabic after its
    // article, Devanagari, Thai, Japanese, Chinese) may be anywhere: "ไม่มีรูปภาพ", "الصورة".
    const auto pattern = [](const QString &spaced, const QString &anywhere) {
        return QRegularExpression(QStringLiteral("(^|\\s)(%1)|%2").arg(spaced, anywhere), QRegularExpression::CaseInsensitiveOption);
    };
    static const QRegularExpression video = pattern(
        QStringLiteral("video|vídeo|vidéo|videó|видео|відео|wideo|gif"),
        QStringLiteral("فيديو|סרטון|वीडियो|วิดีโอ|動画|ビデオ|视频|影片|동영상"));
    static const QRegularExpression image = pattern(
        QStringLiteral("image|imagen|imagem|immagine|bild|foto|photo|изображение|зображення|фото|hình ảnh|ảnh|gambar|obrázek|"
                       "afbeelding|zdjęcie|obraz|görüntü|resim|fotoğraf|kép|imatge"),
        QStringLiteral("صورة|الصورة|תמונה|फ़ोटो|फोटो|छवि|तस्वीर|รูปภาพ|画像|写真|图片|圖片|사진"));
    static const QRegularExpression audio = pattern(
        QStringLiteral("audio|áudio|àudio|аудио|аудіо|âm thanh|suara|zvuk|geluid|ses"),
        QStringLiteral("صوت|שמע|ऑडियो|เสียง|音声|音频|오디오"));
    static const QRegularExpression sticker = pattern(
        QStringLiteral("sticker|figurinha|стикер|стікер|наліпк|наклейк|nhãn dán|stiker|nálepk|samolepk|autocollant|aufkleber|"
                       "adesivo|çıkartma|naklejk"),
        QStringLiteral("ملصق|الملصقات|מדבקה|स्टिकर|สติกเกอร์|スタンプ|贴纸|貼圖|스티커"));
    if (video.match(words).hasMatch()) // before images: "‏لم يتم إدراج صورة GIF"
        return MessageKind::Video;
    if (image.match(words).hasMatch())
        return MessageKind::Image;
    if (audio.match(words).hasMatch())
        return MessageKind::Audio;
    if (sticker.match(words).hasMatch())
        return MessageKind::Sticker;
    return MessageKind::Document;
}

QString folded(const QString &text)
{
    QString result = withoutMarks(text).trimmed().toLower();
    // Arabic short vowels, which some phones write in "حذَفت" and others leave out.
    result.removeIf([](QChar c) { return c.unicode() >= 0x064B && c.unicode() <= 0x0652; });
    while (result.endsWith(QLatin1Char('.')) || result.endsWith(QChar(u'。')))
        result.chop(1);
    return result;
}

// "This message was deleted" and "You deleted this message" as phones write them.
bool isDeletedNotice(const QString &text)
{
    static const QStringList notices{
        QStringLiteral("this message was deleted"), QStringLiteral("you deleted this message"),
        QStringLiteral("se eliminó este mensaje"), QStringLiteral("eliminaste este mensaje"),
        QStringLiteral("este mensaje fue eliminado"), QStringLiteral("has eliminado este mensaje"),
        QStringLiteral("mensagem apagada"), QStringLiteral("esta mensagem foi apagada"), QStringLiteral("você apagou esta mensagem"),
        QStringLiteral("esta mensagem foi eliminada"), QStringLiteral("eliminou esta mensagem"), QStringLiteral("apagou esta mensagem"),
        QStringLiteral("ce message a été supprimé"), QStringLiteral("vous avez supprimé ce message"),
        QStringLiteral("diese nachricht wurde gelöscht"), QStringLiteral("du hast diese nachricht gelöscht"),
        QStringLiteral("questo messaggio è stato eliminato"), QStringLiteral("hai eliminato questo messaggio"),
        QStringLiteral("dit bericht is verwijderd"), QStringLiteral("je hebt dit bericht verwijderd"),
        QStringLiteral("u hebt dit bericht verwijderd"),
        QStringLiteral("u heeft dit bericht verwijderd"),
        QStringLiteral("данное сообщение удалено"), QStringLiteral("вы удалили данное сообщение"),
        QStringLiteral("это сообщение удалено"), QStringLiteral("вы удалили это сообщение"),
        QStringLiteral("це повідомлення видалено"), QStringLiteral("це повідомлення було видалено"),
        QStringLiteral("ви видалили це повідомлення"),
        QStringLiteral("bu mesaj silindi"), QStringLiteral("bu mesajı sildiniz"),
        QStringLiteral("pesan ini telah dihapus"), QStringLiteral("pesan ini dihapus"), QStringLiteral("anda menghapus pesan ini"),
        QStringLiteral("mesej ini telah dipadam"), QStringLiteral("anda telah memadam mesej ini"),
        QStringLiteral("tin nhắn này đã bị xóa"), QStringLiteral("tin nhắn này đã bị xoá"),
        QStringLiteral("bạn đã xóa tin nhắn này"), QStringLiteral("bạn đã xoá tin nhắn này"),
        QStringLiteral("tato zpráva byla smazána"), QStringLiteral("tato zpráva byla odstraněna"),
        QStringLiteral("tuto zprávu jste odstranil/a"), QStringLiteral("tuto zprávu jste odstranil"),
        QStringLiteral("tuto zprávu jste odstranila"), QStringLiteral("tuto zprávu jste smazali"),
        QStringLiteral("tuto zprávu jste smazal/a"), QStringLiteral("tuto zprávu jste smazal"), QStringLiteral("tuto zprávu jste smazala"),
        QStringLiteral("ta wiadomość została usunięta"), QStringLiteral("usunięto tę wiadomość"),
        QStringLiteral("s'ha suprimit aquest missatge"), QStringLiteral("has suprimit aquest missatge"),
        QStringLiteral("تم حذف هذه الرسالة"), QStringLiteral("لقد حذفت هذه الرسالة"), QStringLiteral("حذفت هذه الرسالة"),
        QStringLiteral("أنت حذفت هذه الرسالة"),
        QStringLiteral("הודעה זו נמחקה"), QStringLiteral("מחקת את ההודעה הזו"),
        QStringLiteral("यह मैसेज हटा दिया गया था"), QStringLiteral("आपने यह मैसेज हटा दिया"),
        QStringLiteral("आपने यह मैसेज डिलीट किया"), QStringLiteral("यह मैसेज डिलीट कर दिया गया है"),
        QStringLiteral("このメッセージは削除されました"), QStringLiteral("メッセージを削除しました"),
        QStringLiteral("このメッセージを削除しました"),
        QStringLiteral("此消息已删除"), QStringLiteral("你删除了此消息"), QStringLiteral("此訊息已刪除"), QStringLiteral("你已刪除此訊息"),
        QStringLiteral("삭제된 메시지입니다"), QStringLiteral("메시지를 삭제했습니다"),
        QStringLiteral("ข้อความนี้ถูกลบแล้ว"), QStringLiteral("คุณลบข้อความนี้แล้ว"),
        QStringLiteral("คุณได้ลบข้อความนี้"),
        QStringLiteral("این پیام حذف شد"), QStringLiteral("شما این پیام را حذف کردید"),
    };
    return text.size() < 80 && notices.contains(folded(text));
}

// The end-to-end encryption notice, which older Android exports write under the group's or
// the chat's name as if someone had sent it.
bool isEncryptionNotice(const QString &text)
{
    static const QRegularExpression notice(
        QStringLiteral("end-to-end|extremo a extremo|ponta a ponta|ponta-a-ponta|ende-zu-ende|de bout en bout|сквозн|наскрізн|"
                       "uçtan uca|đầu cuối|koncov|منتهى|الطرفين|קצה לקצה|एंड-टू-एंड|エンドツーエンド|端到端|端對端|종단간|ต้นทางถึงปลายทาง"),
        QRegularExpression::CaseInsensitiveOption);
    return text.size() > 40 && notice.match(text).hasMatch();
}

// A call the phone noted ("‎Missed voice call", "‎Llamada perdida"): an event, not a message.
bool isCallNotice(const QString &plain)
{
    static const QRegularExpression call(
        QStringLiteral("call|llamada|chamada|appel|anruf|chiamata|звонок|дзвінок|panggilan|cuộc gọi|hovor|oproep|połączenie|"
                       "arama|trucada|مكالمة|שיחה|通話|通话|통화|การโทร|कॉल"),
        QRegularExpression::CaseInsensitiveOption);
    return call.match(plain).hasMatch();
}

const QRegularExpression &wordsOmitted()
{
    static const QRegularExpression pattern(
        QStringLiteral("^(\\S+(?:\\s\\S+)?)\\s(omitted|omitida|omitido|ocultad[oa]|ocult[oa]s?|omise?|weggelaten|weggelassen|"
                       "ausgeschlossen|omess[oa]|vynechán[oa]?|пропущено|опущено|пропущен|отсутствует|tidak disertakan|bị bỏ qua)$"),
        QRegularExpression::CaseInsensitiveOption);
    return pattern;
}

// What the phone wrote, after a left-to-right mark, under a name: a media placeholder
// ("‎<attached: …>", "‎IMG-….jpg (tệp đính kèm)", "‎image omitted", "‎hình ảnh bị bỏ qua"), or a
// notice (a sentence: "‎Messages and calls are end-to-end encrypted. …", "‎You blocked this
// contact.", or a group's "‎Ana left"). A file's name or known words are certain; a few other
// words are a placeholder only under the name of someone who writes (see isPerson()).
enum class Placeholder { No, Maybe, Certain };

// An iPhone's document, its name and pages before a mark: "Factura.pdf • 1 page ‎document omitted".
const QRegularExpression &documentOmitted()
{
    static const QRegularExpression pattern(QStringLiteral("^[\u200E\u200F]?(.+)\\s?[\u200E\u200F]([^\u200E\u200F\\s]+(?:\\s[^\u200E\u200F\\s]+){0,4})$"));
    return pattern;
}

// Whether the document line above names an omitted document: known words, or a file's name
// before words in any language ("Template.docx ‏لم يتم إدراج المستند").
bool isOmittedDocument(const QRegularExpressionMatch &document)
{
    static const QRegularExpression fileName(QStringLiteral("\\.[A-Za-z0-9]{2,5}(\\s|$)"));
    return document.hasMatch()
        && (wordsOmitted().match(document.captured(2)).hasMatch() || fileName.match(withoutMarks(document.captured(1))).hasMatch());
}

// A shared place, which iPhones write after a mark as "‎Location: https://maps.google.com/?q=…":
// the person's message.
bool isSharedPlace(const QString &plain)
{
    static const QRegularExpression place(QStringLiteral("^[^:]{2,24}: https?://\\S+$"));
    return place.match(plain).hasMatch();
}

Placeholder placeholderIn(const QString &line)
{
    const QString plain = withoutMarks(line).trimmed();
    static const QRegularExpression angled(QStringLiteral("^<[^<>]+>$"));
    static const QRegularExpression attached(QStringLiteral("^.+?\\.[A-Za-z0-9]{2,5} \\([^()]{3,40}\\)$"));
    if (angled.match(plain).hasMatch() || attached.match(plain).hasMatch() || wordsOmitted().match(plain).hasMatch())
        return Placeholder::Certain;
    if (isOmittedDocument(documentOmitted().match(line.trimmed())) || isSharedPlace(plain))
        return Placeholder::Certain;
    // Placeholders are a few words, with no punctuation and no emoji.
    static const QRegularExpression sentence(QStringLiteral("[.。,،:!?¿¡\"“”«»]"));
    const bool fewWords = plain.size() <= 48 && plain.count(QLatin1Char(' ')) <= 5;
    const bool emoji = std::any_of(plain.cbegin(), plain.cend(), [](QChar c) { return c.isSurrogate(); });
    return fewWords && !emoji && !sentence.match(plain).hasMatch() && !isCallNotice(plain) ? Placeholder::Maybe : Placeholder::No;
}

// iPhones start their placeholders and notices with a left-to-right mark, or a right-to-left
// one in right-to-left languages.
bool isMarked(const QString &text)
{
    for (const QChar c : text) {
        if (c == QChar(0x200E) || c == QChar(0x200F))
            return true;
        if (c != QLatin1Char(' '))
            return false;
    }
    return false;
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

struct AuthorAndText {
    QString author; // empty: no one wrote it
    QString text;
};

// "Name: text" (the name as the phone wrote it, without its marks and the "~" of a name that is
// not in the contacts), "Name:" with nothing after it, or a line with no one's name.
AuthorAndText splitAuthor(const QString &rest)
{
    const qsizetype colon = rest.indexOf(QLatin1String(": "));
    const qsizetype firstBreak = rest.indexOf(QLatin1Char('\n'));
    const auto cleanName = [](const QString &name) { return withoutMarks(name).remove(QLatin1Char('~')).trimmed(); };
    if (colon > 0 && colon <= 80 && (firstBreak < 0 || colon < firstBreak))
        return {cleanName(rest.left(colon)), rest.mid(colon + 2)};
    if (rest.endsWith(QLatin1Char(':')) && rest.size() <= 81 && firstBreak < 0)
        return {cleanName(rest.chopped(1)), {}};
    return {{}, rest};
}

} // namespace

struct ChatExportReader::Header {
    QString era;
    bool eraFirst = false; // "R4/09/23": the year is the first number
    bool bracketed = false;
    bool dashed = false;   // "… - Name: text", as Android writes it
    bool colon = false;    // "31/12/2012 23:59:59: Name: text", the oldest exports
    int d1 = 0, d2 = 0, d3 = 0;
    int d1Digits = 0, d2Digits = 0, d3Digits = 0;
    int hour = 0, minute = 0, second = 0;
    int halfDay = 0; // 0: a 24-hour clock; 1: before noon; 2: after noon
    bool upperCaseHalfDay = false; // "PM", as US English writes it
    QString rest;    // the original text after the header
};

ChatExportReader::ChatExportReader(QTimeZone zone, QLocale locale)
    : m_zone(std::move(zone))
    , m_locale(std::move(locale))
    , m_first(std::make_unique<Header>())
    , m_last(std::make_unique<Header>())
{
}

ChatExportReader::~ChatExportReader() = default;

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
    header->eraFirst = !header->era.isEmpty();
    if (header->era.isEmpty())
        header->era = match.captured(pattern->era3);
    if (header->era.isEmpty())
        header->era = match.captured(pattern->eraAfter);
    header->bracketed = match.capturedLength(pattern->open) > 0;
    header->dashed = match.capturedLength(pattern->dash) > 0;
    header->colon = match.capturedLength(pattern->colon) > 0;
    header->d1 = match.capturedView(pattern->d1).toInt();
    header->d1Digits = int(match.capturedLength(pattern->d1));
    header->d2 = match.capturedView(pattern->d2).toInt();
    header->d2Digits = int(match.capturedLength(pattern->d2));
    header->d3 = match.capturedView(pattern->d3).toInt();
    header->d3Digits = int(match.capturedLength(pattern->d3));
    header->hour = match.capturedView(pattern->hour).toInt();
    header->minute = match.capturedView(pattern->minute).toInt();
    header->second = match.capturedView(pattern->second).toInt();
    const QStringView pre = match.capturedView(pattern->pre);
    const QString ampm = match.captured(pattern->ampm);
    header->upperCaseHalfDay = ampm == QLatin1String("AM") || ampm == QLatin1String("PM");
    if (!pre.isEmpty())
        header->halfDay = (pre == u"午前" || pre == u"上午" || pre == u"오전") ? 1 : 2;
    else if (!ampm.isEmpty())
        header->halfDay = (ampm.startsWith(QLatin1Char('a'), Qt::CaseInsensitive) || ampm == QStringLiteral("ص")) ? 1 : 2;
    else
        header->halfDay = 0;
    const qsizetype restStart = match.capturedStart(pattern->rest);
    header->rest = line.mid(origin.isEmpty() ? restStart : origin.at(restStart));
    return true;
}

QDateTime ChatExportReader::timeOf(const Header &header) const
{
    int year = 0, month = 0, day = 0;
    const DateOrder order = header.eraFirst ? DateOrder::YearMonthDay : m_order;
    switch (order) {
    case DateOrder::YearMonthDay: year = header.d1; month = header.d2; day = header.d3; break;
    case DateOrder::DayMonthYear: day = header.d1; month = header.d2; year = header.d3; break;
    case DateOrder::MonthDayYear: month = header.d1; day = header.d2; year = header.d3; break;
    }
    int hour = header.hour;
    if (header.halfDay != 0) {
        // Some phones write a 24-hour time with its half of the day ("23:59 PM", "00:04 AM").
        const bool afternoon = header.halfDay == 2;
        if (hour <= 12)
            hour = hour % 12 + (afternoon ? 12 : 0);
        else if (!afternoon)
            return {}; // "13:00 AM"
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
    m_people.clear();
    m_chatName.clear();
    QHash<QString, qint64> authors, markedAuthors, markedSentences;
    qint64 yearFirst = 0, dayFirstEvidence = 0, monthFirstEvidence = 0;
    qint64 dayFirstBackwards = 0, monthFirstBackwards = 0, usIphone = 0, unpaddedDayOrMonth = 0, dashed = 0, colons = 0;
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
        if (++m_headers == 1)
            *m_first = header;
        dashed += header.dashed;
        colons += header.colon;
        if (header.d1Digits >= 3 || header.eraFirst) {
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
            // An iPhone in US English: "[1/2/21, 10:00:00 AM]".
            usIphone += header.bracketed && header.d3Digits == 2 && header.upperCaseHalfDay;
            unpaddedDayOrMonth += header.d1Digits == 1 || header.d2Digits == 1;
        }
        const AuthorAndText said = splitAuthor(header.rest);
        if (said.author.isEmpty())
            continue;
        if (isMarked(said.text) && !header.dashed) {
            const QString firstLine = said.text.section(QLatin1Char('\n'), 0, 0);
            if (placeholderIn(firstLine) != Placeholder::No || isDeletedNotice(firstLine))
                ++markedAuthors[said.author];
            else if (m_chatName.isEmpty() && (m_headers == 1 || isEncryptionNotice(said.text)))
                m_chatName = said.author; // iPhones write their notices under the chat's name
            else
                ++markedSentences[said.author];
        } else if (m_headers > 1 || !isEncryptionNotice(said.text)) {
            ++authors[said.author];
        }
    }
    if (m_headers == 0) {
        *error = tr("This is not a WhatsApp chat export: no line starts with a date and a time as \"Export chat\" writes them.");
        return false;
    }
    *m_last = header;
    m_fromAndroid = dashed * 2 > m_headers;
    m_colonForm = colons * 2 > m_headers;
    if (yearFirst * 2 > m_headers) {
        m_order = DateOrder::YearMonthDay;
        m_orderFrom = OrderEvidence::YearFirst;
    } else if (dayFirstEvidence > 0 && monthFirstEvidence == 0) {
        m_order = DateOrder::DayMonthYear;
        m_orderFrom = OrderEvidence::Numbers;
    } else if (monthFirstEvidence > 0 && dayFirstEvidence == 0) {
        m_order = DateOrder::MonthDayYear;
        m_orderFrom = OrderEvidence::Numbers;
    } else if (dayFirstBackwards != monthFirstBackwards) {
        m_order = dayFirstBackwards < monthFirstBackwards ? DateOrder::DayMonthYear : DateOrder::MonthDayYear;
        m_orderFrom = OrderEvidence::Direction;
    } else if (usIphone * 2 > m_headers && unpaddedDayOrMonth > 0) {
        m_order = DateOrder::MonthDayYear;
        m_orderFrom = OrderEvidence::PhoneConvention;
    } else {
        const QString format = m_locale.dateFormat(QLocale::ShortFormat);
        const qsizetype month = format.indexOf(QLatin1Char('M'));
        const qsizetype day = format.indexOf(QLatin1Char('d'));
        m_order = (month >= 0 && day >= 0 && month < day) ? DateOrder::MonthDayYear : DateOrder::DayMonthYear;
        m_orderFrom = OrderEvidence::Locale;
    }

    for (auto it = authors.cbegin(); it != authors.cend(); ++it)
        m_people.insert(it.key());
    for (auto it = markedAuthors.cbegin(); it != markedAuthors.cend(); ++it) {
        if (isPerson(it.key()))
            authors[it.key()] += it.value();
    }
    for (auto it = markedSentences.cbegin(); it != markedSentences.cend(); ++it) {
        if (isPerson(it.key()) && it.key() != m_chatName)
            authors[it.key()] += it.value();
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

bool ChatExportReader::isPerson(const QString &author) const
{
    return m_people.contains(author) || (!m_chatName.isEmpty() && author != m_chatName);
}

bool ChatExportReader::dateOrderIsAGuess() const
{
    return m_orderFrom == OrderEvidence::PhoneConvention || m_orderFrom == OrderEvidence::Locale
        || m_orderFrom == OrderEvidence::Direction;
}

void ChatExportReader::setDateOrder(DateOrder order)
{
    m_order = order;
}

QDateTime ChatExportReader::firstTime() const
{
    return m_headers > 0 ? timeOf(*m_first) : QDateTime();
}

QDateTime ChatExportReader::lastTime() const
{
    return m_headers > 0 ? timeOf(*m_last) : QDateTime();
}

void ChatExportReader::finishMessage(ExportedMessage &message)
{
    const AuthorAndText said = splitAuthor(message.text);
    message.author = said.author;
    QString text = said.text;

    // A line under no one's name is the phone's notice (the encryption notice, a number
    // change). So is one under the chat's or group's name: iPhones write their notices so
    // (after a left-to-right mark, as they also start their media placeholders), older Android
    // exports the encryption notice. A placeholder or a deleted message under a person's name
    // is that person's.
    bool marked = false;
    if (message.author.isEmpty()) {
        message.kind = MessageKind::System;
    } else if (isMarked(text)) {
        const QString firstLine = text.section(QLatin1Char('\n'), 0, 0);
        const Placeholder placeholder = placeholderIn(firstLine);
        if (m_fromAndroid) {
            // Android writes no notice under a name: marks there start the person's own text.
            marked = placeholder == Placeholder::Certain;
        } else if (isDeletedNotice(firstLine) || placeholder == Placeholder::Certain
                   || (placeholder == Placeholder::Maybe && isPerson(message.author))) {
            marked = true;
        } else if (!isPerson(message.author) || message.author == m_chatName) {
            message.kind = MessageKind::System;
        }
        // Else a person's own text that happens to start with a mark.
    } else if (message.line == m_firstLine && !isPerson(message.author) && isEncryptionNotice(text)) {
        message.kind = MessageKind::System;
    }
    if (message.kind == MessageKind::System) {
        message.author.clear();
        message.text = withoutMarks(text).trimmed();
        return;
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
    if (isDeletedNotice(text)) {
        message.deleted = true;
        message.text = withoutMarks(text).trimmed();
        return;
    }

    const qsizetype lineEnd = text.indexOf(QLatin1Char('\n'));
    const QString first = withoutMarks(lineEnd < 0 ? text : text.left(lineEnd)).trimmed();
    const QString following = lineEnd < 0 ? QString() : text.mid(lineEnd + 1);
    static const QRegularExpression iosAttached(QStringLiteral("^<[^:<>]{2,30}:\\s*([^<>]+)>$"));
    static const QRegularExpression androidAttached(QStringLiteral("^(.+?\\.[A-Za-z0-9]{2,5}) \\([^()]{3,40}\\)$"));
    static const QRegularExpression angleOmitted(QStringLiteral("^<([^<>]{3,60})>$"));
    // Media markers are short, and start with "<" or end with ")" or are a few words.
    const bool mayBeMedia = first.size() < 200
        && (marked || first.startsWith(QLatin1Char('<')) || first.endsWith(QLatin1Char(')')) || first.count(QLatin1Char(' ')) <= 3);
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
    QString caption = following;
    const QString rawFirst = (lineEnd < 0 ? text : text.left(lineEnd)).trimmed();
    const bool hasMark = rawFirst.contains(QChar(0x200E)) || rawFirst.contains(QChar(0x200F));
    if (const QRegularExpressionMatch document = hasMark ? documentOmitted().match(rawFirst) : QRegularExpressionMatch();
        isOmittedDocument(document)) {
        message.media = ExportedMessage::Media::Omitted;
        message.kind = MessageKind::Document;
        caption = withoutMarks(document.captured(1)).trimmed() + (following.isEmpty() ? QString() : QLatin1Char('\n') + following);
    } else if (mayBeMedia) {
        if (QRegularExpressionMatch match = iosAttached.match(first); match.hasMatch()) {
            attach(match.captured(1));
        } else if (match = androidAttached.match(first); match.hasMatch()) {
            attach(match.captured(1));
        } else if (match = wordsOmitted().match(first); match.hasMatch()) {
            message.media = ExportedMessage::Media::Omitted;
            message.kind = kindOfWords(match.captured(1));
        } else if (match = angleOmitted.match(first); match.hasMatch()) {
            message.media = ExportedMessage::Media::Omitted;
            message.kind = kindOfWords(match.captured(1));
        } else if (marked && isSharedPlace(first)) {
            text = first + (following.isEmpty() ? QString() : QLatin1Char('\n') + following);
        } else if (marked) {
            message.media = ExportedMessage::Media::Omitted;
            message.kind = kindOfWords(first);
        }
    }
    if (message.media == ExportedMessage::Media::Attached)
        message.kind = kindOfFile(message.attachment);
    message.text = message.media == ExportedMessage::Media::None ? text : caption;
    while (!message.text.isEmpty() && isInvisibleMark(message.text.front().unicode()))
        message.text.remove(0, 1);
    // The empty lines after a message (before the next, or at the end of the file) are not its.
    while (message.text.endsWith(QLatin1Char('\n')))
        message.text.chop(1);
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
        // "15/03/2021 10:00: recogida" inside a message is text, unless the file is written so.
        if (parseHeader(line, &header) && (!header.colon || m_colonForm)) {
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
            if (!started)
                m_firstLine = number;
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
