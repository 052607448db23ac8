/* Translation: Korean without a Korean locale, every shipped data text
   translated, the seed's headings exact, English fallback.  */
#include "system.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <criterion/criterion.h>

#include "catalog.h"
#include "i18n.h"
#include "view.h"

static void
setup_ko (void)
{
  /* as a user with nothing but C.UTF-8 and LANG unset */
  unsetenv ("LANG");
  unsetenv ("LC_ALL");
  unsetenv ("LANGUAGE");
  cr_assert (i18n_init ("ko"));
}

Test (i18n, language_tags)
{
  cr_expect (i18n_valid_tag ("ko"));
  cr_expect (i18n_valid_tag ("pt_BR"));
  cr_expect (i18n_valid_tag ("zh-Hant"));
  cr_expect_not (i18n_valid_tag ("k"));
  cr_expect_not (i18n_valid_tag ("ko;rm -rf"));
  cr_expect_not (i18n_valid_tag ("../../etc"));
  cr_expect_not (i18n_init ("ko/../x"));
}

Test (i18n, korean_ui_headings, .init = setup_ko)
{
  cr_assert_str_eq (i18n_lang (), "ko");
  cr_expect_str_eq (_("Description"), "설명");
  cr_expect_str_eq (_("When you see this code"), "이 코드를 보게 되는 경우");
  cr_expect_str_eq (_("How to fix"), "해결 방법");
  cr_expect_str_eq (_("Key differences"), "주요 차이점");
  cr_expect_str_eq (_("When to use which"), "언제 어떤 것을 사용할지");
}

Test (i18n, every_data_text_in_korean, .init = setup_ko)
{
  const struct catalog *cat = catalog_builtin ();
  size_t checked = 0;
  for (size_t k = 0; k < cat->n_regs; k++)
    {
      const struct rc_registry *r = &cat->regs[k];
      struct vtext t = view_registry_title (r);
      cr_expect (t.translated, "%s: registry title", r->id);
      for (size_t i = 0; i < r->n_classes; i++)
        {
          bool tr;
          i18n_data (r->id, r->classes[i].value, "title", r->classes[i].title,
                     &tr);
          cr_expect (tr, "%s %s: class title", r->id, r->classes[i].value);
          i18n_data (r->id, r->classes[i].value, "description",
                     r->classes[i].description, &tr);
          cr_expect (tr, "%s %s: class description", r->id,
                     r->classes[i].value);
        }
      for (size_t i = 0; i < r->n_codes; i++)
        {
          struct code_view v;
          const struct rc_code *c = &r->codes[i];
          view_code (r, c, c->value, 0, &v);
          cr_expect (v.title.translated, "%s %s: title", r->id, c->value);
          cr_expect (v.description.translated, "%s %s: description", r->id,
                     c->value);
          cr_expect (v.when.translated, "%s %s: when", r->id, c->value);
          cr_expect (v.fix.translated, "%s %s: fix", r->id, c->value);
          checked++;
        }
    }
  cr_expect_gt (checked, 30);
}

Test (i18n, english_and_unknown_language)
{
  cr_assert (i18n_init ("en"));
  cr_expect_str_eq (i18n_lang (), "en");
  cr_expect_not (i18n_translating ());
  cr_expect_str_eq (_("Description"), "Description");
  cr_expect_null (i18n_unavailable ());
  cr_assert (i18n_init ("xx"));
  cr_expect_str_eq (i18n_lang (), "en");
  cr_expect_str_eq (i18n_unavailable (), "xx");
  cr_assert (i18n_init ("ko"));
  cr_expect_null (i18n_unavailable ());
}

/* BCP 47 and POSIX tags reach the shipped catalogs.  */
Test (i18n, resolve_tags)
{
  static const char *const io[][2] = {
    { "ko", "ko" }, { "ko-KR", "ko" }, { "ko_KR", "ko" }, { "KO-kr", "ko" },
    { "ja", "ja" }, { "ja-JP", "ja" },
    { "zh", "zh_CN" }, { "zh-CN", "zh_CN" }, { "zh_CN", "zh_CN" },
    { "zh-Hans", "zh_CN" }, { "zh-Hans-CN", "zh_CN" }, { "zh-SG", "zh_CN" },
    { "zh-TW", NULL }, { "zh-Hant", NULL }, { "zh-HK", NULL },
    { "pt-BR", NULL }, { "xx", NULL }, { "en", NULL }, { "ko-", NULL },
    { "ko/../x", NULL }, { "", NULL },
  };
  for (size_t i = 0; i < RC_COUNT_OF (io); i++)
    {
      char out[16] = "";
      bool ok = i18n_resolve (io[i][0], out, sizeof out);
      cr_expect_eq (ok, io[i][1] != NULL, "%s", io[i][0]);
      if (ok && io[i][1])
        cr_expect_str_eq (out, io[i][1], "%s", io[i][0]);
    }
  cr_assert (i18n_init ("zh-Hans"));
  cr_expect_str_eq (i18n_lang (), "zh_CN");
  cr_assert (i18n_init ("ko-KR"));
  cr_expect_str_eq (i18n_lang (), "ko");
}

/* A context longer than any fixed buffer still finds its text, and a
   long unknown one falls back without being cut into another.  */
Test (i18n, long_context)
{
  char value[300];
  bool tr = true;
  memset (value, '9', sizeof value - 1);
  value[sizeof value - 1] = '\0';
  cr_assert (i18n_init ("ko"));
  cr_expect_str_eq (i18n_data ("smtp", value, "title", "Service Ready", &tr),
                    "Service Ready");
  cr_expect_not (tr);
  cr_expect_str_neq (i18n_data ("smtp", "220", "title", "Service Ready",
                                &tr), "Service Ready");
  cr_expect (tr);
}

Test (i18n, unknown_context_falls_back)
{
  bool tr = true;
  cr_assert (i18n_init ("ko"));
  const char *s = i18n_data ("smtp", "999", "title", "No Such Text", &tr);
  cr_expect_str_eq (s, "No Such Text");
  cr_expect_not (tr);
}

/* Every language shipped (RC_LANGUAGES: what docs --lang all writes) is
   complete: each data text and the seed's headings are translated.  */
Test (i18n, every_shipped_language_complete)
{
  char langs[] = RC_LANGUAGES;
  const struct catalog *cat = catalog_builtin ();
  unsetenv ("LANG");
  unsetenv ("LC_ALL");
  for (char *l = langs; *l;)
    {
      size_t n = strcspn (l, ",");
      bool last = l[n] == '\0';
      l[n] = '\0';
      if (strcmp (l, "en") != 0)
        {
          size_t missing = 0;
          cr_assert (i18n_init (l));
          cr_expect_str_eq (i18n_lang (), l, "no catalog for %s", l);
          cr_expect_str_neq (_("Key differences"), "Key differences",
                             "%s: headings", l);
          for (size_t k = 0; k < cat->n_regs; k++)
            for (size_t i = 0; i < cat->regs[k].n_codes; i++)
              {
                struct code_view v;
                view_code (&cat->regs[k], &cat->regs[k].codes[i],
                           cat->regs[k].codes[i].value, 0, &v);
                missing += !v.title.translated + !v.description.translated
                  + !v.when.translated + !v.fix.translated;
              }
          cr_expect_eq (missing, 0, "%s: %zu data texts untranslated", l,
                        missing);
        }
      l += n + !last;
    }
}
