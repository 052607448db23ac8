/* replyparse.h: recognises a protocol reply or log line and splits it
   into protocol, basic code, enhanced code and free text.  Pure string
   work over the caller's line: nothing is allocated and the results point
   into the line.  Shapes understood: SMTP and FTP replies (single and
   multi-line "250-"), NNTP replies, HTTP and SIP status lines, IMAP
   tagged and untagged responses ("a1 NO [TRYCREATE] ...", "* OK
   [UIDVALIDITY 3857529045] ..."), POP3 responses ("-ERR [IN-USE] ..."),
   dig output ("status: SERVFAIL", "; EDE: 18 (Prohibited)"), Postfix log
   lines (host ... said: ..., dsn=, status=sent (250 ...)), Exim log
   lines (SMTP error from remote mail server after ...:, C="250 ..."),
   vsftpd's, OpenSMTPD's and Sendmail's log lines, access logs (common
   and combined formats; ProFTPD's ExtendedLog), the fields of a delivery status
   notification (Status:, Diagnostic-Code:), Microsoft's and qmail's
   wrappers, and any line holding a basic plus enhanced code.  */
#ifndef RC_REPLYPARSE_H
#define RC_REPLYPARSE_H

#include <stdbool.h>
#include <stddef.h>

enum reply_shape
{
  SHAPE_NONE,        /* no code found */
  SHAPE_REPLY,       /* a reply line as the server sent it */
  SHAPE_HTTP,        /* HTTP/1.1 404 Not Found */
  SHAPE_SIP,         /* SIP/2.0 486 Busy Here */
  SHAPE_IMAP,        /* a1 NO [TRYCREATE] ..., * OK [UIDNEXT 4392] ... */
  SHAPE_POP3,        /* -ERR [IN-USE] ..., +OK ... */
  SHAPE_DIG,         /* dig: status: NXDOMAIN, or ; EDE: 18 (Prohibited) */
  SHAPE_POSTFIX,     /* Postfix log line */
  SHAPE_EXIM,        /* Exim log line */
  SHAPE_VSFTPD,      /* vsftpd log line: FTP response: Client ..., "530 ..." */
  SHAPE_OPENSMTPD,   /* OpenSMTPD log line: result="550 ...", stat="..." */
  SHAPE_SENDMAIL,    /* Sendmail log line: dsn=, reply=, reject=, stat= */
  SHAPE_ACCESS,      /* access log line (nginx, Apache, ProFTPD's
                        ExtendedLog): "REQUEST" STATUS BYTES */
  SHAPE_DSN,         /* Status: 5.1.1, Diagnostic-Code: smtp; 550 ... */
  SHAPE_WRAPPED,     /* a reply inside another program's words: Microsoft's
                        Remote Server returned '...' and #550 ... ##,
                        qmail's (#5.1.1) */
  SHAPE_EMBEDDED     /* a code found inside other text */
};

struct reply
{
  enum reply_shape shape;
  const char *proto;    /* a protocol ("smtp", "ftp", "sip", "imap",
                           "dns") or a registry id ("dns-ede"), or NULL:
                           not known */
  char code[40];        /* "550", "TRYCREATE", "SERVFAIL", "18", or "" */
  char status[8];       /* IMAP OK, NO, BAD, BYE, PREAUTH; POP3 +OK,
                           -ERR; or "" */
  char enhanced[12];    /* "5.1.1", or "" */
  bool more;            /* "250-": more lines of this reply follow */
  bool guessed;         /* PROTO was guessed from words of the text, not
                           told by the line's shape */
  const char *text;     /* the free text (may be empty), not terminated */
  size_t text_len;
};

/* Parses LINE (NUL-terminated, without the newline).  Returns false when
   no code is found (OUT->shape is SHAPE_NONE).  Can't fail otherwise.  */
bool reply_parse (const char *line, struct reply *out);

/* Replaces R's text with TEXT (the joined lines of a multi-line reply)
   and guesses the protocol again from it when it is not known.  */
void reply_reparse_text (struct reply *r, const char *text, size_t len);

/* True when R's text (all of its TEXT_LEN bytes, which need not end in
   NUL) contains WORD, ignoring the case of ASCII letters.  Can't fail.  */
bool reply_text_has (const struct reply *r, const char *word);

/* True when R may be a reply of protocol (or registry) NAME: R's
   protocol when the line tells it, else one of the protocols whose
   replies have R's shape (a bare "550 ..." is SMTP, FTP or NNTP; never
   HTTP or SIP, which send status lines).  */
bool reply_may_be (const struct reply *r, const char *name);

/* True when enhanced code class and basic code class disagree
   (250 with 5.1.1).  */
bool reply_mismatch (const struct reply *r);

/* True when LINE, the first line of an input, starts a mail message: an
   mbox "From " line, or a header field that messages start with
   (Return-Path:, Received:, Delivered-To:, From:, Date:, MIME-Version:,
   X-...:).  A DSN field alone ("Status: 5.1.1") is not one.  */
bool reply_starts_message (const char *line);

#endif
