// The file-system calls .NET has no API for: stat(2)'s inode and nanosecond mtime (the stat
// cache's identity of an input), link(2) (outputs are hard links into the content cache) and
// syncfs(2) (a group of cache objects made durable at once).
#include <cerrno>
#include <cstring>
#include <string>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error.hpp"

extern "C" AUG_API aug_status aug_file_identity_read(const char* path, aug_file_identity* out) {
    return aug::guarded([&] {
        aug::require(path != nullptr && out != nullptr, "path or out is null");
        struct stat st {};
        if (::stat(path, &st) != 0) {
            throw aug::status_error(AUG_ERR_ARGUMENT, std::string(path) + ": " + std::strerror(errno));
        }
        out->size = static_cast<int64_t>(st.st_size);
        out->mtime_seconds = static_cast<int64_t>(st.st_mtim.tv_sec);
        out->mtime_nanoseconds = static_cast<int64_t>(st.st_mtim.tv_nsec);
        out->inode = static_cast<uint64_t>(st.st_ino);
        out->device = static_cast<uint64_t>(st.st_dev);
    });
}

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
