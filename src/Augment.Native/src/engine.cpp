// What the engine is: reported for the cache's engine fingerprint and for `--version`.
#include <string>

#include <zlib.h>

#include "error.hpp"

#ifndef AUG_SHIM_SOURCE_HASH
#error "AUG_SHIM_SOURCE_HASH must be defined by the build (Augment.Native.targets)"
#endif

extern "C" AUG_API aug_status aug_engine_info(const char** opencv_version, const char** build_information,
                                              const char** shim_version, const char** shim_source_hash) {
    return aug::guarded([&] {
        aug::require(opencv_version && build_information && shim_version && shim_source_hash, "an out pointer is null");
        static const std::string version = cv::getVersionString();
        *opencv_version = version.c_str();
        // OpenCV's build information names the codec libraries it was built against; the PNG path
        // deflates through the zlib loaded at run time (png_encode.cpp), whose version is added.
        static const std::string information =
            cv::getBuildInformation() + "\nzlib at run time (the shim's PNG path): " + zlibVersion() + "\n";
        *build_information = information.c_str();
        *shim_version = AUG_SHIM_VERSION;
        *shim_source_hash = AUG_SHIM_SOURCE_HASH;
    });
}

extern "C" AUG_API aug_status aug_runtime_set_threads(int32_t threads) {
    return aug::guarded([&] {
        aug::require(threads >= 0, "threads must not be negative");
        cv::setNumThreads(threads);
    });
}
