#ifndef SITREP_CNCURSES_SHIM_H
#define SITREP_CNCURSES_SHIM_H

#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

/* Swift 6 rejects the mutable globals and cannot import the macros; these getters stand in. */
static inline WINDOW *sitrep_stdscr(void) { return stdscr; }
static inline WINDOW *sitrep_curscr(void) { return curscr; }
static inline int sitrep_lines(void) { return LINES; }
static inline int sitrep_cols(void) { return COLS; }
static inline int sitrep_colors(void) { return COLORS; }
static inline int sitrep_color_pairs(void) { return COLOR_PAIRS; }
static inline int sitrep_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int sitrep_getmaxx(WINDOW *w) { return getmaxx(w); }
static inline int sitrep_color_pair(int n) { return COLOR_PAIR(n); }

static inline attr_t sitrep_attr_normal(void) { return WA_NORMAL; }
static inline attr_t sitrep_attr_bold(void) { return WA_BOLD; }
static inline attr_t sitrep_attr_underline(void) { return WA_UNDERLINE; }
static inline attr_t sitrep_attr_reverse(void) { return WA_REVERSE; }
static inline attr_t sitrep_attr_dim(void) { return WA_DIM; }

/* setcchar with an int colour pair (ncurses passes pairs above 32767 through `opts`). */
static inline int sitrep_setcchar(cchar_t *cell, const wchar_t *text, attr_t attributes, int pair) {
    return setcchar(cell, text, attributes, 0, &pair);
}

/* tigetstr returns (char *)-1 for "not a string capability"; fold that into NULL. */
static inline const char *sitrep_tigetstr(const char *name) {
    char *value = tigetstr(name);
    if (value == (char *)-1) return NULL;
    return value;
}

/* wcwidth as libc (and so ncurses) sees it, to catch disagreements with our own table. */
static inline int sitrep_wcwidth(wchar_t character) { return wcwidth(character); }

/* 1 when terminfo knows `name`; checks without newterm, which cannot report the reason. */
static inline int sitrep_terminal_is_known(const char *name, int fd) {
    int status = 0;
    TERMINAL *previous = cur_term;
    if (setupterm(name, fd, &status) != OK || status != 1) {
        set_curterm(previous);
        return 0;
    }
    TERMINAL *probe = set_curterm(previous);
    if (probe != NULL && probe != previous) del_curterm(probe);
    return 1;
}

/* True when the current locale's character set is UTF-8. */
static inline int sitrep_locale_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

/* ioctl is variadic, which Swift cannot call. */
static inline int sitrep_set_window_size(int fd, unsigned short row_count, unsigned short column_count) {
    struct winsize size;
    memset(&size, 0, sizeof size);
    size.ws_row = row_count;
    size.ws_col = column_count;
    return ioctl(fd, TIOCSWINSZ, &size);
}

/*
 * Giving the terminal back from a signal handler.
 *
 * Curses cannot be called from a handler, so while the screen is active we keep the bytes that
 * undo it (cancel, sgr0, cnorm, rmkx, rmcup) and the tty modes from before curses started, and
 * a handler restores them with write(2) and tcsetattr(3), both async-signal-safe. Fatal
 * signals then go to the previous disposition (default, or Swift's backtracer); SIGTSTP stops
 * the process and, once continued, raises a flag the owning thread polls to redraw.
 */
static char sitrep_restore_bytes[1024];
static volatile size_t sitrep_restore_length;
static volatile int sitrep_restore_fd = -1;
static volatile int sitrep_tty_fd = -1;
static struct termios sitrep_saved_termios;
static volatile int sitrep_have_termios;
static volatile sig_atomic_t sitrep_screen_active;
static volatile sig_atomic_t sitrep_resumed;
static struct sigaction sitrep_previous_actions[NSIG];
static volatile int sitrep_installed[NSIG];
static volatile int sitrep_stop_handler_installed;
static const int sitrep_fatal_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP};

static inline void sitrep_restore_terminal_now(void) {
    if (!sitrep_screen_active) return;
    sitrep_screen_active = 0;
    size_t written = 0;
    while (sitrep_restore_fd >= 0 && written < sitrep_restore_length) {
        ssize_t result = write(sitrep_restore_fd, sitrep_restore_bytes + written, sitrep_restore_length - written);
        if (result < 0 && errno == EINTR) continue;
        if (result <= 0) break;
        written += (size_t)result;
    }
    if (sitrep_have_termios && sitrep_tty_fd >= 0) tcsetattr(sitrep_tty_fd, TCSADRAIN, &sitrep_saved_termios);
}

static inline void sitrep_fatal_signal_handler(int signal_number, siginfo_t *info, void *context) {
    (void)context;
    int saved_errno = errno;
    sitrep_restore_terminal_now();
    sigaction(signal_number, &sitrep_previous_actions[signal_number], NULL);
    sitrep_installed[signal_number] = 0;
    /* A fault re-executes its instruction on return and meets the previous handler with the
       real siginfo; anything sent (kill, raise, abort) is raised again for it. */
    int synchronous = (signal_number == SIGSEGV || signal_number == SIGBUS || signal_number == SIGILL
                       || signal_number == SIGFPE || signal_number == SIGTRAP)
                      && info != NULL && info->si_code > 0;
    if (!synchronous) raise(signal_number);
    errno = saved_errno;
}

static inline void sitrep_install_stop_handler(void);

static inline void sitrep_stop_signal_handler(int signal_number) {
    (void)signal_number;
    int saved_errno = errno;
    int was_active = sitrep_screen_active;
    sitrep_restore_terminal_now();
    signal(SIGTSTP, SIG_DFL);
    sigset_t unblock;
    sigemptyset(&unblock);
    sigaddset(&unblock, SIGTSTP);
    sigprocmask(SIG_UNBLOCK, &unblock, NULL);
    raise(SIGTSTP);
    /* Continued (fg): put our handler back and let the owning thread redraw. */
    sitrep_install_stop_handler();
    if (was_active) {
        sitrep_screen_active = 1;
        sitrep_resumed = 1;
    }
    errno = saved_errno;
}

static inline void sitrep_install_stop_handler(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = sitrep_stop_signal_handler;
    sigemptyset(&action.sa_mask);
    sigaction(SIGTSTP, &action, NULL);
}

static inline void sitrep_atexit_restore(void) { sitrep_restore_terminal_now(); }

/* Saves the tty modes to restore later; call before curses changes them. */
static inline void sitrep_save_tty_modes(int tty_fd) {
    sitrep_tty_fd = tty_fd;
    sitrep_have_termios = tcgetattr(tty_fd, &sitrep_saved_termios) == 0;
}

/* Arms the handlers with the bytes that undo the screen; returns 0, or -1 if they do not fit. */
static inline int sitrep_install_restore_handlers(int output_fd, const char *bytes, size_t length, int handle_stop) {
    static int registered_atexit = 0;
    if (length > sizeof sitrep_restore_bytes) return -1;
    memcpy(sitrep_restore_bytes, bytes, length);
    sitrep_restore_length = length;
    sitrep_restore_fd = output_fd;
    sitrep_resumed = 0;
    sitrep_screen_active = 1;
    for (size_t index = 0; index < sizeof sitrep_fatal_signals / sizeof sitrep_fatal_signals[0]; index++) {
        int signal_number = sitrep_fatal_signals[index];
        struct sigaction previous;
        if (sigaction(signal_number, NULL, &previous) != 0) continue;
        /* An ignored signal (nohup) stays ignored: it would not end the process. */
        if (!(previous.sa_flags & SA_SIGINFO) && previous.sa_handler == SIG_IGN) continue;
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_sigaction = sitrep_fatal_signal_handler;
        action.sa_flags = SA_SIGINFO | SA_ONSTACK;
        sigemptyset(&action.sa_mask);
        if (sigaction(signal_number, &action, &sitrep_previous_actions[signal_number]) == 0) {
            sitrep_installed[signal_number] = 1;
        }
    }
    struct sigaction previous_stop;
    if (handle_stop && sigaction(SIGTSTP, NULL, &previous_stop) == 0 && previous_stop.sa_handler == SIG_DFL) {
        sitrep_install_stop_handler();
        sitrep_stop_handler_installed = 1;
    }
    if (!registered_atexit) {
        registered_atexit = 1;
        atexit(sitrep_atexit_restore);
    }
    return 0;
}

/* Disarms the handlers after a normal shutdown (the screen is already given back). */
static inline void sitrep_uninstall_restore_handlers(void) {
    sitrep_screen_active = 0;
    for (int signal_number = 1; signal_number < NSIG; signal_number++) {
        if (sitrep_installed[signal_number]) {
            sigaction(signal_number, &sitrep_previous_actions[signal_number], NULL);
            sitrep_installed[signal_number] = 0;
        }
    }
    if (sitrep_stop_handler_installed) {
        signal(SIGTSTP, SIG_DFL);
        sitrep_stop_handler_installed = 0;
    }
}

/* Returns 1 once after the process was continued from a SIGTSTP stop. */
static inline int sitrep_take_resumed(void) {
    if (!sitrep_resumed) return 0;
    sitrep_resumed = 0;
    return 1;
}

#endif
