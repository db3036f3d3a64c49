#pragma once

#include <QString>
#include <QWidget>

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace Mostrador::Testing {

// Thrown when a test looks for a widget that is not there: GoogleTest fails the test with the
// widget's name instead of the test crashing on a null pointer later.
struct MissingWidget : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The child widget a test drives, by objectName. A missing one fails the test, by name.
template<typename T>
T *child(const QObject &parent, const char *name)
{
    T *found = parent.findChild<T *>(QLatin1String(name));
    if (!found)
        throw MissingWidget(std::string("no widget named \"") + name + "\" of the expected type");
    return found;
}

} // namespace Mostrador::Testing
