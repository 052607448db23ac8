/* Loader: good data, and every kind of bad file gives a clear FILE:LINE
   error (never a crash, never a partial catalog).  */
#include "system.h"

#include <string.h>
#include <criterion/criterion.h>

#include "catalog.h"
#include "loader.h"
#include "testutil.h"

struct bad
{
  const char *file;
  const char *where;     /* expected "file:line" suffix, or "file:" */
  const char *message;   /* a part of the message */
};

static const struct bad bads[] = {
  { "bad-malformed.xml", "bad-malformed.xml:5:", "tag mismatch" },
  { "bad-truncated.xml", "bad-truncated.xml:5:", "" },
  { "bad-utf8.xml", "bad-utf8.xml:3:", "UTF-8" },
  { "bad-doctype.xml", "bad-doctype.xml:", "" },
  { "bad-xxe.xml", "bad-xxe.xml:", "DOCTYPE" },
  { "bad-missing.xml", "bad-missing.xml:10:", "missing <fix>" },
  { "bad-duplicate.xml", "bad-duplicate.xml:14:", "duplicate code 220" },
  { "bad-root.xml", "bad-root.xml:2:", "root element" },
  { "bad-value.xml", "bad-value.xml:", "validate" },
  { "bad-empty.xml", "bad-empty.xml:7:", "empty" },
  { "no-such-file.xml", "no-such-file.xml:", "No such file" },
};

Test (loader, shipped_data_loads)
{
  char path[4096];
  struct catalog *cat = NULL;
  char *err = NULL;
  int ret = loader_load_file (test_path (path, sizeof path, "data/smtp.xml"),
                              &cat, &err);
  cr_assert_eq (ret, 0, "%s", err ? err : "");
  cr_assert_null (err);
  cr_expect_str_eq (cat->regs[0].id, "smtp");
  cr_expect_eq (cat->regs[0].n_codes,
                catalog_registry (catalog_builtin (), "smtp")->n_codes);
  catalog_free (cat);
}

Test (loader, bad_files)
{
  for (size_t i = 0; i < RC_COUNT_OF (bads); i++)
    {
      char rel[256], path[4096];
      struct catalog *cat = (struct catalog *) 1;
      char *err = NULL;
      snprintf (rel, sizeof rel, "tests/data/%s", bads[i].file);
      test_path (path, sizeof path, rel);
      int ret = loader_load_file (path, &cat, &err);
      cr_expect_eq (ret, RC_EXIT_DATA, "%s: status %d", bads[i].file, ret);
      cr_expect_null (cat, "%s: catalog not NULL", bads[i].file);
      cr_assert_not_null (err, "%s: no message", bads[i].file);
      cr_expect (strstr (err, bads[i].where) != NULL, "%s: got \"%s\"",
                 bads[i].file, err);
      cr_expect (strstr (err, bads[i].message) != NULL, "%s: got \"%s\"",
                 bads[i].file, err);
      free (err);
    }
}

Test (loader, memory_edge_cases)
{
  static const char *const inputs[] = {
    "", "<", "<registry/>", "<?xml version='1.0'?><registry id='x'/>",
    "<registry xmlns='urn:x' id='smtp' name='SMTP'><title>t</title></registry>",
    "\xef\xbb\xbf<registry id='smtp' name='SMTP'><title>t</title></registry>",
    "<registry id='smtp' name='SMTP'><title>t<b>x</b></title></registry>",
  };
  for (size_t i = 0; i < RC_COUNT_OF (inputs); i++)
    {
      struct catalog *cat = NULL;
      char *err = NULL;
      int ret = loader_load_memory (inputs[i], strlen (inputs[i]), "mem.xml",
                                    &cat, &err);
      cr_expect_eq (ret, RC_EXIT_DATA, "input %zu accepted", i);
      cr_expect_null (cat);
      cr_expect (err && strncmp (err, "mem.xml", 7) == 0, "input %zu: %s", i,
                 err ? err : "(null)");
      free (err);
    }
}

Test (loader, whitespace_like_xgettext)
{
  char buf[64];
  loader_normalize_ws (buf, "\n   a \t b\n\n c  ");
  cr_expect_str_eq (buf, "a b c");
  loader_normalize_ws (buf, "   ");
  cr_expect_str_eq (buf, "");
}

Test (loader, entities_are_decoded_once)
{
  char path[4096];
  struct catalog *cat = NULL;
  char *err = NULL;
  int ret = loader_load_file (test_path (path, sizeof path,
                                         "tests/data/good-override.xml"),
                              &cat, &err);
  cr_assert_eq (ret, 0, "%s", err ? err : "");
  cr_expect_str_eq (registry_code (&cat->regs[0], "220")->description,
                    "Our relay's greeting, with the <banner> & more.");
  catalog_free (cat);
}
