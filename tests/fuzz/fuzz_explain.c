/* Fuzz target: the explain command, and its multi-line reply state
   ("250-" lines kept until the last line, interrupted by other codes or
   junk, flushed at the end of an argument or of the input).

   The first byte chooses: bit 0, JSON instead of text; bit 1, the rest is
   read as standard input ("-") instead of split at NUL bytes into
   arguments (each of which may hold several lines); bit 2, colour; bits
   3 to 7, the width (10 to 320 cells).  Text
   goes to /dev/null.  JSON goes to memory, and each output line must be
   a JSON object with the keys of an answer.  The exit status must be 0
   or 1 (nothing here is a usage, data or output error).  */
#include "system.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "catalog.h"
#include "commands.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
check (bool ok)
{
  if (!ok)
    abort ();
}

/* Each line of OUT (LEN bytes) is one answer object.  */
static void
check_json (const char *out, size_t len)
{
  static const char *const keys[] = {
    "line", "shape", "protocol", "code", "enhanced", "text", "mismatch",
    "entries", "hints", "lang"
  };
  const char *p = out, *end = out + len;
  while (p < end)
    {
      const char *nl = memchr (p, '\n', (size_t) (end - p));
      json_error_t e;
      check (nl != NULL);
      json_t *o = json_loadb (p, (size_t) (nl - p), 0, &e);
      check (json_is_object (o));
      for (size_t i = 0; i < RC_COUNT_OF (keys); i++)
        check (json_object_get (o, keys[i]) != NULL);
      check (json_is_string (json_object_get (o, "line")));
      json_decref (o);
      p = nl + 1;
    }
}

/* Splits DATA at NUL bytes into arguments; the caller frees *ARGV[0] and
   *ARGV.  Returns the number of arguments, or -1 when out of memory.  */
static int
split_args (const uint8_t *data, size_t size, char ***argv)
{
  char *copy = malloc (size + 1);
  size_t n = 1;
  if (!copy)
    return -1;
  memcpy (copy, data, size);
  copy[size] = '\0';
  for (size_t i = 0; i < size; i++)
    n += copy[i] == '\0';
  *argv = malloc (n * sizeof **argv);
  if (!*argv)
    {
      free (copy);
      return -1;
    }
  (*argv)[0] = copy;
  for (size_t i = 0, k = 1; i < size; i++)
    if (copy[i] == '\0')
      (*argv)[k++] = copy + i + 1;
  return (int) n;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static FILE *null;
  struct ctx c;
  char *buf = NULL;
  size_t len = 0;
  int ret;

  if (size < 1)
    return 0;
  if (!null && !(null = fopen ("/dev/null", "w")))
    abort ();
  unsigned flags = data[0];
  data++, size--;
  memset (&c, 0, sizeof c);
  c.cat = catalog_builtin ();
  c.format = flags & 1 ? FORMAT_JSON : FORMAT_TEXT;
  c.out.color = flags & 4;
  c.out.width = 10 + (int) (flags >> 3) * 10;
  c.out.fp = c.format == FORMAT_JSON ? open_memstream (&buf, &len) : null;
  if (!c.out.fp)
    return 0;

  if (flags & 2)
    {
      /* standard input: NUL bytes, overlong lines, no final newline */
      char *copy = malloc (size + 1);
      char dash[] = "-", *argv[] = { dash };
      FILE *in = NULL, *saved = stdin;
      if (copy)
        {
          memcpy (copy, data, size);
          in = size ? fmemopen (copy, size, "r") : fopen ("/dev/null", "r");
        }
      ret = 0;
      if (in)
        {
          stdin = in;
          ret = cmd_explain (&c, 1, argv);
          stdin = saved;
          fclose (in);
        }
      free (copy);
    }
  else
    {
      /* arguments; an argument "-" reads an empty standard input */
      char **argv;
      int argc = split_args (data, size, &argv);
      FILE *in = fopen ("/dev/null", "r"), *saved = stdin;
      ret = 0;
      if (argc >= 0 && in)
        {
          stdin = in;
          ret = cmd_explain (&c, argc, argv);
          stdin = saved;
        }
      if (in)
        fclose (in);
      if (argc >= 0)
        {
          free (argv[0]);
          free (argv);
        }
    }
  check (ret == 0 || ret == 1);
  if (c.format == FORMAT_JSON)
    {
      check (fclose (c.out.fp) == 0);
      check_json (buf, len);
      free (buf);
    }
  return 0;
}
