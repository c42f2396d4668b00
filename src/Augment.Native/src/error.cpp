#include "error.hpp"

namespace {
thread_local std::string last_error;
}

void aug::set_error(const std::string& message) noexcept {
    try {
        last_error = message;
        std::string& native = thread_diagnostics();
        // Collapse OpenCV's multi-line output into one line after the message.
        for (char& c : native) {
            if (c == '\n' || c == '\r') c = ' ';
        }
        while (!native.empty() && native.back() == ' ') native.pop_back();
        if (!native.empty()) last_error += ": " + native;
        native.clear();
    } catch (...) {
        last_error.clear();  // out of memory while recording: an empty message beats a crash
    }
}

extern "C" AUG_API const char* aug_error_message(void) { return last_error.c_str(); }
