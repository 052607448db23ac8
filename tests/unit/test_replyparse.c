/* Table-driven tests of the reply and log line parser over real shapes
   of lines (Postfix, Exim, vsftpd, nginx, curl).  */
#include "system.h"

#include <string.h>
#include <criterion/criterion.h>

#include "replyparse.h"

struct row
{
  const char *line;
  enum reply_shape shape;
  const char *proto;     /* NULL: ambiguous */
  const char *code, *enhanced, *text;
  bool more, mismatch;
};

static const struct row rows[] = {
  /* delivery status fields, Microsoft's and qmail's wrappers */
  { "Status: 5.1.1 (permanent failure)", SHAPE_DSN, "smtp", "", "5.1.1",
    "(permanent failure)", false, false },
  { "Diagnostic-Code: smtp; 550-5.1.1 The email account that you tried to"
    " reach does not exist.", SHAPE_DSN, "smtp", "550", "5.1.1",
    "The email account that you tried to reach does not exist.", false,
    false },
  { "Diagnostic-Code: X-Postfix; 5.4.4 Host not found", SHAPE_DSN, "smtp",
    "", "5.4.4", "Host not found", false, false },
  { "Remote Server returned '550 5.7.1 RESOLVER.RST.AuthRequired;"
    " authentication required'", SHAPE_WRAPPED, "smtp", "550", "5.7.1",
    "RESOLVER.RST.AuthRequired; authentication required", false, false },
  { "#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##", SHAPE_WRAPPED,
    "smtp", "550", "5.1.1", "RESOLVER.ADR.RecipNotFound; not found", false,
    false },
  { "Sorry, no mailbox here by that name. (#5.1.1)", SHAPE_WRAPPED, "smtp",
    "", "5.1.1", "Sorry, no mailbox here by that name.", false, false },

  { "220 mx.example.org ESMTP Postfix (Debian/GNU)", SHAPE_REPLY, "smtp",
    "220", "", "mx.example.org ESMTP Postfix (Debian/GNU)", false, false },
  { "550 5.7.1 <a@b.example>: Relay access denied", SHAPE_REPLY, "smtp",
    "550", "5.7.1", "<a@b.example>: Relay access denied", false, false },
  { "250-mx.example.org", SHAPE_REPLY, NULL, "250", "", "mx.example.org",
    true, false },
  { "250-PIPELINING", SHAPE_REPLY, "smtp", "250", "", "PIPELINING", true,
    false },
  { "250 2.0.0 Ok: queued as 4F2A1B3C", SHAPE_REPLY, "smtp", "250", "2.0.0",
    "Ok: queued as 4F2A1B3C", false, false },
  { "250 5.1.1 odd", SHAPE_REPLY, "smtp", "250", "5.1.1", "odd", false, true },
  { "421 4.7.0 mx.example Error: too many connections from 192.0.2.1",
    SHAPE_REPLY, "smtp", "421", "4.7.0",
    "mx.example Error: too many connections from 192.0.2.1", false, false },
  { "354 End data with <CR><LF>.<CR><LF>", SHAPE_REPLY, NULL, "354", "",
    "End data with <CR><LF>.<CR><LF>", false, false },
  { "220 (vsFTPd 3.0.3)", SHAPE_REPLY, "ftp", "220", "", "(vsFTPd 3.0.3)",
    false, false },
  { "227 Entering Passive Mode (192,168,1,2,19,137).", SHAPE_REPLY, "ftp",
    "227", "", "Entering Passive Mode (192,168,1,2,19,137).", false, false },
  { "530 Login incorrect.", SHAPE_REPLY, "ftp", "530", "", "Login incorrect.",
    false, false },
  { "550 Failed to open file.", SHAPE_REPLY, "ftp", "550", "",
    "Failed to open file.", false, false },
  { "HTTP/1.1 404 Not Found", SHAPE_HTTP, "http", "404", "", "Not Found",
    false, false },
  { "HTTP/2 503", SHAPE_HTTP, "http", "503", "", "", false, false },
  { "HTTP/1.0 200 OK\r", SHAPE_HTTP, "http", "200", "", "OK", false, false },
  { "Nov 28 10:00:01 mx postfix/smtp[123]: 4F3: to=<a@b.example>, "
    "relay=mx.b.example[192.0.2.4]:25, delay=1, dsn=5.1.1, status=bounced "
    "(host mx.b.example[192.0.2.4] said: 550 5.1.1 <a@b.example>: Recipient "
    "address rejected: User unknown (in reply to RCPT TO command))",
    SHAPE_POSTFIX, "smtp", "550", "5.1.1",
    "<a@b.example>: Recipient address rejected: User unknown", false, false },
  { "Nov 28 10:00:02 mx postfix/smtp[124]: 5A1: to=<c@d.example>, "
    "relay=none, delay=30, dsn=4.4.1, status=deferred (connect to "
    "mx.d.example[192.0.2.9]:25: Connection timed out)", SHAPE_POSTFIX,
    "smtp", "", "4.4.1", "connect to mx.d.example[192.0.2.9]:25: Connection "
    "timed out", false, false },
  { "Nov 28 10:00:03 mx postfix/smtp[125]: 6B2: host mx.e.example[192.0.2.5] "
    "said: 450 4.7.1 Client host rejected: greylisted (in reply to RCPT TO "
    "command)", SHAPE_POSTFIX, "smtp", "450", "4.7.1",
    "Client host rejected: greylisted", false, false },
  { "2026-11-28 10:00:00 1tAbCd-000123-Ef ** a@b.example R=dnslookup "
    "T=remote_smtp H=mx.b.example [192.0.2.4]: SMTP error from remote mail "
    "server after RCPT TO:<a@b.example>: 550 5.1.1 User unknown",
    SHAPE_EXIM, "smtp", "550", "5.1.1", "User unknown", false, false },
  { "2026-11-28 10:00:00 1tAbCd-000124-Gh == c@d.example R=dnslookup "
    "T=remote_smtp defer (-44) H=mx.d.example [192.0.2.9]: SMTP error from "
    "remote mail server after MAIL FROM:<> SIZE=1234: 451 4.3.0 Try later",
    SHAPE_EXIM, "smtp", "451", "4.3.0", "Try later", false, false },
  { "bounce: remote said 552 5.2.2 mailbox full", SHAPE_EMBEDDED, "smtp",
    "552", "5.2.2", "mailbox full", false, false },
  /* the status-line prefix decides: SIP/2.0 403 is SIP, not HTTP */
  { "SIP/2.0 486 Busy Here", SHAPE_SIP, "sip", "486", "", "Busy Here",
    false, false },
  { "SIP/2.0 403 Forbidden", SHAPE_SIP, "sip", "403", "", "Forbidden",
    false, false },
  { "SIP/2.0 603 Decline", SHAPE_SIP, "sip", "603", "", "Decline", false,
    false },
  /* IMAP (RFC 9051 and RFC 5530 examples): tagged and untagged, with the
     response code's arguments left out of the text */
  { "* OK [UIDVALIDITY 3857529045] UIDs valid", SHAPE_IMAP, "imap",
    "UIDVALIDITY", "", "UIDs valid", false, false },
  { "A003 NO [TRYCREATE] Mailbox doesn't exist: SavedMail", SHAPE_IMAP,
    "imap", "TRYCREATE", "", "Mailbox doesn't exist: SavedMail", false,
    false },
  { "a1 no [authenticationfailed] Authentication failed.", SHAPE_IMAP,
    "imap", "AUTHENTICATIONFAILED", "", "Authentication failed.", false,
    false },
  { "* BYE [UNAVAILABLE] Server shutting down", SHAPE_IMAP, "imap",
    "UNAVAILABLE", "", "Server shutting down", false, false },
  { "a2 NO Mailbox does not exist", SHAPE_IMAP, "imap", "", "",
    "Mailbox does not exist", false, false },
  /* POP3 (RFC 2449, RFC 3206) */
  { "-ERR [IN-USE] Do you have another POP session running?", SHAPE_POP3,
    "pop3", "IN-USE", "", "Do you have another POP session running?", false,
    false },
  { "-ERR [SYS/TEMP] Server busy, try again later", SHAPE_POP3, "pop3",
    "SYS/TEMP", "", "Server busy, try again later", false, false },
  /* dig */
  { ";; ->>HEADER<<- opcode: QUERY, status: NXDOMAIN, id: 40432",
    SHAPE_DIG, "dns", "NXDOMAIN", "", "", false, false },
  { "status: SERVFAIL", SHAPE_DIG, "dns", "SERVFAIL", "", "", false, false },
  { "; EDE: 18 (Prohibited)", SHAPE_DIG, "dns-ede", "18", "", "", false,
    false },
  { "; EDE: 6 (DNSSEC Bogus): (no SEP matching the DS found for "
    "example.com.)", SHAPE_DIG, "dns-ede", "6", "",
    "(no SEP matching the DS found for example.com.)", false, false },
  /* NNTP (RFC 3977): a bare reply told by its words */
  { "411 example.is.sob.bradner.or.barber is unknown", SHAPE_REPLY, NULL,
    "411", "", "example.is.sob.bradner.or.barber is unknown", false, false },
  { "480 Authentication required for this newsgroup", SHAPE_REPLY, "nntp",
    "480", "", "Authentication required for this newsgroup", false, false },
  /* a first line with no text: RFC 5321's textstring is optional */
  { "550-", SHAPE_REPLY, NULL, "550", "", "", true, false },
  { "220-", SHAPE_REPLY, NULL, "220", "", "", true, false },
  { "250", SHAPE_REPLY, NULL, "250", "", "", false, false },
};

/* the log shapes of the summary: one row per shape, as the programs
   write them (the format strings of their sources) */
static const struct row log_rows[] = {
  { "Dec  5 07:10:04 mx postfix/smtp[1221]: 4QZ2yx0Rvcz9tC: to=<c@gmail.com>,"
    " relay=gmail-smtp-in.l.google.com[142.250.27.26]:25, delay=1.1,"
    " delays=0.05/0.01/0.4/0.64, dsn=2.0.0, status=sent (250 2.0.0 OK "
    " 1764917404 a1si2235001wrb.12 - gsmtp)", SHAPE_POSTFIX, "smtp", "250",
    "2.0.0", "OK  1764917404 a1si2235001wrb.12 - gsmtp", false, false },
  { "Dec  5 07:10:05 mx postfix/smtp[1222]: 4QZ2yx0Rvcz9tC: to=<e@example.org>,"
    " relay=none, delay=30, dsn=4.4.1, status=deferred (connect to"
    " mx.example.org[192.0.2.200]:25: Connection timed out)", SHAPE_POSTFIX,
    "smtp", "", "4.4.1",
    "connect to mx.example.org[192.0.2.200]:25: Connection timed out", false,
    false },
  { "2026-12-05 08:02:31 1tQmA4-0004Xq-1B => c@gmail.com R=dnslookup"
    " T=remote_smtp H=gmail-smtp-in.l.google.com [142.250.27.26] CV=yes"
    " C=\"250 2.0.0 OK  1764921751 c7si1234567wrb.2 - gsmtp\"", SHAPE_EXIM,
    "smtp", "250", "2.0.0", "OK  1764921751 c7si1234567wrb.2 - gsmtp", false,
    false },
  { "2026-12-05 08:15:42 dovecot_login authenticator failed for (User)"
    " [203.0.113.91]: 535 Incorrect authentication data (set_id=admin)",
    SHAPE_EXIM, "smtp", "535", "",
    "Incorrect authentication data (set_id=admin)", false, false },
  { "Sat Dec  5 11:00:05 2026 [pid 3456] FTP response: Client"
    " \"::ffff:198.51.100.40\", \"530 Login incorrect.\"", SHAPE_VSFTPD, "ftp",
    "530", "", "Login incorrect.", false, false },
  { "Dec  5 09:10:03 mail smtpd[75295]: bf23567dd3150185 smtp failed-command"
    " command=\"RCPT TO:<root@example.org> \" result=\"550 Invalid recipient:"
    " <root@example.org>\"", SHAPE_OPENSMTPD, "smtp", "550", "",
    "Invalid recipient: <root@example.org>", false, false },
  { "Dec  5 09:07:30 mail smtpd[75295]: 5df87ca2bb22cc33 mta delivery"
    " evpid=1a2b3c4d5e6f7081 from=<b@example.com> to=<e@example.org>"
    " rcpt=<-> source=\"192.0.2.1\" relay=\"192.0.2.200 (mx.example.org)\""
    " delay=0s result=\"TempFail\" stat=\"421 <e@example.org> Service not"
    " available - too busy\"", SHAPE_OPENSMTPD, "smtp", "421", "",
    "<e@example.org> Service not available - too busy", false, false },
  { "Dec  5 10:03:12 mx sm-mta[4570]: 0B5A0003012350: to=<u@example.org>,"
    " delay=00:00:01, mailer=esmtp, relay=mx.example.org. [192.0.2.200],"
    " dsn=5.1.1, reply=550 5.1.1 <u@example.org>... User unknown,"
    " stat=User unknown", SHAPE_SENDMAIL, "smtp", "550", "5.1.1",
    "<u@example.org>... User unknown", false, false },
  { "Dec  5 10:07:00 mx sm-mta[4572]: 0B5A0007012354: to=<e@example.org>,"
    " mailer=esmtp, dsn=4.0.0, stat=Deferred: Connection refused by"
    " mx.example.org.", SHAPE_SENDMAIL, "smtp", "", "4.0.0",
    "Deferred: Connection refused by mx.example.org.", false, false },
  { "198.51.100.50 - - [05/Dec/2026:12:00:02 +0000] \"GET /favicon.ico"
    " HTTP/1.1\" 404 153 \"https://www.example.com/\" \"Mozilla/5.0\"",
    SHAPE_ACCESS, "http", "404", "", "", false, false },
  { "203.0.113.99 - - [05/Dec/2026:12:00:06 +0000] \"\\x16\\x03\\x01\" 400"
    " 157 \"-\" \"-\"", SHAPE_ACCESS, "http", "400", "", "", false, false },
  /* ProFTPD's ExtendedLog: an FTP command in the common format */
  { "198.51.100.41 UNKNOWN bob [05/Dec/2026:11:10:03 +0000] \"RETR"
    " missing.pdf\" 550 -", SHAPE_ACCESS, "ftp", "550", "", "", false, false },
  /* a scanner's FTP word sent to a web server is an HTTP request */
  { "192.0.2.7 - - [20/Jan/2015:19:54:28 +0100] \"HELP\" 400 47 \"-\" \"-\"",
    SHAPE_ACCESS, "http", "400", "", "", false, false },
};

static const char *const nothing[] = {
  "", "hello world", "2200 no", "version 1.2.3", "HTTP/1.1 OK",
  "SIP/2.0 OK", "NO way", "status: ok", "EDE: x",
  "12345", "5.7.1 without a basic code", "550x", "550.1", "-550 no",
  "HTTP/1.1 700 Odd", "Action: failed", "Final-Recipient: rfc822; a@b.example",
  /* log lines without a code: the numbers of queue ids, process ids,
     addresses and sizes are none */
  "Dec  5 06:25:02 mx postfix/qmgr[1100]: 4QZ2xk1Tq7z9tB: from=<a@example.net>,"
  " size=2243, nrcpt=1 (queue active)",
  "Dec  5 06:31:17 mx postfix/smtpd[1210]: connect from unknown[203.0.113.250]",
  "Dec  5 06:31:17 mx postfix/cleanup[1203]: 3F1C250A: message-id=<x@y>",
  "2026-12-05 08:10:17 H=(WIN-3KQ) [203.0.113.77] F=<s@example.biz> rejected"
  " RCPT <v@example.org>: relay not permitted",
  "Sat Dec  5 11:00:11 2026 [pid 3458] [bob] OK DOWNLOAD: Client"
  " \"::ffff:198.51.100.40\", \"/home/bob/report.pdf\", 48213 bytes",
};

Test (replyparse, shapes)
{
  for (size_t i = 0; i < RC_COUNT_OF (rows); i++)
    {
      const struct row *w = &rows[i];
      struct reply r;
      cr_assert (reply_parse (w->line, &r), "row %zu: no code in %s", i,
                 w->line);
      cr_expect_eq (r.shape, w->shape, "row %zu: shape %d", i, r.shape);
      if (w->proto)
        cr_expect (r.proto && strcmp (r.proto, w->proto) == 0,
                   "row %zu: proto %s", i, r.proto ? r.proto : "(null)");
      else
        cr_expect_null (r.proto, "row %zu: proto %s", i, r.proto);
      cr_expect_str_eq (r.code, w->code, "row %zu: code", i);
      cr_expect_str_eq (r.enhanced, w->enhanced, "row %zu: enhanced", i);
      cr_expect_eq (r.text_len, strlen (w->text), "row %zu: text \"%.*s\"", i,
                    (int) r.text_len, r.text);
      cr_expect (strncmp (r.text, w->text, r.text_len) == 0,
                 "row %zu: text \"%.*s\"", i, (int) r.text_len, r.text);
      cr_expect_eq (r.more, w->more, "row %zu: more", i);
      cr_expect_eq (reply_mismatch (&r), w->mismatch, "row %zu: mismatch", i);
    }
}

Test (replyparse, log_shapes)
{
  for (size_t i = 0; i < RC_COUNT_OF (log_rows); i++)
    {
      const struct row *w = &log_rows[i];
      struct reply r;
      cr_assert (reply_parse (w->line, &r), "row %zu: no code", i);
      cr_expect_eq (r.shape, w->shape, "row %zu: shape %d", i, r.shape);
      cr_expect_str_eq (r.proto, w->proto, "row %zu: protocol", i);
      cr_expect_str_eq (r.code, w->code, "row %zu: code", i);
      cr_expect_str_eq (r.enhanced, w->enhanced, "row %zu: enhanced", i);
      cr_expect_eq (r.text_len, strlen (w->text), "row %zu: text \"%.*s\"", i,
                    (int) r.text_len, r.text);
      cr_expect (strncmp (r.text, w->text, r.text_len) == 0,
                 "row %zu: text \"%.*s\"", i, (int) r.text_len, r.text);
    }
}

Test (replyparse, no_code)
{
  for (size_t i = 0; i < RC_COUNT_OF (nothing); i++)
    {
      struct reply r;
      bool got = reply_parse (nothing[i], &r);
      cr_expect (!got, "found a code in \"%s\"", nothing[i]);
      cr_expect_eq (r.shape, SHAPE_NONE, "\"%s\": shape %d", nothing[i],
                    r.shape);
      cr_expect_str_eq (r.code, "", "\"%s\": code", nothing[i]);
      cr_expect_eq (r.text_len, 0, "\"%s\": text", nothing[i]);
    }
}

/* The protocol guess reads the whole text, not only its start.  */
Test (replyparse, guess_reads_whole_text)
{
  char line[2048];
  memset (line, 'x', sizeof line);
  memcpy (line, "530 ", 4);
  memcpy (line + sizeof line - 16, " Login incorrect", 16);
  line[sizeof line - 1] = '\0';
  struct reply r;
  cr_assert (reply_parse (line, &r));
  cr_expect (r.proto && strcmp (r.proto, "ftp") == 0, "proto %s",
             r.proto ? r.proto : "(null)");
}

/* reply_text_has: ASCII case folded, bounded by text_len (the text is a
   slice of a longer line).  */
Test (replyparse, text_has)
{
  struct reply r;
  cr_assert (reply_parse ("550 User UNKNOWN here", &r));
  cr_expect (reply_text_has (&r, "user unknown"));
  cr_expect (reply_text_has (&r, "HERE"));
  cr_expect (reply_text_has (&r, ""));
  cr_expect (!reply_text_has (&r, "here!"));
  r.text_len -= 5;   /* "User UNKNOWN" */
  cr_expect (reply_text_has (&r, "unknown"));
  cr_expect (!reply_text_has (&r, "here"));
  cr_expect (!reply_text_has (&r, "unknown h"));
  r.text_len = 0;
  cr_expect (!reply_text_has (&r, "u"));
}

/* Multi-line joined texts: the guess comes from the joined text when the
   last line says nothing.  */
Test (replyparse, reparse_text)
{
  struct reply r;
  static const char joined[] = "mx.example.org / PIPELINING / HELP";
  cr_assert (reply_parse ("250 HELP", &r));
  cr_expect_null (r.proto);
  reply_reparse_text (&r, joined, sizeof joined - 1);
  cr_expect (r.proto && strcmp (r.proto, "smtp") == 0);
  cr_expect_eq (r.text, joined);
  cr_expect_eq (r.text_len, sizeof joined - 1);
}

Test (replyparse, starts_message)
{
  cr_expect (reply_starts_message ("Return-Path: <>"));
  cr_expect (reply_starts_message ("Received: from mx.example.org"));
  cr_expect (reply_starts_message ("From MAILER-DAEMON Sat Dec  5 10:00:00 2026"));
  cr_expect (reply_starts_message ("X-Failed-Recipients: a@b.example"));
  cr_expect (reply_starts_message ("mime-version: 1.0"));
  cr_expect (!reply_starts_message ("Status: 5.1.1"));
  cr_expect (!reply_starts_message ("550 5.1.1 user unknown"));
  cr_expect (!reply_starts_message ("From here on"));
  cr_expect (!reply_starts_message (": x"));
}
