/* main.c: the program entry point; all the work is in cli.c.  */
#include "system.h"

#include "cli.h"

int
main (int argc, char **argv)
{
  return cli_main (argc, argv);
}
