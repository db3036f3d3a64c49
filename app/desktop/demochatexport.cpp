#include "demochatexport.h"

#include "common/zipwriter.h"

#include <QBuffer>
#include <QDir>
#include <QImage>
#include <QPainter>
#include <QPainterPath>

namespace Mostrador::DemoChatExport {

namespace {

// A product photo as a shop takes them: the object on a plain background.
QByteArray photo(const QColor &background, const QColor &object, bool lamp)
{
    QImage image(480, 360, QImage::Format_RGB32);
    image.fill(background);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(background.darker(112));
    painter.drawRect(0, 270, 480, 90);
    painter.setBrush(object);
    if (lamp) {
        QPainterPath shade;
        shade.moveTo(180, 90);
        shade.lineTo(300, 90);
        shade.lineTo(340, 190);
        shade.lineTo(140, 190);
        shade.closeSubpath();
        painter.drawPath(shade);
        painter.setBrush(object.darker(150));
        painter.drawRect(234, 190, 12, 80);
        painter.drawRoundedRect(190, 262, 100, 16, 8, 8);
    } else {
        for (int fold = 0; fold < 4; ++fold) {
            painter.setBrush(fold % 2 ? object : object.darker(115));
            painter.drawRoundedRect(110, 130 + fold * 34, 260, 40, 10, 10);
        }
    }
    painter.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPG", 85);
    return bytes;
}

QString day(const QDate &date)
{
    return date.toString(QStringLiteral("d/M/yy"));
}

QString write(const QString &path, const QString &textName, const QString &text, const QList<std::pair<QString, QByteArray>> &media)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    ZipWriter zip(path);
    if (!zip.open() || !zip.addBytes(textName, text.toUtf8()))
        return {};
    for (const auto &[name, bytes] : media) {
        if (!zip.addBytes(name, bytes))
            return {};
    }
    return zip.commit() ? path : QString();
}

} // namespace

QString writeLucia(const QString &folder, const QDate &today)
{
    const QDate first = today.addMonths(-7);
    const QDate second = today.addMonths(-3);
    const QString lamp = QStringLiteral("IMG-%1-WA0003.jpg").arg(first.toString(QStringLiteral("yyyyMMdd")));
    const QString text =
        QStringLiteral("%1, 10:02 - Los mensajes y las llamadas están cifrados de extremo a extremo. Nadie fuera de este chat, ni siquiera "
                       "WhatsApp, puede leerlos ni escucharlos.\n").arg(day(first))
        + QStringLiteral("%1, 10:02 - Lucía Gómez: Hola! Vi en Instagram una lámpara de mesa color arena, ¿la tenéis?\n").arg(day(first))
        + QStringLiteral("%1, 10:15 - Casa Nube: ¡Hola Lucía! Sí, nos quedan tres. Te paso una foto:\n").arg(day(first))
        + QStringLiteral("%1, 10:15 - Casa Nube: %2 (archivo adjunto)\nLámpara Duna, 38 cm, $189.000\n").arg(day(first), lamp)
        + QStringLiteral("%1, 10:20 - Lucía Gómez: Me encanta 😍\n¿Hacéis envíos a Chapinero?\n").arg(day(first))
        + QStringLiteral("%1, 10:22 - Casa Nube: Sí, al día siguiente y gratis desde $150.000.\n").arg(day(first))
        + QStringLiteral("%1, 10:30 - Lucía Gómez: <Multimedia omitido>\n").arg(day(first))
        + QStringLiteral("%1, 10:31 - Lucía Gómez: Ya os hice la transferencia\n").arg(day(first))
        + QStringLiteral("%1, 16:40 - Lucía Gómez: ¿Os queda la manta gris de lana?\n").arg(day(second))
        + QStringLiteral("%1, 16:52 - Casa Nube: Sí, y esta semana con 15 % de descuento.\n").arg(day(second))
        + QStringLiteral("%1, 16:53 - Casa Nube: Se eliminó este mensaje.\n").arg(day(second))
        + QStringLiteral("%1, 17:05 - Lucía Gómez: ¡Perfecto, paso el sábado!\n").arg(day(second));
    return write(QDir(folder).filePath(QStringLiteral("Chat de WhatsApp con Lucía Gómez.zip")),
                 QStringLiteral("Chat de WhatsApp con Lucía Gómez.txt"), text,
                 {{lamp, photo(QColor(0xf2, 0xe8, 0xd5), QColor(0xc9, 0xa8, 0x7c), true)}});
}

QString writeSuppliers(const QString &folder, const QDate &today)
{
    const QDate date = today.addMonths(-2);
    const QString blanket = QStringLiteral("IMG-%1-WA0011.jpg").arg(date.toString(QStringLiteral("yyyyMMdd")));
    const QString text =
        QStringLiteral("%1, 8:55 - Marta Textiles creó el grupo \"Proveedores Casa Nube\"\n").arg(day(date))
        + QStringLiteral("%1, 8:55 - Marta Textiles te añadió\n").arg(day(date))
        + QStringLiteral("%1, 9:01 - Marta Textiles: Buenos días. Ya tenemos la manta gris en lana, 40 unidades.\n").arg(day(date))
        + QStringLiteral("%1, 9:02 - Marta Textiles: %2 (archivo adjunto)\n").arg(day(date), blanket)
        + QStringLiteral("%1, 9:10 - Casa Nube: ¡Genial! Nos quedamos 20. ¿Para el jueves?\n").arg(day(date))
        + QStringLiteral("%1, 9:14 - Jorge Transportes: El jueves por la mañana las llevo yo.\n").arg(day(date))
        + QStringLiteral("%1, 9:15 - Jorge Transportes: <Multimedia omitido>\n").arg(day(date))
        + QStringLiteral("%1, 9:20 - Casa Nube: Gracias a los dos 🙌\n").arg(day(date));
    return write(QDir(folder).filePath(QStringLiteral("Chat de WhatsApp con Proveedores Casa Nube.zip")),
                 QStringLiteral("Chat de WhatsApp con Proveedores Casa Nube.txt"), text,
                 {{blanket, photo(QColor(0xe8, 0xec, 0xef), QColor(0x8c, 0x95, 0x9c), false)}});
}

} // namespace Mostrador::DemoChatExport
