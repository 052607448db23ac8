/* known.h: recognises the known replies of producers (Postfix, Gmail,
   vsftpd, ...) in the text of a reply, and lists the known replies that
   come with a code.

   A known reply matches a text when one of its fragments matches: each
   constant part of the fragment (the parts between '*') is found in the
   text, in order, ignoring the case of ASCII letters and with every run
   of white space taken as one space.  Before matching, the reply's own
   code prefixes that a folded multi-line reply carries inside its text
   ("... sender is 550-5.7.26 unauthenticated") are taken out.  The
   codes of a known reply then rank the hits: a reply listed with the
   line's exact codes wins over one that shares only the text, and a
   success line never matches a failure reply (nor the reverse).

   Ownership: a struct known_index holds the catalog's fragments in
   matching form and a scratch buffer; it points into the catalog, which
   must outlive it.  known_match writes into that scratch buffer, so one
   index serves one thread.  Hits point into the catalog.  */
#ifndef RC_KNOWN_H
#define RC_KNOWN_H

#include <stdbool.h>
#include <stddef.h>

#include "catalog.h"

struct known_index;

struct known_hit
{
  const struct rc_producer *producer;
  const struct rc_known *reply;
  int score;               /* higher is better */
};

/* Prepares C's known replies for matching.  NULL when out of memory.
   Built in one pass over the catalog (no work when it has no producer).  */
struct known_index *known_index_new (const struct catalog *c);
void known_index_free (struct known_index *ix);

/* Finds the known replies that match TEXT (LEN bytes, need not end in
   NUL) with basic code BASIC and enhanced code ENHANCED ("" when the line
   has none), of protocol PROTO (NULL when the line does not tell it).
   Stores at most MAX hits in HITS, best first, and returns how many
   there are in all (which may exceed MAX).  0 when out of memory.  */
size_t known_match (struct known_index *ix, const char *proto,
                    const char *basic, const char *enhanced,
                    const char *text, size_t len, struct known_hit *hits,
                    size_t max);

/* The known replies of C that come with CODE of registry R: of R's
   protocol, listing CODE's value (an enhanced X.7.1 matches 4.7.1 and
   5.7.1).  Stores at most MAX in HITS, the first of each producer first
   (then the second of each, ...), and returns how many there are in
   all.  */
size_t known_for_code (const struct catalog *c, const struct rc_registry *r,
                       const struct rc_code *code, struct known_hit *hits,
                       size_t max);

/* Removes from the text S (N bytes, NUL-terminated, words one space
   apart) each " CODE-" and " CODE " that repeats the reply's basic code
   BASIC inside it, with the enhanced code ENH that follows it: the
   prefixes of the lines of a multi-line reply that a log or bounce
   folded into one ("... sender is 550-5.7.26 unauthenticated").  A
   " CODE " without ENH after it stays (it may be a number of the text).
   BASIC and ENH are "" when absent.  Returns the new length.  */
size_t known_strip_prefixes (char *s, size_t n, const char *basic,
                             const char *enh);

/* True when known reply K comes with code VALUE of a registry of protocol
   PROTO and kind KIND (the test of known_for_code).  */
bool known_has_code (const struct rc_producer *p, const struct rc_known *k,
                     const char *proto, unsigned kind, const char *value);

#endif
