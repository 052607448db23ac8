/* paths.h: where the program finds its own files: the XML helper and the
   message catalogs.  A program run from its build tree uses the files
   built next to it, so `./src/replycode --lang ko 220` works right after
   `make`, and never an older installed helper with another catalog.
   Environment variables for tests and relocation come first:
   REPLYCODE_XML_HELPER and REPLYCODE_LOCALEDIR.  */
#ifndef RC_PATHS_H
#define RC_PATHS_H

#include "dbuf.h"

/* The directory of the running program (from /proc/self/exe) into OUT;
   false when it cannot be known.  */
bool rc_self_dir (struct dbuf *out) RC_WUR;

/* The XML-capable helper to run into OUT: $REPLYCODE_XML_HELPER, else
   replycode-xml next to the running program, else the installed one.
   False when out of memory.  */
bool rc_helper_path (struct dbuf *out) RC_WUR;

/* The message catalog directory: $REPLYCODE_LOCALEDIR, else the build
   tree's when the program runs from its build tree, else the installed
   one.  The string is static or the environment's.  Can't fail.  */
const char *rc_locale_dir (void);

#endif
