/* Written comparisons: every pair the catalog links within a registry has
   one, translated into every shipped language, and no two pairs share a
   text in any language.  */
#include "system.h"

#include <stdlib.h>
#include <string.h>
#include <criterion/criterion.h>

#include "catalog.h"
#include "dbuf.h"
#include "i18n.h"

Test (comparisons, every_linked_pair_written)
{
  const struct catalog *cat = catalog_builtin ();
  size_t pairs = 0, missing = 0;
  for (size_t k = 0; k < cat->n_regs; k++)
    {
      const struct rc_registry *r = &cat->regs[k];
      for (size_t i = 0; i < r->n_codes; i++)
        for (size_t j = 0; j < r->codes[i].n_related; j++)
          {
            const struct rc_link *l = &r->codes[i].related[j];
            if ((l->registry && strcmp (l->registry, r->id) != 0)
                || !registry_code (r, l->code))
              continue;
            pairs++;
            if (!registry_comparison (r, r->codes[i].value, l->code))
              {
                missing++;
                cr_log_error ("%s %s vs %s: no written comparison", r->id,
                              r->codes[i].value, l->code);
              }
          }
      /* each comparison names two codes of its registry, in order */
      for (size_t c = 0; c < r->n_comparisons; c++)
        {
          const struct rc_comparison *p = &r->comparisons[c];
          cr_expect_not_null (registry_code (r, p->a), "%s %s", r->id, p->a);
          cr_expect_not_null (registry_code (r, p->b), "%s %s", r->id, p->b);
          cr_expect_lt (rc_value_cmp (p->a, p->b), 0);
          if (c > 0)
            cr_expect_lt (rc_comparison_cmp (&r->comparisons[c - 1], p), 0);
        }
    }
  cr_expect_gt (pairs, 700, "links counted both ways: %zu", pairs);
  cr_expect_eq (missing, 0, "%zu linked pairs without a comparison",
                missing);
}

static int
str_cmp (const void *a, const void *b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Counts texts that occur twice among the N of T (sorted in place).  */
static size_t
duplicates (const char **t, size_t n)
{
  size_t d = 0;
  qsort (t, n, sizeof *t, str_cmp);
  for (size_t i = 1; i < n; i++)
    if (strcmp (t[i - 1], t[i]) == 0)
      {
        d++;
        cr_log_error ("shared text: %.80s", t[i]);
      }
  return d;
}

static void
check_language (const char *lang)
{
  const struct catalog *cat = catalog_builtin ();
  size_t n = 0, untranslated = 0;
  for (size_t k = 0; k < cat->n_regs; k++)
    n += cat->regs[k].n_comparisons;
  const char **t = calloc (2 * n + 1, sizeof *t);
  cr_assert (t);
  if (lang)
    cr_assert (i18n_init (lang));
  n = 0;
  for (size_t k = 0; k < cat->n_regs; k++)
    {
      const struct rc_registry *r = &cat->regs[k];
      for (size_t c = 0; c < r->n_comparisons; c++)
        {
          const struct rc_comparison *p = &r->comparisons[c];
          struct dbuf pair = DBUF_INIT;
          bool tr1 = false, tr2 = false;
          cr_assert (dbuf_printf (&pair, "%s-vs-%s", p->a, p->b));
          t[n++] = lang ? i18n_data (r->id, dbuf_str (&pair), "differences",
                                     p->differences, &tr1) : p->differences;
          t[n++] = lang ? i18n_data (r->id, dbuf_str (&pair), "when-to-use",
                                     p->when_to_use, &tr2) : p->when_to_use;
          if (lang && (!tr1 || !tr2))
            {
              untranslated++;
              cr_log_error ("%s: %s %s untranslated", lang, r->id,
                            dbuf_str (&pair));
            }
          dbuf_free (&pair);
        }
    }
  cr_expect_eq (untranslated, 0, "%s: %zu comparisons untranslated",
                lang ? lang : "en", untranslated);
  cr_expect_eq (duplicates (t, n), 0, "%s: texts shared by two pairs",
                lang ? lang : "en");
  free (t);
}

Test (comparisons, translated_and_distinct)
{
  char langs[] = RC_LANGUAGES;
  unsetenv ("LANG");
  unsetenv ("LC_ALL");
  check_language (NULL);
  for (char *l = langs; *l;)
    {
      size_t n = strcspn (l, ",");
      bool last = l[n] == '\0';
      l[n] = '\0';
      if (strcmp (l, "en") != 0)
        check_language (l);
      l += n + !last;
    }
}
