/* Views: categories, facts and the content of a comparison (English).  */
#include "system.h"

#include <string.h>
#include <criterion/criterion.h>

#include "catalog.h"
#include "dbuf.h"
#include "i18n.h"
#include "render.h"
#include "view.h"

static void
setup_en (void)
{
  i18n_init ("en");
}

static void
pair (const char *x, const char *y, struct compare_view *cv)
{
  const struct rc_registry *r = catalog_registry (catalog_builtin (), "smtp");
  struct code_view a, b;
  view_code (r, registry_code (r, x), x, x[0], &a);
  view_code (r, registry_code (r, y), y, y[0], &b);
  cr_assert (view_compare (&a, &b, cv));
}

static const struct difference *
diff (const struct compare_view *cv, const char *field)
{
  for (size_t i = 0; i < cv->n_diffs; i++)
    if (strcmp (cv->diffs[i].field, field) == 0)
      return &cv->diffs[i];
  return NULL;
}

Test (view, categories, .init = setup_en)
{
  const struct rc_registry *r = catalog_registry (catalog_builtin (), "smtp");
  struct code_view v;
  view_code (r, registry_code (r, "421"), "421", '4', &v);
  cr_expect_str_eq (v.cls_value, "4xx");
  cr_expect_str_eq (v.sub_value, "x2x");
  cr_expect_str_eq (v.cls_title.s, "Transient Negative Completion");
  cr_expect_str_eq (v.sub_title.s, "Connections");
  cr_expect_eq (v.outcome, RC_OUT_TRANSIENT);
  view_code (r, NULL, "299", '2', &v);
  cr_expect_null (v.code);
  cr_expect_str_eq (v.cls_title.s, "Positive Completion");
  cr_expect_eq (v.outcome, RC_OUT_SUCCESS);
}

Test (view, compare_same_class, .init = setup_en)
{
  struct compare_view cv;
  pair ("220", "221", &cv);
  cr_expect (cv.same_class);
  cr_expect_not_null (diff (&cv, "meaning"));
  cr_expect_null (diff (&cv, "outcome"));
  /* the category sentence, then one sentence per code from its
     description */
  cr_expect (strncmp (cv.summary, "Both SMTP 220 (Service Ready) and 221 "
                      "(Closing Connection) belong to the 2xx Positive "
                      "Completion category. 220: ", 104) == 0, "%s",
             cv.summary);
  cr_expect_not_null (strstr (cv.summary, ". 221: "), "%s", cv.summary);
  view_compare_free (&cv);
  cr_expect_null (cv.summary);
  view_compare_free (&cv);   /* again: a no-op */
}

Test (view, compare_different_class, .init = setup_en)
{
  struct compare_view cv;
  pair ("220", "550", &cv);
  cr_expect_not (cv.same_class);
  const struct difference *d = diff (&cv, "outcome");
  cr_assert_not_null (d);
  cr_expect (strstr (d->a, "Success") != NULL, "%s", d->a);
  cr_expect (strstr (d->b, "Permanent failure") != NULL, "%s", d->b);
  cr_expect_not_null (diff (&cv, "topic"));
  cr_expect (strstr (cv.summary, "belongs to the 2xx Positive "
                     "Completion category, while 550") != NULL, "%s",
             cv.summary);
  cr_expect (strstr (cv.summary, "220 reports success; 550 reports "
                     "a permanent failure.") != NULL, "%s", cv.summary);
  view_compare_free (&cv);
}

Test (view, transient_vs_permanent, .init = setup_en)
{
  struct compare_view cv;
  pair ("450", "550", &cv);
  const struct difference *d = diff (&cv, "outcome");
  cr_assert_not_null (d);
  cr_expect (strstr (d->a, "Temporary failure") != NULL, "%s", d->a);
  cr_expect (strstr (d->b, "Permanent failure") != NULL, "%s", d->b);
  cr_expect_null (diff (&cv, "topic"));
  view_compare_free (&cv);
}

/* ---- the first sentence of a text ---- */

static void
expect_first (const char *text, const char *want)
{
  struct dbuf b = DBUF_INIT;
  cr_assert (view_add_first_sentence (&b, text));
  cr_expect_str_eq (dbuf_str (&b), want);
  dbuf_free (&b);
}

Test (view, first_sentence)
{
  expect_first ("The server is ready. It greets the client.",
                "The server is ready.");
  expect_first ("Is it ready? Then go on.", "Is it ready?");
  expect_first ("Stop! Now.", "Stop!");
  /* "e.g." and "i.e." do not end a sentence; a dot inside a word or
     number does not either */
  expect_first ("A client (e.g. curl) sends it, i.e. first. Then more.",
                "A client (e.g. curl) sends it, i.e. first.");
  expect_first ("Version 1.1 of example.com is used. More.",
                "Version 1.1 of example.com is used.");
  /* a line break ends a sentence as a space does */
  expect_first ("First line.\nSecond line.", "First line.");
  expect_first ("서버가 준비되었습니다. 클라이언트에 인사합니다.",
                "서버가 준비되었습니다.");
  expect_first ("サーバーの準備ができました。クライアントに挨拶します。",
                "サーバーの準備ができました。");
  expect_first ("服务器已就绪。它向客户端问候。", "服务器已就绪。");
  expect_first ("本当ですか？はい。", "本当ですか？");
  /* no sentence end: the whole text, never cut */
  expect_first ("No sentence end here", "No sentence end here");
  expect_first ("Ends with a dot.", "Ends with a dot.");
  expect_first ("", "");
  cr_expect_eq (view_first_sentence_len (NULL), 0);
  /* a long text without a sentence end comes out whole */
  {
    char big[3000];
    memset (big, 'a', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    cr_expect_eq (view_first_sentence_len (big), sizeof big - 1);
  }
}

/* ---- comparisons over hand-built registries ---- */

static const struct rc_class http_classes[] = {
  { "3xx", "Redirection", "Go elsewhere." },
  { "4xx", "Client Error", "The client erred." }
};

static const struct rc_code http_codes[] = {
  { .value = "301", .title = "Moved Permanently",
    .description = "The resource moved for good. Use the new URI.",
    .when = "After a site moved. Often cached.", .fix = "Follow it.",
    .outcome = RC_OUT_REDIRECT, .actor = RC_ACT_CLIENT,
    .method = RC_METHOD_MAY_CHANGE },
  { .value = "302", .title = "Found",
    .description = "The resource is elsewhere for now.",
    .when = "During a login flow.", .fix = "Follow it.",
    .outcome = RC_OUT_REDIRECT, .actor = RC_ACT_CLIENT,
    .method = RC_METHOD_MAY_CHANGE },
  { .value = "308", .title = "Permanent Redirect",
    .description = "The resource moved for good; keep the method.",
    .when = "After an API moved.", .fix = "Follow it.",
    .outcome = RC_OUT_REDIRECT, .actor = RC_ACT_CLIENT,
    .method = RC_METHOD_KEPT },
  { .value = "404", .title = "Not Found",
    .description = "Nothing is at this URI.", .when = "A typo.",
    .fix = "Check the URL.", .outcome = RC_OUT_FAILURE,
    .actor = RC_ACT_USER },
  { .value = "410", .title = "Gone",
    .description = "Removed on purpose.", .when = "An old link.",
    .fix = "Drop the link.", .outcome = RC_OUT_PERMANENT,
    .actor = RC_ACT_USER }
};

static const struct rc_registry http_reg = {
  .id = "http", .name = "HTTP", .title = "HTTP status codes",
  .classes = http_classes, .n_classes = RC_COUNT_OF (http_classes),
  .codes = http_codes, .n_codes = RC_COUNT_OF (http_codes)
};

static const struct rc_class smtp_classes[] = {
  { "4xx", "Transient Negative Completion", "Try again." },
  { "5xx", "Permanent Negative Completion", "Do not." },
  { "x2x", "Connections", "The channel." },
  { "x5x", "Mail System", "The mail system." }
};

static const struct rc_code smtp_codes[] = {
  { .value = "421", .title = "Service Not Available",
    .description = "The service is not available; the server closes the "
    "connection. More text.",
    .when = "At connect time. Or later.", .fix = "Retry.",
    .outcome = RC_OUT_TRANSIENT, .actor = RC_ACT_SERVER_OPERATOR,
    .scope = RC_SCOPE_CONNECTION },
  { .value = "450", .title = "Mailbox Unavailable",
    .description = "The mailbox cannot be used now.",
    .when = "At RCPT TO.", .fix = "Retry.",
    .outcome = RC_OUT_TRANSIENT, .actor = RC_ACT_SERVER_OPERATOR,
    .scope = RC_SCOPE_RECIPIENT },
  { .value = "451", .title = "Local Error",
    .description = "A local error.", .when = "Any time.", .fix = "Retry.",
    .outcome = RC_OUT_TRANSIENT, .actor = RC_ACT_SERVER_OPERATOR,
    .scope = RC_SCOPE_RECIPIENT },
  { .value = "552", .title = "Storage Exceeded",
    .description = "Too much mail.", .when = "After DATA.",
    .fix = "Make room.", .outcome = RC_OUT_PERMANENT,
    .actor = RC_ACT_RECIPIENT_ADMIN },
  { .value = "554", .title = "Transaction Failed",
    .description = "The transaction failed.", .when = "After DATA.",
    .fix = "Read the text.", .outcome = RC_OUT_PERMANENT,
    .actor = RC_ACT_SENDER }
};

static const struct rc_comparison smtp_comparisons[] = {
  { "552", "554", "Written differences of 552 and 554.",
    "Written advice on 552 and 554." }
};

static const struct rc_registry smtp_reg = {
  .id = "smtp", .name = "SMTP", .title = "SMTP reply codes",
  .classes = smtp_classes, .n_classes = RC_COUNT_OF (smtp_classes),
  .codes = smtp_codes, .n_codes = RC_COUNT_OF (smtp_codes),
  .comparisons = smtp_comparisons,
  .n_comparisons = RC_COUNT_OF (smtp_comparisons)
};

static void
hand_pair (const struct rc_registry *r, const char *x, const char *y,
           struct compare_view *cv)
{
  struct code_view a, b;
  view_code (r, registry_code (r, x), x, x[0], &a);
  view_code (r, registry_code (r, y), y, y[0], &b);
  cr_assert (view_compare (&a, &b, cv));
  cr_assert_not_null (cv->summary);
  cr_assert_not_null (cv->key_differences);
  cr_assert_not_null (cv->when_to_use);
}

static void
expect_has (const char *text, const char *part)
{
  cr_expect_not_null (strstr (text, part), "\"%s\" not in: %s", part, text);
}

static void
expect_lacks (const char *text, const char *part)
{
  cr_expect_null (strstr (text, part), "\"%s\" in: %s", part, text);
}

/* HTTP gives the second digit no meaning: no comparison mentions it.  */
Test (view, http_no_second_digit, .init = setup_en)
{
  struct compare_view cv;
  hand_pair (&http_reg, "404", "410", &cv);
  cr_expect_not (cv.curated);
  expect_lacks (cv.key_differences, "x0x");
  expect_lacks (cv.key_differences, "x1x");
  expect_lacks (cv.key_differences, "Topic");
  expect_lacks (cv.key_differences, "second digit");
  cr_expect_null (diff (&cv, "topic"));
  /* the outcomes differ, and neither is called by the other's name */
  expect_has (cv.key_differences, "404 is a failure: the request was not "
              "carried out, and the code does not say whether");
  expect_has (cv.key_differences, "410 is a permanent failure");
  /* the facts, not a fixed advice line */
  expect_lacks (cv.when_to_use, "No action is needed");
  cr_expect_str_eq (cv.when_to_use, "404: A typo. 410: An old link.");
  view_compare_free (&cv);
}

/* The whole builtin HTTP registry: no comparison states a second-digit
   difference.  */
Test (view, http_builtin_no_topic, .init = setup_en)
{
  const struct rc_registry *r = catalog_registry (catalog_builtin (),
                                                  "http");
  cr_assert_not_null (r);
  for (size_t i = 0; i < r->n_codes; i += 3)
    for (size_t k = i + 1; k < r->n_codes; k += 5)
      {
        struct compare_view cv;
        struct code_view a, b;
        const struct rc_code *x = &r->codes[i], *y = &r->codes[k];
        view_code (r, x, x->value, x->value[0], &a);
        view_code (r, y, y->value, y->value[0], &b);
        cr_assert (view_compare (&a, &b, &cv));
        cr_expect_null (diff (&cv, "topic"), "%s vs %s", x->value, y->value);
        if (!cv.curated)
          {
            expect_lacks (cv.key_differences, "Topic");
            expect_lacks (cv.key_differences, "second digit");
          }
        view_compare_free (&cv);
      }
}

Test (view, http_method_difference, .init = setup_en)
{
  struct compare_view cv;
  hand_pair (&http_reg, "301", "308", &cv);
  cr_expect_str_eq (cv.key_differences,
                    "Both codes report a redirection. Request method: for "
                    "301, a client may change a POST into a GET; for 308, "
                    "the client must repeat the request with the same "
                    "method and body.");
  cr_assert_not_null (diff (&cv, "method"));
  view_compare_free (&cv);
}

/* Same outcome, same party, same method: one honest sentence.  */
Test (view, facts_equal, .init = setup_en)
{
  struct compare_view cv;
  hand_pair (&http_reg, "301", "302", &cv);
  cr_expect_str_eq (cv.key_differences,
                    "Both codes report a redirection, and the same party "
                    "must act; their descriptions say when each one is "
                    "sent.");
  cr_expect_eq (cv.n_diffs, 1);   /* the meaning only */
  view_compare_free (&cv);
  hand_pair (&smtp_reg, "450", "451", &cv);
  cr_expect_str_eq (cv.key_differences,
                    "Both codes report a temporary failure, and the same "
                    "party must act; their descriptions say when each one "
                    "is sent.");
  view_compare_free (&cv);
}

Test (view, smtp_scope_difference, .init = setup_en)
{
  struct compare_view cv;
  hand_pair (&smtp_reg, "421", "450", &cv);
  cr_expect_not (cv.curated);
  expect_has (cv.key_differences, "Both codes report a temporary failure.");
  expect_has (cv.key_differences, "What it concerns: for 421, the whole "
              "connection or session; for 450, one recipient only.");
  /* SMTP defines second-digit classes: x2x against x5x is meaningful */
  expect_has (cv.key_differences, "Topic: for 421, x2x Connections; for "
              "450, x5x Mail System.");
  cr_expect_not_null (diff (&cv, "scope"));
  cr_expect_not_null (diff (&cv, "topic"));
  /* the opening paragraph: one whole sentence per code */
  expect_has (cv.summary, "421: The service is not available; the server "
              "closes the connection. 450: The mailbox cannot be used "
              "now.");
  expect_lacks (cv.summary, "More text");
  cr_expect_str_eq (cv.when_to_use, "421: At connect time. 450: At RCPT "
                    "TO.");
  view_compare_free (&cv);
}

/* A pair with written texts uses them, in either order.  */
Test (view, curated, .init = setup_en)
{
  struct compare_view cv;
  hand_pair (&smtp_reg, "554", "552", &cv);
  cr_expect (cv.curated);
  cr_expect_str_eq (cv.key_differences, "Written differences of 552 and "
                    "554.");
  cr_expect_str_eq (cv.when_to_use, "Written advice on 552 and 554.");
  view_compare_free (&cv);
  hand_pair (&smtp_reg, "552", "421", &cv);
  cr_expect_not (cv.curated);
  expect_has (cv.key_differences, "552 is a permanent failure");
  expect_has (cv.key_differences, "421 is a temporary failure");
  view_compare_free (&cv);
}

/* Unregistered HTTP codes: 1xx interim, 3xx redirect; SMTP 3xx stays
   intermediate.  */
Test (view, unregistered_http_outcome, .init = setup_en)
{
  struct code_view v;
  view_code (&http_reg, NULL, "199", '1', &v);
  cr_expect_eq (v.outcome, RC_OUT_INTERIM);
  view_code (&http_reg, NULL, "399", '3', &v);
  cr_expect_eq (v.outcome, RC_OUT_REDIRECT);
  view_code (&smtp_reg, NULL, "399", '3', &v);
  cr_expect_eq (v.outcome, RC_OUT_INTERMEDIATE);
}

/* The composed lines every renderer takes.  */
Test (view, composed_lines, .init = setup_en)
{
  struct code_view v;
  struct dbuf b = DBUF_INIT;
  view_code (&smtp_reg, registry_code (&smtp_reg, "421"), "421", '4', &v);
  cr_assert (view_add_header (&b, &v, 0));
  cr_expect_str_eq (dbuf_str (&b), "SMTP 421 — Service Not Available");
  dbuf_reset (&b);
  cr_assert (view_add_header (&b, &v, VIEW_HEAD_NO_PROTOCOL));
  cr_expect_str_eq (dbuf_str (&b), "421 — Service Not Available");
  dbuf_reset (&b);
  cr_assert (view_add_category (&b, &v));
  cr_expect_str_eq (dbuf_str (&b), "4xx Transient Negative Completion · "
                    "x2x Connections");
  dbuf_reset (&b);
  cr_assert (view_add_labeled (&b, "Outcome", "fine"));
  cr_assert (view_add_list_separator (&b));
  cr_assert (view_add_sentence (&b, "Next."));
  cr_expect_str_eq (dbuf_str (&b), "Outcome: fine;  Next.");
  dbuf_reset (&b);
  view_code (&smtp_reg, NULL, "499", '4', &v);
  cr_assert (view_add_header (&b, &v, 0));
  cr_expect_str_eq (dbuf_str (&b), "SMTP 499 — not registered");
  dbuf_free (&b);
}
