#pragma once

#include <string>

namespace aug {

// What OpenCV wrote to std::cerr on this thread since the last clear_diagnostics(). OpenCV's codecs
// report some failures only there (imdecode_'s "can't read data" lines), so the shim captures them
// per thread and folds them into the error message instead of letting them reach the terminal.
std::string& thread_diagnostics() noexcept;
void clear_diagnostics() noexcept;

}  // namespace aug
