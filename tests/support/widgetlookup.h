#pragma once

#include <QString>
#include <QWidget>

#include <gtest/gtest.h>

namespace Mostrador::Testing {

// The child widget a test drives, by objectName; a missing one fails the test by name.
template<typename T>
T *child(QWidget &parent, const char *name)
{
    T *found = parent.findChild<T *>(QLatin1String(name));
    EXPECT_NE(found, nullptr) << name;
    return found;
}

} // namespace Mostrador::Testing
