/* system.h: included first by every replycode source file.
   Owns: config.h inclusion, the gettext macros, exit statuses, and the
   small attribute macros the modules share.  Nothing here allocates.  */
#ifndef RC_SYSTEM_H
#define RC_SYSTEM_H

#include <config.h>

#include <stddef.h>
#include <stdbool.h>
#include <libintl.h>

#define _(s) gettext (s)
#define N_(s) (s)

/* Exit statuses, as --help and README.md document them.  */
enum rc_exit
{
  RC_EXIT_OK = 0,          /* every code was found */
  RC_EXIT_NOT_FOUND = 1,   /* some code is not in the catalog */
  RC_EXIT_USAGE = 2,       /* usage error or invalid argument */
  RC_EXIT_DATA = 3,        /* a data file is malformed or invalid */
  RC_EXIT_OUTPUT = 4,      /* output could not be written */
  RC_EXIT_BAD_HELPER = 126,  /* the XML helper exists but cannot run */
  RC_EXIT_NO_HELPER = 127    /* the XML helper is not installed */
};

#define RC_WUR __attribute__ ((warn_unused_result))
#define RC_COUNT_OF(a) (sizeof (a) / sizeof (a)[0])

#endif
