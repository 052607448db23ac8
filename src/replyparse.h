/* replyparse.h: recognises a protocol reply or log line and splits it
   into protocol, basic code, enhanced code and free text.  Pure string
   work over the caller's line: nothing is allocated and the results point
   into the line.  Shapes understood: SMTP and FTP replies (single and
   multi-line "250-"), HTTP status lines, Postfix log lines (host ...
   said: ..., dsn=), Exim log lines (SMTP error from remote mail server
   after ...:), and any line holding a basic plus enhanced code.  */
#ifndef RC_REPLYPARSE_H
#define RC_REPLYPARSE_H

#include <stdbool.h>
#include <stddef.h>

enum reply_shape
{
  SHAPE_NONE,        /* no code found */
  SHAPE_REPLY,       /* a reply line as the server sent it */
  SHAPE_HTTP,        /* HTTP/1.1 404 Not Found */
  SHAPE_POSTFIX,     /* Postfix log line */
  SHAPE_EXIM,        /* Exim log line */
  SHAPE_EMBEDDED     /* a code found inside other text */
};

struct reply
{
  enum reply_shape shape;
  const char *proto;    /* "smtp", "ftp", "http", or NULL: not known */
  char code[4];         /* "550", or "" */
  char enhanced[12];    /* "5.1.1", or "" */
  bool more;            /* "250-": more lines of this reply follow */
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

/* True when enhanced code class and basic code class disagree
   (250 with 5.1.1).  */
bool reply_mismatch (const struct reply *r);

#endif
