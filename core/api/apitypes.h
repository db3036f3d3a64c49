#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Mostrador {

// Typed views of the Cloud API's answers. Each fromJson accepts what the spec documents and
// tolerates missing fields.

struct MediaInfo {
    QString id;
    QString url;
    QString mimeType;
    QString sha256;
    qint64 fileSize = 0;

    [[nodiscard]] static MediaInfo fromJson(const QJsonObject &json);
};

struct BusinessProfile {
    QString about;
    QString address;
    QString description;
    QString email;
    QStringList websites;
    QString vertical;
    QString profilePictureUrl;
    QString profilePictureHandle; // to change the photo: a handle from ResumableUploadJob

    // Accepts {"data":[{...}]} and the spec example's {"data":[{"business_profile":{...}}]}.
    [[nodiscard]] static BusinessProfile fromJson(const QJsonObject &json);
    // The POST body: messaging_product plus the fields.
    [[nodiscard]] QJsonObject toUpdateJson() const;
};

struct PhoneNumberInfo {
    QString id;
    QString displayPhoneNumber;
    QString verifiedName;
    QString qualityRating;
    QString nameStatus;
    QString codeVerificationStatus;
    QString throughputLevel;    // STANDARD (80 messages a second), HIGH (1,000) or NOT_APPLICABLE
    QString messagingLimitTier; // the portfolio's: TIER_250, TIER_2K, TIER_10K, TIER_100K, TIER_UNLIMITED

    // Messages a second the number may send; Meta's default when it did not say.
    [[nodiscard]] int messagesPerSecond() const;
    // New customers the number may write to first in 24 hours; nothing when unlimited or unknown.
    [[nodiscard]] std::optional<int> customersPerDay() const;

    [[nodiscard]] static PhoneNumberInfo fromJson(const QJsonObject &json);
};

struct MessageTemplate {
    QString id;
    QString name;
    QString language;
    QString status;
    QString category;
    QString bodyText;      // the BODY component's text, with {{1}} placeholders
    int bodyParameterCount = 0;
    QJsonArray components;
    QString quality;        // GREEN, YELLOW, RED or UNKNOWN
    QString rejectedReason; // Meta's reason when REJECTED (e.g. INVALID_FORMAT), "NONE" otherwise

    [[nodiscard]] QString headerText() const;  // a TEXT header's text; empty for none or media
    [[nodiscard]] QString headerFormat() const; // TEXT, IMAGE, VIDEO, DOCUMENT or empty
    [[nodiscard]] QString footerText() const;
    [[nodiscard]] QStringList buttonTexts() const;

    [[nodiscard]] bool isApproved() const { return status == QLatin1String("APPROVED"); }
    [[nodiscard]] static MessageTemplate fromJson(const QJsonObject &json);
};

struct TemplatesPage {
    QList<MessageTemplate> templates;
    QString nextCursor; // empty on the last page

    [[nodiscard]] static TemplatesPage fromJson(const QJsonObject &json);
};

} // namespace Mostrador
