#include "apphistorysync.h"

#include "api/apijob.h"
#include "api/cloudapiclient.h"
#include "mainwindow/mainwindow.h"
#include "services/shopservices.h"
#include "db/settingsstore.h"
#include "webhook/webhookingestor.h"

#include <QDateTime>
#include <QMessageBox>

namespace Mostrador {

namespace {

const QString kRequestedAt = QStringLiteral("coexistence/history_requested_at");

} // namespace

AppHistorySync::AppHistorySync(ShopServices &shop, MainWindow &window, QObject *parent)
    : QObject(parent)
    , m_shop(shop)
    , m_window(window)
{
    connect(&shop.ingestor(), &WebhookIngestor::historyStored, this, [this] {
        m_activeHere = true;
        update();
    });
    update();
}

bool AppHistorySync::wasRequested() const
{
    StoreError error;
    return SettingsStore(m_shop.database()).read(kRequestedAt, &error).contains(kRequestedAt);
}

QString AppHistorySync::status() const
{
    StoreError error;
    const QMap<QString, QString> values = SettingsStore(m_shop.database()).read(QStringLiteral("coexistence/"), &error);
    if (values.value(QStringLiteral("coexistence/history_declined")) == QLatin1String("1"))
        return tr("The WhatsApp Business app's history was not shared: the owner declined on the phone.");
    const QString progress = values.value(QStringLiteral("coexistence/history_progress"));
    if (progress.toInt() >= 100)
        return tr("History from the WhatsApp Business app: all here.");
    if (!progress.isEmpty())
        return tr("Bringing your history from the WhatsApp Business app: %1 %").arg(progress.toInt());
    if (values.contains(kRequestedAt))
        return tr("History from the WhatsApp Business app: asked, waiting for Meta…");
    return {};
}

void AppHistorySync::update()
{
    // Said while it is on its way, and when it ended in this session; a finished sync from an
    // earlier day is not news.
    const QString text = status();
    StoreError error;
    const bool finished = SettingsStore(m_shop.database())
                              .read(QStringLiteral("coexistence/history_progress"), &error)
                              .value(QStringLiteral("coexistence/history_progress"))
                              .toInt() >= 100;
    m_window.setSyncStatus(m_activeHere || (!finished && !text.isEmpty()) ? text : QString());
}

void AppHistorySync::askAndRequest()
{
    const auto answer = QMessageBox::question(
        &m_window, tr("Bring history from the WhatsApp Business app"),
        tr("Meta will ask the owner's phone to share the WhatsApp Business app's contacts and up to 180 days of its chats "
           "(not groups; photos and files of the last 14 days only). It can be asked only once for this number: if the "
           "owner declines on the phone, it cannot be asked again.\n\nAsk now?"),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes)
        request();
}

void AppHistorySync::request()
{
    m_activeHere = true;
    GraphJob *contacts = m_shop.client().requestAppSync(QStringLiteral("smb_app_state_sync"));
    connect(contacts, &ApiJob::finished, this, [this, contacts] {
        if (!contacts->succeeded()) {
            m_window.showProblem(tr("Meta did not take the request for the WhatsApp Business app's contacts: %1")
                                     .arg(contacts->error()->userMessage()));
            return;
        }
        GraphJob *history = m_shop.client().requestAppSync(QStringLiteral("history"));
        connect(history, &ApiJob::finished, this, [this, history] {
            if (!history->succeeded()) {
                m_window.showProblem(tr("Meta did not take the request for the WhatsApp Business app's history: %1")
                                         .arg(history->error()->userMessage()));
                return;
            }
            const StoreError noted = SettingsStore(m_shop.database())
                                         .write({{kRequestedAt, QString::number(QDateTime::currentMSecsSinceEpoch())}});
            if (noted.isError())
                m_window.showProblem(tr("Meta took the request for the app's history, but this computer could not note it: %1")
                                         .arg(noted.userMessage));
            update();
        });
    });
}

} // namespace Mostrador
