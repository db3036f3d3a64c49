// The one GoogleTest main for every Mostrador test executable.
//
// gtest_discover_tests and ctest start the binaries with no environment of ours, so the
// offscreen platform is the default here: tests never need a display.
#include "testenvironment.h"

#include "common/applicationidentity.h"

#include <QApplication>

#include <gtest/gtest.h>

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    Mostrador::Testing::isolateUserDirectories();

    QApplication app(argc, argv);
    Mostrador::setApplicationIdentity();

    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
