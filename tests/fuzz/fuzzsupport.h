#pragma once

#include <QByteArray>
#include <QCoreApplication>

#include <cstddef>
#include <cstdint>

namespace Mostrador::Fuzzing {

// libFuzzer's bytes, not copied (they live for the call).
inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
}

// Qt's SQL drivers are plugins: they are found through an application object.
inline void ensureApplication()
{
    static int argc = 1;
    static char name[] = "mostrador-fuzz";
    static char *argv[] = {name, nullptr};
    static QCoreApplication *application = QCoreApplication::instance() ? nullptr : new QCoreApplication(argc, argv);
    (void)application;
}

} // namespace Mostrador::Fuzzing
