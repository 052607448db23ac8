/* replyparse.c: see replyparse.h.  */
#include "system.h"

#include <string.h>

#include "replyparse.h"

static bool
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

static const char *
skip_spaces (const char *p)
{
  while (*p == ' ' || *p == '\t')
    p++;
  return p;
}

/* Reads a basic code at P: three digits, first 1-6, not followed by a
   digit or '.'.  */
static bool
basic_at (const char *p, char code[4])
{
  if (!(p[0] >= '1' && p[0] <= '6' && is_digit (p[1]) && is_digit (p[2]))
      || is_digit (p[3]) || p[3] == '.')
    return false;
  memcpy (code, p, 3);
  code[3] = '\0';
  return true;
}

/* Reads an enhanced code at P ("5.1.1"); returns its length or 0.  */
static size_t
enhanced_at (const char *p, char out[12])
{
  size_t i = 0, parts = 0;
  if (!(p[0] == '2' || p[0] == '4' || p[0] == '5') || p[1] != '.')
    return 0;
  i = 2;
  for (parts = 0; parts < 2; parts++)
    {
      size_t n = 0;
      while (is_digit (p[i + n]))
        n++;
      if (n == 0 || n > 3)
        return 0;
      i += n;
      if (parts == 0)
        {
          if (p[i] != '.')
            return 0;
          i++;
        }
    }
  if (is_digit (p[i]) || p[i] == '.' || (p[i] >= 'A' && p[i] <= 'z'))
    return 0;
  memcpy (out, p, i);
  out[i] = '\0';
  return i;
}

static void
set_text (struct reply *r, const char *p, const char *end)
{
  p = skip_spaces (p);
  if (end < p)
    end = p;
  while (end > p && (end[-1] == ' ' || end[-1] == '\r' || end[-1] == '\t'))
    end--;
  r->text = p;
  r->text_len = (size_t) (end - p);
}

/* Parses a reply as sent: "550 5.1.1 text", "250-text", "220".  END
   bounds the reply inside a longer line.  */
static bool
parse_reply (const char *p, const char *end, struct reply *r)
{
  size_t n;
  p = skip_spaces (p);
  if (!basic_at (p, r->code))
    return false;
  p += 3;
  if (*p == '-')
    r->more = true;
  else if (*p != ' ' && *p != '\0' && *p != '\r' && p != end)
    return false;
  if (*p)
    p++;
  p = skip_spaces (p);
  if ((n = enhanced_at (p, r->enhanced)))
    p += n;
  set_text (r, p, end);
  return true;
}

/* "HTTP/1.1 404 Not Found", "HTTP/2 503".  */
static bool
parse_http (const char *line, struct reply *r)
{
  const char *p = skip_spaces (line);
  if (strncmp (p, "HTTP/", 5) != 0)
    return false;
  p += 5;
  while (is_digit (*p) || *p == '.')
    p++;
  if (*p != ' ')
    return false;
  p = skip_spaces (p);
  if (!basic_at (p, r->code) || p[0] > '5')
    return false;
  r->shape = SHAPE_HTTP;
  r->proto = "http";
  set_text (r, p + 3, p + strlen (p));
  return true;
}

/* Postfix: "... status=bounced (host x[1.2.3.4] said: 550 5.1.1 <a@b>:
   User unknown (in reply to RCPT TO command))", or only "dsn=4.4.1".  */
static bool
parse_postfix (const char *line, struct reply *r)
{
  const char *said = strstr (line, " said: ");
  const char *dsn = strstr (line, "dsn=");
  if (said)
    {
      const char *start = said + 7;
      const char *end = strstr (start, " (in reply to ");
      if (!end)
        end = start + strlen (start);
      while (end > start && end[-1] == ')')
        end--;
      if (parse_reply (start, end, r))
        {
          r->shape = SHAPE_POSTFIX;
          r->proto = "smtp";
          r->more = false;
          if (!r->enhanced[0] && dsn)
            enhanced_at (dsn + 4, r->enhanced);
          return true;
        }
    }
  if (dsn && strstr (line, "status=") && enhanced_at (dsn + 4, r->enhanced))
    {
      const char *st = strstr (line, "status=");
      const char *paren = strchr (st, '(');
      r->shape = SHAPE_POSTFIX;
      r->proto = "smtp";
      if (paren)
        set_text (r, paren + 1, paren + strlen (paren)
                  - (paren[strlen (paren) - 1] == ')'));
      else
        set_text (r, st, st + strlen (st));
      return true;
    }
  return false;
}

/* Exim: "... SMTP error from remote mail server after RCPT
   TO:<a@b.example>: 550 5.1.1 User unknown".  */
static bool
parse_exim (const char *line, struct reply *r)
{
  static const char marker[] = "SMTP error from remote mail server after ";
  const char *p = strstr (line, marker);
  if (!p)
    return false;
  p += sizeof marker - 1;
  /* skip the command, which may hold "TO:<...>": find ": " + digit */
  for (const char *q = p; (q = strstr (q, ": ")); q += 2)
    if (basic_at (skip_spaces (q + 2), r->code)
        && parse_reply (q + 2, q + 2 + strlen (q + 2), r))
      {
        r->shape = SHAPE_EXIM;
        r->proto = "smtp";
        r->more = false;
        return true;
      }
  return false;
}

/* A basic code followed by an enhanced code anywhere in the line.  */
static bool
parse_embedded (const char *line, struct reply *r)
{
  for (const char *p = line; *p; p++)
    {
      if (p > line && (is_digit (p[-1]) || p[-1] == '.'))
        continue;
      char code[4], enh[12];
      if (basic_at (p, code) && p[3] == ' '
          && enhanced_at (skip_spaces (p + 4), enh))
        {
          if (parse_reply (p, p + strlen (p), r))
            {
              r->shape = SHAPE_EMBEDDED;
              r->proto = "smtp";
              return true;
            }
        }
    }
  return false;
}

/* Words that tell an SMTP reply from an FTP one when only a basic code
   was given.  Matched case-insensitively in the free text.  */
static const char *const smtp_hints[] = {
  "smtp", "esmtp", "mail", "recipient", "sender", "relay", "mailbox",
  "@", "postmaster", "spam", "rcpt", "helo", "ehlo", "starttls", "queued",
  "pipelining", "8bitmime", "smtputf8", "chunking", "dsn"
};
static const char *const ftp_hints[] = {
  "ftp", "passive mode", "data connection", "directory", "file", "login",
  "password", "user ", "transfer", "binary mode", "ascii mode", "pasv",
  "epsv", "logged in", "goodbye"
};

static char
ascii_lower (char c)
{
  return c >= 'A' && c <= 'Z' ? (char) (c - 'A' + 'a') : c;
}

bool
reply_text_has (const struct reply *r, const char *word)
{
  size_t n = strlen (word);
  if (n > r->text_len)
    return false;
  for (size_t i = 0; i + n <= r->text_len; i++)
    {
      size_t k = 0;
      while (k < n && ascii_lower (r->text[i + k]) == ascii_lower (word[k]))
        k++;
      if (k == n)
        return true;
    }
  return false;
}

static bool
text_has_any (const struct reply *r, const char *const *words, size_t n)
{
  for (size_t i = 0; i < n; i++)
    if (reply_text_has (r, words[i]))
      return true;
  return false;
}

static const char *
guess_proto (const struct reply *r)
{
  bool s = text_has_any (r, smtp_hints, RC_COUNT_OF (smtp_hints));
  bool f = text_has_any (r, ftp_hints, RC_COUNT_OF (ftp_hints));
  return s && !f ? "smtp" : f && !s ? "ftp" : NULL;
}

void
reply_reparse_text (struct reply *r, const char *text, size_t len)
{
  r->text = text;
  r->text_len = len;
  if (!r->proto)
    r->proto = guess_proto (r);
}

bool
reply_parse (const char *line, struct reply *r)
{
  memset (r, 0, sizeof *r);
  r->text = "";
  if (parse_http (line, r) || parse_postfix (line, r) || parse_exim (line, r))
    return true;
  memset (r, 0, sizeof *r);
  r->text = "";
  if (parse_reply (line, line + strlen (line), r))
    {
      r->shape = SHAPE_REPLY;
      r->proto = r->enhanced[0] ? "smtp" : guess_proto (r);
      return true;
    }
  memset (r, 0, sizeof *r);
  r->text = "";
  if (parse_embedded (line, r))
    return true;
  memset (r, 0, sizeof *r);
  r->text = "";
  return false;
}

bool
reply_mismatch (const struct reply *r)
{
  return r->code[0] && r->enhanced[0] && r->code[0] != r->enhanced[0];
}
