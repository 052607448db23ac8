/* Tests of the summary's parts: the time and remote party of log lines
   (logfields.c), the counting with bounded memory (tally.c), and the
   reading of plain and gzip'd logs (logread.c).  */
#include "system.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <criterion/criterion.h>
#include <zlib.h>

#include "logfields.h"
#include "logread.h"
#include "tally.h"

static void
expect_field (size_t (*f) (const char *, const char **), const char *line,
              const char *want)
{
  const char *s;
  size_t n = f (line, &s);
  cr_expect_eq (n, strlen (want), "\"%s\": got \"%.*s\", want \"%s\"", line,
                (int) n, n ? s : "", want);
  if (n == strlen (want) && n)
    cr_expect (strncmp (s, want, n) == 0, "\"%s\": got \"%.*s\"", line,
               (int) n, s);
}

Test (logfields, time)
{
  expect_field (log_time, "Dec  5 06:25:01 mx postfix/smtpd[1]: x",
                "Dec  5 06:25:01");
  expect_field (log_time, "Dec 15 06:25:01 mx postfix/smtpd[1]: x",
                "Dec 15 06:25:01");
  expect_field (log_time, "2026-12-05T06:25:01.123456+00:00 mx postfix: x",
                "2026-12-05T06:25:01.123456+00:00");
  expect_field (log_time, "2026-12-05 08:00:01 1tQmA1-0004Xk-2P <= a@b",
                "2026-12-05 08:00:01");
  expect_field (log_time, "Sat Dec  5 11:00:01 2026 [pid 3456] CONNECT",
                "Sat Dec  5 11:00:01 2026");
  expect_field (log_time, "198.51.100.50 - - [05/Dec/2026:12:00:01 +0000]"
                " \"GET / HTTP/1.1\" 200 612", "05/Dec/2026:12:00:01 +0000");
  expect_field (log_time, "550 5.1.1 no time here", "");
  expect_field (log_time, "", "");
}

Test (logfields, remote)
{
  /* a rejected client: its name, or its address when unknown */
  expect_field (log_remote, "NOQUEUE: reject: RCPT from unknown[203.0.113.77]:"
                " 554 5.7.1 <v@example.org>: Relay access denied;"
                " to=<v@example.org>", "203.0.113.77");
  expect_field (log_remote, "NOQUEUE: reject: RCPT from mail.example.biz"
                "[203.0.113.80]: 550 5.1.1 x; to=<n@example.com>",
                "mail.example.biz");
  expect_field (log_remote, "ruleset=check_rcpt, arg1=<v@example.org>,"
                " relay=[203.0.113.77], reject=550 5.7.1 x", "203.0.113.77");
  /* a recipient's domain */
  expect_field (log_remote, "4QZ: to=<c@gmail.com>, relay=gmail-smtp-in."
                "l.google.com[142.250.27.26]:25, dsn=2.0.0, status=sent",
                "gmail.com");
  expect_field (log_remote, "2026-12-05 08:02:32 1tQ ** d@gmail.com"
                " R=dnslookup T=remote_smtp H=gmail-smtp-in.l.google.com"
                " [142.250.27.26]: SMTP error", "gmail.com");
  /* the remote host */
  expect_field (log_remote, "2026-12-05 08:15:42 x H=(User) [203.0.113.91]"
                " F=<a@b>", "203.0.113.91");
  expect_field (log_remote, "connect from nowhere", "");
  /* bounded: a long domain is cut at 64 bytes */
  char line[200] = "to=<a@";
  memset (line + 6, 'x', 100);
  strcpy (line + 106, ">");
  const char *s;
  cr_expect_eq (log_remote (line, &s), 64);
}

Test (tally, counts_and_orders_hosts)
{
  struct tally t;
  cr_assert (tally_init (&t));
  for (int i = 0; i < 5; i++)
    tally_add (&t, "smtp", "550", "5.1.1", NULL, NULL, "Dec  5 10:00:0x", 15,
               "gmail.com", 9);
  tally_add (&t, "smtp", "550", "5.1.1", NULL, NULL, "Dec  5 11:00:00", 15,
             "example.org", 11);
  tally_add (&t, "smtp", "550", "5.1.1", NULL, NULL, "", 0, "", 0);
  tally_add (&t, "smtp", "250", "2.0.0", NULL, NULL, "Dec  5 09:00:00", 15,
             "", 0);
  /* the same codes of another protocol are another row */
  tally_add (&t, NULL, "550", "", NULL, NULL, "", 0, "", 0);
  tally_finish (&t);
  cr_assert_eq (t.n_rows, 3);
  cr_expect_eq (t.rows[0].count, 7);
  cr_expect_str_eq (t.rows[0].first, "Dec  5 10:00:0x");
  cr_expect_str_eq (t.rows[0].last, "Dec  5 11:00:00");
  cr_expect_eq (t.rows[0].n_hosts, 2);
  cr_expect_str_eq (t.rows[0].hosts[0].name, "gmail.com");
  cr_expect_eq (t.rows[0].hosts[0].count, 5);
  cr_expect_eq (t.rows[2].proto, NULL);
  tally_free (&t);
}

Test (tally, memory_is_bounded)
{
  struct tally t;
  char code[8], host[16];
  cr_assert (tally_init (&t));
  /* more keys than rows: the rest is counted as OTHER */
  for (int i = 0; i < TALLY_MAX_ROWS + 10; i++)
    {
      snprintf (code, sizeof code, "%d", 100000 + i);
      tally_add (&t, "smtp", code, "", NULL, NULL, "", 0, "", 0);
    }
  cr_expect_eq (t.n_rows, TALLY_MAX_ROWS);
  cr_expect_eq (t.other, 10);
  tally_free (&t);
  /* many hosts in a row: the busiest keeps its place */
  cr_assert (tally_init (&t));
  for (int i = 0; i < 1000; i++)
    {
      snprintf (host, sizeof host, "h%d.example", i);
      tally_add (&t, "smtp", "550", "", NULL, NULL, "", 0, host,
                 strlen (host));
      tally_add (&t, "smtp", "550", "", NULL, NULL, "", 0, "busy.example",
                 12);
    }
  tally_finish (&t);
  cr_expect_eq (t.rows[0].n_hosts, TALLY_HOST_SLOTS);
  cr_expect_str_eq (t.rows[0].hosts[0].name, "busy.example");
  cr_expect_geq (t.rows[0].hosts[0].count, 1000);
  tally_free (&t);
}

/* Writes DATA (N bytes) to a new temporary file, gzip'd when GZ; returns
   its name (malloc'd).  */
static char *
temp_file (const char *data, size_t n, bool gz)
{
  char *name = strdup ("/tmp/rc-logread.XXXXXX");
  int fd = mkstemp (name);
  cr_assert (fd >= 0);
  if (gz)
    {
      gzFile g = gzdopen (fd, "wb");
      cr_assert (g && gzwrite (g, data, (unsigned) n) == (int) n);
      gzclose (g);
    }
  else
    {
      cr_assert (write (fd, data, n) == (ssize_t) n);
      close (fd);
    }
  return name;
}

/* Reads FILE's lines joined with '|'.  */
static void
read_all (const char *file, char *out, size_t cap, struct logread *lr)
{
  const char *line, *err;
  size_t len;
  unsigned long long off;
  int r;
  out[0] = '\0';
  cr_assert_eq (logread_open (lr, file), 0);
  while ((r = logread_next (lr, &line, &len, &err, &off)) > 0)
    {
      size_t used = strlen (out);
      cr_assert (used + len + 2 < cap);
      memcpy (out + used, line, len);
      strcpy (out + used + len, "|");
    }
  cr_expect_eq (r, 0);
}

Test (logread, plain_and_gzip_alike)
{
  static const char data[] = "one\r\ntwo\n\nbin\0ary\nlast without newline";
  char got[256];
  struct logread lr;
  for (int gz = 0; gz < 2; gz++)
    {
      char *f = temp_file (data, sizeof data - 1, gz);
      read_all (f, got, sizeof got, &lr);
      cr_expect_str_eq (got, "one|two||last without newline|", "gz %d", gz);
      cr_expect_eq (lr.binary, 1);
      cr_expect_eq (lr.compressed, gz == 1);
      logread_close (&lr);
      unlink (f);
      free (f);
    }
}

Test (logread, overlong_lines_skipped)
{
  size_t n = 3 * LOGREAD_LINE_MAX + 300000;
  char *data = malloc (n + 16);
  char got[64];
  struct logread lr;
  cr_assert (data);
  strcpy (data, "a\n");
  memset (data + 2, 'x', n - 2);
  strcpy (data + n, "\nb\n");
  char *f = temp_file (data, n + 3, false);
  read_all (f, got, sizeof got, &lr);
  cr_expect_str_eq (got, "a|b|");
  cr_expect_eq (lr.overlong, 1);
  logread_close (&lr);
  unlink (f);
  free (f);
  free (data);
}

Test (logread, corrupt_gzip_is_an_error)
{
  static const char data[] = "Dec  5 10:00:00 mx postfix/smtp[1]: line\n";
  char buf[4096];
  struct logread lr;
  const char *line, *err = NULL;
  size_t len;
  unsigned long long off = 0;
  int r;
  char *f = temp_file (data, sizeof data - 1, true);
  FILE *fp = fopen (f, "r+b");
  size_t got = fread (buf, 1, sizeof buf, fp);
  cr_assert (got > 20);
  /* damage the deflate data after the header */
  fseek (fp, 12, SEEK_SET);
  fputs ("\xff\xff\xff\xff\xff\xff", fp);
  fclose (fp);
  cr_assert_eq (logread_open (&lr, f), 0);
  while ((r = logread_next (&lr, &line, &len, &err, &off)) > 0)
    ;
  cr_expect_eq (r, -1);
  cr_expect (err != NULL && *err);
  logread_close (&lr);
  cr_expect_neq (logread_open (&lr, "/nonexistent/rc-log"), 0);
  unlink (f);
  free (f);
}
