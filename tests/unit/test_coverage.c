/* Coverage: every code of the authoritative lists (tests/data/
   registry-codes.txt, taken from the IANA registries and RFCs) is in the
   shipped catalog with all three sections, and every class a code needs
   exists.  Every registry declares its protocol and kind.  */
#include "system.h"

#include <stdio.h>
#include <string.h>
#include <criterion/criterion.h>

#include "catalog.h"
#include "testutil.h"

Test (coverage, registries_complete)
{
  char path[4096], line[256];
  const struct catalog *cat = catalog_builtin ();
  FILE *f = fopen (test_path (path, sizeof path,
                              "tests/data/registry-codes.txt"), "r");
  size_t n = 0;
  cr_assert_not_null (f, "%s", path);
  while (fgets (line, sizeof line, f))
    {
      char reg[32], value[32];
      if (line[0] == '#' || sscanf (line, "%31s %31s", reg, value) != 2)
        continue;
      n++;
      const struct rc_registry *r = catalog_registry (cat, reg);
      cr_assert_not_null (r, "registry %s", reg);
      const struct rc_code *c = registry_code (r, value);
      cr_expect_not_null (c, "%s %s is missing", reg, value);
      if (!c)
        continue;
      cr_expect (c->title && *c->title && c->description && *c->description
                 && c->when && *c->when && c->fix && *c->fix,
                 "%s %s lacks a section", reg, value);
      cr_expect_gt (c->n_refs, 0, "%s %s has no reference", reg, value);
    }
  fclose (f);
  /* SMTP, enhanced, FTP, HTTP; SIP, NNTP, IMAP, POP3, DNS, DNS EDE */
  cr_expect_eq (n, 37 + 81 + 58 + 64 + 75 + 65 + 62 + 6 + 20 + 36,
                "%zu codes listed", n);
}

Test (coverage, classes_for_every_code)
{
  const struct catalog *cat = catalog_builtin ();
  for (size_t k = 0; k < cat->n_regs; k++)
    {
      const struct rc_registry *r = &cat->regs[k];
      /* word and number registries have no classes */
      if (r->kind != RC_KIND_ENHANCED && !registry_has_digit_classes (r))
        continue;
      for (size_t i = 0; i < r->n_codes; i++)
        {
          const char *v = r->codes[i].value;
          char cls[8];
          if (v[0] == 'X')
            snprintf (cls, sizeof cls, "X.%.*s.X", (int) strcspn (v + 2, "."),
                      v + 2);
          else
            snprintf (cls, sizeof cls, "%cxx", v[0]);
          cr_expect_not_null (registry_class (r, cls), "%s %s: no class %s",
                              r->id, v, cls);
        }
    }
}

Test (coverage, registries_declare_protocol_and_kind)
{
  static const struct
  {
    const char *id, *protocol;
    enum rc_kind kind;
  } want[] = {
    { "smtp", "smtp", RC_KIND_THREE_DIGIT },
    { "smtp-enhanced", "smtp", RC_KIND_ENHANCED },
    { "ftp", "ftp", RC_KIND_THREE_DIGIT },
    { "http", "http", RC_KIND_THREE_DIGIT },
    { "sip", "sip", RC_KIND_THREE_DIGIT },
    { "nntp", "nntp", RC_KIND_THREE_DIGIT },
    { "imap", "imap", RC_KIND_WORD },
    { "pop3", "pop3", RC_KIND_WORD },
    { "dns", "dns", RC_KIND_NUMBER },
    { "dns-ede", "dns", RC_KIND_NUMBER },
  };
  const struct catalog *cat = catalog_builtin ();
  for (size_t i = 0; i < RC_COUNT_OF (want); i++)
    {
      const struct rc_registry *r = catalog_registry (cat, want[i].id);
      cr_assert_not_null (r, "%s", want[i].id);
      cr_expect_str_eq (r->protocol, want[i].protocol, "%s", want[i].id);
      cr_expect_eq (r->kind, want[i].kind, "%s", want[i].id);
    }
}
