/* loader.c: libxml2 -> struct catalog (see loader.h).
   Steps for one file: read it (regular files only, size-capped), parse
   without DTD, entities or network and stop at any DOCTYPE, walk the tree
   checking every element and attribute while copying every text into an
   arena, validate against the embedded schema (parsed once per process),
   sort the codes and refuse duplicates.

   The walk checks what the schema checks, so that the common mistakes get
   a message that names the element, the attribute, its value and the
   line; libxml2's RELAX NG messages ("Element code failed to validate
   attributes") say neither which attribute nor why.  The schema stays the
   reference (xmllint checks the shipped data with it) and the backstop.  */
#include "system.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>
#include <unistr.h>

#include "arena.h"
#include "catalog.h"
#include "dbuf.h"
#include "loader.h"
#include "schema.h"
#include "wrap.h"

#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA \
                       | XML_PARSE_BIG_LINES | XML_PARSE_NOBLANKS)
#define MAX_ITEMS 10000

/* The state of loading one file.  */
struct load
{
  const char *name;
  bool failed;            /* an error was reported */
  char *err;              /* the first error, malloc'd */
  struct arena *ar;
  bool want_warns;        /* collect warnings */
  struct loader_warning *warns;
  size_t n_warns, cap_warns;
};

/* The embedded schema, parsed on first use and kept until loader_cleanup:
   parsing it costs many times more than loading a data file.  */
static xmlRelaxNGPtr schema;

/* Records the first error as "NAME:LINE: message" (LINE <= 0: none).
   Newlines and tabs in libxml2's messages become spaces.  */
static void
failf (struct load *ld, long line, const char *fmt, ...)
{
  struct dbuf b = DBUF_INIT;
  va_list ap;
  bool ok;

  if (ld->failed)
    return;
  ld->failed = true;
  if (line > 0)
    ok = dbuf_printf (&b, "%s:%ld: ", ld->name, line);
  else
    ok = dbuf_printf (&b, "%s: ", ld->name);
  va_start (ap, fmt);
  ok = ok && dbuf_vprintf (&b, fmt, ap);
  va_end (ap);
  ld->err = ok ? dbuf_take (&b) : NULL;
  dbuf_free (&b);
  if (!ld->err)
    return;
  size_t n = strlen (ld->err);
  while (n > 0 && (ld->err[n - 1] == '\n' || ld->err[n - 1] == ' '))
    ld->err[--n] = '\0';
  for (size_t i = 0; i < n; i++)
    if (ld->err[i] == '\n' || ld->err[i] == '\t' || ld->err[i] == '\r')
      ld->err[i] = ' ';
}

/* Longest part of a value quoted in a message, in bytes.  */
#define QUOTE_MAX 64

/* Appends S to B in double quotes, with quotes, backslashes and ASCII
   controls escaped, so that white space in a value is visible.  A value
   longer than QUOTE_MAX bytes is shown up to there (at a character
   boundary) and "...": a message need not repeat megabytes.  False when
   B failed.  */
static bool
add_quoted (struct dbuf *b, const char *s)
{
  const char *start = s;
  bool ok = dbuf_add (b, "\"");
  for (; ok && *s; s++)
    {
      if (s - start >= QUOTE_MAX && ((unsigned char) *s & 0xc0) != 0x80)
        return dbuf_add (b, "\"...");
      unsigned char c = (unsigned char) *s;
      if (c == '"' || c == '\\')
        ok = dbuf_printf (b, "\\%c", c);
      else if (c == '\n')
        ok = dbuf_add (b, "\\n");
      else if (c == '\t')
        ok = dbuf_add (b, "\\t");
      else if (c == '\r')
        ok = dbuf_add (b, "\\r");
      else if (c < 0x20 || c == 0x7f)
        ok = dbuf_printf (b, "\\x%02x", c);
      else
        ok = dbuf_addn (b, s, 1);
    }
  return ok && dbuf_add (b, "\"");
}

/* Reports an error about attribute ATTR="VALUE" of element N.  */
static void
fail_attr (struct load *ld, const xmlNode *n, const char *attr,
           const char *value, const char *problem)
{
  struct dbuf q = DBUF_INIT;
  if (!add_quoted (&q, value))
    dbuf_reset (&q);
  failf (ld, xmlGetLineNo (n), "<%s %s=%s>: %s", n->name, attr,
         dbuf_str (&q), problem);
  dbuf_free (&q);
}

static void
structured_error (void *ctx, xmlErrorPtr e)
{
  struct load *ld = ctx;
  if (e && e->level >= XML_ERR_ERROR)
    failf (ld, e->line > 0 ? e->line : 1, "%s",
           e->message ? e->message : "XML error");
}

/* RELAX NG errors: libxml2 names the element but not the line it uses
   for the message; take the line from the node.  */
static void
schema_error (void *ctx, xmlErrorPtr e)
{
  struct load *ld = ctx;
  const xmlNode *n = e ? e->node : NULL;

  if (!e || e->level < XML_ERR_ERROR)
    return;
  if (n && n->type == XML_ELEMENT_NODE)
    failf (ld, xmlGetLineNo (n), "<%s>: %s (data schema)", n->name,
           e->message ? e->message : "invalid");
  else
    failf (ld, e->line > 0 ? e->line : 1, "%s (data schema)",
           e->message ? e->message : "invalid");
}

/* Warnings.  */

static void
add_warning (struct load *ld, long line, unsigned int cp)
{
  if (ld->n_warns == ld->cap_warns)
    {
      size_t cap = ld->cap_warns ? 2 * ld->cap_warns : 8;
      struct loader_warning *w = realloc (ld->warns, cap * sizeof *w);
      if (!w)
        {
          failf (ld, line, "out of memory");
          return;
        }
      ld->warns = w;
      ld->cap_warns = cap;
    }
  ld->warns[ld->n_warns].line = line;
  ld->warns[ld->n_warns].cp = cp;
  ld->n_warns++;
}

/* Warns about the first terminal control character in S, the raw text or
   attribute of an element on line LINE (its newlines count).  Tabs,
   newlines and carriage returns become spaces when texts are normalised,
   and identifiers with them are refused, so they are not reported.  */
static void
scan_controls (struct load *ld, const char *s, long line)
{
  size_t len = strlen (s);

  if (!ld->want_warns || wrap_is_clean (s, len))
    return;
  for (size_t i = 0; i < len;)
    {
      ucs4_t uc;
      int n = u8_mbtouc (&uc, (const uint8_t *) s + i, len - i);
      if (s[i] == '\n')
        line++;
      else if (s[i] != '\t' && s[i] != '\r'
               && !wrap_is_clean (s + i, (size_t) n))
        {
          add_warning (ld, line, uc);
          return;
        }
      i += (size_t) n;
    }
}

/* Tree walk.  */

void
loader_normalize_ws (char *dst, const char *src)
{
  char *o = dst;
  bool pending = false;

  for (; *src; src++)
    if (*src == ' ' || *src == '\t' || *src == '\n' || *src == '\r')
      pending = o != dst;
    else
      {
        if (pending)
          *o++ = ' ';
        pending = false;
        *o++ = *src;
      }
  *o = '\0';
}

/* True when N is the element NAME, in no namespace.  */
static bool
is_elem (const xmlNode *n, const char *name)
{
  return n && n->type == XML_ELEMENT_NODE && !n->ns
    && strcmp ((const char *) n->name, name) == 0;
}

/* Next element sibling at or after N, or NULL.  */
static xmlNode *
elem_from (xmlNode *n)
{
  while (n && n->type != XML_ELEMENT_NODE)
    n = n->next;
  return n;
}

static bool
is_blank (const xmlChar *s)
{
  for (; s && *s; s++)
    if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
      return false;
  return true;
}

/* Refuses text (other than white space) directly inside N, an element
   that holds only elements.  */
static void
check_no_text (struct load *ld, const xmlNode *n)
{
  for (const xmlNode *c = n->children; c; c = c->next)
    if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
        && !is_blank (c->content))
      {
        failf (ld, xmlGetLineNo (c), "<%s> holds elements only, not text",
               n->name);
        return;
      }
}

/* Refuses any attribute of N not named in ALLOWED (NULL-terminated).  */
static void
check_attr_names (struct load *ld, const xmlNode *n,
                  const char *const *allowed)
{
  for (const xmlAttr *a = n->properties; a; a = a->next)
    {
      size_t i = 0;
      while (!a->ns && allowed[i]
             && strcmp ((const char *) a->name, allowed[i]) != 0)
        i++;
      if (a->ns || !allowed[i])
        {
          failf (ld, xmlGetLineNo (n), "<%s>: unknown attribute %s%s%s",
                 n->name, a->ns && a->ns->prefix
                 ? (const char *) a->ns->prefix : "",
                 a->ns && a->ns->prefix ? ":" : "", a->name);
          return;
        }
    }
}

/* Refuses content in N, an element that must be empty.  */
static void
check_empty (struct load *ld, const xmlNode *n)
{
  for (const xmlNode *c = n->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE
        || ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
            && !is_blank (c->content)))
      {
        failf (ld, xmlGetLineNo (c), "<%s> must be empty", n->name);
        return;
      }
}

static const char *const no_attrs[] = { NULL };

/* Copies the normalised text of N, an element that holds text only and
   may have the attributes in ALLOWED, into the arena; NULL on error.  */
static const char *
text_of (struct load *ld, xmlNode *n, const char *const *allowed)
{
  xmlChar *raw;
  char *s = NULL;

  check_attr_names (ld, n, allowed);
  for (const xmlNode *c = n->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      {
        failf (ld, xmlGetLineNo (c), "<%s> holds text only, not <%s>",
               n->name, c->name);
        return NULL;
      }
  raw = xmlNodeGetContent (n);
  if (!raw)
    {
      failf (ld, xmlGetLineNo (n), "out of memory");
      return NULL;
    }
  scan_controls (ld, (const char *) raw, xmlGetLineNo (n));
  s = arena_strdup (ld->ar, (const char *) raw);
  xmlFree (raw);
  if (!s)
    failf (ld, xmlGetLineNo (n), "out of memory");
  else
    loader_normalize_ws (s, s);
  if (s && !*s)
    {
      failf (ld, xmlGetLineNo (n), "<%s> is empty", n->name);
      return NULL;
    }
  return s;
}

/* The kinds of attribute value, with the schema's patterns.  */
enum kind
{
  K_REGID,      /* [a-z][a-z0-9-]{0,15} */
  K_NAME,       /* [A-Za-z0-9][A-Za-z0-9-]*( [A-Za-z0-9-]+)*, <= 24 */
  K_DOCREF,     /* [A-Za-z][A-Za-z0-9.-]*( [A-Za-z0-9.-]+)*, <= 40 */
  K_CLASS,      /* [1-6]xx|x[0-9]x|[245].X.X|X.[0-9].X */
  K_CODE,       /* [1-6][0-9][0-9]|[1-5][0-9][0-9].[0-9]{1,3}
                   |X.[0-9].[0-9]{1,3}|[0-9]{1,5}|[A-Z][A-Z0-9/-]{0,31} */
  K_MNEMONIC,   /* [A-Za-z][A-Za-z0-9]{0,15} */
  K_SECTION,    /* [0-9A-Z][0-9.]{0,15} */
  K_BASIC,      /* [2-5][0-9][0-9] */
  K_KNOWNID,    /* [a-z0-9][a-z0-9.-]{0,47} */
  K_KCODE,      /* [1-6][0-9][0-9]|[1-5][0-9][0-9].[0-9]{1,3}
                   |[245].[0-9].[0-9]{1,3} */
  K_HREF        /* https://[!-~]+, <= 300 */
};

struct kind_info
{
  const char *what;       /* "a code value" */
  const char *form;       /* what it looks like */
  bool spaces;            /* single inner spaces allowed */
};

static const struct kind_info kinds[] = {
  [K_REGID] = { "a registry id", "a lower-case letter, then up to 15"
                " lower-case letters, digits or '-', such as smtp", false },
  [K_NAME] = { "a registry name", "up to 24 letters, digits and '-', in"
               " words one space apart, such as SMTP", true },
  [K_DOCREF] = { "a document reference", "up to 40 letters, digits, '.'"
                 " and '-', in words one space apart, such as RFC 5321",
                 true },
  [K_CLASS] = { "a class value", "2xx, x5x, 5.X.X or X.7.X", false },
  [K_CODE] = { "a code value", "three digits from 100 to 699, X.N.N"
               " such as X.7.1, a number up to 65535, or a word of capital"
               " letters, digits, '-' and '/' such as TRYCREATE", false },
  [K_MNEMONIC] = { "a mnemonic", "a letter, then up to 15 letters or"
                   " digits, such as NXDomain", false },
  [K_SECTION] = { "a section number", "a digit or capital letter, then"
                  " up to 15 digits or dots, such as 4.2.3", false },
  [K_BASIC] = { "a basic reply code", "three digits from 200 to 599",
                false },
  [K_KNOWNID] = { "a known reply id", "a lower-case letter or digit, then"
                  " up to 47 lower-case letters, digits, '.' or '-'", false },
  [K_KCODE] = { "a reply code", "three digits such as 550, a substatus"
                " such as 500.19, or an enhanced code such as 5.7.26",
                false },
  [K_HREF] = { "an address", "https:// and up to 300 printable ASCII"
               " characters", false },
};

static bool
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

static bool
is_lower (char c)
{
  return c >= 'a' && c <= 'z';
}

static bool
is_alpha (char c)
{
  return is_lower (c) || (c >= 'A' && c <= 'Z');
}

/* Words of [A-Za-z0-9] plus the characters in EXTRA, one space apart,
   at most MAX bytes, the first character a letter (or a digit when
   DIGIT_FIRST).  */
static bool
match_words (const char *s, const char *extra, size_t max, bool digit_first)
{
  size_t n = strlen (s);
  if (n == 0 || n > max || !(is_alpha (*s) || (digit_first && is_digit (*s))))
    return false;
  for (size_t i = 0; i < n; i++)
    if (s[i] == ' ')
      {
        if (i + 1 == n || s[i + 1] == ' ')
          return false;
      }
    else if (!is_alpha (s[i]) && !is_digit (s[i]) && !strchr (extra, s[i]))
      return false;
  return true;
}

/* [1-5][0-9][0-9].[0-9]{1,3}: IIS 404.13.  */
static bool
is_substatus (const char *s)
{
  size_t n = strlen (s);
  if (n < 5 || n > 7 || s[0] < '1' || s[0] > '5' || !is_digit (s[1])
      || !is_digit (s[2]) || s[3] != '.')
    return false;
  for (size_t i = 4; i < n; i++)
    if (!is_digit (s[i]))
      return false;
  return true;
}

static bool
matches (enum kind k, const char *s)
{
  size_t n = strlen (s);

  switch (k)
    {
    case K_REGID:
      if (n < 1 || n > 16 || !is_lower (s[0]))
        return false;
      for (size_t i = 1; i < n; i++)
        if (!is_lower (s[i]) && !is_digit (s[i]) && s[i] != '-')
          return false;
      return true;
    case K_NAME:
      return match_words (s, "-", 24, true);
    case K_DOCREF:
      return match_words (s, ".-", 40, false);
    case K_CLASS:
      return n == 3 ? ((s[0] >= '1' && s[0] <= '6' && s[1] == 'x'
                        && s[2] == 'x')
                       || (s[0] == 'x' && is_digit (s[1]) && s[2] == 'x'))
        : n == 5 && s[1] == '.' && s[3] == '.' && s[4] == 'X'
        && ((s[0] >= '2' && s[0] <= '5' && s[0] != '3' && s[2] == 'X')
            || (s[0] == 'X' && is_digit (s[2])));
    case K_CODE:
      if (n == 3 && s[0] >= '1' && s[0] <= '6' && is_digit (s[1])
          && is_digit (s[2]))
        return true;
      if (is_substatus (s))
        return true;
      if (n >= 5 && n <= 7 && s[0] == 'X' && s[1] == '.' && is_digit (s[2])
          && s[3] == '.')
        {
          for (size_t i = 4; i < n; i++)
            if (!is_digit (s[i]))
              return false;
          return true;
        }
      if (n >= 1 && n <= 5 && is_digit (s[0]))
        {
          for (size_t i = 0; i < n; i++)
            if (!is_digit (s[i]))
              return false;
          return true;
        }
      if (n < 1 || n > 32 || s[0] < 'A' || s[0] > 'Z')
        return false;
      for (size_t i = 0; i < n; i++)
        if (!(s[i] >= 'A' && s[i] <= 'Z') && !is_digit (s[i]) && s[i] != '-'
            && s[i] != '/')
          return false;
      return true;
    case K_MNEMONIC:
      if (n < 1 || n > 16 || !is_alpha (s[0]))
        return false;
      for (size_t i = 0; i < n; i++)
        if (!is_alpha (s[i]) && !is_digit (s[i]))
          return false;
      return true;
    case K_SECTION:
      if (n < 1 || n > 16 || !(is_digit (s[0]) || (s[0] >= 'A' && s[0] <= 'Z')))
        return false;
      for (size_t i = 1; i < n; i++)
        if (!is_digit (s[i]) && s[i] != '.')
          return false;
      return true;
    case K_BASIC:
      return n == 3 && s[0] >= '2' && s[0] <= '5' && is_digit (s[1])
        && is_digit (s[2]);
    case K_KNOWNID:
      if (n < 1 || n > 48 || !(is_lower (s[0]) || is_digit (s[0])))
        return false;
      for (size_t i = 1; i < n; i++)
        if (!is_lower (s[i]) && !is_digit (s[i]) && s[i] != '-'
            && s[i] != '.')
          return false;
      return true;
    case K_KCODE:
      if (n == 3)
        return s[0] >= '1' && s[0] <= '6' && is_digit (s[1])
          && is_digit (s[2]);
      if (is_substatus (s))
        return true;
      if (n < 5 || n > 7 || !strchr ("245", s[0]) || s[1] != '.'
          || !is_digit (s[2]) || s[3] != '.')
        return false;
      for (size_t i = 4; i < n; i++)
        if (!is_digit (s[i]))
          return false;
      return true;
    case K_HREF:
      if (n <= 8 || n > 300 || strncmp (s, "https://", 8) != 0)
        return false;
      for (size_t i = 0; i < n; i++)
        if (s[i] <= ' ' || s[i] > '~')
          return false;
      return true;
    }
  return false;
}

/* Checks attribute ATTR="S" of N against kind K; reports the first
   problem.  White space and controls get a message of their own: they
   are the look-alikes that the old whitespace-normalising schema let
   through.  */
static bool
check_value (struct load *ld, const xmlNode *n, const char *attr,
             const char *s, enum kind k)
{
  const struct kind_info *ki = &kinds[k];
  struct dbuf msg = DBUF_INIT;
  bool ctl = false, space = false;

  for (const char *p = s; *p; p++)
    if (*p == ' ')
      space = true;
    else if ((unsigned char) *p < 0x20 || *p == 0x7f)
      ctl = true;
  if (ctl || (space && !ki->spaces))
    {
      if (dbuf_printf (&msg, "white space or a control character in %s",
                       ki->what))
        fail_attr (ld, n, attr, s, dbuf_str (&msg));
    }
  else if (space && !matches (k, s)
           && (s[0] == ' ' || s[strlen (s) - 1] == ' ' || strstr (s, "  ")))
    {
      if (dbuf_printf (&msg, "leading, trailing or double space in %s",
                       ki->what))
        fail_attr (ld, n, attr, s, dbuf_str (&msg));
    }
  else if (!matches (k, s))
    {
      if (dbuf_printf (&msg, "not %s (%s)", ki->what, ki->form))
        fail_attr (ld, n, attr, s, dbuf_str (&msg));
    }
  else
    {
      dbuf_free (&msg);
      return true;
    }
  if (dbuf_failed (&msg))
    failf (ld, xmlGetLineNo (n), "out of memory");
  dbuf_free (&msg);
  return false;
}

/* Copies attribute NAME of N into the arena.  Missing: NULL, and an error
   when REQUIRED.  */
static const char *
attr_raw (struct load *ld, xmlNode *n, const char *name, bool required)
{
  xmlChar *raw = xmlGetNoNsProp (n, (const xmlChar *) name);
  char *s = NULL;

  if (!raw)
    {
      if (required)
        failf (ld, xmlGetLineNo (n), "<%s> lacks attribute %s", n->name,
               name);
      return NULL;
    }
  scan_controls (ld, (const char *) raw, xmlGetLineNo (n));
  s = arena_strdup (ld->ar, (const char *) raw);
  xmlFree (raw);
  if (!s)
    failf (ld, xmlGetLineNo (n), "out of memory");
  return s;
}

/* Same, and checks the value against kind K: NULL when it does not
   match.  */
static const char *
attr_of (struct load *ld, xmlNode *n, const char *name, bool required,
         enum kind k)
{
  const char *s = attr_raw (ld, n, name, required);
  return s && check_value (ld, n, name, s, k) ? s : NULL;
}

static int
enum_attr_opt (struct load *ld, xmlNode *n, const char *name,
               const char *(*names) (unsigned), bool required)
{
  const char *s = attr_raw (ld, n, name, required);
  int v = s ? rc_enum_parse (names, s) : -1;
  if (s && v < 0)
    {
      struct dbuf msg = DBUF_INIT;
      bool ok = dbuf_add (&msg, "not one of");
      for (unsigned i = 0; ok && names (i); i++)
        ok = dbuf_printf (&msg, "%s %s", i ? "," : "", names (i));
      if (ok)
        fail_attr (ld, n, name, s, dbuf_str (&msg));
      else
        failf (ld, xmlGetLineNo (n), "out of memory");
      dbuf_free (&msg);
    }
  return v < 0 ? 0 : v;
}

static int
enum_attr (struct load *ld, xmlNode *n, const char *name,
           const char *(*names) (unsigned))
{
  return enum_attr_opt (ld, n, name, names, true);
}

/* Counts consecutive element siblings named NAME from *CUR.  */
static size_t
count_run (xmlNode *cur, const char *name)
{
  size_t n = 0;
  for (cur = elem_from (cur); is_elem (cur, name); cur = elem_from (cur->next))
    n++;
  return n;
}

/* Reports element N, which is not what was expected: "PREFIX<NAME>", or
   "PREFIX<P:NAME> (namespace URI)" for an element in a namespace.  */
static void
fail_elem (struct load *ld, const xmlNode *n, const char *prefix)
{
  const xmlNs *ns = n->ns;
  if (ns)
    failf (ld, xmlGetLineNo (n), "%s<%s%s%s> (namespace %s)", prefix,
           ns->prefix ? (const char *) ns->prefix : "",
           ns->prefix ? ":" : "", n->name,
           ns->href ? (const char *) ns->href : "");
  else
    failf (ld, xmlGetLineNo (n), "%s<%s>", prefix, n->name);
}

/* Expects element NAME at *CUR; returns it and advances *CUR.  */
static xmlNode *
expect (struct load *ld, xmlNode **cur, xmlNode *parent, const char *name)
{
  xmlNode *n = elem_from (*cur);
  if (!is_elem (n, name))
    {
      struct dbuf pre = DBUF_INIT;
      if (n && dbuf_printf (&pre, "<%s>: expected <%s>, found ",
                            parent->name, name))
        fail_elem (ld, n, dbuf_str (&pre));
      else if (n)
        failf (ld, xmlGetLineNo (n), "out of memory");
      else
        failf (ld, xmlGetLineNo (parent), "<%s>: missing <%s>",
               parent->name, name);
      dbuf_free (&pre);
      return NULL;
    }
  *cur = n->next;
  return n;
}

static void *
alloc_items (struct load *ld, xmlNode *at, size_t n, size_t size)
{
  void *p;
  if (n > MAX_ITEMS)
    {
      failf (ld, xmlGetLineNo (at), "too many <%s> elements", at->name);
      return NULL;
    }
  p = arena_alloc (ld->ar, (n + 1) * size);
  if (!p)
    failf (ld, xmlGetLineNo (at), "out of memory");
  return p;
}

static const char *const code_attrs[] = {
  "value", "outcome", "actor", "status", "source", "scope", "method", NULL
};
static const char *const ref_attrs[] = { "doc", "section", NULL };
static const char *const docref_attrs[] = { "ref", NULL };
static const char *const basic_attrs[] = { "code", NULL };
static const char *const related_attrs[] = { "registry", "code", NULL };
static const char *const value_attrs[] = { "value", NULL };
static const char *const registry_attrs[] = { "id", "name", "protocol",
                                               "vendor", "kind", NULL };
static const char *const pair_attrs[] = { "a", "b", NULL };

static void
read_code (struct load *ld, xmlNode *n, struct rc_code *c)
{
  xmlNode *cur = n->children, *e;
  size_t k;

  check_attr_names (ld, n, code_attrs);
  check_no_text (ld, n);
  c->value = attr_of (ld, n, "value", true, K_CODE);
  c->outcome = enum_attr (ld, n, "outcome", rc_outcome_name);
  c->actor = enum_attr (ld, n, "actor", rc_actor_name);
  c->status = enum_attr (ld, n, "status", rc_status_name);
  c->source = enum_attr (ld, n, "source", rc_source_name);
  c->scope = enum_attr_opt (ld, n, "scope", rc_scope_name, false);
  c->method = enum_attr_opt (ld, n, "method", rc_method_name, false);
  if ((e = expect (ld, &cur, n, "title")))
    c->title = text_of (ld, e, no_attrs);

  k = count_run (cur, "mnemonic");
  char **mn = k ? alloc_items (ld, n, k, sizeof *mn) : NULL;
  for (size_t i = 0; mn && i < k; i++)
    {
      e = expect (ld, &cur, n, "mnemonic");
      mn[i] = (char *) (e ? text_of (ld, e, no_attrs) : NULL);
      if (mn[i] && !matches (K_MNEMONIC, mn[i]))
        failf (ld, xmlGetLineNo (e), "<mnemonic>%s</mnemonic>: not %s (%s)",
               mn[i], kinds[K_MNEMONIC].what, kinds[K_MNEMONIC].form);
    }
  c->mnemonics = (const char *const *) mn;
  c->n_mnemonics = mn ? k : 0;

  k = count_run (cur, "alias");
  char **aliases = k ? alloc_items (ld, n, k, sizeof *aliases) : NULL;
  for (size_t i = 0; aliases && i < k; i++)
    {
      e = expect (ld, &cur, n, "alias");
      aliases[i] = (char *) (e ? text_of (ld, e, no_attrs) : NULL);
    }
  c->aliases = (const char *const *) aliases;
  c->n_aliases = aliases ? k : 0;

  k = count_run (cur, "reply-text");
  struct rc_reply_text *rt = k ? alloc_items (ld, n, k, sizeof *rt) : NULL;
  for (size_t i = 0; rt && i < k; i++)
    if ((e = expect (ld, &cur, n, "reply-text")))
      {
        rt[i].doc = attr_of (ld, e, "ref", false, K_DOCREF);
        rt[i].text = text_of (ld, e, docref_attrs);
      }
  c->replies = rt;
  c->n_replies = rt ? k : 0;

  if ((e = expect (ld, &cur, n, "description")))
    c->description = text_of (ld, e, no_attrs);
  if ((e = expect (ld, &cur, n, "when")))
    c->when = text_of (ld, e, no_attrs);
  if ((e = expect (ld, &cur, n, "fix")))
    c->fix = text_of (ld, e, no_attrs);

  k = count_run (cur, "ref");
  struct rc_ref *refs = k ? alloc_items (ld, n, k, sizeof *refs) : NULL;
  if (!k)
    failf (ld, xmlGetLineNo (n), "code %s has no <ref>",
           c->value ? c->value : "?");
  for (size_t i = 0; refs && i < k; i++)
    if ((e = expect (ld, &cur, n, "ref")))
      {
        check_attr_names (ld, e, ref_attrs);
        check_empty (ld, e);
        refs[i].doc = attr_of (ld, e, "doc", true, K_DOCREF);
        refs[i].section = attr_of (ld, e, "section", false, K_SECTION);
      }
  c->refs = refs;
  c->n_refs = refs ? k : 0;

  /* <basic>: the basic codes the IANA registry associates with an
     enhanced code.  The data keeps them as a record; nothing shows them,
     so they are checked and skipped.  */
  while ((e = elem_from (cur)) && is_elem (e, "basic"))
    {
      check_attr_names (ld, e, basic_attrs);
      check_empty (ld, e);
      (void) attr_of (ld, e, "code", true, K_BASIC);
      cur = e->next;
    }

  k = count_run (cur, "related");
  struct rc_link *rel = k ? alloc_items (ld, n, k, sizeof *rel) : NULL;
  for (size_t i = 0; rel && i < k; i++)
    if ((e = expect (ld, &cur, n, "related")))
      {
        check_attr_names (ld, e, related_attrs);
        check_empty (ld, e);
        rel[i].registry = attr_of (ld, e, "registry", false, K_REGID);
        rel[i].code = attr_of (ld, e, "code", true, K_CODE);
      }
  c->related = rel;
  c->n_related = rel ? k : 0;

  if ((e = elem_from (cur)))
    failf (ld, xmlGetLineNo (e), "unexpected <%s> in code %s", e->name,
           c->value ? c->value : "?");
}

/* What the codes of each registry kind look like.  */
static const char *const kind_forms[RC_KIND_COUNT] = {
  [RC_KIND_THREE_DIGIT] = "three digits from 100 to 699",
  [RC_KIND_ENHANCED] = "X.N.N, such as X.7.1",
  [RC_KIND_WORD] = "a word of capital letters, digits, '-' and '/'",
  [RC_KIND_NUMBER] = "a number from 0 to 65535 without leading zeros",
  [RC_KIND_SUBSTATUS] = "three digits, '.' and a substatus without leading"
  " zeros, such as 404.13",
};

/* True when VALUE (already a K_CODE) has the shape of KIND's codes.  */
static bool
value_fits_kind (unsigned kind, const char *v)
{
  size_t n = strlen (v);
  switch (kind)
    {
    case RC_KIND_THREE_DIGIT:
      return n == 3 && is_digit (v[0]);
    case RC_KIND_SUBSTATUS:
      return is_substatus (v) && (v[4] != '0' || n == 5);
    case RC_KIND_ENHANCED:
      return v[0] == 'X';
    case RC_KIND_WORD:
      return v[0] >= 'A' && v[0] <= 'Z';
    case RC_KIND_NUMBER:
      return is_digit (v[0]) && (v[0] != '0' || n == 1)
        && strtol (v, NULL, 10) <= 65535;
    default:
      return false;
    }
}

struct code_line
{
  const char *value;
  long line;
};

static int
code_line_cmp (const void *a, const void *b)
{
  const struct code_line *x = a, *y = b;
  int c = rc_value_cmp (x->value, y->value);
  return c ? c : (x->line > y->line) - (x->line < y->line);
}

/* Refuses two codes (or two classes) with one value; reports the second.  */
static void
check_duplicates (struct load *ld, struct code_line *cl, size_t n,
                  const char *what)
{
  qsort (cl, n, sizeof *cl, code_line_cmp);
  for (size_t i = 1; i < n; i++)
    if (strcmp (cl[i].value, cl[i - 1].value) == 0)
      {
        failf (ld, cl[i].line, "duplicate %s %s (first defined on line %ld)",
               what, cl[i].value, cl[i - 1].line);
        return;
      }
}

/* Refuses a registry without any element NAME at *CUR.  */
static bool
need_some (struct load *ld, xmlNode *root, xmlNode *cur, const char *name)
{
  if (count_run (cur, name) > 0)
    return true;
  cur = elem_from (cur);
  failf (ld, xmlGetLineNo (cur ? cur : root), "<%s> needs at least one <%s>",
         root->name, name);
  return false;
}

static int
pair_cmp (const void *x, const void *y)
{
  return rc_comparison_cmp (x, y);
}

/* The <comparison a="220" b="221"> elements after the codes: A before B
   in value order, each pair once.  */
static void
read_comparisons (struct load *ld, xmlNode *root, xmlNode **cur,
                  struct rc_registry *r)
{
  size_t k = count_run (*cur, "comparison");
  struct rc_comparison *cmp = k ? alloc_items (ld, root, k, sizeof *cmp)
    : NULL;
  long *line = k ? calloc (k, sizeof *line) : NULL;
  xmlNode *e, *t;

  if (k && !line)
    failf (ld, 0, "out of memory");
  for (size_t i = 0; cmp && line && i < k && !ld->failed; i++)
    if ((e = expect (ld, cur, root, "comparison")))
      {
        xmlNode *c2 = e->children;
        check_attr_names (ld, e, pair_attrs);
        check_no_text (ld, e);
        cmp[i].a = attr_of (ld, e, "a", true, K_CODE);
        cmp[i].b = attr_of (ld, e, "b", true, K_CODE);
        line[i] = xmlGetLineNo (e);
        if ((t = expect (ld, &c2, e, "differences")))
          cmp[i].differences = text_of (ld, t, no_attrs);
        if ((t = expect (ld, &c2, e, "when-to-use")))
          cmp[i].when_to_use = text_of (ld, t, no_attrs);
        if (!ld->failed && (t = elem_from (c2)))
          failf (ld, xmlGetLineNo (t), "unexpected <%s> in comparison",
                 t->name);
        if (!ld->failed && rc_value_cmp (cmp[i].a, cmp[i].b) >= 0)
          failf (ld, line[i], "<comparison a=\"%s\" b=\"%s\">: a must come"
                 " before b in code order", cmp[i].a, cmp[i].b);
      }
  if (!ld->failed && cmp)
    {
      /* sorted for lookup; a pair written twice is refused */
      struct code_line *cl = calloc (k + 1, sizeof *cl);
      struct dbuf *keys = calloc (k + 1, sizeof *keys);
      for (size_t i = 0; cl && keys && i < k; i++)
        if (dbuf_printf (&keys[i], "%s vs %s", cmp[i].a, cmp[i].b))
          {
            cl[i].value = dbuf_str (&keys[i]);
            cl[i].line = line[i];
          }
      if (!cl || !keys)
        failf (ld, 0, "out of memory");
      else
        check_duplicates (ld, cl, k, "comparison");
      for (size_t i = 0; keys && i < k; i++)
        dbuf_free (&keys[i]);
      free (keys);
      free (cl);
      qsort (cmp, k, sizeof *cmp, pair_cmp);
    }
  free (line);
  r->comparisons = cmp;
  r->n_comparisons = cmp ? k : 0;
}

static void
read_registry (struct load *ld, xmlNode *root, struct rc_registry *r)
{
  xmlNode *cur = root->children, *e;
  size_t k, ncodes;
  struct code_line *lines = NULL;

  check_attr_names (ld, root, registry_attrs);
  check_no_text (ld, root);
  r->id = attr_of (ld, root, "id", true, K_REGID);
  r->name = attr_of (ld, root, "name", true, K_NAME);
  r->protocol = attr_of (ld, root, "protocol", true, K_REGID);
  r->vendor = attr_of (ld, root, "vendor", false, K_NAME);
  r->kind = enum_attr (ld, root, "kind", rc_kind_name);
  if ((e = expect (ld, &cur, root, "title")))
    r->title = text_of (ld, e, no_attrs);

  k = count_run (cur, "document");
  struct rc_document *docs = need_some (ld, root, cur, "document")
    ? alloc_items (ld, root, k, sizeof *docs) : NULL;
  for (size_t i = 0; docs && i < k; i++)
    if ((e = expect (ld, &cur, root, "document")))
      {
        docs[i].ref = attr_of (ld, e, "ref", true, K_DOCREF);
        docs[i].title = text_of (ld, e, docref_attrs);
      }
  r->docs = docs;
  r->n_docs = docs ? k : 0;

  k = count_run (cur, "class");
  struct rc_class *classes = k
    ? alloc_items (ld, root, k, sizeof *classes) : NULL;
  lines = calloc (k + 1, sizeof *lines);
  if (!lines)
    failf (ld, 0, "out of memory");
  for (size_t i = 0; classes && lines && i < k && !ld->failed; i++)
    if ((e = expect (ld, &cur, root, "class")))
      {
        xmlNode *c2 = e->children, *t;
        check_attr_names (ld, e, value_attrs);
        check_no_text (ld, e);
        classes[i].value = attr_of (ld, e, "value", true, K_CLASS);
        if ((t = expect (ld, &c2, e, "title")))
          classes[i].title = text_of (ld, t, no_attrs);
        if ((t = expect (ld, &c2, e, "description")))
          classes[i].description = text_of (ld, t, no_attrs);
        if ((t = elem_from (c2)))
          failf (ld, xmlGetLineNo (t), "unexpected <%s> in class %s",
                 t->name, classes[i].value ? classes[i].value : "?");
        lines[i].value = classes[i].value ? classes[i].value : "";
        lines[i].line = xmlGetLineNo (e);
      }
  if (!ld->failed && lines)
    check_duplicates (ld, lines, k, "class");
  free (lines);
  r->classes = classes;
  r->n_classes = classes ? k : 0;

  ncodes = count_run (cur, "code");
  struct rc_code *codes = !ld->failed && need_some (ld, root, cur, "code")
    ? alloc_items (ld, root, ncodes, sizeof *codes) : NULL;
  lines = calloc (ncodes + 1, sizeof *lines);
  if (!lines)
    failf (ld, 0, "out of memory");
  for (size_t i = 0; codes && lines && i < ncodes && !ld->failed; i++)
    if ((e = expect (ld, &cur, root, "code")))
      {
        read_code (ld, e, &codes[i]);
        lines[i].value = codes[i].value ? codes[i].value : "";
        lines[i].line = xmlGetLineNo (e);
      }
  for (size_t i = 0; codes && lines && i < ncodes && !ld->failed; i++)
    if (codes[i].value && !value_fits_kind (r->kind, codes[i].value))
      failf (ld, lines[i].line, "code %s: not a code of a registry of kind"
             " %s (%s)", codes[i].value, rc_kind_name (r->kind),
             kind_forms[r->kind]);
  if (!ld->failed && lines)
    check_duplicates (ld, lines, ncodes, "code");
  free (lines);
  if (!ld->failed && codes)
    rc_codes_sort (codes, ncodes);
  r->codes = codes;
  r->n_codes = codes ? ncodes : 0;
  if (!ld->failed)
    read_comparisons (ld, root, &cur, r);
  if (!ld->failed && (e = elem_from (cur)))
    failf (ld, xmlGetLineNo (e), "unexpected <%s> in registry", e->name);
}

/* Producers of known replies.  */

static const char *const producer_attrs[] = { "id", "name", "protocol",
                                               "type", NULL };
static const char *const href_attrs[] = { "ref", "href", NULL };
static const char *const doc_attrs[] = { "doc", NULL };
static const char *const id_attrs[] = { "id", NULL };

/* A match fragment: 5 to 200 bytes, no white space or '*' at either end,
   and no '*' next to another (each variable part stands between two
   constant ones).  */
static bool
match_ok (const char *s)
{
  size_t n = strlen (s);
  if (n < 5 || n > 200 || s[0] == '*' || s[0] == ' ' || s[n - 1] == '*'
      || s[n - 1] == ' ')
    return false;
  for (size_t i = 1; i + 1 < n; i++)
    if (s[i] == '*' && s[i + 1] == '*')
      return false;
  return true;
}

/* Reads the N elements NAME at *CUR, each with the attribute ATTR of kind
   K, into a new array.  */
static const char *const *
read_attr_list (struct load *ld, xmlNode *parent, xmlNode **cur,
                const char *name, const char *attr, enum kind k,
                const char *const *allowed, unsigned short *n)
{
  size_t cnt = count_run (*cur, name);
  char **v = cnt ? alloc_items (ld, parent, cnt, sizeof *v) : NULL;
  xmlNode *e;

  *n = 0;
  for (size_t i = 0; v && i < cnt; i++)
    if ((e = expect (ld, cur, parent, name)))
      {
        check_attr_names (ld, e, allowed);
        check_empty (ld, e);
        v[i] = (char *) attr_of (ld, e, attr, true, k);
      }
  if (v)
    *n = (unsigned short) cnt;
  return (const char *const *) v;
}

static void
read_known (struct load *ld, xmlNode *n, const struct rc_producer *p,
            struct rc_known *kr)
{
  xmlNode *cur = n->children, *e;
  size_t k;

  check_attr_names (ld, n, id_attrs);
  check_no_text (ld, n);
  kr->id = attr_of (ld, n, "id", true, K_KNOWNID);
  kr->codes = read_attr_list (ld, n, &cur, "code", "value", K_KCODE,
                              value_attrs, &kr->n_codes);
  k = count_run (cur, "match");
  if (!k)
    failf (ld, xmlGetLineNo (n), "reply %s has no <match>",
           kr->id ? kr->id : "?");
  char **m = k ? alloc_items (ld, n, k, sizeof *m) : NULL;
  for (size_t i = 0; m && i < k; i++)
    if ((e = expect (ld, &cur, n, "match")))
      {
        m[i] = (char *) text_of (ld, e, no_attrs);
        if (m[i] && !match_ok (m[i]))
          failf (ld, xmlGetLineNo (e), "<match>%s</match>: a fragment of 5"
                 " to 200 characters, '*' only between two constant parts",
                 m[i]);
      }
  kr->matches = (const char *const *) m;
  kr->n_matches = m ? (unsigned short) k : 0;
  if ((e = expect (ld, &cur, n, "name")))
    kr->name = text_of (ld, e, no_attrs);
  if ((e = expect (ld, &cur, n, "meaning")))
    kr->meaning = text_of (ld, e, no_attrs);
  if ((e = expect (ld, &cur, n, "cause")))
    kr->cause = text_of (ld, e, no_attrs);
  if ((e = expect (ld, &cur, n, "fix")))
    kr->fix = text_of (ld, e, no_attrs);
  if (!ld->failed && !count_run (cur, "source"))
    failf (ld, xmlGetLineNo (n), "reply %s has no <source>",
           kr->id ? kr->id : "?");
  kr->sources = read_attr_list (ld, n, &cur, "source", "doc", K_DOCREF,
                                doc_attrs, &kr->n_sources);
  for (size_t i = 0; !ld->failed && i < kr->n_sources; i++)
    {
      bool found = false;
      for (size_t d = 0; d < p->n_docs && !found; d++)
        found = kr->sources[i] && p->docs[d].ref
          && strcmp (p->docs[d].ref, kr->sources[i]) == 0;
      if (!found)
        failf (ld, xmlGetLineNo (n), "reply %s: <source doc=\"%s\"> names"
               " no <document> of the producer", kr->id ? kr->id : "?",
               kr->sources[i] ? kr->sources[i] : "");
    }
  if (!ld->failed && (e = elem_from (cur)))
    failf (ld, xmlGetLineNo (e), "unexpected <%s> in reply %s", e->name,
           kr->id ? kr->id : "?");
}

static void
read_producer (struct load *ld, xmlNode *root, struct rc_producer *p)
{
  xmlNode *cur = root->children, *e;
  size_t k;
  struct code_line *lines;

  check_attr_names (ld, root, producer_attrs);
  check_no_text (ld, root);
  p->id = attr_of (ld, root, "id", true, K_REGID);
  p->name = attr_of (ld, root, "name", true, K_NAME);
  p->protocol = attr_of (ld, root, "protocol", true, K_REGID);
  p->type = enum_attr (ld, root, "type", rc_producer_type_name);
  if ((e = expect (ld, &cur, root, "description")))
    p->description = text_of (ld, e, no_attrs);

  k = count_run (cur, "document");
  struct rc_document *docs = need_some (ld, root, cur, "document")
    ? alloc_items (ld, root, k, sizeof *docs) : NULL;
  lines = calloc (k + 1, sizeof *lines);
  if (!lines)
    failf (ld, 0, "out of memory");
  for (size_t i = 0; docs && lines && i < k; i++)
    if ((e = expect (ld, &cur, root, "document")))
      {
        docs[i].ref = attr_of (ld, e, "ref", true, K_DOCREF);
        docs[i].href = attr_of (ld, e, "href", true, K_HREF);
        docs[i].title = text_of (ld, e, href_attrs);
        lines[i].value = docs[i].ref ? docs[i].ref : "";
        lines[i].line = xmlGetLineNo (e);
      }
  if (!ld->failed && lines && docs)
    check_duplicates (ld, lines, k, "document");
  free (lines);
  p->docs = docs;
  p->n_docs = docs ? k : 0;

  k = count_run (cur, "reply");
  struct rc_known *kr = !ld->failed && need_some (ld, root, cur, "reply")
    ? alloc_items (ld, root, k, sizeof *kr) : NULL;
  lines = calloc (k + 1, sizeof *lines);
  if (!lines)
    failf (ld, 0, "out of memory");
  for (size_t i = 0; kr && lines && i < k && !ld->failed; i++)
    if ((e = expect (ld, &cur, root, "reply")))
      {
        read_known (ld, e, p, &kr[i]);
        lines[i].value = kr[i].id ? kr[i].id : "";
        lines[i].line = xmlGetLineNo (e);
      }
  if (!ld->failed && lines && kr)
    check_duplicates (ld, lines, k, "reply");
  free (lines);
  p->replies = kr;
  p->n_replies = kr ? k : 0;
  if (!ld->failed && (e = elem_from (cur)))
    failf (ld, xmlGetLineNo (e), "unexpected <%s> in producer", e->name);
}

/* Schema.  */

/* The parsed schema; NULL when it cannot be parsed (an internal error,
   reported through LD).  */
static xmlRelaxNGPtr
schema_get (void)
{
  if (!schema)
    {
      xmlRelaxNGParserCtxtPtr pctx
        = xmlRelaxNGNewMemParserCtxt (rc_schema_rng, (int) rc_schema_rng_len);
      if (pctx)
        schema = xmlRelaxNGParse (pctx);
      xmlRelaxNGFreeParserCtxt (pctx);
    }
  return schema;
}

void
loader_cleanup (void)
{
  xmlRelaxNGFree (schema);
  schema = NULL;
}

/* Validates DOC, whose root is ROOT, against the embedded schema.  */
static void
validate (struct load *ld, xmlDoc *doc, const xmlNode *root)
{
  xmlRelaxNGPtr rng = schema_get ();
  xmlRelaxNGValidCtxtPtr vctx = rng ? xmlRelaxNGNewValidCtxt (rng) : NULL;

  if (!vctx)
    {
      failf (ld, 0, "internal error: cannot load the data schema");
      return;
    }
  xmlRelaxNGSetValidStructuredErrors (vctx, schema_error, ld);
  if (xmlRelaxNGValidateDoc (vctx, doc) != 0)
    failf (ld, xmlGetLineNo (root),
           "does not match the replycode data schema");
  xmlRelaxNGFreeValidCtxt (vctx);
}

/* Parsing.  */

/* SAX hook for <!DOCTYPE>: refuses it and stops the parser before the
   internal subset (and any entity in it) is read.  */
static void
on_doctype (void *ctx, const xmlChar *name, const xmlChar *ext_id,
            const xmlChar *sys_id)
{
  xmlParserCtxtPtr pc = ctx;
  struct load *ld = pc->_private;

  (void) name;
  (void) ext_id;
  (void) sys_id;
  if (ld)
    failf (ld, xmlSAX2GetLineNumber (ctx),
           "<!DOCTYPE> is not allowed in data files");
  xmlStopParser (pc);
}

static xmlDoc *
parse (struct load *ld, const char *buf, size_t len)
{
  xmlParserCtxtPtr pc = xmlNewParserCtxt ();
  xmlDoc *doc = NULL;

  if (!pc)
    {
      failf (ld, 0, "out of memory");
      return NULL;
    }
  pc->_private = ld;
  pc->sax->internalSubset = on_doctype;
  doc = xmlCtxtReadMemory (pc, buf, (int) len, ld->name, NULL,
                           PARSE_OPTIONS);
  xmlFreeParserCtxt (pc);
  return doc;
}

static int
load_memory (const char *buf, size_t len, const char *name,
             struct catalog **out, char **err,
             struct loader_warning **warns, size_t *n_warns)
{
  struct load ld = { .name = name, .want_warns = warns != NULL };
  xmlDoc *doc = NULL;
  xmlNode *root;
  struct catalog *cat = NULL;
  struct rc_registry *reg;
  struct rc_producer *prod;

  *out = NULL;
  *err = NULL;
  if (warns)
    *warns = NULL;
  if (n_warns)
    *n_warns = 0;
  ld.ar = arena_new ();
  if (!ld.ar)
    {
      failf (&ld, 0, "out of memory");
      goto out;
    }
  if (len == 0)
    {
      failf (&ld, 1, "the file is empty");
      goto out;
    }
  if (len > LOADER_MAX_FILE)
    {
      failf (&ld, 1, "the file is larger than %u bytes", LOADER_MAX_FILE);
      goto out;
    }
  xmlSetStructuredErrorFunc (&ld, structured_error);
  doc = parse (&ld, buf, len);
  if (!doc || ld.failed)
    {
      failf (&ld, 1, "not a well-formed XML file");
      goto out;
    }
  if (doc->intSubset || doc->extSubset)
    {
      failf (&ld, 1, "<!DOCTYPE> is not allowed in data files");
      goto out;
    }
  root = xmlDocGetRootElement (doc);
  bool is_producer = is_elem (root, "producer");
  if (!is_elem (root, "registry") && !is_producer)
    {
      failf (&ld, root ? xmlGetLineNo (root) : 1,
             "the root element must be <registry> or <producer>"
             " (no namespace)");
      goto out;
    }
  cat = arena_alloc (ld.ar, sizeof *cat);
  reg = is_producer ? NULL : arena_alloc (ld.ar, sizeof *reg);
  prod = is_producer ? arena_alloc (ld.ar, sizeof *prod) : NULL;
  if (!cat || (!reg && !prod))
    {
      failf (&ld, 0, "out of memory");
      goto out;
    }
  /* Our own walk first: its messages name the element, attribute and
     line; then the schema, as the reference.  */
  if (is_producer)
    read_producer (&ld, root, prod);
  else
    read_registry (&ld, root, reg);
  if (!ld.failed)
    validate (&ld, doc, root);
  if (ld.failed)
    goto out;
  cat->regs = reg;
  cat->n_regs = reg ? 1 : 0;
  cat->producers = prod;
  cat->n_producers = prod ? 1 : 0;
  cat->arena = ld.ar;

out:
  xmlSetStructuredErrorFunc (NULL, NULL);
  xmlFreeDoc (doc);
  if (ld.failed || !cat)
    {
      if (!ld.failed)
        failf (&ld, 0, "out of memory");
      arena_free (ld.ar);
      free (ld.warns);
      *err = ld.err;
      return RC_EXIT_DATA;
    }
  *out = cat;
  if (warns && ld.n_warns)
    {
      *warns = ld.warns;
      *n_warns = ld.n_warns;
    }
  else
    free (ld.warns);
  return 0;
}

int
loader_load_memory (const char *buf, size_t len, const char *name,
                    struct catalog **out, char **err)
{
  return load_memory (buf, len, name, out, err, NULL, NULL);
}

int
loader_load_memory_warn (const char *buf, size_t len, const char *name,
                         struct catalog **out, char **err,
                         struct loader_warning **warns, size_t *n_warns)
{
  return load_memory (buf, len, name, out, err, warns, n_warns);
}

/* Reads PATH, a regular file of at most LOADER_MAX_FILE bytes, into a
   malloc'd *BUF of *LEN bytes, without blocking on a FIFO or device.
   Returns 0, or an exit status with the error reported through LD.  */
static int
read_file (struct load *ld, const char *path, char **bufp, size_t *lenp)
{
  int fd = open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  struct stat st;
  char *buf = NULL;
  size_t len = 0, cap;
  int ret = RC_EXIT_USAGE;

  *bufp = NULL;
  *lenp = 0;
  if (fd < 0)
    {
      failf (ld, 0, "%s", strerror (errno));
      return RC_EXIT_USAGE;
    }
  if (fstat (fd, &st) != 0)
    {
      failf (ld, 0, "cannot read: %s", strerror (errno));
      goto out;
    }
  if (!S_ISREG (st.st_mode))
    {
      failf (ld, 0, "not a regular file");
      goto out;
    }
  if (st.st_size > (off_t) LOADER_MAX_FILE)
    {
      failf (ld, 1, "the file is larger than %u bytes", LOADER_MAX_FILE);
      ret = RC_EXIT_DATA;
      goto out;
    }
  /* one byte more than the size, to see the end at once; the loop grows
     the buffer when the file grew (or, as in /proc, has no size) */
  cap = (size_t) st.st_size + 1;
  buf = malloc (cap);
  if (!buf)
    {
      failf (ld, 0, "out of memory");
      ret = RC_EXIT_DATA;
      goto out;
    }
  for (;;)
    {
      ssize_t n;
      if (len == cap)
        {
          if (cap > LOADER_MAX_FILE)
            break;
          size_t ncap = cap > LOADER_MAX_FILE / 2 ? LOADER_MAX_FILE + 1
            : 2 * cap;
          char *p = realloc (buf, ncap);
          if (!p)
            {
              failf (ld, 0, "out of memory");
              ret = RC_EXIT_DATA;
              goto out;
            }
          buf = p;
          cap = ncap;
        }
      n = read (fd, buf + len, cap - len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          failf (ld, 0, "cannot read: %s", strerror (errno));
          goto out;
        }
      if (n == 0)
        break;
      len += (size_t) n;
    }
  if (len > LOADER_MAX_FILE)
    {
      failf (ld, 1, "the file is larger than %u bytes", LOADER_MAX_FILE);
      ret = RC_EXIT_DATA;
      goto out;
    }
  *bufp = buf;
  *lenp = len;
  buf = NULL;
  ret = 0;
out:
  free (buf);
  close (fd);
  return ret;
}

int
loader_load_file_warn (const char *path, struct catalog **out, char **err,
                       struct loader_warning **warns, size_t *n_warns)
{
  char *buf = NULL;
  size_t len = 0;
  int ret;
  struct load ld = { .name = path };

  *out = NULL;
  *err = NULL;
  if (warns)
    *warns = NULL;
  if (n_warns)
    *n_warns = 0;
  ret = read_file (&ld, path, &buf, &len);
  if (ret)
    {
      *err = ld.err;
      return ret;
    }
  ret = load_memory (buf, len, path, out, err, warns, n_warns);
  free (buf);
  return ret;
}

int
loader_load_file (const char *path, struct catalog **out, char **err)
{
  return loader_load_file_warn (path, out, err, NULL, NULL);
}
