/* diag.h: messages to the user on standard error.  Owns nothing; every
   message is sanitized (wrap_sanitize) because messages quote the user's
   arguments and file names.  */
#ifndef RC_DIAG_H
#define RC_DIAG_H

/* Reports "replycode: MSG" on stderr (printf-style).  Flushes stdout
   first so that the two streams stay in order.  */
void rc_error (const char *fmt, ...) __attribute__ ((format (printf, 1, 2)));

/* Reports "replycode: warning: MSG".  */
void rc_warn (const char *fmt, ...) __attribute__ ((format (printf, 1, 2)));

/* Prints MSG (already complete, such as a loader's "FILE:LINE: text")
   on its own line on stderr, sanitized.  */
void rc_report_plain (const char *msg);

#endif
