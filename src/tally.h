/* tally.h: counts the replies of a log by protocol, code, enhanced code
   and known reply, with the first and last time seen and the busiest
   remote hosts of each.  Memory is bounded whatever the input: at most
   TALLY_MAX_ROWS rows (the replies of further keys are counted in
   OTHER), and per row TALLY_HOST_SLOTS hosts, kept by the space-saving
   algorithm (Metwally et al., 2005): a host's count is exact while a row
   has seen at most that many hosts, and otherwise an upper bound that
   the busiest hosts keep.

   Ownership: a struct tally owns its rows (tally_free).  Protocol
   strings and known replies are not copied: they point into the
   catalog or replyparse.c's constants, which outlive the tally.  */
#ifndef RC_TALLY_H
#define RC_TALLY_H

#include <stdbool.h>
#include <stddef.h>

#include "catalog.h"

#define TALLY_MAX_ROWS 4096
#define TALLY_HOST_SLOTS 8
#define TALLY_HOST_MAX 64
#define TALLY_TIME_MAX 40

struct tally_host
{
  char name[TALLY_HOST_MAX + 1];
  unsigned long long count;
};

struct tally_row
{
  const char *proto;                 /* NULL: not known */
  char code[40];
  char enhanced[12];
  const struct rc_producer *producer;   /* the known reply, or NULL */
  const struct rc_known *known;
  unsigned long long count;
  char first[TALLY_TIME_MAX + 1], last[TALLY_TIME_MAX + 1];
  struct tally_host hosts[TALLY_HOST_SLOTS];
  size_t n_hosts;
};

struct tally
{
  struct tally_row *rows;
  size_t n_rows;
  unsigned *slots;                   /* hash table: row index + 1, or 0 */
  unsigned long long other;          /* replies of keys past the limit */
};

/* False when out of memory.  */
bool tally_init (struct tally *t);
void tally_free (struct tally *t);

/* Counts one reply.  TIME (TIME_LEN bytes) and HOST (HOST_LEN) may be
   empty.  False when the key is new and the table is full (the reply is
   counted in OTHER).  Can't fail otherwise.  */
bool tally_add (struct tally *t, const char *proto, const char *code,
                const char *enhanced, const struct rc_producer *producer,
                const struct rc_known *known, const char *time,
                size_t time_len, const char *host, size_t host_len);

/* Sorts the hosts of each row, busiest first.  Can't fail.  */
void tally_finish (struct tally *t);

#endif
