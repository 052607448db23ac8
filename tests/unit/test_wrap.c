/* Wrapping by display width: Hangul is two cells; words are never cut.  */
#include "system.h"

#include <stdlib.h>
#include <string.h>
#include <criterion/criterion.h>

#include "wrap.h"

/* Joins the lines with single spaces.  */
static char *
rejoin (const char *text, const struct wrap_line *l, size_t n)
{
  char *out = calloc (strlen (text) + n + 1, 1);
  for (size_t i = 0; i < n; i++)
    {
      if (i)
        strcat (out, " ");
      strncat (out, text + l[i].off, l[i].len);
    }
  return out;
}

Test (wrap, widths)
{
  cr_expect_eq (wrap_width ("abc"), 3);
  cr_expect_eq (wrap_width ("한국어"), 6);
  cr_expect_eq (wrap_width ("서비스 준비됨"), 13);
  cr_expect_eq (wrap_width ("é—"), 2);
}

Test (wrap, korean_at_width_20)
{
  const char *text = "서버가 새 SMTP 세션을 받을 준비가 되었습니다. TCP 연결이 "
    "열리면 서버는 가장 먼저 이 인사말을 보냅니다.";
  struct wrap_line *l;
  size_t n = wrap_text (text, 20, &l);
  cr_assert_neq (n, (size_t) -1);
  cr_assert_gt (n, 3);
  for (size_t i = 0; i < n; i++)
    {
      cr_expect_leq (l[i].cols, 20, "line %zu is %d cells", i, l[i].cols);
      /* every line starts and ends at a word boundary */
      cr_expect (l[i].off == 0 || text[l[i].off - 1] == ' ', "line %zu", i);
      size_t end = l[i].off + l[i].len;
      cr_expect (text[end] == '\0' || text[end] == ' ', "line %zu", i);
    }
  char *joined = rejoin (text, l, n);
  cr_expect_str_eq (joined, text);
  free (joined);
  free (l);
}

Test (wrap, english_and_long_words)
{
  const char *text = "a supercalifragilisticexpialidocious word";
  struct wrap_line *l;
  size_t n = wrap_text (text, 10, &l);
  cr_assert_eq (n, 3);
  cr_expect_eq (l[1].len, strlen ("supercalifragilisticexpialidocious"));
  free (l);
  n = wrap_text ("", 10, &l);
  cr_expect_eq (n, 0);
  free (l);
  n = wrap_text ("   ", 10, &l);
  cr_expect_eq (n, 0);
  free (l);
}

Test (wrap, sanitize)
{
  static const char *const io[][2] = {
    { "plain", "plain" },
    { "a\tb", "a b" },
    { "red \033[31m", "red \xef\xbf\xbd[31m" },
    { "bad \xff byte", "bad \xef\xbf\xbd byte" },
    { "c1 \xc2\x9b csi", "c1 \xef\xbf\xbd csi" },
    { "osc \xc2\x9d nel \xc2\x85", "osc \xef\xbf\xbd nel \xef\xbf\xbd" },
    { "rlo \xe2\x80\xae lri \xe2\x81\xa6", "rlo \xef\xbf\xbd lri \xef\xbf\xbd" },
    { "cut \xed\x95", "cut \xef\xbf\xbd\xef\xbf\xbd" },
    { "한국어", "한국어" },
  };
  for (size_t i = 0; i < RC_COUNT_OF (io); i++)
    {
      struct dbuf b = DBUF_INIT;
      cr_assert (wrap_sanitize (&b, io[i][0], strlen (io[i][0])));
      cr_expect_str_eq (dbuf_str (&b), io[i][1], "case %zu", i);
      cr_expect_eq (wrap_is_clean (io[i][0], strlen (io[i][0])),
                    strcmp (io[i][0], io[i][1]) == 0, "clean %zu", i);
      dbuf_free (&b);
    }
}

Test (wrap, sanitize_nul_and_long)
{
  /* a NUL byte inside the text is replaced, and what follows is kept */
  struct dbuf b = DBUF_INIT;
  cr_assert (wrap_sanitize (&b, "550 a\0b", 7));
  cr_expect_str_eq (dbuf_str (&b), "550 a\xef\xbf\xbd" "b");
  dbuf_free (&b);
  /* nothing is cut, however long */
  size_t n = 3 * 33334;
  char *big = malloc (n + 1);
  cr_assert (big);
  for (size_t i = 0; i + 3 <= n; i += 3)
    memcpy (big + i, "\xed\x95\x9c", 3);   /* 한 */
  big[n] = '\0';
  cr_assert (wrap_sanitize (&b, big, strlen (big)));
  cr_expect_str_eq (dbuf_str (&b), big);
  dbuf_free (&b);
  free (big);
}

Test (wrap, fits_exactly)
{
  struct wrap_line *l;
  size_t n = wrap_text ("aaaa bbbb cccc", 9, &l);
  cr_assert_eq (n, 2);
  cr_expect_eq (l[0].len, 9);
  cr_expect_eq (l[0].cols, 9);
  free (l);
}
