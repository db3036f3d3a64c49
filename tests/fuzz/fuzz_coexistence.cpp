// The WhatsApp Business app's past and contacts (coexistence): the input is the `value` of a
// `history` or a `smb_app_state_sync` change (the first byte chooses which), wrapped in the
// webhook Meta sends, parsed and stored by the ingestor into a real SQLite store.
#include "fuzzsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Mostrador;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const QJsonDocument value = QJsonDocument::fromJson(Fuzzing::bytes(data + 1, size - 1));
    if (!value.isObject())
        return 0;
    const QString field = data[0] % 2 ? QStringLiteral("smb_app_state_sync") : QStringLiteral("history");
    const QJsonObject change{{QStringLiteral("field"), field}, {QStringLiteral("value"), value.object()}};
    const QJsonObject entry{{QStringLiteral("id"), QStringLiteral("102290129340398")},
                            {QStringLiteral("changes"), QJsonArray{change}}};
    const QJsonObject webhook{{QStringLiteral("object"), QStringLiteral("whatsapp_business_account")},
                              {QStringLiteral("entry"), QJsonArray{entry}}};
    Fuzzing::ShopStore::instance().receive(QJsonDocument(webhook).toJson(QJsonDocument::Compact));
    return 0;
}
