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

/* Reads the window size from the tty; 0 on success. */
static inline int sitrep_get_window_size(int fd, int *row_count, int *column_count) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0 || size.ws_row == 0 || size.ws_col == 0) return -1;
    *row_count = size.ws_row;
    *column_count = size.ws_col;
    return 0;
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
/* Swift only emits what functions reference, so the state lives in a function-local static. */
struct sitrep_signal_state {
    char restore_bytes[1024];
    volatile size_t restore_length;
    volatile int restore_fd;
    volatile int tty_fd;
    struct termios saved_termios;
    volatile int have_termios;
    volatile sig_atomic_t screen_active;
    volatile sig_atomic_t resumed;
    volatile sig_atomic_t resized;
    struct sigaction previous_actions[NSIG];
    volatile int installed[NSIG];
    volatile int stop_handler_installed;
    int registered_atexit;
};

static inline struct sitrep_signal_state *sitrep_state(void) {
    static struct sitrep_signal_state state = {.restore_fd = -1, .tty_fd = -1};
    return &state;
}


static inline void sitrep_restore_terminal_now(void) {
    struct sitrep_signal_state *state = sitrep_state();
    if (!state->screen_active) return;
    state->screen_active = 0;
    size_t written = 0;
    while (state->restore_fd >= 0 && written < state->restore_length) {
        ssize_t result = write(state->restore_fd, state->restore_bytes + written, state->restore_length - written);
        if (result < 0 && errno == EINTR) continue;
        if (result <= 0) break;
        written += (size_t)result;
    }
    if (state->have_termios && state->tty_fd >= 0) tcsetattr(state->tty_fd, TCSADRAIN, &state->saved_termios);
}

static inline void sitrep_fatal_signal_handler(int signal_number, siginfo_t *info, void *context) {
    struct sitrep_signal_state *state = sitrep_state();
    (void)context;
    int saved_errno = errno;
    sitrep_restore_terminal_now();
    sigaction(signal_number, &state->previous_actions[signal_number], NULL);
    state->installed[signal_number] = 0;
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
    struct sitrep_signal_state *state = sitrep_state();
    (void)signal_number;
    int saved_errno = errno;
    int was_active = state->screen_active;
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
        state->screen_active = 1;
        state->resumed = 1;
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
    struct sitrep_signal_state *state = sitrep_state();
    state->tty_fd = tty_fd;
    state->have_termios = tcgetattr(tty_fd, &state->saved_termios) == 0;
}

/* Signals that end the process and so must give the terminal back first. */
static inline const int *sitrep_fatal_signals(size_t *count) {
    static const int signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP};
    *count = sizeof signals / sizeof signals[0];
    return signals;
}

/* Records the dispositions in force before curses starts (newterm installs its own SIGINT and
   SIGTERM handlers, which exit(1)); fatal signals are passed on to these, and stopping
   restores them. */
static inline void sitrep_remember_signal_actions(void) {
    struct sitrep_signal_state *state = sitrep_state();
    size_t count = 0;
    const int *signals = sitrep_fatal_signals(&count);
    for (size_t index = 0; index < count; index++) {
        sigaction(signals[index], NULL, &state->previous_actions[signals[index]]);
    }
    sigaction(SIGTSTP, NULL, &state->previous_actions[SIGTSTP]);
}

/* Arms the handlers with the bytes that undo the screen; returns 0, or -1 if they do not fit.
   Call sitrep_remember_signal_actions first, before newterm. */
static inline int sitrep_install_restore_handlers(int output_fd, const char *bytes, size_t length, int handle_stop) {
    struct sitrep_signal_state *state = sitrep_state();
    if (length > sizeof state->restore_bytes) return -1;
    memcpy(state->restore_bytes, bytes, length);
    state->restore_length = length;
    state->restore_fd = output_fd;
    state->resumed = 0;
    state->screen_active = 1;
    size_t count = 0;
    const int *signals = sitrep_fatal_signals(&count);
    for (size_t index = 0; index < count; index++) {
        int signal_number = signals[index];
        struct sigaction *previous = &state->previous_actions[signal_number];
        /* An ignored signal (nohup) stays ignored: it would not end the process. */
        if (!(previous->sa_flags & SA_SIGINFO) && previous->sa_handler == SIG_IGN) continue;
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_sigaction = sitrep_fatal_signal_handler;
        action.sa_flags = SA_SIGINFO | SA_ONSTACK;
        sigemptyset(&action.sa_mask);
        if (sigaction(signal_number, &action, NULL) == 0) state->installed[signal_number] = 1;
    }
    struct sigaction *previous_stop = &state->previous_actions[SIGTSTP];
    if (handle_stop && !(previous_stop->sa_flags & SA_SIGINFO) && previous_stop->sa_handler == SIG_DFL) {
        sitrep_install_stop_handler();
        state->stop_handler_installed = 1;
    }
    if (!state->registered_atexit) {
        state->registered_atexit = 1;
        atexit(sitrep_atexit_restore);
    }
    return 0;
}

/* Disarms the handlers after a normal shutdown (the screen is already given back). */
static inline void sitrep_uninstall_restore_handlers(void) {
    struct sitrep_signal_state *state = sitrep_state();
    state->screen_active = 0;
    for (int signal_number = 1; signal_number < NSIG; signal_number++) {
        if (state->installed[signal_number]) {
            sigaction(signal_number, &state->previous_actions[signal_number], NULL);
            state->installed[signal_number] = 0;
        }
    }
    if (state->stop_handler_installed) {
        sigaction(SIGTSTP, &state->previous_actions[SIGTSTP], NULL);
        state->stop_handler_installed = 0;
    }
}

/* Returns 1 once after the process was continued from a SIGTSTP stop. */
static inline int sitrep_take_resumed(void) {
    struct sitrep_signal_state *state = sitrep_state();
    if (!state->resumed) return 0;
    state->resumed = 0;
    return 1;
}

/* SIGWINCH only raises a flag; the owning thread resizes curses when it next reads a key. */
static inline void sitrep_resize_signal_handler(int signal_number) {
    (void)signal_number;
    sitrep_state()->resized = 1;
}

/* Installs the SIGWINCH flag handler (ours rather than ncurses', so resizes work the same
   however ncurses was built); returns the previous action through `previous`. */
static inline void sitrep_install_resize_handler(struct sigaction *previous) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = sitrep_resize_signal_handler;
    sigemptyset(&action.sa_mask);
    sigaction(SIGWINCH, &action, previous);
}

/* Returns 1 once after a SIGWINCH. */
static inline int sitrep_take_resized(void) {
    struct sitrep_signal_state *state = sitrep_state();
    if (!state->resized) return 0;
    state->resized = 0;
    return 1;
}

#endif
