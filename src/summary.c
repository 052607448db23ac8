/* summary.c: the summary command (README.md, "summary").  Reads log
   files (plain or gzip'd, logread.c) line by line, finds the replies
   exactly as explain does (replyscan.c, interpret.c), counts them
   (tally.c) and hands the rows, ordered, to render_summary.c.  */
#include "system.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "diag.h"
#include "interpret.h"
#include "logfields.h"
#include "logread.h"
#include "replyscan.h"
#include "summary.h"

/* Progress is shown on a terminal once reading takes this long, and
   refreshed at most this often (seconds).  */
#define PROGRESS_AFTER 0.5
#define PROGRESS_EVERY 0.2

struct summarizer
{
  struct ctx *c;
  struct reply_scan scan;
  struct interpreter in;
  struct summary *s;
  /* progress */
  bool progress;             /* stderr is a terminal */
  bool shown;                /* a progress line is on the screen */
  double start, last;
};

static double
now (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

/* Shows how far reading NAME has come, when it is time.  */
static void
progress (struct summarizer *x, const char *name, const struct logread *lr)
{
  double t = now ();
  if (t - x->start < PROGRESS_AFTER || t - x->last < PROGRESS_EVERY)
    return;
  x->last = t;
  x->shown = true;
  putc ('\r', stderr);
  if (lr->size > 0)
    /* TRANSLATORS: progress of the summary: a file name, how much of it
       has been read.  */
    fprintf (stderr, _("%s: %s: %3.0f%%"), PACKAGE, name,
             100.0 * (double) logread_position (lr) / (double) lr->size);
  else
    /* TRANSLATORS: progress of the summary: a file name, lines read.  */
    fprintf (stderr, _("%s: %s: %llu lines"), PACKAGE, name,
             x->s->lines);
  fputs ("\033[K", stderr);
}

static void
progress_clear (struct summarizer *x)
{
  if (x->shown)
    fputs ("\r\033[K", stderr);
  x->shown = false;
}

/* The scan's callback: counts a reply.  */
static int
on_reply (void *arg, const char *line, struct reply *rp)
{
  struct summarizer *x = arg;
  struct reading p;
  const char *when, *host = "";
  size_t when_len, host_len = 0;

  if (rp->shape == SHAPE_NONE)
    return 0;
  if (!interpret (&x->in, rp, &p, false))
    return RC_EXIT_OUTPUT;
  /* the protocol as explain --format json gives it */
  const char *proto = rp->proto ? rp->proto
    : p.n_basic == 1 ? p.basic[0].reg->id : NULL;
  when_len = log_time (line, &when);
  if (proto && strcmp (proto, "smtp") == 0)
    host_len = log_remote (line, &host);
  x->s->with_code++;
  tally_add (&x->s->tally, proto, rp->code, rp->enhanced,
             p.n_known ? p.known[0].producer : NULL,
             p.n_known ? p.known[0].reply : NULL, when, when_len, host,
             host_len);
  return 0;
}

/* Reads the log PATH.  Returns an exit status: RC_EXIT_USAGE when it
   could not be read (reported), RC_EXIT_OUTPUT when out of memory.  */
static int
read_log (struct summarizer *x, const char *path)
{
  struct logread lr;
  const char *name = strcmp (path, "-") == 0 ? _("standard input") : path;
  const char *line, *err = NULL;
  size_t len;
  unsigned long long offset = 0;
  int e = logread_open (&lr, path), r, ret = 0;

  if (e)
    {
      rc_error ("%s: %s", name, strerror (e));
      return RC_EXIT_USAGE;
    }
  while (ret != RC_EXIT_OUTPUT
         && (r = logread_next (&lr, &line, &len, &err, &offset)) > 0)
    {
      x->s->lines++;
      ret = scan_line (&x->scan, line, len);
      if (x->progress && (x->s->lines & 0xffff) == 0)
        progress (x, name, &lr);
    }
  if (ret != RC_EXIT_OUTPUT)
    ret = scan_flush (&x->scan);   /* a reply does not go on in the next
                                      file */
  x->s->lines += lr.binary + lr.overlong;
  x->s->binary += lr.binary;
  x->s->overlong += lr.overlong;
  progress_clear (x);
  if (ret != RC_EXIT_OUTPUT && r < 0)
    {
      if (lr.compressed)
        /* TRANSLATORS: %1$s a file, %2$llu a byte offset in it, %3$s
           zlib's message.  */
        rc_error (_("%1$s: corrupt gzip data near byte %2$llu: %3$s"),
                  name, offset, err);
      else
        /* TRANSLATORS: %1$s a file, %2$llu a byte offset in it, %3$s the
           system's message.  */
        rc_error (_("%1$s: read error at byte %2$llu: %3$s"), name, offset,
                  err);
      ret = RC_EXIT_USAGE;
    }
  logread_close (&lr);
  return ret;
}

/* Order of the rows: failures first, permanent before transient, then
   by count, then by key.  */
static int
row_cmp (const void *a, const void *b)
{
  const struct summary_row *x = a, *y = b;
  int c;
  if (x->rank != y->rank)
    return x->rank - y->rank;
  if (x->t->count != y->t->count)
    return x->t->count < y->t->count ? 1 : -1;
  if ((c = strcmp (x->t->code, y->t->code)) != 0)
    return c;
  if ((c = strcmp (x->t->enhanced, y->t->enhanced)) != 0)
    return c;
  if ((c = strcmp (x->proto ? x->proto : "", y->proto ? y->proto : "")) != 0)
    return c;
  return strcmp (x->t->known ? x->t->known->id : "",
                 y->t->known ? y->t->known->id : "");
}

static int
rank_of (unsigned outcome)
{
  switch (outcome)
    {
    case RC_OUT_PERMANENT: return 0;
    case RC_OUT_FAILURE: return 1;
    case RC_OUT_TRANSIENT: return 2;
    case RC_OUT_SUCCESS: return 4;
    default: return 3;
    }
}

const struct code_view *
summary_row_view (const struct summary_row *r)
{
  if (r->enh.reg && (r->enh.code || !r->basic.code))
    return &r->enh;
  return r->basic.reg ? &r->basic : NULL;
}

/* Makes the rows of S from its tally, with their views, in order.  */
static bool
make_rows (struct summarizer *x, struct summary *s)
{
  tally_finish (&s->tally);
  s->rows = calloc (s->tally.n_rows + 1, sizeof *s->rows);
  if (!s->rows)
    return false;
  for (size_t i = 0; i < s->tally.n_rows; i++)
    {
      const struct tally_row *t = &s->tally.rows[i];
      struct summary_row *r = &s->rows[s->n_rows++];
      struct reply rp = { .shape = SHAPE_REPLY, .proto = t->proto,
                          .text = "" };
      struct reading p;
      memcpy (rp.code, t->code, sizeof rp.code);
      memcpy (rp.enhanced, t->enhanced, sizeof rp.enhanced);
      if (!interpret (&x->in, &rp, &p, true))
        return false;
      r->t = t;
      r->proto = t->proto;
      if (p.n_basic > 0)
        r->basic = p.basic[0];
      if (p.has_enh)
        r->enh = p.enh;
      const struct code_view *v = summary_row_view (r);
      r->outcome = v ? v->outcome : RC_OUT_DEPENDS;
      r->rank = rank_of (r->outcome);
    }
  qsort (s->rows, s->n_rows, sizeof *s->rows, row_cmp);
  return true;
}

int
cmd_summary (struct ctx *c, int argc, char **argv)
{
  static char *dash[] = { (char *) "-", NULL };
  struct summarizer x = { .c = c };
  struct summary s;
  int ret = 0;

  if (argc == 0 && isatty (STDIN_FILENO))
    {
      rc_error (_("missing log to summarize (use - for standard input)"));
      return RC_EXIT_USAGE;
    }
  if (argc == 0)
    {
      argc = 1;
      argv = dash;
    }
  memset (&s, 0, sizeof s);
  if (!tally_init (&s.tally))
    {
      rc_error (_("out of memory"));
      return RC_EXIT_OUTPUT;
    }
  x.s = &s;
  x.progress = isatty (STDERR_FILENO);
  x.start = x.last = now ();
  scan_init (&x.scan, on_reply, &x);
  interpret_init (&x.in, c->cat);
  for (int i = 0; i < argc && ret != RC_EXIT_OUTPUT; i++)
    ret = max_status (ret, read_log (&x, argv[i]));
  if (ret != RC_EXIT_OUTPUT && !make_rows (&x, &s))
    ret = RC_EXIT_OUTPUT;
  if (ret == RC_EXIT_OUTPUT)
    rc_error (_("out of memory"));
  else
    {
      int r = c->format == FORMAT_JSON ? render_summary_json (c, &s)
        : render_summary_text (c, &s);
      ret = max_status (ret, r);
    }
  scan_free (&x.scan);
  interpret_free (&x.in);
  free (s.rows);
  tally_free (&s.tally);
  return ret;
}
