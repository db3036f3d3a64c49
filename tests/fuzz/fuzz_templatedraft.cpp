// Templates as Meta's Graph API answers them (GET /{waba}/message_templates), read into
// Mostrador's template and then into an editable draft, as Shop ▸ Templates does.
#include "api/apitypes.h"
#include "api/templatedraft.h"
#include "fuzzsupport.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Mostrador;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QJsonDocument json = QJsonDocument::fromJson(Fuzzing::bytes(data, size));
    if (!json.isObject())
        return 0;
    const TemplatesPage page = TemplatesPage::fromJson(json.object());
    for (const MessageTemplate &each : page.templates)
        (void)TemplateDraft::fromTemplate(each).problems();
    (void)TemplateDraft::fromTemplate(MessageTemplate::fromJson(json.object())).problems();
    return 0;
}
