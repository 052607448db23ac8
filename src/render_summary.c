/* render_summary.c: the summary as a text table (see summary.h).  Each
   row starts with its count, share and reply (protocol, code, enhanced
   code), then the title; the known reply, the fix, the times seen and
   the busiest hosts follow under the title.  Widths are display cells,
   so Korean, Japanese and Chinese texts line up.  */
#include "system.h"

#include <stdio.h>
#include <string.h>

#include "dbuf.h"
#include "logread.h"
#include "summary.h"
#include "wrap.h"

/* The reply cell: "SMTP 550 5.1.1".  */
static bool
reply_cell (struct dbuf *b, const struct summary_row *r)
{
  const struct code_view *v = summary_row_view (r);
  bool ok = true;
  if (v)
    ok = dbuf_add (b, r->basic.reg && r->basic.reg->protocol[0]
                   ? r->basic.reg->name : v->reg->name);
  else if (r->proto)
    ok = dbuf_add (b, r->proto);
  if (r->t->code[0])
    ok = ok && (dbuf_len (b) == 0 || dbuf_add (b, " "))
      && dbuf_add (b, r->t->code);
  if (r->t->enhanced[0])
    ok = ok && (dbuf_len (b) == 0 || dbuf_add (b, " "))
      && dbuf_add (b, r->t->enhanced);
  return ok;
}

/* The style of a row's count: failures stand out.  */
static enum out_style
row_style (const struct summary_row *r)
{
  return r->rank == 0 || r->rank == 1 ? STYLE_BAD
    : r->rank == 2 ? STYLE_WARN : r->rank == 4 ? STYLE_GOOD : STYLE_DIM;
}

/* Prints a labelled line under the title, from column COL.  */
static bool
sub_line (struct out *o, int col, const char *label, const char *text)
{
  struct dbuf b = DBUF_INIT;
  bool ok = view_add_labeled (&b, label, text);
  out_spaces (o, col);
  ok = ok && out_rest (o, col, dbuf_str (&b));
  dbuf_free (&b);
  return ok;
}

static bool
row_text (struct out *o, const struct summary *s, const struct summary_row *r,
          int w_count, int w_reply)
{
  const struct code_view *v = summary_row_view (r);
  struct dbuf cell = DBUF_INIT, t = DBUF_INIT;
  char count[32], share[16];
  bool ok;

  snprintf (count, sizeof count, "%llu", r->t->count);
  snprintf (share, sizeof share, "%.1f%%",
            s->with_code ? 100.0 * (double) r->t->count
            / (double) s->with_code : 0.0);
  ok = reply_cell (&cell, r);
  out_spaces (o, w_count - (int) strlen (count));
  out_begin (o, row_style (r));
  ok = ok && out_text (o, count);
  out_end (o);
  out_spaces (o, 2 + 6 - (int) strlen (share));
  ok = ok && out_text (o, share);
  out_spaces (o, 2);
  out_begin (o, STYLE_HEADER);
  ok = ok && out_text (o, dbuf_str (&cell));
  out_end (o);
  int col = w_count + 2 + 6 + 2 + w_reply + 2;
  int cw = wrap_width (dbuf_str (&cell));
  if (cw > w_reply)
    {
      /* a reply wider than its column: the title goes under it */
      putc ('\n', o->fp);
      out_spaces (o, col);
    }
  else
    out_spaces (o, w_reply + 2 - cw);
  ok = ok && (v ? view_add_code_title (&t, v) : true)
    && out_rest (o, col, dbuf_str (&t));
  /* the known reply's fix is more specific than the code's */
  const char *fix = v && v->code ? v->fix.s : NULL;
  if (ok && r->t->known)
    {
      struct known_view kv;
      dbuf_reset (&t);
      view_known (r->t->producer, r->t->known, &kv);
      fix = kv.fix.s;
      ok = view_add_known_name (&t, &kv)
        && sub_line (o, col, _("Known reply"), dbuf_str (&t));
    }
  if (ok && fix && *fix)
    {
      dbuf_reset (&t);
      ok = view_add_first_sentence (&t, fix)
        && sub_line (o, col, _("How to fix"), dbuf_str (&t));
    }
  if (ok && (r->t->first[0] || r->t->last[0]))
    {
      dbuf_reset (&t);
      ok = view_add_time_span (&t, r->t->first, r->t->last)
        && sub_line (o, col, _("Seen"), dbuf_str (&t));
    }
  if (ok && r->t->n_hosts)
    {
      dbuf_reset (&t);
      for (size_t i = 0; ok && i < r->t->n_hosts && i < 3; i++)
        ok = view_add_counted (&t, r->t->hosts[i].name,
                               r->t->hosts[i].count);
      ok = ok && sub_line (o, col, _("Hosts"), dbuf_str (&t));
    }
  dbuf_free (&cell);
  dbuf_free (&t);
  return ok;
}

int
render_summary_text (struct ctx *c, const struct summary *s)
{
  struct out *o = &c->out;
  struct dbuf b = DBUF_INIT;
  int w_count = 5, w_reply = 0;
  bool ok;

  ok = view_add_summary_totals (&b, s->lines, s->with_code, s->n_rows)
    && out_para (o, 0, dbuf_str (&b));
  if (ok && (s->binary || s->overlong))
    {
      dbuf_reset (&b);
      ok = view_add_skipped (&b, s->binary, s->overlong, LOGREAD_LINE_MAX)
        && out_para (o, 0, dbuf_str (&b));
    }
  if (ok && s->tally.other)
    {
      dbuf_reset (&b);
      /* TRANSLATORS: %1$llu replies, %2$d the number of rows kept.  */
      ok = dbuf_printf (&b, ngettext ("%1$llu more reply had a code not"
                                      " counted on its own (more than %2$d"
                                      " distinct replies).",
                                      "%1$llu more replies had codes not"
                                      " counted on their own (more than %2$d"
                                      " distinct replies).",
                                      s->tally.other > 1000000 ? 1000000
                                      : (unsigned long) s->tally.other),
                        s->tally.other, TALLY_MAX_ROWS)
        && out_para (o, 0, dbuf_str (&b));
    }
  for (size_t i = 0; ok && i < s->n_rows; i++)
    {
      char count[32];
      int n = snprintf (count, sizeof count, "%llu", s->rows[i].t->count);
      if (n > w_count)
        w_count = n;
      dbuf_reset (&b);
      ok = reply_cell (&b, &s->rows[i]);
      int w = wrap_width (dbuf_str (&b));
      if (w > w_reply)
        w_reply = w;
    }
  /* the title keeps at least 24 cells of a narrow terminal */
  if (w_count + 10 + w_reply + 2 + 24 > o->width)
    w_reply = o->width - 24 - w_count - 12;
  if (w_reply < 8)
    w_reply = 8;
  if (ok && s->n_rows)
    {
      /* the column headings */
      const char *h[3] = { _("Count"), _("Share"), _("Reply") };
      int w[3] = { w_count, 6, w_reply };
      putc ('\n', o->fp);
      out_begin (o, STYLE_HEADING);
      for (size_t k = 0; ok && k < 3; k++)
        {
          int hw = wrap_width (h[k]);
          if (k < 2)
            out_spaces (o, w[k] - hw);
          ok = out_text (o, h[k]);
          out_spaces (o, 2 + (k == 2 ? w[k] - hw : 0));
        }
      ok = ok && out_text (o, _("Meaning"));
      out_end (o);
      putc ('\n', o->fp);
    }
  for (size_t i = 0; ok && i < s->n_rows; i++)
    ok = row_text (o, s, &s->rows[i], w_count, w_reply);
  dbuf_free (&b);
  return ok ? 0 : RC_EXIT_OUTPUT;
}
