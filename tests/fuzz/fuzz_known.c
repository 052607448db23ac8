/* Fuzz target: the known-reply matcher over the shipped catalog.  The
   first bytes choose the codes; the rest is the text.  Hits are in order,
   best first.  */
#include "system.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "known.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static const char *const basics[] = { "", "550", "450", "250", "421", "530" };
static const char *const enhs[] = { "", "5.7.1", "4.7.0", "5.1.1", "2.0.0" };

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static struct known_index *ix;
  struct known_hit h[4];
  if (!ix && !(ix = known_index_new (catalog_builtin ())))
    return 0;
  if (size < 2)
    return 0;
  const char *basic = basics[data[0] % 6], *enh = enhs[data[1] % 5];
  size_t n = known_match (ix, data[0] & 0x80 ? "smtp" : NULL, basic, enh,
                          (const char *) data + 2, size - 2, h, 4);
  for (size_t i = 1; i < n && i < 4; i++)
    if (h[i].score > h[i - 1].score)
      abort ();
  /* the prefix stripper on a copy */
  char *s = malloc (size - 1);
  if (s)
    {
      memcpy (s, data + 2, size - 2);
      s[size - 2] = '\0';
      size_t k = strlen (s);
      if (known_strip_prefixes (s, k, basic, enh) > k)
        abort ();
      free (s);
    }
  return 0;
}
