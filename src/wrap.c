/* wrap.c: see wrap.h.  */
#include "system.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unilbrk.h>
#include <unistr.h>
#include <uniwidth.h>

#include "wrap.h"

int
wrap_width (const char *s)
{
  return u8_strwidth ((const uint8_t *) s, "UTF-8");
}

/* True when C must not reach a terminal as it is.  */
static bool
is_unsafe (ucs4_t c)
{
  return c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0x061C
    || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E)
    || (c >= 0x2066 && c <= 0x2069);
}

/* Length of the clean run at the start of S (LEN bytes).  */
static size_t
clean_run (const uint8_t *s, size_t len)
{
  const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
  size_t i = 0;
  /* eight printable ASCII bytes at a time: none has its high bit set,
     none is below 0x20 and none is 0x7F (one more sets its high bit) */
  for (uint64_t x; i + 8 <= len; i += 8)
    {
      memcpy (&x, s + i, 8);
      if (((x | (x + ones) | ((x - 0x20 * ones) & ~x)) & highs) != 0)
        break;
    }
  while (i < len)
    {
      ucs4_t c;
      if (s[i] >= 0x20 && s[i] < 0x7F)
        {
          i++;
          continue;
        }
      int l = u8_mbtoucr (&c, s + i, len - i);
      if (l <= 0 || is_unsafe (c))
        break;
      i += (size_t) l;
    }
  return i;
}

bool
wrap_is_clean (const char *s, size_t len)
{
  return clean_run ((const uint8_t *) s, len) == len;
}

bool
wrap_sanitize (struct dbuf *out, const char *s, size_t len)
{
  static const char repl[] = "\xef\xbf\xbd";   /* U+FFFD */
  const uint8_t *u = (const uint8_t *) s;
  size_t i = 0;
  bool ok = true;
  while (ok && i < len)
    {
      size_t run = clean_run (u + i, len - i);
      ucs4_t c;
      int l;
      ok = dbuf_addn (out, s + i, run);
      i += run;
      if (!ok || i >= len)
        break;
      l = u8_mbtoucr (&c, u + i, len - i);
      ok = c == '\t' && l == 1 ? dbuf_addn (out, " ", 1)
        : dbuf_addn (out, repl, 3);
      /* an invalid sequence: replace its first byte, go on after it */
      i += l > 0 ? (size_t) l : 1;
    }
  return ok && dbuf_addn (out, "", 0);
}

static int
is_hangul (ucs4_t c)
{
  return (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x1100 && c <= 0x11FF)
    || (c >= 0x3130 && c <= 0x318F) || (c >= 0xA960 && c <= 0xA97F)
    || (c >= 0xD7B0 && c <= 0xD7FF);
}

/* Scripts written without spaces between words (Han, kana): UAX #14's
   break opportunities there are real word boundaries.  */
static int
is_cjk (ucs4_t c)
{
  return (c >= 0x2E80 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF)
    || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF)
    || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0x20000 && c <= 0x3FFFF);
}

/* Keeps only the break opportunities that end a word: after a space, or
   next to a Han or kana character.  Korean is written with spaces between
   words, so breaks between two Hangul syllables go (keep-all), and so do
   breaks inside tokens such as host names ("mx.example.org") or
   "plain-text", which would cut a word.  */
static void
keep_all (const uint8_t *s, size_t n, char *brk)
{
  ucs4_t prev = 0;
  for (size_t i = 0; i < n;)
    {
      ucs4_t c;
      int l = u8_mbtouc (&c, s + i, n - i);
      if (brk[i] == UC_BREAK_POSSIBLE && prev != ' '
          && !(is_cjk (prev) && !is_hangul (prev))
          && !(is_cjk (c) && !is_hangul (c)))
        brk[i] = UC_BREAK_PROHIBITED;
      prev = c;
      i += l > 0 ? (size_t) l : 1;
    }
}

size_t
wrap_text (const char *text, int width, struct wrap_line **out)
{
  const uint8_t *s = (const uint8_t *) text;
  size_t n = strlen (text), count = 0, cap = 0, start = 0;
  char *brk = malloc (n + 1);
  struct wrap_line *lines = NULL;

  *out = NULL;
  if (!brk)
    return (size_t) -1;
  if (width < 1)
    width = 1;
  u8_possible_linebreaks (s, n, "UTF-8", brk);
  keep_all (s, n, brk);
  while (start < n && s[start] == ' ')
    start++;
  while (start < n)
    {
      size_t i = start, cand = start, end;
      int col = 0, cand_col = 0;   /* cells before I, before CAND */
      while (i < n)
        {
          ucs4_t c;
          int l;
          if (i > start && brk[i] == UC_BREAK_MANDATORY)
            {
              cand = i;
              cand_col = col;
              break;
            }
          if (i > start && brk[i] == UC_BREAK_POSSIBLE)
            {
              cand = i;
              cand_col = col;
            }
          l = u8_mbtouc (&c, s + i, n - i);
          int w = uc_width (c, "UTF-8");
          if (w < 0)
            w = 0;
          if (c != ' ' && col + w > width && cand > start)
            break;
          col += w;
          i += l > 0 ? (size_t) l : 1;
        }
      int cols = i >= n ? col : cand_col;
      end = i >= n ? n : cand;
      size_t next = end;
      /* trailing spaces are one cell each (a newline none) */
      while (end > start && (s[end - 1] == ' ' || s[end - 1] == '\n'))
        cols -= s[--end] == ' ';
      if (count == cap)
        {
          size_t ncap = cap ? cap * 2 : 8;
          struct wrap_line *nl = realloc (lines, ncap * sizeof *nl);
          if (!nl)
            {
              free (lines);
              free (brk);
              return (size_t) -1;
            }
          lines = nl;
          cap = ncap;
        }
      lines[count].off = start;
      lines[count].len = end - start;
      lines[count].cols = cols;
      count++;
      start = next;
      while (start < n && (s[start] == ' ' || s[start] == '\n'))
        start++;
    }
  free (brk);
  *out = lines;
  return count;
}
