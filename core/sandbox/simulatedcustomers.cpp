#include "simulatedcustomers.h"

#include "sandboxserver.h"
#include "sandboxshop.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTimer>
#include <QJsonArray>

namespace Mostrador {

namespace {

SimulatedCustomers::Step text(const QString &body)
{
    return {QStringLiteral("text"), {{QStringLiteral("body"), body}}, {}};
}

SimulatedCustomers::Step photo(const QString &file, const QString &caption)
{
    return {QStringLiteral("image"), {{QStringLiteral("photo"), file}, {QStringLiteral("caption"), caption}}, {}};
}

SimulatedCustomers::Step location(double latitude, double longitude, const QString &name, const QString &address)
{
    return {QStringLiteral("location"),
            {{QStringLiteral("latitude"), latitude}, {QStringLiteral("longitude"), longitude},
             {QStringLiteral("name"), name}, {QStringLiteral("address"), address}},
            {}};
}

SimulatedCustomers::Step fromAd(const QString &body, const QString &headline)
{
    return {QStringLiteral("text"), {{QStringLiteral("body"), body}},
            {{QStringLiteral("source_url"), QStringLiteral("https://fb.me/casalumbre-rebajas")},
             {QStringLiteral("source_id"), QStringLiteral("120210000000000001")},
             {QStringLiteral("source_type"), QStringLiteral("ad")},
             {QStringLiteral("headline"), headline},
             {QStringLiteral("body"), QStringLiteral("Cojines, mantas y cortinas con un 20 % menos.")},
             {QStringLiteral("ctwa_clid"), QStringLiteral("ARAkLkA8rmlFeiCktEJQ-sandbox")}}};
}

// A cart sent from the shop's catalog in WhatsApp.
SimulatedCustomers::Step cart(const QList<std::pair<QString, int>> &lines, const QString &note = {})
{
    return {QStringLiteral("order"), SandboxShop::cart(lines, note), {}};
}

SimulatedCustomers::Step button(const QString &label)
{
    return {QStringLiteral("button"), {{QStringLiteral("text"), label}, {QStringLiteral("payload"), label}}, {}};
}

} // namespace

QList<SimulatedCustomers::Persona> SimulatedCustomers::defaultPersonas()
{
    return {
        {QStringLiteral("573001112233"), QStringLiteral("Lucía Gómez"),
         {text(QStringLiteral("Hola! ¿Tienen la lámpara Nube en color blanco?")),
          photo(QStringLiteral("lampara.png"), QStringLiteral("Es esta, la vi en su Instagram")),
          text(QStringLiteral("¿Cuánto cuesta el envío a Bogotá?")),
          location(4.6533, -74.0836, QStringLiteral("Casa"), QStringLiteral("Cra. 15 #93-47, Bogotá")),
          cart({{QStringLiteral("lampara-nube"), 1}, {QStringLiteral("cojin-mostaza"), 2}},
               QStringLiteral("¿Me lo pueden enviar el viernes?")),
          text(QStringLiteral("Perfecto, ¿cómo pago?")),
          text(QStringLiteral("Listo, ya pagué por Nequi 👍"))}},
        {QStringLiteral("34611223344"), QStringLiteral("Javier Martín"),
         {text(QStringLiteral("Buenas, hice el pedido 1042 ayer. ¿Cuándo llega?")),
          text(QStringLiteral("Vale, gracias. ¿Se puede cambiar la dirección de entrega?")),
          location(39.4699, -0.3763, QStringLiteral("Oficina"), QStringLiteral("Calle de Colón 20, Valencia"))}},
        {QStringLiteral("34622334455"), QStringLiteral("Marta Ruiz"),
         {fromAd(QStringLiteral("Hola, vi el anuncio de las rebajas. ¿Los cojines mostaza están incluidos?"),
                 QStringLiteral("Rebajas de textiles: 20 %")),
          photo(QStringLiteral("cojines.png"), QStringLiteral("¿Tenéis este conjunto?")),
          text(QStringLiteral("Me llevo dos. ¿Puedo recogerlos en la tienda?"))}},
        {QStringLiteral("447700900123"), QStringLiteral("Emily Carter"),
         {text(QStringLiteral("Hi! Do you ship to the UK?")),
          text(QStringLiteral("Great, and how long does it take?"))}},
        {QStringLiteral("573104455667"), QStringLiteral("Andrés Pérez"),
         {button(QStringLiteral("Tengo una duda")),
          text(QStringLiteral("La taza llegó con el asa rota 😕")),
          photo(QStringLiteral("taza.png"), QStringLiteral("Así llegó"))}},
        {QStringLiteral("34633445566"), QStringLiteral("Pablo Sánchez"),
         {text(QStringLiteral("¿Abrís el domingo?")),
          text(QStringLiteral("¿Y hasta qué hora el sábado?"))}},
        {QStringLiteral("573205566778"), QStringLiteral("Camila Rojas"),
         {text(QStringLiteral("Buenas tardes, ¿hacen factura electrónica?")),
          text(QStringLiteral("¿Aceptan Nequi o transferencia?"))}},
        // WhatsApp names a Mexican mobile 521… and an Argentinian one 549…, though people write
        // +52 55 … and +54 11 …
        {QStringLiteral("5215512345678"), QStringLiteral("Ximena Castillo"),
         {text(QStringLiteral("¡Hola! ¿Envían a Ciudad de México?")),
          text(QStringLiteral("Perfecto, entonces quiero la manta gris.")),
          cart({{QStringLiteral("manta-lana"), 1}})}},
        {QStringLiteral("5491123456789"), QStringLiteral("Facundo Herrera"),
         {text(QStringLiteral("Buenas, ¿tienen el jarrón de cerámica en azul?")),
          text(QStringLiteral("Dale, ¿cuánto sale el envío a Buenos Aires?"))}},
        {QStringLiteral("573187766554"), QStringLiteral("Valentina Ortiz"),
         {cart({{QStringLiteral("set-cojines"), 1}, {QStringLiteral("vela-soja"), 2}, {QStringLiteral("taza-gres"), 4}},
               QStringLiteral("Es para regalo, ¿lo pueden envolver?")),
          text(QStringLiteral("¿La vela de soja viene en otro aroma?")),
          text(QStringLiteral("Ya hice la transferencia, les mando el comprobante"))}},
        // Known only by a username: WhatsApp leaves the number out.
        {QString(), QStringLiteral("Renata"),
         {text(QStringLiteral("Hola, vi sus cojines en Instagram. ¿Hacen pedidos por mayor?")),
          text(QStringLiteral("Somos una cafetería, serían unos 20."))},
         QStringLiteral("CO.8842115509"), QStringLiteral("renata.deco")},
    };
}

SimulatedCustomers::SimulatedCustomers(SandboxServer &sandbox, quint32 seed, QObject *parent)
    : QObject(parent)
    , m_sandbox(sandbox)
    , m_personas(defaultPersonas())
    , m_random(seed)
{
    for (const Persona &persona : std::as_const(m_personas))
        m_sandbox.addCustomer(SandboxServer::Customer{persona.waId, persona.name, {}, persona.userId, persona.username, false});
    connect(&m_sandbox, &SandboxServer::messageAccepted, this, &SimulatedCustomers::answerProducts);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (!sendNext())
            stop();
    });
    setPace(6);
}

void SimulatedCustomers::answerProducts(const QString &wamid, const QJsonObject &body)
{
    const QJsonObject interactive = body.value(QLatin1String("interactive")).toObject();
    const QString type = interactive.value(QLatin1String("type")).toString();
    const QString to = body.value(QLatin1String("to")).toString(body.value(QLatin1String("recipient")).toString());
    const bool ours = std::any_of(m_personas.cbegin(), m_personas.cend(), [&to](const Persona &persona) {
        return persona.waId == to || persona.userId == to || (!persona.waId.isEmpty() && to.endsWith(persona.waId.right(8)));
    });
    if (!ours || body.value(QLatin1String("type")).toString() != QLatin1String("interactive"))
        return;
    const QJsonObject action = interactive.value(QLatin1String("action")).toObject();
    if (type == QLatin1String("product")) {
        const QString retailerId = action.value(QLatin1String("product_retailer_id")).toString();
        QTimer::singleShot(3000, this, [this, to, wamid, retailerId] {
            m_sandbox.customerAsksAbout(to, wamid, retailerId, QStringLiteral("¿Este viene en otro color? Me encanta 😍"));
        });
    } else if (type == QLatin1String("product_list") || type == QLatin1String("catalog_message")) {
        QList<std::pair<QString, int>> lines;
        for (const QJsonValue &section : action.value(QLatin1String("sections")).toArray()) {
            for (const QJsonValue &item : section.toObject().value(QLatin1String("product_items")).toArray()) {
                if (lines.size() < 2)
                    lines << std::pair{item.toObject().value(QLatin1String("product_retailer_id")).toString(), int(lines.size()) + 1};
            }
        }
        if (lines.isEmpty())
            lines << std::pair{QStringLiteral("vela-soja"), 2};
        QTimer::singleShot(4000, this, [this, to, lines] {
            m_sandbox.customerSends(to, QStringLiteral("order"), SandboxShop::cart(lines, QStringLiteral("Estos, por favor")));
        });
    }
}

void SimulatedCustomers::setPace(double messagesPerMinute)
{
    m_timer.setInterval(messagesPerMinute > 0 ? int(60000.0 / messagesPerMinute) : 10000);
}

void SimulatedCustomers::start()
{
    m_timer.start();
}

void SimulatedCustomers::stop()
{
    m_timer.stop();
}

bool SimulatedCustomers::sendNext()
{
    QList<int> waiting;
    for (int i = 0; i < m_personas.size(); ++i) {
        if (m_progress.value(m_personas.at(i).id()) < m_personas.at(i).steps.size())
            waiting << i;
    }
    if (waiting.isEmpty())
        return false;

    const Persona &persona = m_personas.at(waiting.at(int(m_random.bounded(quint32(waiting.size())))));
    int &progress = m_progress[persona.id()];
    const Step &step = persona.steps.at(progress++);

    QJsonObject content = step.content;
    if (step.type == QLatin1String("image")) {
        const QString file = content.take(QStringLiteral("photo")).toString();
        QFile resource(QStringLiteral(":/sandbox/") + file);
        const QByteArray data = resource.open(QIODevice::ReadOnly) ? resource.readAll() : QByteArray();
        QString &id = m_photoIds[file];
        if (id.isEmpty())
            id = m_sandbox.addMedia(data, QStringLiteral("image/png"));
        content.insert(QStringLiteral("id"), id);
        content.insert(QStringLiteral("mime_type"), QStringLiteral("image/png"));
        content.insert(QStringLiteral("sha256"), QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex()));
    }
    const QString wamid = m_sandbox.customerSends(persona.id(), step.type, content, step.referral);
    ++m_sent;
    Q_EMIT customerWrote(persona.id(), wamid);
    return true;
}

} // namespace Mostrador
