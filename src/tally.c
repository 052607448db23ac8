/* tally.c: see tally.h.  */
#include "system.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tally.h"

/* Twice the rows, a power of two: the table never fills.  */
#define N_SLOTS (2 * TALLY_MAX_ROWS)

bool
tally_init (struct tally *t)
{
  memset (t, 0, sizeof *t);
  t->rows = calloc (TALLY_MAX_ROWS, sizeof *t->rows);
  t->slots = calloc (N_SLOTS, sizeof *t->slots);
  if (!t->rows || !t->slots)
    {
      tally_free (t);
      return false;
    }
  return true;
}

void
tally_free (struct tally *t)
{
  free (t->rows);
  free (t->slots);
  memset (t, 0, sizeof *t);
}

/* FNV-1a over the key's strings and pointer.  */
static uint32_t
hash_key (const char *proto, const char *code, const char *enh,
          const struct rc_known *known)
{
  uint32_t h = 2166136261u;
  const char *parts[3] = { proto ? proto : "", code, enh };
  for (size_t i = 0; i < 3; i++)
    {
      for (const char *p = parts[i]; *p; p++)
        h = (h ^ (unsigned char) *p) * 16777619u;
      h = (h ^ 0xff) * 16777619u;
    }
  uintptr_t k = (uintptr_t) known;
  for (size_t i = 0; i < sizeof k; i++, k >>= 8)
    h = (h ^ (k & 0xff)) * 16777619u;
  return h;
}

static bool
same_str (const char *a, const char *b)
{
  return a == b || (a && b && strcmp (a, b) == 0);
}

static void
copy_bounded (char *dst, size_t max, const char *s, size_t n)
{
  if (n > max)
    n = max;
  memcpy (dst, s, n);
  dst[n] = '\0';
}

/* Counts HOST in ROW (space-saving).  */
static void
add_host (struct tally_row *row, const char *host, size_t n)
{
  size_t min = 0;
  if (n > TALLY_HOST_MAX)
    n = TALLY_HOST_MAX;
  for (size_t i = 0; i < row->n_hosts; i++)
    {
      struct tally_host *h = &row->hosts[i];
      if (strncmp (h->name, host, n) == 0 && h->name[n] == '\0')
        {
          h->count++;
          return;
        }
      if (h->count < row->hosts[min].count)
        min = i;
    }
  if (row->n_hosts < TALLY_HOST_SLOTS)
    {
      struct tally_host *h = &row->hosts[row->n_hosts++];
      copy_bounded (h->name, TALLY_HOST_MAX, host, n);
      h->count = 1;
      return;
    }
  /* the least counted host gives way, and the newcomer inherits its
     count: an upper bound of its own */
  copy_bounded (row->hosts[min].name, TALLY_HOST_MAX, host, n);
  row->hosts[min].count++;
}

bool
tally_add (struct tally *t, const char *proto, const char *code,
           const char *enhanced, const struct rc_producer *producer,
           const struct rc_known *known, const char *time, size_t time_len,
           const char *host, size_t host_len)
{
  uint32_t h = hash_key (proto, code, enhanced, known);
  size_t i = h & (N_SLOTS - 1);
  struct tally_row *row = NULL;

  for (; t->slots[i]; i = (i + 1) & (N_SLOTS - 1))
    {
      struct tally_row *r = &t->rows[t->slots[i] - 1];
      if (r->known == known && same_str (r->proto, proto)
          && strcmp (r->code, code) == 0
          && strcmp (r->enhanced, enhanced) == 0)
        {
          row = r;
          break;
        }
    }
  if (!row)
    {
      if (t->n_rows == TALLY_MAX_ROWS)
        {
          t->other++;
          return false;
        }
      row = &t->rows[t->n_rows++];
      t->slots[i] = (unsigned) t->n_rows;
      row->proto = proto;
      copy_bounded (row->code, sizeof row->code - 1, code, strlen (code));
      copy_bounded (row->enhanced, sizeof row->enhanced - 1, enhanced,
                    strlen (enhanced));
      row->producer = producer;
      row->known = known;
      copy_bounded (row->first, TALLY_TIME_MAX, time, time_len);
    }
  row->count++;
  if (time_len)
    copy_bounded (row->last, TALLY_TIME_MAX, time, time_len);
  if (!row->first[0] && time_len)
    copy_bounded (row->first, TALLY_TIME_MAX, time, time_len);
  if (host_len)
    add_host (row, host, host_len);
  return true;
}

static int
host_cmp (const void *a, const void *b)
{
  const struct tally_host *x = a, *y = b;
  if (x->count != y->count)
    return x->count < y->count ? 1 : -1;
  return strcmp (x->name, y->name);
}

void
tally_finish (struct tally *t)
{
  for (size_t i = 0; i < t->n_rows; i++)
    qsort (t->rows[i].hosts, t->rows[i].n_hosts, sizeof *t->rows[i].hosts,
           host_cmp);
}
