#include "diagnostics.hpp"

#include <algorithm>
#include <iostream>
#include <streambuf>

#include <opencv2/core/utils/logger.hpp>

namespace {

constexpr std::size_t max_captured = 4096;

// An unbuffered stream buffer: every write lands in the writing thread's own string, so concurrent
// decoders never mix their messages and nothing is shared between threads.
class thread_capture_buffer final : public std::streambuf {
protected:
    int_type overflow(int_type ch) override {
        if (!traits_type::eq_int_type(ch, traits_type::eof())) {
            const char c = traits_type::to_char_type(ch);
            xsputn(&c, 1);
        }
        return traits_type::not_eof(ch);
    }

    std::streamsize xsputn(const char* text, std::streamsize count) override {
        std::string& captured = aug::thread_diagnostics();
        const std::size_t room = max_captured > captured.size() ? max_captured - captured.size() : 0;
        captured.append(text, std::min(room, static_cast<std::size_t>(count)));
        return count;
    }
};

// Installed when the library loads: the process that loads the shim is Augment.Build's own (the CLI,
// the MSBuild worker, a test host), where nothing else writes through C++'s std::cerr.
struct quiet_native_output {
    thread_capture_buffer buffer;
    std::streambuf* previous;
    quiet_native_output() {
        // OpenCV's own log lines are reported through aug_status instead.
        cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_SILENT);
        previous = std::cerr.rdbuf(&buffer);
    }
    ~quiet_native_output() { std::cerr.rdbuf(previous); }
} quiet_on_load;

}  // namespace

std::string& aug::thread_diagnostics() noexcept {
    thread_local std::string captured;
    return captured;
}

void aug::clear_diagnostics() noexcept { thread_diagnostics().clear(); }
