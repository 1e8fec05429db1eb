#ifndef PALABRE_CNCURSESW_SHIM_H
#define PALABRE_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <ncurses.h>
int wcwidth(wchar_t c);
int wcswidth(const wchar_t *s, size_t n);
#endif
