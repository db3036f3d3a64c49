#pragma once

#include "api/apitypes.h"
#include "api/templatedraft.h"
#include "messaging/wireerror.h"

#include <QObject>

namespace Mostrador {

class CloudApiClient;

// The number's templates on Meta's side: every page of the list, a new one submitted for
// review (its header's example file uploaded first), one deleted. Each call answers with one
// signal.
class TemplateLibrary final : public QObject
{
    Q_OBJECT

public:
    explicit TemplateLibrary(CloudApiClient &client, QObject *parent = nullptr);

    void load();
    // With a media header, `headerFile` is the example's bytes (sent through the Resumable Upload API).
    void submit(TemplateDraft draft, const QByteArray &headerFile = {}, const QString &mimeType = {},
                const QString &fileName = {});
    void remove(const QString &name);

    struct Submitted {
        QString id;
        QString status;   // PENDING, APPROVED (Meta approves some at once), REJECTED
        QString category; // Meta may have chosen another
    };

Q_SIGNALS:
    void loaded(const QList<Mostrador::MessageTemplate> &templates);
    void submitted(const Mostrador::TemplateLibrary::Submitted &result);
    void removed(const QString &name);
    void failed(const Mostrador::WireError &error);

private:
    void loadPage(const QString &cursor);
    void create(const TemplateDraft &draft);

    CloudApiClient &m_client;
    QList<MessageTemplate> m_loading;
};

} // namespace Mostrador
