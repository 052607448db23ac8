/* standalone.c: runs a libFuzzer target over the files named on the
   command line, without libFuzzer, so that make check replays the seed
   corpora with any compiler (and under the sanitizers in CI).  */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
main (int argc, char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      FILE *f = fopen (argv[i], "rb");
      unsigned char *buf = malloc (1 << 20);
      size_t n;
      if (!f || !buf)
        {
          perror (argv[i]);
          free (buf);
          if (f)
            fclose (f);
          return 1;
        }
      n = fread (buf, 1, 1 << 20, f);
      fclose (f);
      LLVMFuzzerTestOneInput (buf, n);
      free (buf);
    }
  printf ("%d inputs replayed\n", argc - 1);
  return 0;
}
