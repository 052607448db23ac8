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
  struct dbuf summary = DBUF_INIT;
  pair ("220", "221", &cv);
  cr_expect (cv.same_class);
  cr_expect (cv.facts_equal);
  cr_expect_not_null (diff (&cv, "meaning"));
  cr_expect_null (diff (&cv, "outcome"));
  cr_assert (render_add_compare_summary (&summary, &cv));
  cr_expect_str_eq (dbuf_str (&summary), "Both SMTP 220 (Service Ready) and "
                    "221 (Closing Connection) belong to the 2xx Positive "
                    "Completion category.");
  dbuf_free (&summary);
  view_compare_free (&cv);
}

Test (view, compare_different_class, .init = setup_en)
{
  struct compare_view cv;
  struct dbuf summary = DBUF_INIT;
  pair ("220", "550", &cv);
  cr_expect_not (cv.same_class);
  cr_expect_not (cv.facts_equal);
  const struct difference *d = diff (&cv, "outcome");
  cr_assert_not_null (d);
  cr_expect (strstr (d->a, "Success") != NULL, "%s", d->a);
  cr_expect (strstr (d->b, "Permanent failure") != NULL, "%s", d->b);
  cr_expect_not_null (diff (&cv, "topic"));
  cr_assert (render_add_compare_summary (&summary, &cv));
  cr_expect (strstr (dbuf_str (&summary), "belongs to the 2xx Positive "
                     "Completion category, while 550") != NULL, "%s",
             dbuf_str (&summary));
  cr_expect (strstr (dbuf_str (&summary), "220 reports success; 550 reports "
                     "a permanent failure.") != NULL, "%s",
             dbuf_str (&summary));
  dbuf_free (&summary);
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
