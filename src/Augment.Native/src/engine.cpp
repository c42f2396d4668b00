// What the engine is: reported for the cache's engine fingerprint and for `--version`.
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
        *build_information = cv::getBuildInformation().c_str();
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
