/* Fuzz target: the data-file loader (libxml2 parsing, DOCTYPE refusal,
   schema validation, extraction).  Any input must give a catalog or an
   error message, never a crash or a leak.  */
#include "system.h"

#include <stdint.h>
#include <stdlib.h>

#include "catalog.h"
#include "loader.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  struct catalog *cat = NULL;
  char *err = NULL;
  if (loader_load_memory ((const char *) data, size, "fuzz.xml", &cat, &err)
      == 0)
    {
      if (!cat || err)
        abort ();
      for (size_t i = 0; i < cat->regs[0].n_codes; i++)
        if (!registry_code (&cat->regs[0], cat->regs[0].codes[i].value))
          abort ();
    }
  else if (cat || !err)
    abort ();
  free (err);
  catalog_free (cat);
  return 0;
}
