/* dbuf.h: one growable string buffer (after curl's dynbuf).

   Ownership: a struct dbuf owns its bytes; dbuf_free releases them and
   dbuf_take hands them to the caller.  The fields are private: use the
   functions.  The text is always NUL-terminated and never cut: a call
   that cannot grow the buffer (out of memory, or past DBUF_MAX) frees the
   contents and marks the buffer failed; every later call is then a no-op
   returning false, so a caller may check once, at the end.  */
#ifndef RC_DBUF_H
#define RC_DBUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

/* Largest text a buffer may hold.  */
#define DBUF_MAX ((size_t) 64 * 1024 * 1024)

struct dbuf
{
  char *p;          /* NULL until the first byte */
  size_t len, cap;
  bool failed;
};

#define DBUF_INIT { NULL, 0, 0, false }

/* Makes B empty.  Can't fail.  */
void dbuf_init (struct dbuf *b);
/* Frees B's bytes; B is empty (and usable) again.  */
void dbuf_free (struct dbuf *b);
/* Empties B but keeps its memory.  Clears a failure.  */
void dbuf_reset (struct dbuf *b);

/* Appends N bytes of S.  False when B failed (see above).  */
bool dbuf_addn (struct dbuf *b, const char *s, size_t n) RC_WUR;
/* Appends the string S.  */
bool dbuf_add (struct dbuf *b, const char *s) RC_WUR;
/* Appends printf-style output.  */
bool dbuf_printf (struct dbuf *b, const char *fmt, ...) RC_WUR
  __attribute__ ((format (printf, 2, 3)));
bool dbuf_vprintf (struct dbuf *b, const char *fmt, va_list ap) RC_WUR
  __attribute__ ((format (printf, 2, 0)));

/* The text ("" when empty or failed).  Valid until the next change.  */
const char *dbuf_str (const struct dbuf *b);
size_t dbuf_len (const struct dbuf *b);
bool dbuf_failed (const struct dbuf *b);

/* Hands the malloc'd text to the caller (NULL when B failed; "" is
   returned as an allocated empty string) and empties B.  */
char *dbuf_take (struct dbuf *b) RC_WUR;

#endif
