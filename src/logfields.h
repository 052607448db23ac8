/* logfields.h: the time stamp and the remote party of a log line, for
   the summary.  Pure string work over the caller's line, as
   replyparse.c does for codes; nothing is allocated.  */
#ifndef RC_LOGFIELDS_H
#define RC_LOGFIELDS_H

#include <stddef.h>

/* The time stamp of LINE, as the log writes it: syslog's "Dec  5
   10:00:01", RFC 3339's "2026-12-05T10:00:01.123+00:00", Exim's
   "2026-12-05 10:00:01", vsftpd's "Sat Dec  5 10:00:01 2026", an
   access log's "05/Dec/2026:10:00:01 +0000".  Stores its start in
   *START and returns its length (0: none).  */
size_t log_time (const char *line, const char **start);

/* The remote party of a mail log line: the client host of a rejected
   command (Postfix "RCPT from host[ip]:", Sendmail "relay=host
   [ip]"), else the recipient's domain (to=<a@domain>, Exim's "** a@domain"),
   else the remote host (Exim H=, relay=).  A name "unknown" gives the
   address in brackets.  Stores its start in *START and returns its
   length (0: none), at most 64 bytes.  */
size_t log_remote (const char *line, const char **start);

#endif
