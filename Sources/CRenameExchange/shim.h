#ifndef ROADMAP_RENAME_EXCHANGE_H
#define ROADMAP_RENAME_EXCHANGE_H

#if defined(__linux__)
#include <errno.h>
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

/// Swaps the files or folders at `first` and `second` in one step (`renameat2` with
/// `RENAME_EXCHANGE`): at every instant each path names one of the two. glibc declares
/// `renameat2` only under `_GNU_SOURCE`, which Swift's Glibc module is built without, and Swift
/// cannot call the variadic `syscall`, so this calls the system call as glibc's wrapper does.
/// Returns 0, or -1 with `errno` set: `ENOSYS` (a kernel older than 3.15) or `EINVAL` (a file
/// system that cannot exchange) mean the caller must swap another way.
static inline int roadmap_rename_exchange(const char *first, const char *second) {
#if defined(SYS_renameat2)
    return (int)syscall(SYS_renameat2, AT_FDCWD, first, AT_FDCWD, second, 2 /* RENAME_EXCHANGE */);
#else
    errno = ENOSYS;
    return -1;
#endif
}
#endif

#endif
