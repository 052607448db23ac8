/* wrap.h: display width and word wrapping of UTF-8 text (libunistring).
   Widths are terminal cells: Hangul and other East Asian wide characters
   count two.  Lines break only where UAX #14 allows, and never inside a
   Korean word (keep-all: Hangul breaks only at spaces), so no word is
   ever cut; a word wider than the line stands alone and overflows.  */
#ifndef RC_WRAP_H
#define RC_WRAP_H

#include <stdbool.h>
#include <stddef.h>

#include "dbuf.h"

struct wrap_line
{
  size_t off, len;   /* byte slice of the text, without edge spaces */
  int cols;          /* its display width */
};

/* Width of S in cells.  Can't fail.  */
int wrap_width (const char *s);

/* Appends the LEN bytes of S (which may hold NUL bytes) to OUT as clean
   UTF-8 for a terminal or a JSON string: invalid UTF-8, control
   characters (C0 and NUL, DEL, C1) and the bidirectional formatting
   characters (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069)
   become U+FFFD; a tab becomes a space.  Nothing is cut.  False when OUT
   failed (out of memory).  */
bool wrap_sanitize (struct dbuf *out, const char *s, size_t len) RC_WUR;

/* True when the LEN bytes of S are clean: wrap_sanitize would copy them
   unchanged.  Can't fail.  */
bool wrap_is_clean (const char *s, size_t len);

/* Breaks S into lines of at most WIDTH cells.  Stores a malloc'd array in
   *OUT (caller frees) and returns the number of lines (0 for an empty
   text).  Returns (size_t) -1 and stores NULL when out of memory.  */
size_t wrap_text (const char *s, int width, struct wrap_line **out) RC_WUR;

#endif
