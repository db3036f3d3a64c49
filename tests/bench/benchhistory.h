#pragma once

// What the benchmarks over a generated shop history share: their arguments, the store they open
// (generated when the file is new), and percentiles of timings.

#include "db/database.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QElapsedTimer>
#include <QList>
#include <QRandomGenerator>
#include <QStringList>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>

namespace Mostrador::Bench {

// A benchmark over a store that refused a write measures nothing: it says so and stops.
inline void must(const StoreError &error)
{
    if (error.isError()) {
        std::fprintf(stderr, "the store refused: %s\n", qPrintable(error.detail));
        std::exit(1);
    }
}

// `bench [messages] [conversations] [path]`: a store at `path` (kept for the next run) or in a
// temporary folder; `fresh` when it has to be generated.
struct HistoryArguments {
    int messages = 1000000;
    int conversations = 10000;
    QString path;
    bool fresh = true;
};

inline std::unique_ptr<Database> openHistory(const QStringList &args, const QTemporaryDir &directory, HistoryArguments *arguments)
{
    if (args.size() > 1)
        arguments->messages = args.at(1).toInt();
    if (args.size() > 2)
        arguments->conversations = args.at(2).toInt();
    arguments->path = args.size() > 3 ? args.at(3) : directory.filePath(QStringLiteral("bench.db"));
    arguments->fresh = !QFileInfo::exists(arguments->path);
    StoreError error;
    auto database = Database::open(StoreLocation::parse(arguments->path), &error);
    if (!database)
        std::fprintf(stderr, "cannot open %s: %s\n", qPrintable(arguments->path), qPrintable(error.detail));
    return database;
}

// The words of a shop's messages, for generated histories that search can find things in.
inline const QStringList &shopWords()
{
    static const QStringList words = QStringLiteral(
        "hola buenas tardes gracias pedido envío lámpara cojín mantel taza plato vaso jarrón cortina alfombra manta "
        "sábana toalla espejo marco vela canción precio descuento oferta talla color blanco azul mostaza verde gris "
        "rojo negro madera lino algodón cerámica vidrio mañana hoy lunes martes miércoles jueves viernes sábado domingo "
        "factura pago transferencia tarjeta efectivo dirección calle ciudad Bogotá Valencia Medellín Madrid entrega "
        "recoger tienda horario abierto cerrado devolución cambio roto llegó perfecto genial cuándo cuánto dónde")
                                         .split(QLatin1Char(' '));
    return words;
}

inline QString sentence(QRandomGenerator &random)
{
    const int count = 4 + int(random.bounded(14));
    QStringList parts;
    for (int i = 0; i < count; ++i)
        parts << shopWords().at(int(random.bounded(quint32(shopWords().size()))));
    return parts.join(QLatin1Char(' '));
}

// Milliseconds of each of `runs` calls of `work(i)`.
template<typename F>
QList<double> timeMany(int runs, F &&work)
{
    QList<double> ms;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        work(i);
        ms << timer.nsecsElapsed() / 1e6;
    }
    return ms;
}

// The search words the store benchmarks time (found in shopWords(), accents left out).
inline const QStringList &searchQueries()
{
    static const QStringList queries{QStringLiteral("lampara"), QStringLiteral("cancion azul"), QStringLiteral("envio bogota"),
                                     QStringLiteral("devolucion"), QStringLiteral("ceramica blanca"), QStringLiteral("factura"),
                                     QStringLiteral("mostaza lino"), QStringLiteral("jarron roto"), QStringLiteral("medellin"),
                                     QStringLiteral("transferencia")};
    return queries;
}

// The value below which a share `p` of the values lie (nearest rank).
inline double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.at(std::min<qsizetype>(values.size() - 1, qsizetype(p * values.size())));
}

} // namespace Mostrador::Bench
