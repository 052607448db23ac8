/* testutil.h: helpers shared by the Criterion unit tests.  Paths come
   from the environment that tests/local.mk sets (RC_SRCDIR,
   REPLYCODE_LOCALEDIR).  */
#ifndef RC_TESTUTIL_H
#define RC_TESTUTIL_H

#include <stdio.h>
#include <stdlib.h>

/* Writes SRCDIR/REL into BUF and returns BUF.  */
static inline const char *
test_path (char *buf, size_t n, const char *rel)
{
  const char *top = getenv ("RC_SRCDIR");
  snprintf (buf, n, "%s/%s", top ? top : ".", rel);
  return buf;
}

#endif
