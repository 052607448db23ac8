/* interpret.c: see interpret.h.  */
#include "system.h"

#include <stdlib.h>
#include <string.h>

#include "interpret.h"

void
interpret_init (struct interpreter *in, const struct catalog *cat)
{
  memset (in, 0, sizeof *in);
  in->cat = cat;
}

void
interpret_free (struct interpreter *in)
{
  known_index_free (in->kix);
  in->kix = NULL;
  free (in->memo_fit);
  in->memo_fit = NULL;
}

/* Which registries RP may be of (reply_may_be by id or protocol), one
   byte per registry; NULL when out of memory.  Kept for the next reply
   of the same protocol.  */
static const unsigned char *
fitting (struct interpreter *in, const struct reply *rp)
{
  const struct catalog *cat = in->cat;
  if (!in->memo_fit && !(in->memo_fit = malloc (cat->n_regs + 1)))
    return NULL;
  if (in->memo_set && in->memo_proto == rp->proto)
    return in->memo_fit;
  for (size_t i = 0; i < cat->n_regs; i++)
    in->memo_fit[i] = reply_may_be (rp, cat->regs[i].id)
      || reply_may_be (rp, cat->regs[i].protocol);
  in->memo_set = true;
  in->memo_proto = rp->proto;
  return in->memo_fit;
}

bool
interpret_is_digit_code (const char *code)
{
  return code[0] >= '1' && code[0] <= '6' && code[1] >= '0' && code[1] <= '9'
    && code[2] >= '0' && code[2] <= '9' && !code[3];
}

/* Fills *V for CODE of REG shown as LABEL, class digit DIGIT: the
   whole view when VIEWS, else only the registry and the entry.  */
static void
fill (const struct rc_registry *reg, const struct rc_code *code,
      const char *label, char digit, bool views, struct code_view *v)
{
  if (views)
    view_code (reg, code, label, digit, v);
  else
    {
      v->reg = reg;
      v->code = code;
    }
}

/* Finds the registries for the parts of RP and fills P's views.  */
static void
resolve (const struct catalog *cat, const struct reply *rp,
         const unsigned char *fit_reg, struct reading *p, bool views)
{
  const struct rc_registry *first_fit = NULL, *enh_fit = NULL;
  const struct rc_code *ec = NULL;

  for (size_t i = 0; rp->code[0] && i < cat->n_regs; i++)
    {
      const struct rc_registry *r = &cat->regs[i];
      bool fit;
      if (r->kind == RC_KIND_ENHANCED || !fit_reg[i])
        continue;
      const struct rc_code *c = registry_match (r, rp->code, &fit);
      if (fit && !first_fit)
        first_fit = r;
      if (c && p->n_basic < RC_COUNT_OF (p->basic))
        fill (r, c, c->value, rp->code[0], views, &p->basic[p->n_basic++]);
    }
  if (p->n_basic == 0 && rp->code[0])
    {
      p->missing = true;
      /* a code of a known protocol that its registry lacks: explained
         from its digits */
      if (first_fit && rp->proto)
        fill (first_fit, NULL, rp->code, rp->code[0], views,
              &p->basic[p->n_basic++]);
    }
  /* the enhanced code: the first registry of that kind that has it (the
     IANA registry before a user's vendor registry), else the first */
  for (size_t i = 0; rp->enhanced[0] && i < cat->n_regs && !ec; i++)
    {
      const struct rc_registry *r = &cat->regs[i];
      if (r->kind != RC_KIND_ENHANCED)
        continue;
      if (!enh_fit)
        enh_fit = r;
      if ((ec = registry_match (r, rp->enhanced, NULL)))
        enh_fit = r;
    }
  if (enh_fit)
    {
      fill (enh_fit, ec, rp->enhanced, rp->enhanced[0], views, &p->enh);
      p->has_enh = true;
    }
  if (rp->enhanced[0] && !ec)
    p->missing = true;
}

bool
interpret (struct interpreter *in, struct reply *rp, struct reading *out,
           bool views)
{
  memset (out, 0, sizeof *out);
  if (rp->shape != SHAPE_NONE && rp->text_len > 0 && in->cat->n_producers)
    {
      if (!in->kix && !in->kix_failed)
        in->kix_failed = !(in->kix = known_index_new (in->cat));
      if (in->kix_failed)
        return false;
      /* a protocol guessed from words is no reason to miss a reply */
      size_t n = known_match (in->kix, rp->guessed ? NULL : rp->proto,
                              interpret_is_digit_code (rp->code)
                              ? rp->code : "", rp->enhanced, rp->text,
                              rp->text_len, out->known,
                              RC_COUNT_OF (out->known));
      out->n_known = n < RC_COUNT_OF (out->known)
        ? n : RC_COUNT_OF (out->known);
      /* the producer of a known reply tells the protocol */
      if (out->n_known && (!rp->proto || rp->guessed))
        {
          rp->proto = out->known[0].producer->protocol;
          rp->guessed = false;
        }
    }
  const unsigned char *fit = fitting (in, rp);
  if (!fit)
    return false;
  resolve (in->cat, rp, fit, out, views);
  return true;
}
