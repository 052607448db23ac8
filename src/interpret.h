/* interpret.h: what one parsed reply means, from the catalog: the
   registered entries of its basic code, its enhanced code, and the known
   replies its text matches.  explain shows a reading; summary counts
   them; both get it here, so the two can never disagree.

   Ownership: a struct interpreter holds the known-reply index (made at
   the first reply with a text, see known.h) and points into the
   catalog, which must outlive it; one interpreter serves one thread.  A
   struct reading points into the catalog and owns nothing.  */
#ifndef RC_INTERPRET_H
#define RC_INTERPRET_H

#include <stdbool.h>
#include <stddef.h>

#include "catalog.h"
#include "known.h"
#include "replyparse.h"
#include "view.h"

struct reading
{
  struct code_view basic[8];   /* the entries of the basic code, one per
                                  registry that has it */
  size_t n_basic;
  struct code_view enh;        /* the enhanced code */
  bool has_enh;
  bool missing;                /* a code is not in its registry */
  struct known_hit known[4];   /* the known replies that match, best
                                  first */
  size_t n_known;
};

struct interpreter
{
  const struct catalog *cat;
  struct known_index *kix;
  bool kix_failed;
  /* the registries a reply of protocol MEMO_PROTO may be of (a pointer:
     protocols are constant strings), for the next reply of the same */
  bool memo_set;
  const char *memo_proto;
  unsigned char *memo_fit;   /* one per registry, malloc'd */
};

/* Starts an interpreter of catalog CAT.  Can't fail.  */
void interpret_init (struct interpreter *in, const struct catalog *cat);
void interpret_free (struct interpreter *in);

/* Reads RP into *OUT.  When a known reply tells the protocol that the
   line did not (or only guessed from words), RP->proto becomes the
   producer's.  With VIEWS, the code views are whole (view_code); without,
   only their REG and CODE are set (counting needs no texts).  False when
   out of memory.  */
bool interpret (struct interpreter *in, struct reply *rp,
                struct reading *out, bool views);

/* True when CODE is a three-digit reply code.  Can't fail.  */
bool interpret_is_digit_code (const char *code);

#endif
