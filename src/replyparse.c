/* replyparse.c: see replyparse.h.  */
#include "system.h"

#include <stdint.h>
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
basic_at (const char *p, char code[40])
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

static char
ascii_upper (char c)
{
  return c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c;
}

static bool
is_upper (char c)
{
  return c >= 'A' && c <= 'Z';
}

/* True when P starts with WORD (upper case) in any case, followed by a
   space, the end, or a character of END_CHARS.  */
static bool
word_at (const char *p, const char *word, const char *end_chars)
{
  size_t n = strlen (word);
  for (size_t i = 0; i < n; i++)
    if (ascii_upper (p[i]) != word[i])
      return false;
  return p[n] == ' ' || p[n] == '\0' || p[n] == '\r' || p[n] == '\t'
    || (p[n] && strchr (end_chars, p[n]));
}

/* A status line: "HTTP/1.1 404 Not Found", "HTTP/2 503", "SIP/2.0 486
   Busy Here".  The prefix decides the protocol.  */
static bool
parse_status_line (const char *line, struct reply *r)
{
  const char *p = skip_spaces (line);
  bool sip = strncmp (p, "SIP/", 4) == 0;
  if (!sip && strncmp (p, "HTTP/", 5) != 0)
    return false;
  p += sip ? 4 : 5;
  while (is_digit (*p) || *p == '.')
    p++;
  if (*p != ' ')
    return false;
  p = skip_spaces (p);
  if (!basic_at (p, r->code) || (!sip && p[0] > '5')
      || !(p[3] == ' ' || p[3] == '\0' || p[3] == '\r'))
    return false;
  r->shape = sip ? SHAPE_SIP : SHAPE_HTTP;
  r->proto = sip ? "sip" : "http";
  set_text (r, p + 3, p + strlen (p));
  return true;
}

/* Copies the response code in brackets at P ("[TRYCREATE]",
   "[UIDVALIDITY 3857529045]", "[SYS/TEMP]") into R->code and returns
   the first character after it; P itself when there is none.  A code is
   a letter, then letters, digits, '-', '/' or '.'.  */
static const char *
bracket_code (const char *p, struct reply *r)
{
  size_t n = 0;
  if (*p != '[' || !((p[1] >= 'A' && p[1] <= 'Z')
                     || (p[1] >= 'a' && p[1] <= 'z')))
    return p;
  while (n < sizeof r->code - 1
         && ((p[1 + n] >= 'A' && p[1 + n] <= 'Z')
             || (p[1 + n] >= 'a' && p[1 + n] <= 'z') || is_digit (p[1 + n])
             || p[1 + n] == '-' || p[1 + n] == '/' || p[1 + n] == '.'))
    n++;
  if (p[1 + n] != ']' && p[1 + n] != ' ')
    return p;
  for (size_t i = 0; i < n; i++)
    r->code[i] = ascii_upper (p[1 + i]);
  r->code[n] = '\0';
  /* the arguments stay out of the text */
  const char *close = strchr (p, ']');
  return close ? close + 1 : p + strlen (p);
}

/* IMAP: "TAG STATUS [CODE args] text" with TAG "*" or a client tag
   (letters, digits and '.', with a letter and a digit: a1, A0042, so
   that SMTP's "250 OK" is not taken for one), STATUS OK, NO, BAD, BYE
   or PREAUTH.  */
static bool
parse_imap (const char *line, struct reply *r)
{
  static const char *const st[] = { "OK", "NO", "BAD", "BYE", "PREAUTH" };
  const char *p = skip_spaces (line), *q;
  bool digit = false, letter = false;
  size_t n = 0;

  if (*p == '*')
    n = 1, digit = letter = true;
  else
    for (; n < 32; n++)
      if ((p[n] >= 'A' && p[n] <= 'Z') || (p[n] >= 'a' && p[n] <= 'z'))
        letter = true;
      else if (is_digit (p[n]))
        digit = true;
      else if (p[n] != '.')
        break;
  if (n == 0 || !digit || !letter || p[n] != ' ')
    return false;
  p = skip_spaces (p + n);
  for (size_t i = 0; i < RC_COUNT_OF (st); i++)
    if (word_at (p, st[i], ""))
      {
        memcpy (r->status, st[i], strlen (st[i]) + 1);
        p = skip_spaces (p + strlen (st[i]));
        q = bracket_code (p, r);
        r->shape = SHAPE_IMAP;
        r->proto = "imap";
        set_text (r, q, q + strlen (q));
        return true;
      }
  return false;
}

/* POP3: "-ERR [IN-USE] text", "+OK text".  */
static bool
parse_pop3 (const char *line, struct reply *r)
{
  const char *p = skip_spaces (line), *q;
  bool err = word_at (p, "-ERR", "");
  if (!err && !word_at (p, "+OK", ""))
    return false;
  memcpy (r->status, err ? "-ERR" : "+OK", err ? 5 : 4);
  p = skip_spaces (p + (err ? 4 : 3));
  q = bracket_code (p, r);
  r->shape = SHAPE_POP3;
  r->proto = "pop3";
  set_text (r, q, q + strlen (q));
  return true;
}

/* dig: the header's "status: NXDOMAIN" (";; ->>HEADER<<- opcode: QUERY,
   status: NXDOMAIN, id: 3"), and the Extended DNS Error of the OPT
   pseudosection ("; EDE: 18 (Prohibited)", "; EDE: 6 (DNSSEC Bogus):
   (no SEP matching the DS found)"), with its extra text.  */
static bool
parse_dig (const char *line, struct reply *r)
{
  const char *p = strstr (line, "EDE: "), *q;
  size_t n = 0;

  if (p && (p == line || p[-1] == ' ' || p[-1] == ';'))
    {
      p += 5;
      while (n < 5 && is_digit (p[n]))
        n++;
      if (n > 0 && !is_digit (p[n]))
        {
          memcpy (r->code, p, n);
          r->code[n] = '\0';
          r->shape = SHAPE_DIG;
          r->proto = "dns-ede";
          q = skip_spaces (p + n);
          if (*q == '(' && (q = strchr (q, ')')))
            q++;
          else
            q = p + n;
          if (*q == ':')
            q++;
          set_text (r, q, q + strlen (q));
          return true;
        }
    }
  p = strstr (line, "status: ");
  if (!p || (p != line && p[-1] != ' ' && p[-1] != ';' && p[-1] != ','))
    return false;
  p += 8;
  while (n < 16 && (is_upper (p[n]) || (n > 0 && is_digit (p[n]))))
    n++;
  if (n < 4 || !(p[n] == ',' || p[n] == ' ' || p[n] == '\0'
                 || p[n] == '\r'))
    return false;
  memcpy (r->code, p, n);
  r->code[n] = '\0';
  r->shape = SHAPE_DIG;
  r->proto = "dns";
  set_text (r, p + n, p + n);
  return true;
}

/* Reads the reply quoted after MARKER in LINE: "MARKER550 5.1.1 text"
   up to the closing quote (or the end).  Sets the protocol to SMTP.  */
static bool
parse_quoted (const char *line, const char *marker, struct reply *r)
{
  const char *p = strstr (line, marker), *end;
  if (!p)
    return false;
  p += strlen (marker);
  end = strchr (p, '"');
  if (!end)
    end = p + strlen (p);
  if (!parse_reply (p, end, r))
    return false;
  r->proto = "smtp";
  r->more = false;
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
      char enh[sizeof r->enhanced];
      memcpy (enh, r->enhanced, sizeof enh);
      if (paren)
        {
          const char *end = paren + strlen (paren);
          end -= end[-1] == ')';
          /* "status=sent (250 2.0.0 Ok: queued as 4XYZ)": the reply */
          if (!parse_reply (paren + 1, end, r))
            set_text (r, paren + 1, end);
          r->more = false;
          if (!r->enhanced[0])
            memcpy (r->enhanced, enh, sizeof enh);
        }
      else
        set_text (r, st, st + strlen (st));
      r->shape = SHAPE_POSTFIX;
      r->proto = "smtp";
      return true;
    }
  return false;
}

/* vsftpd with log_ftp_protocol: "... FTP response: Client "192.0.2.1",
   "530 Login incorrect."" (logging.c).  */
static bool
parse_vsftpd (const char *line, struct reply *r)
{
  static const char marker[] = "FTP response: Client \"";
  const char *p = strstr (line, marker), *end;
  if (!p || !(p = strstr (p + sizeof marker - 1, "\", \"")))
    return false;
  p += 4;
  end = strrchr (p, '"');
  if (!end)
    end = p + strlen (p);
  if (!parse_reply (p, end, r))
    return false;
  r->shape = SHAPE_VSFTPD;
  r->proto = "ftp";
  return true;
}

/* OpenSMTPD: "smtp failed-command command="RCPT TO:<a@b>" result="550
   Invalid recipient"", "mta delivery ... result="PermFail" stat="550
   5.1.1 ..."" (smtp_session.c, mta.c).  */
static bool
parse_opensmtpd (const char *line, struct reply *r)
{
  if (parse_quoted (line, " result=\"", r)
      || parse_quoted (line, " stat=\"", r))
    {
      r->shape = SHAPE_OPENSMTPD;
      return true;
    }
  return false;
}

/* Sendmail: "..., dsn=5.1.1, reply=550 5.1.1 <a@b>... User unknown,
   stat=User unknown", "..., reject=550 5.7.1 <a@b>... Relaying denied"
   (deliver.c).  The reply's own words are the text, else the stat.  */
static bool
parse_sendmail (const char *line, struct reply *r)
{
  const char *dsn = strstr (line, ", dsn=");
  const char *stat = strstr (line, ", stat=");
  const char *rep = strstr (line, ", reply=");
  const char *rej = rep ? NULL : strstr (line, ", reject=");
  char enh[sizeof r->enhanced] = "";

  if (dsn && !(stat && enhanced_at (dsn + 6, enh)))
    dsn = NULL;
  if (rep && parse_reply (rep + 8, stat && stat > rep ? stat
                          : rep + strlen (rep), r))
    ;
  else if (rej && parse_reply (rej + 9, rej + strlen (rej), r))
    ;
  else if (dsn)
    set_text (r, stat + 7, stat + strlen (stat));
  else
    return false;
  if (!r->enhanced[0])
    memcpy (r->enhanced, enh, sizeof enh);
  r->more = false;
  r->shape = SHAPE_SENDMAIL;
  r->proto = "smtp";
  return true;
}

/* FTP commands that ProFTPD's ExtendedLog writes as the request of an
   access-log line ("%h %l %u %t \"%r\" %s %b", mod_log.c).  */
static bool
is_ftp_command (const char *p, size_t n)
{
  static const char *const cmds[] = {
    "USER", "PASS", "ACCT", "CWD", "CDUP", "SMNT", "QUIT", "REIN", "PORT",
    "PASV", "TYPE", "STRU", "MODE", "RETR", "STOR", "STOU", "APPE", "ALLO",
    "REST", "RNFR", "RNTO", "ABOR", "DELE", "RMD", "MKD", "PWD", "LIST",
    "NLST", "SITE", "SYST", "STAT", "HELP", "NOOP", "FEAT", "OPTS", "AUTH",
    "PBSZ", "PROT", "EPRT", "EPSV", "MDTM", "SIZE", "MLSD", "MLST", "CCC",
    "XCWD", "XMKD", "XPWD", "XRMD", "LANG", "HOST", "CLNT", "MFMT"
  };
  for (size_t i = 0; i < RC_COUNT_OF (cmds); i++)
    if (strlen (cmds[i]) == n && strncmp (p, cmds[i], n) == 0)
      return true;
  return false;
}

/* An access log in the common or combined format of nginx and Apache,
   or ProFTPD's ExtendedLog: "HOST IDENT USER [DATE] "REQUEST" STATUS
   BYTES ...".  The request tells HTTP from FTP; the status has no
   text.  */
static bool
parse_access (const char *line, struct reply *r)
{
  const char *p = strstr (line, "] \""), *q;
  if (!p)
    return false;
  p += 3;
  /* the request ends at the quote before " STATUS " (a quote inside it
     is escaped, as \" or \x22) */
  for (q = p; (q = strchr (q, '"')); q++)
    if (q[-1] != '\\' && q[1] == ' ' && basic_at (q + 2, r->code)
        && q[2] <= '5' && (q[5] == ' ' || q[5] == '\0' || q[5] == '\r'))
      break;
  if (!q)
    {
      r->code[0] = '\0';
      return false;
    }
  size_t n = 0;
  while (p + n < q && is_upper (p[n]))
    n++;
  /* ProFTPD writes the common format: nothing after the byte count (an
     HTTP server's combined format adds the referrer and the agent, and a
     scanner's "HELP" there is an HTTP request) */
  const char *bytes = q + 6;
  bool common = bytes[strcspn (bytes, " ")] == '\0';
  bool ftp = common && n >= 3 && (p + n == q || p[n] == ' ')
    && is_ftp_command (p, n) && !memmem (p, (size_t) (q - p), " HTTP/", 6);
  r->shape = SHAPE_ACCESS;
  r->proto = ftp ? "ftp" : "http";
  r->text = "";
  r->text_len = 0;
  return true;
}

/* Exim: "... SMTP error from remote mail server after RCPT
   TO:<a@b.example>: 550 5.1.1 User unknown".  */
static bool
parse_exim (const char *line, struct reply *r)
{
  /* a remote server's refusal, and a client's failed AUTH as the
     server answered it (smtp_in.c: "%s authenticator failed for %s: %s") */
  static const char *const markers[] = {
    "SMTP error from remote mail server after ", " authenticator failed for "
  };
  const char *p = NULL;
  for (size_t i = 0; i < RC_COUNT_OF (markers) && !p; i++)
    if ((p = strstr (line, markers[i])))
      p += strlen (markers[i]);
  if (!p)
    {
      /* a delivery's confirmation: C="250 2.0.0 OK id=..." */
      if (!parse_quoted (line, " C=\"", r))
        return false;
      r->shape = SHAPE_EXIM;
      return true;
    }
  /* skip the command or the host, which may hold "TO:<...>" or
     "([192.0.2.1])": find ": " + a code */
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

/* True when P starts with the header field NAME (with its colon) in any
   case; *REST then points past the colon and the spaces.  */
static bool
field_at (const char *p, const char *name, const char **rest)
{
  size_t n = strlen (name);
  for (size_t i = 0; i < n; i++)
    if (ascii_upper (p[i]) != ascii_upper (name[i]))
      return false;
  *rest = skip_spaces (p + n);
  return true;
}

/* The fields of a delivery status notification (RFC 3464) that carry
   codes: "Status: 5.1.1 (permanent failure)", "Diagnostic-Code: smtp;
   550-5.1.1 The email account ...", also as a bounce message shows them
   line by line.  */
static bool
parse_dsn (const char *line, struct reply *r)
{
  const char *p = skip_spaces (line), *q;
  size_t n;

  if (field_at (p, "Status:", &q))
    {
      if (!(n = enhanced_at (q, r->enhanced)))
        return false;
      r->shape = SHAPE_DSN;
      r->proto = "smtp";
      set_text (r, q + n, q + strlen (q));
      return true;
    }
  if (!field_at (p, "Diagnostic-Code:", &q))
    return false;
  /* the diagnostic type: "smtp;", "X-Postfix;" */
  const char *semi = strchr (q, ';');
  if (semi && (size_t) (semi - q) <= 16)
    q = skip_spaces (semi + 1);
  if (parse_reply (q, q + strlen (q), r))
    r->more = false;
  else if ((n = enhanced_at (q, r->enhanced)))
    set_text (r, q + n, q + strlen (q));
  else
    return false;
  r->shape = SHAPE_DSN;
  r->proto = "smtp";
  return true;
}

/* What Microsoft Exchange and Microsoft 365 write around a reply in a
   non-delivery report: "Remote Server returned '550 5.7.1 ...'" and
   "#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##".  */
static bool
parse_exchange (const char *line, struct reply *r)
{
  static const char marker[] = "Remote Server returned '";
  const char *p = strstr (line, marker), *end;

  if (p)
    {
      p += sizeof marker - 1;
      end = strrchr (p, '\'');
      if (!end)
        end = p + strlen (p);
    }
  else
    {
      p = skip_spaces (line);
      if (*p != '#' || !is_digit (p[1]))
        return false;
      p++;
      end = p + strlen (p);
      while (end > p && (end[-1] == ' ' || end[-1] == '\r'))
        end--;
      while (end > p && end[-1] == '#')
        end--;
    }
  if (!parse_reply (p, end, r))
    return false;
  r->shape = SHAPE_WRAPPED;
  r->proto = "smtp";
  r->more = false;
  return true;
}

/* qmail's notes: "Sorry, no mailbox here by that name. (#5.1.1)".  */
static bool
parse_qmail (const char *line, struct reply *r)
{
  for (const char *p = strstr (line, "(#"); p; p = strstr (p + 2, "(#"))
    {
      size_t n = enhanced_at (p + 2, r->enhanced);
      if (n && p[2 + n] == ')')
        {
          r->shape = SHAPE_WRAPPED;
          r->proto = "smtp";
          /* the text is the line without the note */
          set_text (r, line, p);
          return true;
        }
      r->enhanced[0] = '\0';
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
      char code[40], enh[12];
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
static const char *const nntp_hints[] = {
  "nntp", "newsgroup", "article", "posting", "authinfo", "overview",
  "news server", "ihave"
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
  bool n = text_has_any (r, nntp_hints, RC_COUNT_OF (nntp_hints));
  return s && !f && !n ? "smtp" : f && !s && !n ? "ftp"
    : n && !s && !f ? "nntp" : NULL;
}

bool
reply_may_be (const struct reply *r, const char *name)
{
  static const char *const reply_protocols[] = { "smtp", "ftp", "nntp" };
  if (r->proto)
    return strcmp (r->proto, name) == 0;
  for (size_t i = 0; i < RC_COUNT_OF (reply_protocols); i++)
    if (strcmp (reply_protocols[i], name) == 0)
      return true;
  return false;
}

void
reply_reparse_text (struct reply *r, const char *text, size_t len)
{
  r->text = text;
  r->text_len = len;
  if (!r->proto || r->guessed)
    {
      r->proto = guess_proto (r);
      r->guessed = r->proto != NULL;
    }
}

/* True when LINE may hold a code that a parser finds inside a line: a
   basic or enhanced code at the start of the line or after a character
   that is not a letter, a digit or a dot (every parser finds its code
   after a space or a mark such as '=', '"', '(', '#' or ';'; so a code
   is never taken from a queue id such as 3F1C2A or an address such as
   192.0.2.250), or
   dig's "status: " and "EDE: ".  Without one, only an IMAP or POP3
   response (whose status may be a word alone) can be found, and the
   other parsers need not look: a log line without a code costs one pass
   over its bytes.  */
static bool
may_hold_code (const char *line)
{
  /* the bytes to stop at: digits, ':' and the end */
  static const unsigned char stop[256] = {
    [0] = 1, [':'] = 1, ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1,
    ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1
  };
  const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
  char code[40], enh[12];
  const char *p = line, *end = line + strlen (line);

  for (;;)
    {
      /* eight bytes at a time while none is a digit or ':': XOR 0x30
         maps exactly those (0x30 to 0x3A) to the bytes below 0x0B, which
         the "has a byte less than N" test finds (a borrow may flag a
         byte after a true one too: the byte loop below sorts it out) */
      for (uint64_t x; end - p >= 8; p += 8)
        {
          memcpy (&x, p, 8);
          uint64_t y = x ^ (0x30 * ones);
          if (((y - 0x0B * ones) & ~y & highs) != 0)
            break;
        }
      while (!stop[(unsigned char) *p])
        p++;
      if (!*p)
        return false;
      if (*p == ':')
        {
          if (p[1] == ' ' && p - line >= 3
              && ((p[-1] == 's' && p - line >= 6
                   && memcmp (p - 6, "status", 6) == 0)
                  || (p[-1] == 'E' && memcmp (p - 3, "EDE", 3) == 0)))
            return true;
          p++;
          continue;
        }
      /* P starts a run of digits */
      if ((p == line || !(is_upper (p[-1]) || (p[-1] >= 'a' && p[-1] <= 'z')
                          || p[-1] == '.'))
          && (basic_at (p, code) || enhanced_at (p, enh)))
        return true;
      while (is_digit (*p))
        p++;
    }
}

/* Forgets what a parser that failed left in R.  */
static void
reset (struct reply *r)
{
  memset (r, 0, sizeof *r);
  r->text = "";
}

bool
reply_parse (const char *line, struct reply *r)
{
  reset (r);
  if (!may_hold_code (line))
    {
      if (parse_imap (line, r))
        return true;
      reset (r);
      if (parse_pop3 (line, r))
        return true;
      reset (r);
      return false;
    }
  if (parse_status_line (line, r) || parse_postfix (line, r)
      || parse_exim (line, r))
    return true;
  reset (r);
  if (parse_vsftpd (line, r) || parse_opensmtpd (line, r)
      || parse_sendmail (line, r))
    return true;
  reset (r);
  if (parse_access (line, r))
    return true;
  reset (r);
  if (parse_dsn (line, r) || parse_exchange (line, r))
    return true;
  reset (r);
  if (parse_imap (line, r) || parse_pop3 (line, r) || parse_dig (line, r))
    return true;
  reset (r);
  if (parse_reply (line, line + strlen (line), r))
    {
      r->shape = SHAPE_REPLY;
      r->proto = r->enhanced[0] ? "smtp" : guess_proto (r);
      r->guessed = !r->enhanced[0] && r->proto;
      return true;
    }
  reset (r);
  if (parse_embedded (line, r))
    return true;
  reset (r);
  if (parse_qmail (line, r))
    return true;
  reset (r);
  return false;
}

bool
reply_mismatch (const struct reply *r)
{
  return r->code[0] && r->enhanced[0] && r->code[0] != r->enhanced[0];
}

bool
reply_starts_message (const char *line)
{
  static const char *const fields[] = {
    "Return-Path", "Received", "Delivered-To", "From", "To", "Date",
    "Subject", "Message-ID", "MIME-Version", "Content-Type", "Reply-To",
    "DKIM-Signature", "ARC-Seal", "Authentication-Results", "Received-SPF",
    "Envelope-To", "Sender", "Auto-Submitted"
  };
  size_t n = 0;

  /* mbox: "From sender Sat Dec  5 10:00:00 2026", ending in a year */
  if (strncmp (line, "From ", 5) == 0)
    {
      size_t k = strlen (line);
      while (k > 0 && (line[k - 1] == ' ' || line[k - 1] == '\r'))
        k--;
      return k > 10 && line[k - 5] == ' ' && is_digit (line[k - 4])
        && is_digit (line[k - 3]) && is_digit (line[k - 2])
        && is_digit (line[k - 1]) && strchr (line, ':');
    }
  while ((line[n] >= 'A' && line[n] <= 'Z') || (line[n] >= 'a' && line[n] <= 'z')
         || is_digit (line[n]) || line[n] == '-')
    n++;
  if (n == 0 || line[n] != ':')
    return false;
  if (n > 2 && (line[0] == 'X' || line[0] == 'x') && line[1] == '-')
    return true;
  for (size_t i = 0; i < RC_COUNT_OF (fields); i++)
    if (strlen (fields[i]) == n)
      {
        size_t k = 0;
        while (k < n && ascii_upper (line[k]) == ascii_upper (fields[i][k]))
          k++;
        if (k == n)
          return true;
      }
  return false;
}
