/* Fuzz target: code arguments ("220", "5.7.1", "smtp:550", "5xx").  */
#include "system.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "codearg.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char *s = malloc (size + 1);
  struct code_arg a;
  if (!s)
    return 0;
  memcpy (s, data, size);
  s[size] = '\0';
  if (code_arg_parse (s, &a)
      && (strlen (a.value) >= sizeof a.value || strlen (a.proto) >= sizeof a.proto))
    abort ();
  code_arg_is_proto (s);
  free (s);
  return 0;
}
