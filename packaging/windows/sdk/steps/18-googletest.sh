# GoogleTest, for the test programs run under Wine.
SDK_SOURCE=(googletest 1.12.1-0.2)
SDK_DEPENDS=()
sdk_build() {
    local source
    source=$(sdk_source "${SDK_SOURCE[@]}")
    sdk_cmake "$source" -DBUILD_SHARED_LIBS=OFF -DBUILD_GMOCK=ON -Dgtest_disable_pthreads=OFF
}
sdk_check() {
    sdk_expect lib/libgtest.a lib/cmake/GTest/GTestConfig.cmake
    sdk_links '#include <gtest/gtest.h>
TEST(Sdk, Links) { EXPECT_EQ(1, 1); }
int main(int argc, char **argv) { testing::InitGoogleTest(&argc, argv); return RUN_ALL_TESTS(); }' -lgtest
}
