#include "templatelibrary.h"

#include "api/apijob.h"
#include "api/cloudapiclient.h"
#include "api/resumableuploadjob.h"

namespace Mostrador {

TemplateLibrary::TemplateLibrary(CloudApiClient &client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
}

void TemplateLibrary::load()
{
    m_loading.clear();
    loadPage({});
}

void TemplateLibrary::loadPage(const QString &cursor)
{
    GraphJob *job = m_client.templates(cursor);
    connect(job, &ApiJob::finished, this, [this, job] {
        if (!job->succeeded()) {
            Q_EMIT failed(*job->error());
            return;
        }
        const TemplatesPage page = TemplatesPage::fromJson(job->response());
        m_loading += page.templates;
        if (page.nextCursor.isEmpty() || page.templates.isEmpty())
            Q_EMIT loaded(m_loading);
        else
            loadPage(page.nextCursor);
    });
}

void TemplateLibrary::submit(TemplateDraft draft, const QByteArray &headerFile, const QString &mimeType, const QString &fileName)
{
    if (draft.header == TemplateDraft::Header::None || draft.header == TemplateDraft::Header::Text || headerFile.isEmpty()) {
        create(draft);
        return;
    }
    ResumableUploadJob *upload = m_client.uploadForHandle(headerFile, mimeType, fileName);
    connect(upload, &ApiJob::finished, this, [this, upload, draft]() mutable {
        if (!upload->succeeded()) {
            Q_EMIT failed(*upload->error());
            return;
        }
        draft.headerMediaHandle = upload->handle();
        create(draft);
    });
}

void TemplateLibrary::create(const TemplateDraft &draft)
{
    GraphJob *job = m_client.createTemplate(draft.toCreateJson());
    connect(job, &ApiJob::finished, this, [this, job] {
        if (!job->succeeded()) {
            Q_EMIT failed(*job->error());
            return;
        }
        const QJsonObject answer = job->response();
        Q_EMIT submitted(Submitted{answer.value(QLatin1String("id")).toString(), answer.value(QLatin1String("status")).toString(),
                                   answer.value(QLatin1String("category")).toString()});
    });
}

void TemplateLibrary::remove(const QString &name)
{
    GraphJob *job = m_client.deleteTemplate(name);
    connect(job, &ApiJob::finished, this, [this, job, name] {
        if (!job->succeeded()) {
            Q_EMIT failed(*job->error());
            return;
        }
        Q_EMIT removed(name);
    });
}

} // namespace Mostrador
