#include "demosession.h"

#include "demochatexport.h"
#include "import/chatimport.h"
#include "media/mediadownloader.h"

#include "api/cloudapiclient.h"
#include "automation/autoresponder.h"
#include "automation/quickreplies.h"
#include "outbox/messagesender.h"
#include "sandbox/demohistory.h"
#include "sandbox/sandboxserver.h"
#include "sandbox/simulatedcustomers.h"
#include "services/shopservices.h"
#include "campaigns/campaignplan.h"
#include "campaigns/campaignscheduler.h"
#include "reports/ratecard.h"
#include "sandbox/sandboxcatalog.h"
#include "campaigns/campaignstore.h"
#include "campaigns/consentstore.h"
#include "commerce/catalogstore.h"
#include "commerce/orderstore.h"
#include "commerce/catalogsync.h"
#include "webhook/webhookreceiver.h"

#include <QEventLoop>
#include <QFile>
#include <QLoggingCategory>
#include <QTimer>
#include <QUuid>

namespace Mostrador {

namespace {

Q_LOGGING_CATEGORY(lcDemo, "mostrador.demo")

// The demo's store is a scratch file: a part it could not write is missing from the demo, said in the log.
void demoLacks(const StoreError &error, const char *part)
{
    if (error.isError())
        qCWarning(lcDemo) << "the demo has no" << part << ":" << error.detail;
}

// Messages played at once so the demo opens on a shop that is already busy.
constexpr int kOpeningMessages = 14;
constexpr double kMessagesPerMinute = 4;

} // namespace

DemoSession::DemoSession(QObject *parent)
    : QObject(parent)
{
}

DemoSession::~DemoSession() = default;

quint16 DemoSession::sandboxPort() const
{
    return m_sandbox ? m_sandbox->port() : 0;
}

ConnectionSettings DemoSession::connection() const
{
    ConnectionSettings settings;
    const ApiConfig &config = m_shop->client().config();
    settings.phoneNumberId = config.phoneNumberId;
    settings.wabaId = config.wabaId;
    settings.appId = config.appId;
    settings.graphUrl = config.baseUrl.toString() + QLatin1Char('/') + config.apiVersion;
    settings.receiverPort = 8080;
    return settings;
}

ConnectionSecrets DemoSession::secrets() const
{
    return m_secrets;
}

bool DemoSession::start(QString *error)
{
    if (!m_directory.isValid()) {
        *error = tr("The demo could not create its temporary folder: %1").arg(m_directory.errorString());
        return false;
    }
    // Fresh secrets each run: the demo signs and checks webhooks exactly like a real number.
    const QByteArray secret = QUuid::createUuid().toByteArray(QUuid::Id128);
    const QString token = QUuid::createUuid().toString(QUuid::Id128);
    SandboxServer::Settings sandboxSettings;
    sandboxSettings.appSecret = secret;
    sandboxSettings.accessToken = token;

    m_shop = ShopServices::open(StoreLocation::parse(m_directory.filePath(QStringLiteral("demo.db"))), sandboxSettings.clientConfig(),
                               m_directory.filePath(QStringLiteral("media")), ShopServices::Runner::ThisComputer, error);
    if (!m_shop)
        return false;

    const auto receiverSettings = WebhookReceiver::Settings::forShop(secret, ConnectionSecrets::proposeVerifyToken());
    m_secrets = {token, secret, receiverSettings.verifyToken};
    m_receiver = std::make_unique<WebhookReceiver>(receiverSettings, m_shop->ingestor());
    const quint16 receiverPort = m_receiver->listen(QHostAddress::LocalHost, 0);

    sandboxSettings.webhookUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/webhook").arg(receiverPort));
    m_sandbox = std::make_unique<SandboxServer>(sandboxSettings, m_shop->clock());
    if (!receiverPort || !m_sandbox->listen(QHostAddress::LocalHost, 0)) {
        *error = tr("The demo could not open its local ports on 127.0.0.1.");
        return false;
    }
    m_shop->client().setConfig(m_sandbox->clientConfig());

    armAutomaticReplies();
    seedQuickReplies();
    demoLacks(DemoHistory::write(m_shop->database(), m_shop->automation().hours, m_shop->clock().now()), "past weeks for the reports");
    // The demo shop is in Bogotá: numbers typed without +57 are Colombian.
    demoLacks(m_shop->setRegion(QStringLiteral("CO")), "region");
    importLuciasPast();
    readTheCatalog();
    m_customers = std::make_unique<SimulatedCustomers>(*m_sandbox);
    seedPastOrders();
    for (int i = 0; i < kOpeningMessages; ++i)
        m_customers->sendNext();
    showTheWindowRule();
    showCustomersAsWhatsAppNamesThem();
    m_customers->setPace(kMessagesPerMinute);
    m_customers->start();
    sendACampaign();
    return true;
}

// The shop's catalog on WhatsApp, read before any customer sends a cart from it (a few hundred
// milliseconds on 127.0.0.1), so carts arrive with names and photos.
void DemoSession::readTheCatalog()
{
    QEventLoop wait;
    connect(&m_shop->catalog(), &CatalogSync::finished, &wait, &QEventLoop::quit);
    QTimer::singleShot(5000, &wait, &QEventLoop::quit);
    m_shop->catalog().refresh();
    wait.exec();
}

// What the shop sold before today: Lucía's candles last month (delivered), and orders at each
// stage for other customers of the past weeks, written down as each of them first writes today
// (so no empty conversation waits in the inbox), so the panel and Shop ▸ Orders have a history.
void DemoSession::seedPastOrders()
{
    struct Past {
        QList<std::pair<QString, int>> lines;
        int daysAgo;
        OrderStage stage;
        QString tracking;
    };
    static const QHash<QString, Past> past{
        {QStringLiteral("573001112233"), {{{QStringLiteral("vela-soja"), 2}, {QStringLiteral("taza-gres"), 2}}, 34, OrderStage::Delivered, QStringLiteral("SERVI-7781204")}},
        {QStringLiteral("573104455667"), {{{QStringLiteral("taza-gres"), 4}}, 9, OrderStage::Delivered, QStringLiteral("INTER-220931")}},
        {QStringLiteral("573187766554"), {{{QStringLiteral("manta-lana"), 1}}, 21, OrderStage::Delivered, QStringLiteral("SERVI-7700123")}},
        {QStringLiteral("573205566778"), {{{QStringLiteral("alfombra-rombo"), 1}}, 3, OrderStage::Shipped, QStringLiteral("SERVI-7790051")}},
        {QStringLiteral("5215512345678"), {{{QStringLiteral("manta-lana"), 1}, {QStringLiteral("cojin-mostaza"), 2}}, 1, OrderStage::Paid, QString()}},
        {QStringLiteral("34633445566"), {{{QStringLiteral("jarron-ceramica"), 1}}, 2, OrderStage::PendingPayment, QString()}},
        {QStringLiteral("447700900123"), {{{QStringLiteral("lampara-nube"), 1}}, 6, OrderStage::Cancelled, QString()}},
    };
    const auto seed = [this](const QString &waId) {
        const auto found = past.constFind(waId);
        if (found == past.constEnd() || m_seededOrders.contains(waId))
            return;
        m_seededOrders.insert(waId);
        StoreError error;
        const auto conversation = m_shop->sender().conversationWith(waId, &error);
        if (!conversation)
            return;
        CatalogStore catalog(m_shop->database());
        QList<OrderLine> lines;
        for (const auto &[retailerId, quantity] : found->lines) {
            OrderLine line;
            line.retailerId = retailerId;
            line.quantity = quantity;
            if (const auto product = catalog.find(retailerId, &error)) {
                line.name = product->name;
                line.imagePath = product->imagePath;
                line.unitCents = product->priceCents.value_or(0);
                line.currency = product->currency;
            }
            lines << line;
        }
        OrderStore orders(m_shop->database());
        const QDateTime at = m_shop->clock().now().addDays(-found->daysAgo);
        if (const auto id = orders.addByHand(*conversation, lines, {}, at, &error))
            demoLacks(orders.setStage(*id, found->stage, at.addSecs(3 * 3600), found->tracking), "order stage");
    };
    seed(QStringLiteral("573001112233")); // her past is in the store already
    connect(m_customers.get(), &SimulatedCustomers::customerWrote, this, [seed](const QString &waId) { seed(waId); });
}

// Writing first: a campaign of the winter blankets to the demo's customers and a few numbers
// from a spreadsheet (one WhatsApp holds marketing back from, one without WhatsApp, one who
// asked for no more promotions); and Meta moving a "utility" template to marketing.
void DemoSession::sendACampaign()
{
    QFile list(m_directory.filePath(QStringLiteral("clientes-invierno.csv")));
    if (!list.open(QIODevice::WriteOnly))
        return;
    list.write("Nombre;Celular\n");
    // The shop's past customers (the reports' history) have WhatsApp too, as far as the sandbox knows.
    StoreError error;
    CampaignStore campaigns(m_shop->database());
    QStringList played;
    for (const SandboxServer::Customer &customer : m_sandbox->customers())
        played << customer.waId;
    for (const CampaignCandidate &known : campaigns.matching(QString(), &error)) {
        if (!known.waId.isEmpty() && !played.contains(known.waId))
            m_sandbox->addCustomer(known.waId, known.name);
    }
    for (const SandboxServer::Customer &customer : m_sandbox->customers()) {
        if (!customer.waId.isEmpty())
            list.write(QStringLiteral("%1;+%2\n").arg(customer.name, customer.waId).toUtf8());
    }
    m_sandbox->addCustomer(QStringLiteral("573118880149"), QStringLiteral("Marta Ruiz"));
    list.write("Marta Ruiz;311 888 0149\nFelipe Cano;300 000 1234\nRosa Díaz;312 444 5566\n");
    list.close();
    const QDateTime now = m_shop->clock().now();
    // Rosa and one of the customers who write asked for no more promotions.
    QStringList askedNot{QStringLiteral("573124445566")};
    for (const SandboxServer::Customer &customer : m_sandbox->customers()) {
        if (!customer.waId.isEmpty() && customer.name == QLatin1String("Diego Torres"))
            askedNot << customer.waId;
    }
    for (const CampaignCandidate &asked : campaigns.byNumbers(askedNot, now, true, &error))
        demoLacks(ConsentStore(m_shop->database()).customerSaysNo(asked.customerId, QStringLiteral("message: BAJA"), now),
                  "customer who said BAJA");

    CampaignAudience audience;
    audience.kind = CampaignAudience::Kind::List;
    audience.listPath = list.fileName();
    QString problem;
    const QList<MessageTemplate> catalog = SandboxCatalog::templates();
    const auto chosen = std::find_if(catalog.cbegin(), catalog.cend(), [](const MessageTemplate &t) { return t.name == QLatin1String("novedades_hogar"); });
    const auto plan = CampaignPlan::make(m_shop->database(), audience, {QStringLiteral("{first_name}")}, {QStringLiteral("1")},
                                         chosen->category, RateCard::shipped(), QStringLiteral("CO"), now, &problem);
    if (!plan)
        return;
    Campaign campaign;
    campaign.name = tr("Winter blankets");
    campaign.templateName = chosen->name;
    campaign.templateLanguage = chosen->language;
    campaign.templateCategory = chosen->category;
    campaign.templateBody = chosen->bodyText;
    campaign.parameters = {QStringLiteral("{first_name}")};
    campaign.audience = audience.describe();
    campaign.perSecond = 10; // beside the customers' replies, within the sandbox's 20 a second
    campaign.createdAt = now;
    if (!campaigns.create(campaign, plan->recipients, &error))
        demoLacks(error, "campaign");
    m_shop->campaigns().pollSoon();
    QTimer::singleShot(4000, this, [this] {
        m_sandbox->recategoriseTemplate(QStringLiteral("recordatorio_pago"), QStringLiteral("es"), QStringLiteral("MARKETING"));
    });
}

// Lucía's chats from before the shop had Mostrador, as the phone exported them.
void DemoSession::importLuciasPast()
{
    const QString exported = DemoChatExport::writeLucia(m_directory.filePath(QStringLiteral("exports")), QDate::currentDate());
    ChatImport::Settings settings;
    settings.me = QStringLiteral("Casa Nube");
    settings.phone = QStringLiteral("+57 300 111 2233");
    settings.defaultRegion = QStringLiteral("CO");
    settings.zone = m_shop->automation().hours.zone();
    settings.locale = QLocale(QLocale::Spanish, QLocale::Colombia);
    settings.mediaFolder = m_shop->media().folder();
    settings.businessNumberId = m_shop->client().config().phoneNumberId;
    ChatImport import(m_shop->database(), settings);
    ChatImport::Summary summary;
    QString problem;
    if (exported.isEmpty() || !import.run({exported}, &summary, &problem))
        qWarning("demo: Lucía's past was not imported: %s", qPrintable(problem));
}

QString DemoSession::sampleChatExport() const
{
    return DemoChatExport::writeSuppliers(m_directory.filePath(QStringLiteral("exports")), QDate::currentDate());
}

// The demo shop greets new customers and, outside its hours (Monday to Saturday 9–13 and 16–20
// on this PC's clock), says when it opens.
void DemoSession::armAutomaticReplies()
{
    ShopAutomation automation;
    for (int day = Qt::Monday; day <= Qt::Saturday; ++day)
        automation.hours.setDay(Qt::DayOfWeek(day), {{QTime(9, 0), QTime(13, 0)}, {QTime(16, 0), QTime(20, 0)}});
    automation.hours.addClosedDate(QDate(QDate::currentDate().year(), 12, 25));
    AutoResponder::Settings &settings = automation.replies;
    settings.shopName = QStringLiteral("Casa Nube");
    settings.greetingEnabled = true;
    settings.greetingText = QStringLiteral("¡Hola {nombre}! Gracias por escribir a {tienda}. Enseguida te atendemos.");
    settings.awayEnabled = true;
    settings.awayText = QStringLiteral("Ahora estamos cerrados. Abrimos de lunes a sábado de 9 a 13 y de 16 a 20; te respondemos en cuanto abramos.");
    settings.greetingTextEnglish = QStringLiteral("Hi {name}! Thanks for writing to {shop}. We'll be with you shortly.");
    settings.awayTextEnglish = QStringLiteral("We're closed right now. We open Monday to Saturday 9–13 and 16–20 and will answer as soon as we open.");
    demoLacks(m_shop->setAutomation(automation), "automatic replies");
}

// The answers a home-goods shop gives all day, ready after "/".
void DemoSession::seedQuickReplies()
{
    QuickReplyStore replies(m_shop->database());
    StoreError error;
    for (const QuickReply &reply :
         {QuickReply{0, QStringLiteral("envio"), QStringLiteral("Envío a Bogotá"),
                     QStringLiteral("Hola {nombre}, el envío a Bogotá cuesta $12.000 y llega en 1 o 2 días hábiles."), 0, {}},
          QuickReply{0, QStringLiteral("pago"), QStringLiteral("Medios de pago"),
                     QStringLiteral("Puedes pagar por Nequi, Daviplata o transferencia. Te envío los datos cuando confirmes el pedido."), 0, {}},
          QuickReply{0, QStringLiteral("datospago"), QStringLiteral("Datos de pago"),
                     QStringLiteral("¡Gracias {nombre}! Puedes pagar por Nequi al 300 000 0000 (Casa Nube) o por transferencia a Bancolombia "
                                    "ahorros 123-456789-01. Cuando pagues, envíanos el comprobante por aquí 🙏"),
                     0, {}},
          QuickReply{0, QStringLiteral("horario"), QStringLiteral("Horario de la tienda"),
                     QStringLiteral("Abrimos de lunes a sábado de 9 a 13 y de 16 a 20."), 0, {}}}) {
        if (!replies.save(reply, &error))
            return; // the demo works without them
    }
}

// The shop wrote first to a Mexican customer by the number as people write it (+52 55 …), which
// WhatsApp calls 521 55 …: when she answers, it is one conversation. Later a customer moves to a
// new number, and her history moves with her.
void DemoSession::showCustomersAsWhatsAppNamesThem()
{
    StoreError error;
    if (const auto ximena = m_shop->sender().conversationWith(QStringLiteral("525512345678"), &error))
        m_shop->sender().sendTemplate(*ximena, QStringLiteral("pedido_listo"), QStringLiteral("es"),
                                      {QStringLiteral("Ximena"), QStringLiteral("1187")},
                                      QStringLiteral("Hola Ximena, tu pedido 1187 está listo para envío."));
    // Meta's AI agent answers a customer on the same number: the shop sees both sides.
    m_sandbox->addCustomer(QStringLiteral("34655667788"), QStringLiteral("Jordi Puig"));
    m_sandbox->customerTalksToMetaAgent(QStringLiteral("34655667788"), QStringLiteral("¿Hacéis envíos a Girona?"),
                                        QStringLiteral("¡Hola Jordi! Sí, enviamos a toda España en 48–72 h. ¿Quieres que te pase las tarifas?"));
    QTimer::singleShot(45 * 1000, this, [this] {
        const QString before = QStringLiteral("573205566778");
        const QString after = QStringLiteral("573209990011");
        m_sandbox->customerChangesNumber(before, after);
        m_sandbox->customerSends(after, QStringLiteral("text"),
                                 {{QStringLiteral("body"), QStringLiteral("Les escribo desde mi número nuevo, ¿me confirman la factura?")}});
    });
}

// Two customers who wrote yesterday: one whose 24-hour window has closed (and a reply to her that
// WhatsApp refuses, with its reason), one whose window closes a minute and a half into the demo.
void DemoSession::showTheWindowRule()
{
    const QDateTime now = m_shop->clock().now();
    const QString closed = QStringLiteral("573156677889");
    m_sandbox->addCustomer(closed, QStringLiteral("Sofía Herrera"));
    m_sandbox->customerSends(closed, QStringLiteral("text"),
                             {{QStringLiteral("body"), QStringLiteral("¿Me avisas cuando llegue la manta gris?")}}, {}, {},
                             now.addSecs(-26 * 3600));
    const QString closing = QStringLiteral("34644556677");
    m_sandbox->addCustomer(closing, QStringLiteral("Diego Torres"));
    m_sandbox->customerSends(closing, QStringLiteral("text"),
                             {{QStringLiteral("body"), QStringLiteral("Vale, mañana paso a por el jarrón.")}}, {}, {},
                             now.addSecs(-(24 * 3600 - 90)));
    // Free text to Sofía goes out and comes back refused (131047): the thread shows why.
    QTimer::singleShot(1200, this, [this, closed] {
        StoreError error;
        if (const auto conversation = m_shop->sender().conversationWith(closed, &error))
            m_shop->sender().sendText(*conversation, QStringLiteral("¡Hola Sofía! Ya llegó la manta gris."));
    });
}

} // namespace Mostrador
