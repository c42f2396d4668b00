// The one try wrapper every export runs in, after opencvsharp's cvTry: catch everything, keep the
// message in a thread-local record, return a status. No C++ exception may cross the C ABI.
#pragma once

#include <new>
#include <stdexcept>
#include <string>

#include <opencv2/core.hpp>

#include "augment_native.h"
#include "diagnostics.hpp"

namespace aug {

// Thrown inside the shim to fail with a specific status and message.
class status_error : public std::runtime_error {
public:
    status_error(aug_status status, const std::string& message) : std::runtime_error(message), status_(status) {}
    aug_status status() const noexcept { return status_; }

private:
    aug_status status_;
};

// Records the failure message for this thread, followed by anything OpenCV wrote to std::cerr
// during the call.
void set_error(const std::string& message) noexcept;

template <typename Body>
aug_status guarded(Body&& body) noexcept {
    clear_diagnostics();
    try {
        body();
        return AUG_OK;
    } catch (const status_error& e) {
        set_error(e.what());
        return e.status();
    } catch (const cv::Exception& e) {
        // e.what() repeats the source path of OpenCV's build machine; the short form reads better.
        set_error(e.err + " (in " + e.func + ")");
        return e.code == cv::Error::StsNoMem ? AUG_ERR_OUT_OF_MEMORY : AUG_ERR_OPENCV;
    } catch (const std::bad_alloc&) {
        set_error("out of memory");
        return AUG_ERR_OUT_OF_MEMORY;
    } catch (const std::exception& e) {
        set_error(e.what());
        return AUG_ERR_STD;
    } catch (...) {
        set_error("unknown native exception");
        return AUG_ERR_UNKNOWN;
    }
}

inline void require(bool condition, const char* message) {
    if (!condition) {
        throw status_error(AUG_ERR_ARGUMENT, message);
    }
}

}  // namespace aug
