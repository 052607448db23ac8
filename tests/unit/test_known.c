/* Known replies: the matcher on a small hand-made producer, and the
   shipped data (every fragment finds its own reply; codes and protocols
   are ones the catalog knows).  */
#include "system.h"

#include <stdio.h>
#include <string.h>
#include <criterion/criterion.h>

#include "catalog.h"
#include "known.h"

static const char *const codes_a[] = { "550", "5.7.1" };
static const char *const match_a[] = { "Relay access denied" };
static const char *const codes_b[] = { "450", "4.7.1" };
static const char *const match_b[] = { "Client host rejected: cannot find"
                                       " your hostname, [*]" };
static const char *const codes_c[] = { "250" };
static const char *const match_c[] = { "queued as * for delivery" };
static const char *const match_d[] = { "access denied" };
static const char *const src[] = { "src" };
static const struct rc_document docs[] = {
  { .ref = "src", .title = "source", .href = "https://example.org/" }
};
static const struct rc_known replies[] = {
  { .id = "relay", .name = "Relay", .meaning = "m", .cause = "c", .fix = "f",
    .codes = codes_a, .matches = match_a, .sources = src, .n_codes = 2,
    .n_matches = 1, .n_sources = 1 },
  { .id = "hostname", .name = "Hostname", .meaning = "m", .cause = "c",
    .fix = "f", .codes = codes_b, .matches = match_b, .sources = src,
    .n_codes = 2, .n_matches = 1, .n_sources = 1 },
  { .id = "queued", .name = "Queued", .meaning = "m", .cause = "c",
    .fix = "f", .codes = codes_c, .matches = match_c, .sources = src,
    .n_codes = 1, .n_matches = 1, .n_sources = 1 },
  { .id = "nocode", .name = "No code", .meaning = "m", .cause = "c",
    .fix = "f", .matches = match_d, .sources = src, .n_matches = 1,
    .n_sources = 1 },
};
static const struct rc_producer prods[] = {
  { .id = "mta", .name = "MTA", .protocol = "smtp", .description = "d",
    .docs = docs, .replies = replies, .n_docs = 1, .n_replies = 4 },
};
static const struct catalog cat = { .producers = prods, .n_producers = 1 };

static const char *
best (struct known_index *ix, const char *proto, const char *basic,
      const char *enh, const char *text)
{
  struct known_hit h[4];
  size_t n = known_match (ix, proto, basic, enh, text, strlen (text), h, 4);
  return n ? h[0].reply->id : "";
}

Test (known, matcher)
{
  struct known_index *ix = known_index_new (&cat);
  cr_assert (ix);
  /* case and runs of white space do not matter */
  cr_expect_str_eq (best (ix, "smtp", "554", "5.7.1",
                          "<a@b.example>: RELAY   access\tdenied"), "relay");
  /* '*' stands for a variable part; the parts come in order */
  cr_expect_str_eq (best (ix, NULL, "450", "4.7.1", "Client host rejected: "
                          "cannot find your hostname, [192.0.2.1]"),
                    "hostname");
  cr_expect_str_eq (best (ix, NULL, "450", "4.7.1", "Client host rejected: "
                          "cannot find your hostname"), "");
  /* a transient line may match a permanent reply (soft_bounce), a
     success never matches a failure, nor the reverse */
  cr_expect_str_eq (best (ix, NULL, "454", "4.7.1", "Relay access denied"),
                    "relay");
  cr_expect_str_eq (best (ix, NULL, "250", "", "Relay access denied"),
                    "nocode");
  cr_expect_str_eq (best (ix, NULL, "550", "", "queued as X for delivery"),
                    "");
  /* another protocol's line finds nothing */
  cr_expect_str_eq (best (ix, "ftp", "550", "", "Relay access denied"), "");
  /* the longer fragment with the line's codes wins over a shorter one */
  cr_expect_str_eq (best (ix, NULL, "550", "5.7.1", "Relay access denied"),
                    "relay");
  /* the prefixes of a folded multi-line reply are taken out */
  cr_expect_str_eq (best (ix, NULL, "450", "4.7.1", "Client host rejected: "
                          "cannot 450-4.7.1 find your hostname, [x]"),
                    "hostname");
  /* NUL bytes and an empty text */
  cr_expect_str_eq (best (ix, NULL, "", "", ""), "");
  const char nul[] = "Relay\0access denied";
  struct known_hit h[1];
  cr_expect_geq (known_match (ix, NULL, "550", "", nul, sizeof nul - 1, h, 1),
                 1);
  cr_expect_str_eq (h[0].reply->id, "relay");
  known_index_free (ix);
}

Test (known, strip_prefixes)
{
  char s[] = "This mail 550-5.7.26 has been 550 5.7.26 blocked 550 times";
  size_t n = known_strip_prefixes (s, strlen (s), "550", "5.7.26");
  cr_expect_str_eq (s, "This mail has been blocked 550 times");
  cr_expect_eq (n, strlen (s));
}

Test (known, for_code)
{
  struct known_hit h[4];
  const struct rc_registry reg = { .id = "smtp-enhanced", .protocol = "smtp",
                                   .kind = RC_KIND_ENHANCED };
  const struct rc_code x71 = { .value = "X.7.1" };
  /* X.7.1 comes with 5.7.1 and 4.7.1 */
  cr_expect_eq (known_for_code (&cat, &reg, &x71, h, 4), 2);
}

/* The shipped data: every match fragment, with its variable parts filled
   in, finds its own reply among the best (another producer may send the
   very same text); every code has the shape of a protocol's codes.  */
Test (known, data_fragments_find_their_reply)
{
  const struct catalog *c = catalog_builtin ();
  struct known_index *ix = known_index_new (c);
  size_t checked = 0, total = 0;
  cr_assert (ix);
  cr_assert_gt (c->n_producers, 10);
  for (size_t p = 0; p < c->n_producers; p++)
    {
      const struct rc_producer *pr = &c->producers[p];
      cr_expect (catalog_has_protocol (c, pr->protocol), "%s: protocol %s",
                 pr->id, pr->protocol);
      total += pr->n_replies;
      for (size_t k = 0; k < pr->n_replies; k++)
        for (size_t m = 0; m < pr->replies[k].n_matches; m++)
          {
            const struct rc_known *kr = &pr->replies[k];
            char text[512], basic[4] = "", enh[12] = "";
            size_t w = 0;
            for (const char *s = kr->matches[m]; *s && w + 8 < sizeof text;
                 s++)
              if (*s == '*')
                w += (size_t) snprintf (text + w, sizeof text - w, "x1");
              else
                text[w++] = *s;
            text[w] = '\0';
            for (size_t i = 0; i < kr->n_codes; i++)
              if (strlen (kr->codes[i]) == 3 && !basic[0])
                memcpy (basic, kr->codes[i], 4);
              else if (kr->codes[i][1] == '.' && !enh[0])
                snprintf (enh, sizeof enh, "%s", kr->codes[i]);
            struct known_hit h[8];
            size_t n = known_match (ix, pr->protocol, basic, enh, text, w, h,
                                    8);
            bool found = false;
            for (size_t i = 0; i < n && i < 8 && !found; i++)
              found = h[i].reply == kr && h[i].score == h[0].score;
            cr_expect (found, "%s %s: fragment \"%s\" does not find it",
                       pr->id, kr->id, kr->matches[m]);
            checked++;
          }
    }
  cr_expect_geq (total, 300, "%zu known replies", total);
  cr_expect_gt (checked, total);
  known_index_free (ix);
}
