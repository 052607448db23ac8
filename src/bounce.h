/* bounce.h: the failed recipients of a bounce message (a non-delivery
   report), as the message states them.

   bounce_parse reads a whole message with GMime: the RFC 3464
   message/delivery-status part of a multipart/report when there is one
   (per-recipient Final-Recipient, Action, Status, Remote-MTA and
   Diagnostic-Code, with folded lines unfolded), and the human-readable
   text of the plain-text bounces of Postfix, Exim, Sendmail, qmail,
   Exchange, Gmail and others (a recipient address, then the lines that
   state what the remote server said).  Quoted-printable and base64 parts
   are decoded and text is converted to UTF-8.  It only extracts what
   the message says: what a code means is the caller's business.

   Only the helper program links GMime (bounce.c); the declarations here
   are plain data, so that explain can hold a struct bounce without it.
   Whether an input is a message at all is reply_starts_message's
   (replyparse.h) business.
   Ownership: a struct bounce owns its strings; bounce_free releases
   them.  */
#ifndef RC_BOUNCE_H
#define RC_BOUNCE_H

#include <stddef.h>

/* Largest message read, in bytes.  */
#define BOUNCE_MAX_MESSAGE (64u * 1024 * 1024)
/* Most recipients kept from one message.  */
#define BOUNCE_MAX_RCPTS 1000

struct bounce_rcpt
{
  char *recipient;     /* "user@example.com" */
  char *action;        /* "failed", "delayed", ... or NULL */
  char *status;        /* "5.1.1" or NULL */
  char *remote;        /* "mx.example.com" or NULL */
  char *diagnostic;    /* what the remote server said, unfolded, or NULL */
};

struct bounce
{
  struct bounce_rcpt *rcpt;
  size_t n;
  int dsn;             /* 1 when the message has a delivery-status part */
};

/* Parses the LEN bytes at BUF as one message.  Returns 0 and fills *B
   (possibly with no recipient), or -1 when out of memory or when BUF is
   not a message GMime can read (B is then empty).  */
int bounce_parse (const char *buf, size_t len, struct bounce *b);

/* Releases B's strings; B is empty again.  Can't fail.  */
void bounce_free (struct bounce *b);

#endif
