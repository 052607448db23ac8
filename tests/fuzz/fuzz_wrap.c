/* Fuzz target: the sanitizer and the word wrapper (wrap.h).
   Invariants checked (abort on failure):
   - wrap_sanitize's output is valid UTF-8 with no NUL, no C0 or C1
     control, no DEL and no bidi control; wrap_is_clean accepts it and
     sanitizing it again changes nothing;
   - wrap_is_clean (input) holds exactly when sanitizing leaves the input
     unchanged;
   - at every width, wrap_text's lines lie inside the text, in order, are
     not empty, start and end with no space, leave out only spaces, cover
     every other byte, never split a UTF-8 character, and their cols is
     the display width of their bytes.
   The raw input (NUL-terminated, possibly invalid UTF-8, with newlines)
   also goes through wrap_width and wrap_text, where only order, bounds
   and what lies between the lines are checked: a leading newline there
   gives an empty first line.  */
#include "system.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "dbuf.h"
#include "wrap.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static const int widths[] = { -1, 0, 1, 2, 3, 4, 7, 10, 20, 33, 72, 80,
                              1000 };

static void
check (bool ok)
{
  if (!ok)
    abort ();
}

static bool
is_cont (unsigned char c)
{
  return (c & 0xC0) == 0x80;
}

/* S (LEN bytes) is valid UTF-8 with nothing a terminal would obey.  */
static void
check_clean (const char *s, size_t len)
{
  const uint8_t *u = (const uint8_t *) s;
  check (u8_check (u, len) == NULL);
  for (size_t i = 0; i < len;)
    {
      ucs4_t c;
      int l = u8_mbtouc (&c, u + i, len - i);
      check (l > 0);
      check (c >= 0x20 && !(c >= 0x7F && c < 0xA0) && c != 0x061C
             && c != 0x200E && c != 0x200F && !(c >= 0x202A && c <= 0x202E)
             && !(c >= 0x2066 && c <= 0x2069));
      i += (size_t) l;
    }
}

/* Wraps TEXT (LEN bytes, NUL-terminated) at WIDTH and checks the lines.
   STRICT: TEXT is clean, so characters and widths are checked too.  */
static void
check_wrap (const char *text, size_t len, int width, bool strict)
{
  struct wrap_line *l;
  size_t n = wrap_text (text, width, &l);
  size_t at = 0;   /* end of the previous line */

  if (n == (size_t) -1)
    return;        /* out of memory */
  for (size_t i = 0; i < n; i++)
    {
      check (l[i].off >= at && l[i].off <= len
             && l[i].len <= len - l[i].off);
      for (size_t k = at; k < l[i].off; k++)
        check (text[k] == ' ' || text[k] == '\n');
      if (strict)
        {
          check (l[i].len > 0 && text[l[i].off] != ' '
                 && text[l[i].off + l[i].len - 1] != ' ');
          size_t end = l[i].off + l[i].len;
          check (!is_cont ((unsigned char) text[l[i].off]));
          check (end == len || !is_cont ((unsigned char) text[end]));
          char *slice = malloc (l[i].len + 1);
          if (slice)
            {
              memcpy (slice, text + l[i].off, l[i].len);
              slice[l[i].len] = '\0';
              check (l[i].cols == wrap_width (slice));
              free (slice);
            }
        }
      at = l[i].off + l[i].len;
    }
  for (size_t k = at; k < len; k++)
    check (text[k] == ' ' || text[k] == '\n');
  free (l);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  const char *in = (const char *) data;
  struct dbuf clean = DBUF_INIT, again = DBUF_INIT;
  char *raw;

  if (!wrap_sanitize (&clean, in, size))
    {
      dbuf_free (&clean);
      return 0;    /* out of memory */
    }
  const char *s = dbuf_str (&clean);
  size_t len = dbuf_len (&clean);
  check (strlen (s) == len);
  check_clean (s, len);
  check (wrap_is_clean (s, len));
  check (wrap_is_clean (in, size)
         == (len == size && memcmp (s, in, size) == 0));
  if (wrap_sanitize (&again, s, len))
    check (dbuf_len (&again) == len && memcmp (dbuf_str (&again), s, len) == 0);
  dbuf_free (&again);
  check (wrap_width (s) >= 0);
  for (size_t i = 0; i < RC_COUNT_OF (widths); i++)
    check_wrap (s, len, widths[i], true);
  dbuf_free (&clean);

  /* the raw bytes up to the first NUL: no crash, lines in bounds */
  raw = malloc (size + 1);
  if (!raw)
    return 0;
  memcpy (raw, data, size);
  raw[size] = '\0';
  wrap_width (raw);
  check_wrap (raw, strlen (raw), 1, false);
  check_wrap (raw, strlen (raw), 40, false);
  free (raw);
  return 0;
}
