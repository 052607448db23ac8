/* Fuzz target: the summary command over a log file (logread.c, then the
   same scan, parse and count as explain; tally.c and the renderers).

   The first byte chooses: bit 0, JSON instead of text; bit 1, the rest
   is gzip'd before it is read (so that the decompressed lines are
   explored, while raw input starting with 1f 8b reaches zlib's error
   paths); bits 2 to 7, the width (20 to 335 cells).  The file is a
   memfd read through /proc/self/fd.  Text goes to /dev/null; JSON goes
   to memory and must be one object with the keys of a summary.  The exit
   status must be 0, or 2 for a corrupt gzip stream.  */
#include "system.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <jansson.h>
#include <zlib.h>

#include "catalog.h"
#include "commands.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
check (bool ok)
{
  if (!ok)
    abort ();
}

/* Writes the N bytes at P to FD.  */
static bool
put (int fd, const void *p, size_t n)
{
  while (n > 0)
    {
      ssize_t k = write (fd, p, n);
      if (k <= 0)
        return false;
      p = (const char *) p + k;
      n -= (size_t) k;
    }
  return true;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static FILE *null;
  struct ctx c;
  char *buf = NULL, path[64];
  size_t len = 0;
  int fd, ret;
  bool ok;

  if (size < 1)
    return 0;
  if (!null && !(null = fopen ("/dev/null", "w")))
    abort ();
  unsigned flags = data[0];
  data++, size--;
  if ((fd = memfd_create ("log", 0)) < 0)
    return 0;
  if (flags & 2)
    {
      uLongf n = compressBound ((uLong) size) + 32;
      Bytef *z = malloc (n);
      z_stream s;
      memset (&s, 0, sizeof s);
      /* windowBits 31: a gzip stream */
      ok = z && deflateInit2 (&s, 6, Z_DEFLATED, 31, 8,
                              Z_DEFAULT_STRATEGY) == Z_OK;
      if (ok)
        {
          s.next_in = (Bytef *) data;
          s.avail_in = (uInt) size;
          s.next_out = z;
          s.avail_out = (uInt) n;
          ok = deflate (&s, Z_FINISH) == Z_STREAM_END
            && put (fd, z, n - s.avail_out);
          deflateEnd (&s);
        }
      free (z);
    }
  else
    ok = put (fd, data, size);
  if (!ok)
    {
      close (fd);
      return 0;
    }
  snprintf (path, sizeof path, "/proc/self/fd/%d", fd);
  memset (&c, 0, sizeof c);
  c.cat = catalog_builtin ();
  c.format = flags & 1 ? FORMAT_JSON : FORMAT_TEXT;
  c.out.width = 20 + (int) (flags >> 2) * 5;
  c.out.fp = c.format == FORMAT_JSON ? open_memstream (&buf, &len) : null;
  if (!c.out.fp)
    {
      close (fd);
      return 0;
    }
  char *argv[] = { path };
  ret = cmd_summary (&c, 1, argv);
  close (fd);
  check (ret == 0 || ret == 2);
  check ((flags & 2) == 0 || ret == 0);
  if (c.format == FORMAT_JSON)
    {
      static const char *const keys[] = {
        "codes", "lines", "lines_with_codes", "skipped_binary",
        "skipped_overlong", "lang"
      };
      json_error_t e;
      check (fclose (c.out.fp) == 0);
      json_t *o = json_loadb (buf, len, 0, &e);
      check (json_is_object (o));
      for (size_t i = 0; i < RC_COUNT_OF (keys); i++)
        check (json_object_get (o, keys[i]) != NULL);
      check (json_is_array (json_object_get (o, "codes")));
      json_decref (o);
      free (buf);
    }
  return 0;
}
