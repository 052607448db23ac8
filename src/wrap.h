/* wrap.h: display width and word wrapping of UTF-8 text (libunistring).
   Widths are terminal cells: Hangul and other East Asian wide characters
   count two.  Lines break only where UAX #14 allows, and never inside a
   Korean word (keep-all: Hangul breaks only at spaces), so no word is
   ever cut; a word wider than the line stands alone and overflows.  */
#ifndef RC_WRAP_H
#define RC_WRAP_H

#include <stddef.h>

struct wrap_line
{
  size_t off, len;   /* byte slice of the text, without edge spaces */
  int cols;          /* its display width */
};

/* Width of S in cells.  Can't fail.  */
int wrap_width (const char *s);

/* Copies S into DST (N bytes, N >= 4) as clean UTF-8 for a terminal or a
   JSON string: invalid UTF-8 and control characters (C0, DEL, C1) become
   U+FFFD, a tab becomes a space.  Truncates at a character boundary.
   Returns DST.  Can't fail.  */
char *wrap_sanitize (char *dst, size_t n, const char *s);

/* Breaks S into lines of at most WIDTH cells.  Stores a malloc'd array in
   *OUT (caller frees) and returns the number of lines (0 for an empty
   text).  Returns (size_t) -1 and stores NULL when out of memory.  */
size_t wrap_text (const char *s, int width, struct wrap_line **out) RC_WUR;

#endif
