#include "medialimits.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

namespace Mostrador::MediaLimits {

namespace {

struct Rule {
    MessagePayloads::MediaType type;
    QStringList mimeTypes;
    qint64 maxBytes;
};

constexpr qint64 kMB = 1024 * 1024;

const QList<Rule> &rules()
{
    using Type = MessagePayloads::MediaType;
    static const QList<Rule> all{
        {Type::Image, {QStringLiteral("image/jpeg"), QStringLiteral("image/png")}, 5 * kMB},
        {Type::Sticker, {QStringLiteral("image/webp")}, 100 * 1024},
        {Type::Video, {QStringLiteral("video/mp4"), QStringLiteral("video/3gpp")}, 16 * kMB},
        {Type::Audio, {QStringLiteral("audio/aac"), QStringLiteral("audio/amr"), QStringLiteral("audio/mpeg"), QStringLiteral("audio/mp4"),
                       QStringLiteral("audio/ogg")}, 16 * kMB},
        {Type::Document, {QStringLiteral("application/pdf"), QStringLiteral("text/plain"), QStringLiteral("application/msword"),
                          QStringLiteral("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                          QStringLiteral("application/vnd.ms-excel"),
                          QStringLiteral("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                          QStringLiteral("application/vnd.ms-powerpoint"),
                          QStringLiteral("application/vnd.openxmlformats-officedocument.presentationml.presentation")},
         100 * kMB},
    };
    return all;
}

} // namespace

Verdict check(const QString &mimeType, qint64 size)
{
    const QString type = mimeType.section(QLatin1Char(';'), 0, 0).trimmed().toLower();
    for (const Rule &rule : rules()) {
        if (!rule.mimeTypes.contains(type))
            continue;
        if (size > rule.maxBytes) {
            const QLocale locale;
            return {std::nullopt, QCoreApplication::translate("MediaLimits", "This file is %1; WhatsApp accepts up to %2 for this kind of file.")
                                      .arg(locale.formattedDataSize(size), locale.formattedDataSize(rule.maxBytes))};
        }
        if (size <= 0)
            return {std::nullopt, QCoreApplication::translate("MediaLimits", "This file is empty.")};
        return {rule.type, QString()};
    }
    return {std::nullopt, QCoreApplication::translate("MediaLimits",
                                                      "WhatsApp does not accept this kind of file (%1). Photos (JPEG, PNG), videos (MP4), "
                                                      "audio and documents such as PDF, Word or Excel can be sent.")
                              .arg(type.isEmpty() ? QStringLiteral("?") : type)};
}

} // namespace Mostrador::MediaLimits
