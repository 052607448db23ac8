/* Fuzz target: the data-file loader (libxml2 parsing, DOCTYPE refusal,
   the loader's own checks, schema validation, extraction, warnings).  Any
   input must give a catalog or an error message, never a crash or a
   leak; an accepted file has identifiers without white space or controls,
   and every warning names a line and a character that is not clean.  The
   schema stays parsed between inputs, as in a program that loads many
   files.  */
#include "system.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "loader.h"
#include "wrap.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* True when S is a non-empty identifier: no white space, no controls.  */
static bool
is_ident (const char *s)
{
  if (!s || !*s)
    return false;
  for (; *s; s++)
    if ((unsigned char) *s <= 0x20 || *s == 0x7f)
      return false;
  return true;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  struct catalog *cat = NULL;
  char *err = NULL;
  struct loader_warning *w = NULL;
  size_t n_w = 0;

  if (loader_load_memory_warn ((const char *) data, size, "fuzz.xml", &cat,
                               &err, &w, &n_w) == 0)
    {
      const struct rc_registry *r;
      if (!cat || err || cat->n_regs != 1 || (n_w > 0) != (w != NULL))
        abort ();
      r = &cat->regs[0];
      if (!is_ident (r->id))
        abort ();
      for (size_t i = 0; i < r->n_classes; i++)
        if (!is_ident (r->classes[i].value))
          abort ();
      for (size_t i = 0; i < r->n_codes; i++)
        {
          const struct rc_code *c = &r->codes[i];
          if (!is_ident (c->value) || registry_code (r, c->value) != c)
            abort ();
          for (size_t k = 0; k < c->n_related; k++)
            if (!is_ident (c->related[k].code)
                || (c->related[k].registry
                    && !is_ident (c->related[k].registry)))
              abort ();
        }
      for (size_t i = 0; i < n_w; i++)
        {
          char buf[4];
          uint32_t cp = w[i].cp;
          size_t len;
          if (w[i].line < 1 || cp == '\t' || cp == '\n' || cp == '\r'
              || cp > 0x10ffff)
            abort ();
          /* encode as UTF-8: the character must not be clean */
          if (cp < 0x80)
            {
              buf[0] = (char) cp;
              len = 1;
            }
          else if (cp < 0x800)
            {
              buf[0] = (char) (0xc0 | (cp >> 6));
              buf[1] = (char) (0x80 | (cp & 0x3f));
              len = 2;
            }
          else if (cp < 0x10000)
            {
              buf[0] = (char) (0xe0 | (cp >> 12));
              buf[1] = (char) (0x80 | ((cp >> 6) & 0x3f));
              buf[2] = (char) (0x80 | (cp & 0x3f));
              len = 3;
            }
          else
            {
              buf[0] = (char) (0xf0 | (cp >> 18));
              buf[1] = (char) (0x80 | ((cp >> 12) & 0x3f));
              buf[2] = (char) (0x80 | ((cp >> 6) & 0x3f));
              buf[3] = (char) (0x80 | (cp & 0x3f));
              len = 4;
            }
          if (wrap_is_clean (buf, len))
            abort ();
        }
    }
  else if (cat || !err || w || n_w)
    abort ();
  else if (strncmp (err, "fuzz.xml:", 9) != 0)
    abort ();
  free (w);
  free (err);
  catalog_free (cat);
  return 0;
}
