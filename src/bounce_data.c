/* bounce_data.c: releasing a struct bounce (bounce.h).  Plain data, in
   the library both programs link, apart from the GMime reader.  */
#include "system.h"

#include <stdlib.h>
#include <string.h>

#include "bounce.h"

void
bounce_free (struct bounce *b)
{
  for (size_t i = 0; i < b->n; i++)
    {
      free (b->rcpt[i].recipient);
      free (b->rcpt[i].action);
      free (b->rcpt[i].status);
      free (b->rcpt[i].remote);
      free (b->rcpt[i].diagnostic);
    }
  free (b->rcpt);
  memset (b, 0, sizeof *b);
}
