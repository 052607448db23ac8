/* Loader: good data, and every kind of bad file gives a clear FILE:LINE
   error (never a crash, never a partial catalog, never a hang).  */
#include "system.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <criterion/criterion.h>
#include <libxml/xmlmemory.h>

#include "catalog.h"
#include "loader.h"
#include "testutil.h"

struct bad
{
  const char *file;
  const char *where;     /* expected "file:line:" */
  const char *message;   /* a part of the message */
};

static const struct bad bads[] = {
  { "bad-malformed.xml", "bad-malformed.xml:5:", "tag mismatch" },
  { "bad-truncated.xml", "bad-truncated.xml:5:", "" },
  { "bad-utf8.xml", "bad-utf8.xml:3:", "UTF-8" },
  { "bad-doctype.xml", "bad-doctype.xml:2:", "<!DOCTYPE> is not allowed" },
  { "bad-xxe.xml", "bad-xxe.xml:2:", "<!DOCTYPE> is not allowed" },
  { "bad-missing.xml", "bad-missing.xml:10:",
    "<code>: expected <fix>, found <ref>" },
  { "bad-duplicate.xml", "bad-duplicate.xml:14:", "duplicate code 220" },
  { "bad-root.xml", "bad-root.xml:2:", "root element" },
  { "bad-value.xml", "bad-value.xml:6:",
    "<code value=\"22x0\">: not a code value" },
  { "bad-kind.xml", "bad-kind.xml:6:",
    "code 2200: not a code of a registry of kind three-digit" },
  { "bad-empty.xml", "bad-empty.xml:7:", "<description> is empty" },
  /* white space passed the old xsd:token schema: look-alike entries */
  { "bad-ws-code.xml", "bad-ws-code.xml:7:",
    "<code value=\" 550\">: white space or a control character in a code"
    " value" },
  { "bad-ws-id.xml", "bad-ws-id.xml:3:",
    "<registry id=\"smtp\\n\">: white space or a control character in a"
    " registry id" },
  { "bad-ws-class.xml", "bad-ws-class.xml:6:",
    "<class value=\"5xx\\t\">: white space or a control character in a"
    " class value" },
  { "bad-ws-related.xml", "bad-ws-related.xml:10:",
    "<related code=\"250 \">: white space" },
  { "bad-ws-docref.xml", "bad-ws-docref.xml:9:",
    "<ref doc=\"RFC  5321\">: leading, trailing or double space in a"
    " document reference" },
  { "bad-comparison-order.xml", "bad-comparison-order.xml:16:",
    "a must come before b" },
  { "bad-comparison-twice.xml", "bad-comparison-twice.xml:20:",
    "duplicate comparison 552 vs 599" },
};

/* Loads tests/data/FILE; returns the status, *ERR the message.  */
static int
load_test_file (const char *file, struct catalog **cat, char **err)
{
  char rel[256], path[4096];
  snprintf (rel, sizeof rel, "tests/data/%s", file);
  test_path (path, sizeof path, rel);
  return loader_load_file (path, cat, err);
}

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

static void
expect_same_str (const char *a, const char *b, const char *what,
                 const char *code)
{
  if (!a || !b)
    cr_expect (a == b, "%s %s: %s vs %s", code, what, a ? a : "NULL",
               b ? b : "NULL");
  else
    cr_expect_str_eq (a, b, "%s %s", code, what);
}

/* rcgen compiles the data in: every field of every code must come out as
   the loader reads it (a field written in the wrong place shows here).  */
Test (loader, builtin_equals_loaded_data)
{
  static const char *const files[] = {
    "data/smtp.xml", "data/smtp-enhanced.xml", "data/ftp.xml", "data/http.xml"
  };
  for (size_t f = 0; f < RC_COUNT_OF (files); f++)
    {
      char path[4096];
      struct catalog *cat = NULL;
      char *err = NULL;
      int ret = loader_load_file (test_path (path, sizeof path, files[f]),
                                  &cat, &err);
      cr_assert_eq (ret, 0, "%s", err ? err : "");
      const struct rc_registry *l = &cat->regs[0];
      const struct rc_registry *b = catalog_registry (catalog_builtin (),
                                                      l->id);
      cr_assert_not_null (b, "%s", l->id);
      expect_same_str (l->name, b->name, "name", l->id);
      expect_same_str (l->title, b->title, "title", l->id);
      cr_assert_eq (l->n_docs, b->n_docs);
      for (size_t i = 0; i < l->n_docs; i++)
        {
          expect_same_str (l->docs[i].ref, b->docs[i].ref, "doc", l->id);
          expect_same_str (l->docs[i].title, b->docs[i].title, "doc title",
                           l->id);
        }
      cr_assert_eq (l->n_classes, b->n_classes);
      for (size_t i = 0; i < l->n_classes; i++)
        {
          expect_same_str (l->classes[i].value, b->classes[i].value,
                           "class", l->id);
          expect_same_str (l->classes[i].title, b->classes[i].title,
                           "class title", l->classes[i].value);
          expect_same_str (l->classes[i].description,
                           b->classes[i].description, "class description",
                           l->classes[i].value);
        }
      cr_assert_eq (l->n_codes, b->n_codes);
      for (size_t i = 0; i < l->n_codes; i++)
        {
          const struct rc_code *x = &l->codes[i], *y = &b->codes[i];
          expect_same_str (x->value, y->value, "value", x->value);
          expect_same_str (x->title, y->title, "title", x->value);
          expect_same_str (x->description, y->description, "description",
                           x->value);
          expect_same_str (x->when, y->when, "when", x->value);
          expect_same_str (x->fix, y->fix, "fix", x->value);
          cr_expect_eq (x->outcome, y->outcome, "%s", x->value);
          cr_expect_eq (x->actor, y->actor, "%s", x->value);
          cr_expect_eq (x->status, y->status, "%s", x->value);
          cr_expect_eq (x->source, y->source, "%s", x->value);
          cr_assert_eq (x->n_aliases, y->n_aliases, "%s", x->value);
          for (size_t k = 0; k < x->n_aliases; k++)
            expect_same_str (x->aliases[k], y->aliases[k], "alias",
                             x->value);
          cr_assert_eq (x->n_replies, y->n_replies, "%s", x->value);
          for (size_t k = 0; k < x->n_replies; k++)
            {
              expect_same_str (x->replies[k].doc, y->replies[k].doc,
                               "reply doc", x->value);
              expect_same_str (x->replies[k].text, y->replies[k].text,
                               "reply text", x->value);
            }
          cr_assert_eq (x->n_refs, y->n_refs, "%s", x->value);
          for (size_t k = 0; k < x->n_refs; k++)
            {
              expect_same_str (x->refs[k].doc, y->refs[k].doc, "ref",
                               x->value);
              expect_same_str (x->refs[k].section, y->refs[k].section,
                               "section", x->value);
            }
          cr_assert_eq (x->n_related, y->n_related, "%s", x->value);
          for (size_t k = 0; k < x->n_related; k++)
            {
              expect_same_str (x->related[k].registry,
                               y->related[k].registry, "related registry",
                               x->value);
              expect_same_str (x->related[k].code, y->related[k].code,
                               "related code", x->value);
            }
        }
      catalog_free (cat);
    }
}

Test (loader, bad_files)
{
  for (size_t i = 0; i < RC_COUNT_OF (bads); i++)
    {
      struct catalog *cat = (struct catalog *) 1;
      char *err = NULL;
      int ret = load_test_file (bads[i].file, &cat, &err);
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

/* A file that cannot be read is a bad operand: RC_EXIT_USAGE, as
   loader.h says; bad contents are RC_EXIT_DATA.  */
static void
expect_unreadable (const char *path, const char *message)
{
  struct catalog *cat = (struct catalog *) 1;
  char *err = NULL;
  int ret = loader_load_file (path, &cat, &err);
  cr_expect_eq (ret, RC_EXIT_USAGE, "%s: status %d", path, ret);
  cr_expect_null (cat);
  cr_assert_not_null (err);
  cr_expect (strncmp (err, path, strlen (path)) == 0
             && strstr (err, message) != NULL, "%s: got \"%s\"", path, err);
  free (err);
}

Test (loader, missing_file_is_a_usage_error)
{
  char path[4096];
  test_path (path, sizeof path, "tests/data/no-such-file.xml");
  expect_unreadable (path, ": No such file");
}

/* A FIFO used to block the loader (and so every lookup) forever.  */
Test (loader, fifo_and_directory_refused_at_once, .timeout = 20)
{
  char dir[] = "/tmp/rc-loader-XXXXXX", path[64];
  cr_assert_not_null (mkdtemp (dir));
  snprintf (path, sizeof path, "%s/user.xml", dir);
  cr_assert_eq (mkfifo (path, 0600), 0, "%s", strerror (errno));
  expect_unreadable (path, ": not a regular file");
  expect_unreadable (dir, ": not a regular file");
  unlink (path);
  rmdir (dir);
}

Test (loader, unreadable_file_is_a_usage_error)
{
  char dir[] = "/tmp/rc-loader-XXXXXX", path[64];
  int fd;
  if (geteuid () == 0)
    cr_skip_test ("root reads every file");
  cr_assert_not_null (mkdtemp (dir));
  snprintf (path, sizeof path, "%s/user.xml", dir);
  fd = open (path, O_WRONLY | O_CREAT, 0000);
  cr_assert_geq (fd, 0);
  close (fd);
  expect_unreadable (path, ": Permission denied");
  unlink (path);
  rmdir (dir);
}

static void
expect_data_error (const char *path, const char *where, const char *message)
{
  struct catalog *cat = (struct catalog *) 1;
  char *err = NULL;
  int ret = loader_load_file (path, &cat, &err);
  cr_expect_eq (ret, RC_EXIT_DATA, "%s: status %d", path, ret);
  cr_expect_null (cat);
  cr_assert_not_null (err);
  cr_expect (strstr (err, where) && strstr (err, message), "got \"%s\"", err);
  free (err);
}

/* Empty and oversized files name line 1.  */
Test (loader, empty_and_oversized_files)
{
  char dir[] = "/tmp/rc-loader-XXXXXX", path[64], want[96];
  int fd;
  cr_assert_not_null (mkdtemp (dir));
  snprintf (path, sizeof path, "%s/user.xml", dir);
  snprintf (want, sizeof want, "%s:1: ", path);

  fd = open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  cr_assert_geq (fd, 0);
  close (fd);
  expect_data_error (path, want, "the file is empty");

  fd = open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  cr_assert_geq (fd, 0);
  cr_assert_eq (ftruncate (fd, (off_t) LOADER_MAX_FILE + 1), 0);
  close (fd);
  expect_data_error (path, want, "larger than");

  unlink (path);
  rmdir (dir);

  /* the same from memory */
  struct catalog *cat = NULL;
  char *err = NULL;
  char *big = calloc (LOADER_MAX_FILE + 1, 1);
  cr_assert_not_null (big);
  cr_expect_eq (loader_load_memory (big, LOADER_MAX_FILE + 1, "mem.xml",
                                    &cat, &err), RC_EXIT_DATA);
  cr_expect (err && strncmp (err, "mem.xml:1: ", 11) == 0
             && strstr (err, "larger than"), "%s", err ? err : "(null)");
  free (err);
  free (big);
  err = NULL;
  cr_expect_eq (loader_load_memory ("", 0, "mem.xml", &cat, &err),
                RC_EXIT_DATA);
  cr_expect (err && strcmp (err, "mem.xml:1: the file is empty") == 0, "%s",
             err ? err : "(null)");
  free (err);
}

/* A regular file whose size says 0 (as in /proc) is still read whole.  */
Test (loader, file_without_size_is_read)
{
  struct catalog *cat = NULL;
  char *err = NULL;
  int ret;
  if (access ("/proc/self/status", R_OK) != 0)
    cr_skip_test ("no /proc");
  ret = loader_load_file ("/proc/self/status", &cat, &err);
  cr_expect_eq (ret, RC_EXIT_DATA);
  /* parsed, so libxml2 saw the contents: not "empty" */
  cr_expect (err && strstr (err, "/proc/self/status:1: ")
             && !strstr (err, "empty"), "%s", err ? err : "(null)");
  free (err);
}

Test (loader, memory_edge_cases)
{
  static const char *const inputs[] = {
    "", "<", "<registry/>", "<?xml version='1.0'?><registry id='x'/>",
    "<registry xmlns='urn:x' id='smtp' name='SMTP'><title>t</title></registry>",
    "\xef\xbb\xbf<registry id='smtp' name='SMTP' protocol='smtp' kind='three-digit'><title>t</title></registry>",
    "<registry id='smtp' name='SMTP' protocol='smtp' kind='three-digit'><title>t<b>x</b></title></registry>",
    "   \n  ",
  };
  for (size_t i = 0; i < RC_COUNT_OF (inputs); i++)
    {
      struct catalog *cat = NULL;
      char *err = NULL;
      int ret = loader_load_memory (inputs[i], strlen (inputs[i]), "mem.xml",
                                    &cat, &err);
      cr_expect_eq (ret, RC_EXIT_DATA, "input %zu accepted", i);
      cr_expect_null (cat);
      /* always a line number */
      cr_expect (err && strncmp (err, "mem.xml:", 8) == 0
                 && err[8] >= '1' && err[8] <= '9', "input %zu: %s", i,
                 err ? err : "(null)");
      free (err);
    }
}

/* Every mistake the schema refuses gets a message that names the element,
   the attribute or child, and the line.  The file is HEAD (line 1), then
   the registry's rest from line 2.  */
#define HEAD "<registry id='smtp' name='SMTP' protocol='smtp' kind='three-digit'><title>t</title>" \
  "<document ref='RFC 5321'>d</document>"
#define CLASS "<class value='5xx'><title>t</title><description>d" \
  "</description></class>"
#define CODE_OPEN "<code value='550' outcome='permanent' actor='user'" \
  " status='current' source='rfc'>"
#define CODE_BODY "<title>t</title><description>d</description>" \
  "<when>w</when><fix>f</fix><ref doc='RFC 5321'/>"
#define CODE CODE_OPEN CODE_BODY "</code>"

struct msg_case
{
  const char *xml;
  const char *message;    /* expected message after "mem.xml:" */
};

static const struct msg_case msg_cases[] = {
  { HEAD CLASS "\n<code value='550' outcome='permanent' actor='user'"
    " status='current' source='rfc' foo='1'>" CODE_BODY "</code></registry>",
    "2: <code>: unknown attribute foo" },
  { HEAD CLASS "\n<code value='550' outcome=' permanent' actor='user'"
    " status='current' source='rfc'>" CODE_BODY "</code></registry>",
    "2: <code outcome=\" permanent\">: not one of success, intermediate,"
    " transient, permanent, depends" },
  { HEAD CLASS "\n" CODE_OPEN "<title>t<b>x</b></title><description>d"
    "</description><when>w</when><fix>f</fix><ref doc='RFC 5321'/></code>"
    "</registry>", "2: <title> holds text only, not <b>" },
  { HEAD CLASS "\n" CODE_OPEN "<title xml:lang='en'>t</title><description>d"
    "</description><when>w</when><fix>f</fix><ref doc='RFC 5321'/></code>"
    "</registry>", "2: <title>: unknown attribute xml:lang" },
  { HEAD CLASS CODE_OPEN "<title>t</title><description>d</description>"
    "<when>w</when><fix>f</fix>\n<ref doc='RFC 5321'>x</ref></code>"
    "</registry>", "2: <ref> must be empty" },
  { HEAD CLASS CODE_OPEN "\nstray<title>t</title><description>d"
    "</description><when>w</when><fix>f</fix><ref doc='RFC 5321'/></code>"
    "</registry>", "2: <code> holds elements only, not text" },
  { "<registry id='smtp' name='SMTP  X'>\n</registry>",
    "1: <registry name=\"SMTP  X\">: leading, trailing or double space in a"
    " registry name" },
  { HEAD CLASS CODE_OPEN CODE_BODY "\n<related registry='SMTP' code='550'/>"
    "</code></registry>", "2: <related registry=\"SMTP\">: not a registry id" },
  { HEAD CLASS CODE_OPEN "<title>t</title><description>d</description>"
    "<when>w</when><fix>f</fix>\n<ref doc='RFC 5321' section='4 2'/></code>"
    "</registry>",
    "2: <ref section=\"4 2\">: white space or a control character in a"
    " section number" },
  { HEAD CLASS CODE_OPEN CODE_BODY "\n<basic code='600'/></code></registry>",
    "2: <basic code=\"600\">: not a basic reply code" },
  { HEAD CLASS CODE_OPEN CODE_BODY "\n<extra/></code></registry>",
    "2: unexpected <extra> in code 550" },
  /* classes are optional (word and number registries have none), but a
     code of the wrong shape for the registry's kind is refused */
  { "<registry id='imap' name='IMAP' protocol='imap' kind='word'>"
    "<title>t</title><document ref='RFC 9051'>d</document>\n" CODE
    "</registry>", "2: code 550: not a code of a registry of kind word" },
  { HEAD CLASS "\n</registry>", "1: <registry> needs at least one <code>" },
  { HEAD CLASS "\n" CODE_OPEN "<x:title xmlns:x='urn:x'>t</x:title>"
    "<description>d</description><when>w</when><fix>f</fix>"
    "<ref doc='RFC 5321'/></code></registry>",
    "2: <code>: expected <title>, found <x:title> (namespace urn:x)" },
  { HEAD CLASS "\n<code value='X.7.1234' outcome='permanent' actor='user'"
    " status='current' source='rfc'>" CODE_BODY "</code></registry>",
    "2: <code value=\"X.7.1234\">: not a code value" },
  { HEAD CLASS "\n<code value='550&#xa0;' outcome='permanent' actor='user'"
    " status='current' source='rfc'>" CODE_BODY "</code></registry>",
    "2: <code value=\"550\xc2\xa0\">: not a code value" },
  { "<?xml version='1.0'?>\n<!DOCTYPE registry SYSTEM 'x.dtd'>\n"
    "<registry/>", "2: <!DOCTYPE> is not allowed in data files" },
};

Test (loader, messages_name_what_and_where)
{
  for (size_t i = 0; i < RC_COUNT_OF (msg_cases); i++)
    {
      struct catalog *cat = NULL;
      char *err = NULL;
      char want[512];
      int ret = loader_load_memory (msg_cases[i].xml,
                                    strlen (msg_cases[i].xml), "mem.xml",
                                    &cat, &err);
      cr_expect_eq (ret, RC_EXIT_DATA, "case %zu accepted", i);
      snprintf (want, sizeof want, "mem.xml:%s", msg_cases[i].message);
      cr_expect (err && strncmp (err, want, strlen (want)) == 0,
                 "case %zu: got \"%s\", want \"%s\"", i,
                 err ? err : "(null)", want);
      free (err);
      catalog_free (cat);
    }
}

/* A long value is quoted in part: a message need not repeat it all.  */
Test (loader, long_value_quoted_in_part)
{
  char xml[8192], value[4001];
  struct catalog *cat = NULL;
  char *err = NULL;
  memset (value, 'a', sizeof value - 1);
  value[sizeof value - 1] = '\0';
  snprintf (xml, sizeof xml, "<registry id='%s' name='SMTP'/>", value);
  cr_assert_eq (loader_load_memory (xml, strlen (xml), "mem.xml", &cat,
                                    &err), RC_EXIT_DATA);
  cr_assert_not_null (err);
  cr_expect (strncmp (err, "mem.xml:1: <registry id=\"aaaa", 29) == 0
             && strstr (err, "aaa\"...>: not a registry id")
             && strlen (err) < 300, "%s", err);
  free (err);
}

/* The whole message set passes the schema: the walk refuses nothing the
   schema accepts.  */
Test (loader, minimal_file_loads)
{
  static const char xml[] = HEAD CLASS CODE_OPEN CODE_BODY
    "<basic code='550'/><related registry='smtp-enhanced' code='X.7.1'/>"
    "</code></registry>";
  struct catalog *cat = NULL;
  char *err = NULL;
  int ret = loader_load_memory (xml, sizeof xml - 1, "mem.xml", &cat, &err);
  cr_assert_eq (ret, 0, "%s", err ? err : "");
  cr_expect_str_eq (cat->regs[0].codes[0].related[0].code, "X.7.1");
  catalog_free (cat);
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

/* Terminal controls in texts: the file is valid, with one warning per
   text, at the line of the character.  */
Test (loader, warns_about_terminal_controls)
{
  static const struct loader_warning want[] = {
    { 9, 0x9b }, { 10, 0x85 }, { 12, 0x202e }, { 13, 0x9d },
  };
  char path[4096];
  struct catalog *cat = NULL;
  char *err = NULL;
  struct loader_warning *w = (struct loader_warning *) 1;
  size_t n = 99;
  test_path (path, sizeof path, "tests/data/warn-controls.xml");
  int ret = loader_load_file_warn (path, &cat, &err, &w, &n);
  cr_assert_eq (ret, 0, "%s", err ? err : "");
  cr_assert_eq (n, RC_COUNT_OF (want), "%zu warnings", n);
  for (size_t i = 0; i < n; i++)
    {
      cr_expect_eq (w[i].line, want[i].line, "warning %zu: line %ld", i,
                    w[i].line);
      cr_expect_eq (w[i].cp, want[i].cp, "warning %zu: U+%04X", i, w[i].cp);
    }
  free (w);
  catalog_free (cat);

  /* a clean file: none */
  test_path (path, sizeof path, "tests/data/good-override.xml");
  ret = loader_load_file_warn (path, &cat, &err, &w, &n);
  cr_assert_eq (ret, 0, "%s", err ? err : "");
  cr_expect_null (w);
  cr_expect_eq (n, 0);
  catalog_free (cat);

  /* DEL is a terminal control too */
  static const char del[] = HEAD CLASS CODE_OPEN "<title>t</title>"
    "<description>d\n\x7f</description><when>w</when><fix>f</fix>"
    "<ref doc='RFC 5321'/></code></registry>";
  ret = loader_load_memory_warn (del, sizeof del - 1, "mem.xml", &cat, &err,
                                 &w, &n);
  cr_assert_eq (ret, 0, "%s", err ? err : "");
  cr_assert_eq (n, 1);
  cr_expect_eq (w[0].line, 2);
  cr_expect_eq (w[0].cp, 0x7f);
  free (w);
  catalog_free (cat);

  /* an invalid file: none either */
  static const char bad[] = "<registry id='smtp' name='SMTP' protocol='smtp' kind='three-digit'><title>\xc2\x9b"
    "</title></registry>";
  w = (struct loader_warning *) 1;
  ret = loader_load_memory_warn (bad, sizeof bad - 1, "mem.xml", &cat, &err,
                                 &w, &n);
  cr_expect_eq (ret, RC_EXIT_DATA);
  cr_expect_null (w);
  cr_expect_eq (n, 0);
  free (err);
}

/* libxml2 allocations, counted through xmlMemSetup.  */
static size_t n_allocs;

static void *
count_malloc (size_t n)
{
  n_allocs++;
  return malloc (n);
}

static void *
count_realloc (void *p, size_t n)
{
  n_allocs++;
  return realloc (p, n);
}

static char *
count_strdup (const char *s)
{
  n_allocs++;
  return strdup (s);
}

/* The schema is parsed once per process: it used to be parsed for every
   file, which made 5,000 user files take 39 s.  Parsing it takes many
   allocations, which a second load must not repeat.  */
Test (loader, schema_parsed_once)
{
  char path[4096];
  size_t n[3];
  cr_assert_eq (xmlMemSetup (free, count_malloc, count_realloc,
                             count_strdup), 0);
  test_path (path, sizeof path, "tests/data/good-override.xml");
  for (int i = 0; i < 3; i++)
    {
      struct catalog *cat = NULL;
      char *err = NULL;
      size_t before = n_allocs;
      if (i == 2)
        /* after loader_cleanup the schema is parsed again, and works */
        loader_cleanup ();
      cr_assert_eq (loader_load_file (path, &cat, &err), 0, "%s",
                    err ? err : "");
      catalog_free (cat);
      n[i] = n_allocs - before;
    }
  /* parsing the schema takes some 1,500 allocations */
  cr_expect_gt (n[0], n[1] + 500, "first load %zu allocations, second %zu",
                n[0], n[1]);
  cr_expect_gt (n[2], n[1] + 500, "load after cleanup %zu allocations,"
                " second %zu", n[2], n[1]);
  cr_assert_eq (xmlMemSetup (free, malloc, realloc, strdup), 0);
  loader_cleanup ();
}
