#ifndef PALABRE_CNCURSESW_SHIM_H
#define PALABRE_CNCURSESW_SHIM_H

/* The wide-character API of ncursesw (get_wch, cchar_t, setcchar, mvadd_wch). It must be
   defined before <ncurses.h>; SwiftPM's pkgConfig would drop the feature macros, hence
   `link "ncursesw"` in module.modulemap and this define. */
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncurses.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

/* glibc hides these without _XOPEN_SOURCE. */
int wcwidth(wchar_t c);
int wcswidth(const wchar_t *s, size_t n);

/* ---- Macros and globals Swift cannot import or rejects under strict concurrency ---- */

static inline attr_t palabre_A_NORMAL(void) { return A_NORMAL; }
static inline attr_t palabre_A_BOLD(void) { return A_BOLD; }
static inline attr_t palabre_A_UNDERLINE(void) { return A_UNDERLINE; }
static inline attr_t palabre_A_REVERSE(void) { return A_REVERSE; }
static inline attr_t palabre_A_DIM(void) { return A_DIM; }
static inline attr_t palabre_A_ITALIC(void) { return A_ITALIC; }

static inline void palabre_getmaxyx(WINDOW *win, int *rows, int *cols) {
    int y = 0, x = 0;
    getmaxyx(win, y, x);
    *rows = y;
    *cols = x;
}

static inline WINDOW *palabre_stdscr(void) { return stdscr; }
static inline int palabre_LINES(void) { return LINES; }
static inline int palabre_COLS(void) { return COLS; }
static inline int palabre_COLORS(void) { return COLORS; }
static inline int palabre_COLOR_PAIRS(void) { return COLOR_PAIRS; }
static inline int palabre_ESCDELAY(void) { return ESCDELAY; }
static inline FILE *palabre_stdin(void) { return stdin; }
static inline FILE *palabre_stdout(void) { return stdout; }
static inline FILE *palabre_stderr(void) { return stderr; }
static inline int palabre_KEY_F(int n) { return KEY_F(n); }
static inline int palabre_CCHARW_MAX(void) { return CCHARW_MAX; }

/* Whether the current terminal can move the cursor (a `dumb` or hardcopy one cannot). */
static inline int palabre_can_address_cursor(void) {
    char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}

/* Whether the current terminal has an alternate screen (terminfo smcup): without one
   (vt100, linux) the last screen drawn stays visible after endwin. */
static inline int palabre_has_alternate_screen(void) {
    char *smcup = tigetstr("smcup");
    return smcup != NULL && smcup != (char *)-1 && smcup[0] != 0;
}

/* Where palabre_putc writes (tputs takes a plain function, not a closure). */
static inline FILE **palabre_tputs_target(void) {
    static FILE *target = NULL;
    return &target;
}

static inline int palabre_putc(int c) { return putc(c, *palabre_tputs_target()); }

/* Writes the current terminal's clear-screen string (which also homes the cursor) to
   `out`. Returns 0, or -1 when the terminal has none. */
static inline int palabre_put_clear_screen(FILE *out) {
    char *clear = tigetstr("clear");
    if (clear == NULL || clear == (char *)-1 || clear[0] == 0) return -1;
    *palabre_tputs_target() = out;
    tputs(clear, 1, palabre_putc);
    fflush(out);
    return 0;
}

/* Makes sure ncurses will hear about window resizes: a SIGWINCH ignored or blocked by the
   parent process (both are inherited) would keep KEY_RESIZE from ever arriving. Call on the
   thread that reads keys, before newterm. */
static inline void palabre_prepare_sigwinch(void) {
    struct sigaction current;
    sigset_t set;
    if (sigaction(SIGWINCH, NULL, &current) == 0 && current.sa_handler == SIG_IGN) {
        signal(SIGWINCH, SIG_DFL);
    }
    sigemptyset(&set);
    sigaddset(&set, SIGWINCH);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
}

/* ---- Terminal restore on a crash ----
   The state lives in a function-local static (file-scope statics in an imported header are
   not emitted by Swift's importer). It has internal linkage: only the PalabreTerminal
   module may call these functions, so there is exactly one copy of it in a program. */

struct palabre_crash_state {
    struct termios saved;
    int saved_fd;                 /* descriptor the modes were saved from, -1 if none */
    int output_fd;                /* where the restore sequence is written */
    volatile sig_atomic_t armed;  /* 1 while the screen is ours */
    int installed;
    struct sigaction previous[32];
};

static inline struct palabre_crash_state *palabre_crash_state(void) {
    static struct palabre_crash_state state = { .saved_fd = -1, .output_fd = -1 };
    return &state;
}

/* Saves the terminal modes of `fd` (before ncurses changes them). Returns 0 on success. */
static inline int palabre_save_termios(int fd) {
    struct palabre_crash_state *st = palabre_crash_state();
    if (tcgetattr(fd, &st->saved) != 0) return -1;
    st->saved_fd = fd;
    return 0;
}

/* Puts back the modes saved by palabre_save_termios. Async-signal-safe. */
static inline int palabre_restore_termios(void) {
    struct palabre_crash_state *st = palabre_crash_state();
    if (st->saved_fd < 0) return -1;
    return tcsetattr(st->saved_fd, TCSANOW, &st->saved);
}

/* Crash handler: restore the saved modes, leave the alternate screen and show the cursor,
   then hand the signal to the previous handler (or the default action). Only
   async-signal-safe calls. */
static inline void palabre_crash_handler(int sig) {
    struct palabre_crash_state *st = palabre_crash_state();
    if (st->armed) {
        static const char leave[] = "\033[?2004l\033[?1049l\033[?25h\r\n";
        st->armed = 0;
        palabre_restore_termios();
        if (st->output_fd >= 0) {
            ssize_t ignored = write(st->output_fd, leave, sizeof leave - 1);
            (void)ignored;
        }
    }
    if (sig > 0 && sig < 32) {
        sigaction(sig, &st->previous[sig], NULL);
    } else {
        signal(sig, SIG_DFL);
    }
    raise(sig);
}

/* Installs the crash handler for SIGSEGV, SIGILL, SIGTRAP, SIGABRT and SIGBUS, writing the
   restore sequence to `output_fd`. Call after palabre_save_termios. */
static inline void palabre_install_crash_handlers(int output_fd) {
    static const int signals[] = { SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS };
    struct palabre_crash_state *st = palabre_crash_state();
    st->output_fd = output_fd;
    st->armed = 1;
    if (st->installed) return; /* once per process: the previous handlers must not be ours */
    st->installed = 1;
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = palabre_crash_handler;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_NODEFER | SA_RESETHAND;
        sigaction(signals[i], &action, &st->previous[signals[i]]);
    }
}

/* Stops the crash handler from touching the terminal (after a normal shutdown). */
static inline void palabre_disarm_crash_handlers(void) { palabre_crash_state()->armed = 0; }

#endif
