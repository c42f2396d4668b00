// The file-system calls .NET has no API for: link(2) (outputs are hard links into the content
// cache) and syncfs(2) (a group of cache objects made durable at once). A file's identity (stat) is
// read through the C library from C# (Interop/LibC.cs), so that it needs no OpenCV.
#include <cerrno>
#include <cstring>
#include <string>

#include <fcntl.h>
#include <unistd.h>

#include "error.hpp"

extern "C" AUG_API aug_status aug_file_hard_link(const char* existing, const char* link_path) {
    return aug::guarded([&] {
        aug::require(existing != nullptr && link_path != nullptr, "a path is null");
        if (::link(existing, link_path) != 0) {
            throw aug::status_error(AUG_ERR_ARGUMENT, std::string("link ") + link_path + ": " + std::strerror(errno));
        }
    });
}

extern "C" AUG_API aug_status aug_file_sync_fs(const char* path) {
    return aug::guarded([&] {
        aug::require(path != nullptr, "path is null");
        const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            throw aug::status_error(AUG_ERR_ARGUMENT, std::string(path) + ": " + std::strerror(errno));
        }
        const int result = ::syncfs(fd);
        const int error = errno;
        ::close(fd);
        if (result != 0) {
            throw aug::status_error(AUG_ERR_ARGUMENT, std::string("syncfs ") + path + ": " + std::strerror(error));
        }
    });
}
