/* replyscan.h: groups the lines of an input into replies, the one way
   that explain and summary both read them.  Each line is made clean
   (wrap_sanitize) and parsed by replyparse.c.  The lines of a
   multi-line reply ("250-..." up to "250 ...") become one reply with
   their texts joined; indented lines without a code continue the reply
   before them (as bounce messages fold a long diagnostic); while a
   multi-line reply is pending, a line without any code is one of its
   middle lines (FTP's "211-Features:" list).  A reply whose last line
   never comes is handed over as it stands when a line of another code
   interrupts it, and at scan_flush.

   Ownership: a struct reply_scan owns its pending line and text (freed
   by scan_free); the line and reply handed to the callback live only
   during the call.  Memory is bounded: a line is at most SCAN_LINE_MAX
   bytes (the caller cuts), a pending line or joined text at most
   SCAN_TEXT_MAX bytes and " …".  */
#ifndef RC_REPLYSCAN_H
#define RC_REPLYSCAN_H

#include <stdbool.h>
#include <stddef.h>

#include "dbuf.h"
#include "replyparse.h"

/* Lines longer than this are read from their first SCAN_LINE_MAX bytes
   (cut at a character boundary, scan_char_floor).  */
#define SCAN_LINE_MAX 8192
/* The joined text of a multi-line reply keeps at most this many bytes,
   whole characters only; when more came, " …" follows and later lines'
   texts are left out.  */
#define SCAN_TEXT_MAX 65536

/* Called for each reply, and for each line without a code (RP->shape is
   SHAPE_NONE).  LINE is the clean line to show.  Returns an exit status
   (enum rc_exit); RC_EXIT_OUTPUT stops the scan.  */
typedef int (*scan_fn) (void *arg, const char *line, struct reply *rp);

struct reply_scan
{
  scan_fn fn;
  void *arg;
  /* the pending reply */
  bool active;         /* something is pending */
  bool multi;          /* a multi-line reply, not yet at its last line */
  char code[40];       /* the basic code of a multi-line reply */
  struct reply rp;     /* the pending line, parsed (its text is not
                          used: TEXT replaces it) */
  bool grown;          /* continued lines were added to LINE: it is
                          parsed again when handed over */
  struct dbuf line;    /* the line to show */
  struct dbuf text;    /* the texts so far, joined */
  bool cut;            /* TEXT reached SCAN_TEXT_MAX */
  struct dbuf clean;   /* scratch: the sanitized input line */
};

/* Starts a scan that hands replies to FN with ARG.  Can't fail.  */
void scan_init (struct reply_scan *s, scan_fn fn, void *arg);
void scan_free (struct reply_scan *s);

/* Reads one line: the LEN bytes at RAW (any byte but a newline, at most
   SCAN_LINE_MAX).  Returns the worst exit status of the callbacks it
   made, or RC_EXIT_OUTPUT when out of memory.  */
int scan_line (struct reply_scan *s, const char *raw, size_t len);

/* Hands over what is pending, as it stands.  Returns an exit status.  */
int scan_flush (struct reply_scan *s);

/* The largest K' <= K at which S (LEN bytes) can be cut without cutting
   a UTF-8 character; it backs off over at most 3 continuation bytes, so
   that invalid input is not dropped wholesale.  Can't fail.  */
size_t scan_char_floor (const char *s, size_t len, size_t k);

#endif
