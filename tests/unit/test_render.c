/* Renderers over a registry built by hand: long texts come out whole and
   valid UTF-8 (no fixed buffer cuts them), JSON keeps every key, and
   terminal controls in data texts never reach the output raw.  */
#include "system.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>
#include <jansson.h>
#include <unistr.h>

#include "catalog.h"
#include "dbuf.h"
#include "i18n.h"
#include "render.h"
#include "view.h"

/* 1500 Hangul syllables (4500 bytes, no space): longer than every fixed
   buffer the renderers had (512, 1024, 4096 bytes), and a cut at any of
   those lengths lands inside a character or drops part of the title.  */
#define LONG_CHARS 1500
static char long_a[LONG_CHARS * 3 + 1], long_b[LONG_CHARS * 3 + 1];

/* The terminal controls and bidirectional overrides the hostile code
   carries, as UTF-8 bytes.  */
static const char *const controls[] = {
  "\xc2\x9b",        /* U+009B CSI */
  "\xc2\x9d",        /* U+009D OSC */
  "\xc2\x85",        /* U+0085 NEL */
  "\xe2\x80\xae",    /* U+202E RIGHT-TO-LEFT OVERRIDE */
  "\xe2\x80\xac",    /* U+202C POP DIRECTIONAL FORMATTING */
  "\x1b",            /* ESC */
  "\x07"             /* BEL */
};
#define REPLACEMENT "\xef\xbf\xbd"

static const struct rc_class classes[] = {
  { "2xx", "Positive Completion", "The request was carried out." },
  { "5xx", "Permanent Negative Completion", "The request failed." },
  { "x2x", "Connections", "The transmission channel." },
  { "x5x", "Mail System", "The mail system." }
};

static const char *const long_aliases[] = { long_a };
static const struct rc_reply_text long_replies[] = { { "RFC 5321",
                                                       long_b } };
static const struct rc_ref refs[] = { { "RFC 5321", "4.2.3" } };
static const struct rc_link related[] = { { NULL, "250" } };

static const char *const evil_aliases[] = { "\x1b[31mred\x1b[0m" };
static const struct rc_reply_text evil_replies[] = {
  { NULL, "evil \xc2\x9b" "2J reply" }
};
static const struct rc_ref evil_refs[] = { { "RFC\xe2\x80\xae 5321",
                                             NULL } };

static const struct rc_code codes[] = {
  { .value = "220", .title = long_a, .description = "Ready.",
    .when = "At the start.", .fix = "Nothing.",
    .aliases = long_aliases, .n_aliases = 1,
    .replies = long_replies, .n_replies = 1,
    .refs = refs, .n_refs = 1, .related = related, .n_related = 1,
    .outcome = RC_OUT_SUCCESS, .actor = RC_ACT_NONE },
  { .value = "250", .title = long_b, .description = "Done.",
    .when = "After a command.", .fix = "Nothing.",
    .refs = refs, .n_refs = 1,
    .outcome = RC_OUT_SUCCESS, .actor = RC_ACT_NONE },
  { .value = "550",
    .title = "Evil \xc2\x9b" "31m title",
    .description = "An OSC \xc2\x9d" "0;pwned\x07 sequence.",
    .when = "Next\xc2\x85line.",
    .fix = "An \xe2\x80\xae" "override\xe2\x80\xac here.",
    .aliases = evil_aliases, .n_aliases = 1,
    .replies = evil_replies, .n_replies = 1,
    .refs = evil_refs, .n_refs = 1,
    .outcome = RC_OUT_PERMANENT, .actor = RC_ACT_SENDER }
};

static const struct rc_registry reg = {
  .id = "tst", .name = "TST", .title = "Test codes",
  .classes = classes, .n_classes = RC_COUNT_OF (classes),
  .codes = codes, .n_codes = RC_COUNT_OF (codes)
};

static const struct catalog cat = { .regs = &reg, .n_regs = 1 };

static void
setup (void)
{
  for (size_t i = 0; i < LONG_CHARS; i++)
    {
      memcpy (long_a + 3 * i, "\xea\xb0\x80", 3);   /* U+AC00 */
      memcpy (long_b + 3 * i, "\xeb\x82\x98", 3);   /* U+B098 */
    }
  i18n_init ("en");
}

static void
code_view (const char *value, struct code_view *v)
{
  view_code (&reg, registry_code (&reg, value), value, value[0], v);
}

/* A struct out over a memory stream, and what was written to it.  */
struct capture
{
  char *text;
  size_t len;
  struct out o;
};

static void
capture_begin (struct capture *c, bool columns)
{
  c->text = NULL;
  c->len = 0;
  c->o.fp = open_memstream (&c->text, &c->len);
  c->o.color = false;
  c->o.width = 80;
  c->o.columns = columns;
  cr_assert_not_null (c->o.fp);
}

/* Ends the capture; the caller frees C->text.  */
static const char *
capture_end (struct capture *c)
{
  cr_assert_eq (fclose (c->o.fp), 0);
  return c->text;
}

static void
expect_utf8 (const char *s, size_t len)
{
  cr_expect_null (u8_check ((const uint8_t *) s, len),
                  "output is not valid UTF-8");
}

static void
expect_clean (const char *s, size_t len)
{
  expect_utf8 (s, len);
  for (size_t i = 0; i < RC_COUNT_OF (controls); i++)
    cr_expect_null (memmem (s, len, controls[i], strlen (controls[i])),
                    "control #%zu written raw", i);
  cr_expect_not_null (memmem (s, len, REPLACEMENT, 3),
                      "no U+FFFD in place of the controls");
}

static char *
show_text (const char *value)
{
  struct capture c;
  struct code_view v;
  code_view (value, &v);
  capture_begin (&c, false);
  cr_expect_eq (render_text_show (&c.o, &cat, &v), 0);
  return (char *) capture_end (&c);
}

Test (render, long_title_show, .init = setup)
{
  char *out = show_text ("220");
  expect_utf8 (out, strlen (out));
  cr_expect_not_null (strstr (out, long_a), "title cut in show");
  /* the alias and the reply text are long too */
  cr_expect_not_null (strstr (out, "Also known as:"));
  cr_expect_not_null (strstr (out, long_b), "reply text cut in show");
  free (out);
}

Test (render, long_title_list, .init = setup)
{
  struct capture c;
  struct code_view v;
  code_view ("220", &v);
  capture_begin (&c, false);
  cr_expect_eq (render_text_list_item (&c.o, &v), 0);
  capture_end (&c);
  expect_utf8 (c.text, c.len);
  cr_expect_not_null (strstr (c.text, long_a), "title cut in list");
  free (c.text);
}

static void
compare_text (bool columns)
{
  struct code_view a, b;
  struct compare_view cv;
  struct capture c;
  code_view ("220", &a);
  code_view ("250", &b);
  cr_assert (view_compare (&a, &b, &cv));
  capture_begin (&c, columns);
  cr_expect_eq (render_text_compare (&c.o, &cv), 0);
  capture_end (&c);
  view_compare_free (&cv);
  expect_utf8 (c.text, c.len);
  /* the title line and the summary (in both layouts; the stacked one
     has the header too, the columns wrap it) */
  const char *p = c.text;
  int seen = 0;
  while ((p = strstr (p, long_a)))
    {
      seen++;
      p += strlen (long_a);
    }
  cr_expect_geq (seen, 2, "the whole first title appears %d times", seen);
  cr_expect_not_null (strstr (c.text, long_b));
  free (c.text);
}

Test (render, long_title_compare, .init = setup)
{
  compare_text (false);
}

Test (render, long_title_compare_columns, .init = setup)
{
  compare_text (true);
}

Test (render, long_title_difference, .init = setup)
{
  struct code_view a, b;
  struct compare_view cv;
  struct dbuf t = DBUF_INIT;
  code_view ("220", &a);
  code_view ("250", &b);
  cr_assert (view_compare (&a, &b, &cv));
  cr_assert_geq (cv.n_diffs, 1);
  cr_expect_str_eq (cv.diffs[0].field, "meaning");
  cr_expect_not_null (strstr (cv.diffs[0].a, long_a));
  cr_expect_not_null (strstr (cv.diffs[0].a, long_b),
                      "the reply text follows the title");
  cr_expect_str_eq (cv.diffs[0].b, long_b);
  cr_assert (view_add_compare_title (&t, &a, &b));
  cr_expect_not_null (strstr (dbuf_str (&t), long_a));
  cr_expect_not_null (strstr (dbuf_str (&t), long_b));
  dbuf_free (&t);
  view_compare_free (&cv);
  cr_expect_eq (cv.n_diffs, 0);
  view_compare_free (&cv);   /* again: a no-op */
}

/* The deprecated bounded forms cut only at a character boundary.  */
Test (render, bounded_forms_stay_utf8, .init = setup)
{
  struct code_view a, b;
  struct compare_view cv;
  char buf[512];
  code_view ("220", &a);
  code_view ("250", &b);
  cr_assert (view_compare (&a, &b, &cv));
  view_compare_title (&a, &b, buf, sizeof buf);
  expect_utf8 (buf, strlen (buf));
  cr_expect_gt (strlen (buf), sizeof buf - 4);
  view_compare_free (&cv);
}

/* Prints VALUE (consumed) as render_json_print does and returns the
   text; the caller frees.  */
static char *
json_text (json_t *value, size_t *len)
{
  struct capture c;
  cr_assert_not_null (value, "a JSON renderer failed");
  capture_begin (&c, false);
  cr_expect_eq (render_json_print (&c.o, value), 0);
  capture_end (&c);
  *len = c.len;
  return c.text;
}

static const char *
member (const json_t *o, const char *key)
{
  const json_t *s = json_object_get (o, key);
  cr_assert (json_is_string (s), "key \"%s\" missing or not a string", key);
  return json_string_value (s);
}

Test (render, long_title_json, .init = setup)
{
  struct code_view v;
  size_t len;
  char *text;
  json_t *j;

  code_view ("220", &v);
  text = json_text (render_json_code (&cat, &v), &len);
  expect_utf8 (text, len);
  j = json_loads (text, 0, NULL);
  cr_assert_not_null (j);
  cr_expect_str_eq (member (j, "title"), long_a);
  cr_expect_str_eq (member (j, "title_en"), long_a);
  cr_expect_str_eq (json_string_value (json_array_get
                                       (json_object_get (j, "aliases"), 0)),
                    long_a);
  json_decref (j);
  free (text);

  text = json_text (render_json_list_item (&v), &len);
  j = json_loads (text, 0, NULL);
  cr_assert_not_null (j);
  cr_expect_str_eq (member (j, "title"), long_a);
  json_decref (j);
  free (text);
}

Test (render, long_title_json_compare, .init = setup)
{
  struct code_view a, b;
  struct compare_view cv;
  size_t len;
  char *text;
  json_t *j, *d;

  code_view ("220", &a);
  code_view ("250", &b);
  cr_assert (view_compare (&a, &b, &cv));
  text = json_text (render_json_compare (&cat, &cv), &len);
  expect_utf8 (text, len);
  j = json_loads (text, 0, NULL);
  cr_assert_not_null (j);
  cr_expect_str_eq (member (j, "summary"), cv.summary);
  cr_expect_str_eq (member (j, "key_differences"), cv.key_differences);
  cr_expect_str_eq (member (j, "when_to_use"), cv.when_to_use);
  cr_expect (json_is_false (json_object_get (j, "curated")));
  view_compare_free (&cv);
  cr_expect_not_null (strstr (member (j, "summary"), long_a));
  cr_expect_not_null (strstr (member (j, "summary"), long_b));
  d = json_object_get (j, "differences");
  /* every difference has all its keys; the meaning (the first) holds
     the titles whole */
  cr_assert (json_is_array (d) && json_array_size (d) >= 1);
  for (size_t i = 0; i < json_array_size (d); i++)
    {
      const json_t *x = json_array_get (d, i);
      member (x, "field");
      member (x, "label");
      member (x, "a");
      member (x, "b");
    }
  cr_expect_str_eq (member (json_array_get (d, 0), "field"), "meaning");
  cr_expect_not_null (strstr (member (json_array_get (d, 0), "a"), long_a));
  cr_expect_str_eq (member (json_array_get (d, 0), "b"), long_b);
  cr_expect_str_eq (member (json_object_get (j, "a"), "title"), long_a);
  cr_expect_str_eq (member (json_object_get (j, "b"), "title"), long_b);
  json_decref (j);
  free (text);
}

Test (render, controls_show, .init = setup)
{
  char *out = show_text ("550");
  expect_clean (out, strlen (out));
  cr_expect_not_null (strstr (out, "Evil " REPLACEMENT "31m title"));
  free (out);
}

Test (render, controls_list, .init = setup)
{
  struct capture c;
  struct code_view v;
  code_view ("550", &v);
  capture_begin (&c, false);
  cr_expect_eq (render_text_list_item (&c.o, &v), 0);
  capture_end (&c);
  expect_clean (c.text, c.len);
  free (c.text);
}

static void
controls_compare (bool columns)
{
  struct code_view a, b;
  struct compare_view cv;
  struct capture c;
  code_view ("220", &a);
  code_view ("550", &b);
  cr_assert (view_compare (&a, &b, &cv));
  capture_begin (&c, columns);
  cr_expect_eq (render_text_compare (&c.o, &cv), 0);
  capture_end (&c);
  view_compare_free (&cv);
  expect_clean (c.text, c.len);
  free (c.text);
}

Test (render, controls_compare, .init = setup)
{
  controls_compare (false);
}

Test (render, controls_compare_columns, .init = setup)
{
  controls_compare (true);
}

Test (render, controls_json, .init = setup)
{
  struct code_view a, b;
  struct compare_view cv;
  size_t len;
  char *text;
  json_t *j;

  code_view ("550", &b);
  text = json_text (render_json_code (&cat, &b), &len);
  expect_clean (text, len);
  /* jansson escapes C0 controls itself; what it reads back is clean */
  j = json_loads (text, 0, NULL);
  cr_assert_not_null (j);
  cr_expect_str_eq (member (j, "title"), "Evil " REPLACEMENT "31m title");
  cr_expect_str_eq (member (j, "description"),
                    "An OSC " REPLACEMENT "0;pwned" REPLACEMENT
                    " sequence.");
  cr_expect_str_eq (json_string_value (json_array_get
                                       (json_object_get (j, "aliases"), 0)),
                    REPLACEMENT "[31mred" REPLACEMENT "[0m");
  json_decref (j);
  free (text);

  text = json_text (render_json_list_item (&b), &len);
  expect_clean (text, len);
  free (text);

  code_view ("220", &a);
  cr_assert (view_compare (&a, &b, &cv));
  text = json_text (render_json_compare (&cat, &cv), &len);
  view_compare_free (&cv);
  expect_clean (text, len);
  free (text);
}

/* A text with a newline keeps it as a line break, sanitized or not.  */
Test (render, para_keeps_newlines, .init = setup)
{
  struct capture c;
  capture_begin (&c, false);
  cr_expect (out_para (&c.o, 2, "one\ntwo \xc2\x9b three"));
  capture_end (&c);
  cr_expect_str_eq (c.text, "  one\n  two " REPLACEMENT " three\n");
  free (c.text);
}
