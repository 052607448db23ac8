/* Catalog: the compiled-in data, ordering, lookup and merging.  */
#include "system.h"

#include <string.h>
#include <criterion/criterion.h>

#include "catalog.h"
#include "loader.h"
#include "testutil.h"

Test (catalog, value_order)
{
  cr_expect_lt (rc_value_cmp ("220", "221"), 0);
  cr_expect_lt (rc_value_cmp ("X.7.2", "X.7.10"), 0);
  cr_expect_gt (rc_value_cmp ("X.10.0", "X.9.9"), 0);
  cr_expect_eq (rc_value_cmp ("550", "550"), 0);
  cr_expect_lt (rc_value_cmp ("2xx", "3xx"), 0);
}

Test (catalog, builtin_smtp_complete_and_sorted)
{
  static const char *const smtp[] = {
    "211", "214", "220", "221", "235", "250", "251", "252", "253", "334",
    "354", "421", "432", "450", "451", "452", "454", "455", "458", "459",
    "500", "501", "502", "503", "504", "521", "530", "534", "535", "538",
    "550", "551", "552", "553", "554", "555", "556"
  };
  const struct catalog *cat = catalog_builtin ();
  const struct rc_registry *r = catalog_registry (cat, "smtp");
  cr_assert_not_null (r);
  cr_expect_eq (r->n_codes, RC_COUNT_OF (smtp));
  for (size_t i = 0; i < RC_COUNT_OF (smtp); i++)
    {
      const struct rc_code *c = registry_code (r, smtp[i]);
      cr_assert_not_null (c, "SMTP %s missing", smtp[i]);
      cr_expect_str_eq (c->value, smtp[i]);
      cr_expect (c->title && c->description && c->when && c->fix);
      cr_expect_gt (strlen (c->description), 60, "%s: description", smtp[i]);
      cr_expect_gt (strlen (c->when), 40, "%s: when", smtp[i]);
      cr_expect_gt (strlen (c->fix), 40, "%s: fix", smtp[i]);
      cr_expect_gt (c->n_refs, 0);
    }
  for (size_t i = 1; i < r->n_codes; i++)
    cr_expect_lt (rc_value_cmp (r->codes[i - 1].value, r->codes[i].value), 0);
  cr_expect_null (registry_code (r, "299"));
  cr_expect_null (registry_code (r, "000"));
  cr_expect_null (catalog_registry (cat, "gopher"));
}

Test (catalog, related_codes_exist)
{
  const struct catalog *cat = catalog_builtin ();
  for (size_t k = 0; k < cat->n_regs; k++)
    for (size_t i = 0; i < cat->regs[k].n_codes; i++)
      {
        const struct rc_code *c = &cat->regs[k].codes[i];
        for (size_t j = 0; j < c->n_related; j++)
          {
            const struct rc_registry *r = c->related[j].registry
              ? catalog_registry (cat, c->related[j].registry) : &cat->regs[k];
            cr_expect (r && registry_code (r, c->related[j].code),
                       "%s %s: related %s not found", cat->regs[k].id,
                       c->value, c->related[j].code);
          }
      }
}

Test (catalog, classes_present)
{
  const struct rc_registry *r = catalog_registry (catalog_builtin (), "smtp");
  static const char *const cls[] = { "2xx", "3xx", "4xx", "5xx", "x0x",
                                     "x1x", "x2x", "x5x" };
  for (size_t i = 0; i < RC_COUNT_OF (cls); i++)
    cr_expect_not_null (registry_class (r, cls[i]), "class %s", cls[i]);
  cr_expect_str_eq (registry_class (r, "2xx")->title, "Positive Completion");
}

Test (catalog, merge_overrides_and_adds)
{
  char path[4096];
  struct catalog *file = NULL;
  char *err = NULL;
  const struct catalog *base = catalog_builtin ();
  int ret = loader_load_file (test_path (path, sizeof path,
                                         "tests/data/good-override.xml"),
                              &file, &err);
  cr_assert_eq (ret, 0, "%s", err ? err : "");
  struct catalog *m = catalog_merge (base, file);
  cr_assert_not_null (m);
  const struct rc_registry *r = catalog_registry (m, "smtp");
  const struct rc_registry *b = catalog_registry (base, "smtp");
  cr_expect_eq (r->n_codes, b->n_codes + 1);
  cr_expect_str_eq (registry_code (r, "220")->title, "Local Greeting");
  cr_expect_str_eq (registry_code (r, "599")->title, "Relay Quota Exceeded");
  cr_expect_str_eq (registry_code (r, "221")->title, "Closing Connection");
  cr_expect_str_eq (registry_class (r, "2xx")->description,
                    "Local override of the class text.");
  cr_expect_not_null (registry_class (r, "5xx"));
  /* the base is unchanged */
  cr_expect_str_eq (registry_code (b, "220")->title, "Service Ready");
  for (size_t i = 1; i < r->n_codes; i++)
    cr_expect_lt (rc_value_cmp (r->codes[i - 1].value, r->codes[i].value), 0);
  catalog_free (m);
  catalog_free (file);
  catalog_free (NULL);
  catalog_free (base);
}

/* The one matcher: each registry kind matches typed codes its own way.  */
static const char matcher_xml[] =
  "<registry id='dnsx' name='DNSX' protocol='dnsx' kind='number'>"
  "<title>t</title><document ref='RFC 1035'>d</document>"
  "<code value='3' outcome='failure' actor='client' status='current'"
  " source='rfc'><title>Non-Existent Domain</title>"
  "<mnemonic>NXDomain</mnemonic><description>d</description><when>w</when>"
  "<fix>f</fix><ref doc='RFC 1035'/></code>"
  "<code value='16' outcome='failure' actor='client' status='current'"
  " source='rfc'><title>Two</title><mnemonic>BADVERS</mnemonic>"
  "<mnemonic>BADSIG</mnemonic><description>d</description><when>w</when>"
  "<fix>f</fix><ref doc='RFC 1035'/></code></registry>";
static const char word_xml[] =
  "<registry id='imapx' name='IMAPX' protocol='imapx' kind='word'>"
  "<title>t</title><document ref='RFC 9051'>d</document>"
  "<code value='SYS/TEMP' outcome='transient' actor='none' status='current'"
  " source='rfc'><title>T</title><description>d</description><when>w</when>"
  "<fix>f</fix><ref doc='RFC 9051'/></code>"
  "<code value='TRYCREATE' outcome='failure' actor='client' status='current'"
  " source='rfc'><title>T</title><description>d</description><when>w</when>"
  "<fix>f</fix><ref doc='RFC 9051'/></code></registry>";

Test (catalog, matcher_by_kind)
{
  struct catalog *n = NULL, *w = NULL;
  char *err = NULL;
  bool fits;
  cr_assert_eq (loader_load_memory (matcher_xml, sizeof matcher_xml - 1,
                                    "n.xml", &n, &err), 0, "%s", err);
  cr_assert_eq (loader_load_memory (word_xml, sizeof word_xml - 1, "w.xml",
                                    &w, &err), 0, "%s", err);
  const struct rc_registry *rn = &n->regs[0], *rw = &w->regs[0];
  cr_expect_eq (rn->kind, RC_KIND_NUMBER);
  cr_expect_str_eq (rn->protocol, "dnsx");
  /* numbers, with or without leading zeros; mnemonics in any case */
  cr_expect_str_eq (registry_match (rn, "3", NULL)->value, "3");
  cr_expect_str_eq (registry_match (rn, "003", NULL)->value, "3");
  cr_expect_str_eq (registry_match (rn, "nxdomain", NULL)->value, "3");
  cr_expect_str_eq (registry_match (rn, "NXDOMAIN", NULL)->value, "3");
  cr_expect_str_eq (registry_match (rn, "badsig", NULL)->value, "16");
  cr_expect_str_eq (registry_match (rn, "BadVers", NULL)->value, "16");
  cr_expect_null (registry_match (rn, "17", &fits));
  cr_expect (fits);
  cr_expect_null (registry_match (rn, "65536", &fits));
  cr_expect_not (fits);
  cr_expect_null (registry_match (rn, "NX-DOMAIN", &fits));
  cr_expect_not (fits);
  /* words in any case, with '-' and '/' */
  cr_expect_str_eq (registry_match (rw, "trycreate", NULL)->value,
                    "TRYCREATE");
  cr_expect_str_eq (registry_match (rw, "sys/temp", NULL)->value,
                    "SYS/TEMP");
  cr_expect_null (registry_match (rw, "550", &fits));
  cr_expect_not (fits);
  /* digit and enhanced registries of the shipped catalog */
  const struct catalog *b = catalog_builtin ();
  cr_expect_str_eq (registry_match (catalog_registry (b, "smtp-enhanced"),
                                    "5.7.1", NULL)->value, "X.7.1");
  cr_expect_str_eq (registry_match (catalog_registry (b, "smtp-enhanced"),
                                    "x.7.1", NULL)->value, "X.7.1");
  cr_expect_null (registry_match (catalog_registry (b, "smtp-enhanced"),
                                  "3.7.1", &fits));
  cr_expect_not (fits);
  cr_expect_str_eq (registry_match (catalog_registry (b, "smtp"), "550",
                                    NULL)->value, "550");
  cr_expect_null (registry_match (catalog_registry (b, "smtp"), "trycreate",
                                  &fits));
  cr_expect_not (fits);
  /* a registry belongs to its declared protocol and to its own id */
  cr_expect (registry_in_protocol (catalog_registry (b, "smtp-enhanced"),
                                   "smtp"));
  cr_expect (registry_in_protocol (catalog_registry (b, "smtp-enhanced"),
                                   "smtp-enhanced"));
  cr_expect_not (registry_in_protocol (catalog_registry (b, "smtp"), "sm"));
  catalog_free (n);
  catalog_free (w);
}
