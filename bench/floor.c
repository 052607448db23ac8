/* floor.c: the benchmark's floor: a program that only prints a file it
   was given (the size of a lookup's output), as cheaply as C allows.  */
#include <stdio.h>

int
main (int argc, char **argv)
{
  char buf[65536];
  size_t n;
  FILE *f = argc > 1 ? fopen (argv[1], "rb") : NULL;
  if (!f)
    return 2;
  while ((n = fread (buf, 1, sizeof buf, f)) > 0)
    fwrite (buf, 1, n, stdout);
  fclose (f);
  return 0;
}
