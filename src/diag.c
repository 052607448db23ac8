/* diag.c: see diag.h.  */
#include "system.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "dbuf.h"
#include "diag.h"
#include "wrap.h"

static void
report (const char *prefix, const char *fmt, va_list ap)
{
  struct dbuf msg = DBUF_INIT, clean = DBUF_INIT;
  fflush (stdout);
  if (dbuf_vprintf (&msg, fmt, ap)
      && wrap_sanitize (&clean, dbuf_str (&msg), dbuf_len (&msg)))
    fprintf (stderr, "%s: %s%s\n", PACKAGE, prefix, dbuf_str (&clean));
  else
    fprintf (stderr, "%s: %s%s\n", PACKAGE, prefix, fmt);
  dbuf_free (&msg);
  dbuf_free (&clean);
}

void
rc_error (const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  report ("", fmt, ap);
  va_end (ap);
}

void
rc_warn (const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  /* TRANSLATORS: prefix of a warning message, after "replycode: ".  */
  report (_("warning: "), fmt, ap);
  va_end (ap);
}

void
rc_report_plain (const char *msg)
{
  struct dbuf clean = DBUF_INIT;
  fflush (stdout);
  if (wrap_sanitize (&clean, msg, strlen (msg)))
    fprintf (stderr, "%s\n", dbuf_str (&clean));
  dbuf_free (&clean);
}
