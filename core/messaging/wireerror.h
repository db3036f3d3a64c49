#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace Mostrador {

// An error from the Cloud API (or from reaching it), classified by what Mostrador should do
// about it. The classification keys on `error.code`, never on the message text.
struct WireError {
    Q_DECLARE_TR_FUNCTIONS(WireError)

public:
    enum class Category {
        Auth,            // 0, 190 and HTTP 401: the token is wrong or expired
        RateLimited,     // 4, 80007, 130429, 131056, 131048: wait and try again
        OutsideWindow,   // 131047: more than 24 h since the customer wrote; a template is needed
        Undeliverable,   // 131026: the number cannot receive the message
        Template,        // 132000-132016: template missing, not approved or wrong parameters
        Media,           // 131052, 131053 and friends: the file could not be uploaded or fetched
        PolicyBlock,     // 368, 131031: the account is restricted
        InvalidRequest,  // 100 and other 4xx: the request itself is wrong
        Network,         // no answer: connection refused, timeout, DNS
        Server,          // 1, 2, 131000, 5xx: Meta's side failed
    };

    // The business declined, on its phone, to share the WhatsApp Business app's history.
    static constexpr int kHistorySharingDeclined = 2593109;

    Category category = Category::Server;
    int httpStatus = 0;
    int code = 0;
    int subcode = 0;
    QString title;       // error.error_data.details or error.message, as received
    QString message;     // error.message
    QString details;     // error.error_data.details
    QString fbtraceId;
    std::optional<int> retryAfterSeconds;

    // Builds the error from an API error object ({"message","type","code",...}).
    [[nodiscard]] static WireError fromJson(const QJsonObject &error, int httpStatus);
    [[nodiscard]] static WireError network(const QString &reason);
    // The refusal WhatsApp gives (131047) to free-form messages once the 24-hour window closed;
    // also what Mostrador says itself when it knows the window is closed before sending.
    [[nodiscard]] static WireError outsideWindow(const QString &reason);
    [[nodiscard]] static Category categorize(int code, int httpStatus);

    // Whether this error code means the 24-hour window is closed (a template is needed).
    [[nodiscard]] static bool meansWindowClosed(int code) { return categorize(code, 0) == Category::OutsideWindow; }

    // Whether sending again later can succeed without the user changing anything.
    [[nodiscard]] bool isRetryable() const;

    // One or two plain sentences for the shop owner, in the current language.
    [[nodiscard]] QString userMessage() const;
    // Why a message to one customer was not delivered, in a few plain words, for a campaign's
    // results ("not delivered to keep engagement healthy" for 131049…); empty for codes it does not know.
    [[nodiscard]] static QString deliveryReason(int code);

    // Everything, for the log (never contains the token).
    [[nodiscard]] QString logText() const;

    [[nodiscard]] QJsonObject toJson() const;
};

[[nodiscard]] QString categoryName(WireError::Category category);

} // namespace Mostrador
