#ifndef SITREP_CPSEUDOTERMINAL_SHIM_H
#define SITREP_CPSEUDOTERMINAL_SHIM_H

#include <pty.h>
#include <string.h>
#include <sys/ioctl.h>

/* Opens a pseudo-terminal pair (for headless tests and benches); 0 on success, -1 with errno set. */
static inline int sitrep_open_pty(int *primary, int *secondary) {
    return openpty(primary, secondary, NULL, NULL, NULL);
}

/* ioctl is variadic, which Swift cannot call. */
static inline int sitrep_set_window_size(int fd, unsigned short row_count, unsigned short column_count) {
    struct winsize size;
    memset(&size, 0, sizeof size);
    size.ws_row = row_count;
    size.ws_col = column_count;
    return ioctl(fd, TIOCSWINSZ, &size);
}

#endif
