/* Fuzz target: the reply and log line parser.  The results must point
   inside the line.  */
#include "system.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "replyparse.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char *line = malloc (size + 1);
  struct reply r;
  if (!line)
    return 0;
  memcpy (line, data, size);
  line[size] = '\0';
  size_t len = strlen (line);
  if (reply_parse (line, &r) && r.text_len > 0
      && (r.text_len > len || r.text < line
          || (size_t) (r.text - line) > len - r.text_len))
    abort ();
  reply_mismatch (&r);
  free (line);
  return 0;
}
