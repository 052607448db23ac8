/* rcgen.c: build tool.  Loads the shipped data files with the loader
   (validating each against the schema) and writes them out as C source
   for the compiled-in catalog (catalog_builtin).  Usage:
     rcgen OUTPUT.c FILE.xml...
   The output is written to a temporary file and renamed into place.
   Every struct is written with designated initialisers (.value = ...), so
   that a field added to catalog.h cannot shift the values of the others;
   a field rcgen does not write is zero (NULL).  */
#include "system.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "loader.h"

/* Writes S as a C string literal (NULL as NULL).  Non-ASCII bytes and
   controls are octal escapes so the output is plain ASCII.  */
static void
lit (FILE *f, const char *s)
{
  if (!s)
    {
      fputs ("NULL", f);
      return;
    }
  putc ('"', f);
  for (const unsigned char *p = (const unsigned char *) s; *p; p++)
    if (*p == '"' || *p == '\\')
      fprintf (f, "\\%c", *p);
    else if (*p < 0x20 || *p >= 0x7f || *p == '?')
      fprintf (f, "\\%03o", *p);
    else
      putc (*p, f);
  putc ('"', f);
}

/* Writes " .FIELD = S," with S a literal.  */
static void
field_lit (FILE *f, const char *field, const char *s)
{
  fprintf (f, " .%s = ", field);
  lit (f, s);
  putc (',', f);
}

/* Writes a list of string literals as the array PREFIX_P_K.  */
static void
emit_strs (FILE *f, const char *prefix, size_t p, size_t k,
           const char *const *v, size_t n)
{
  if (!n)
    return;
  fprintf (f, "static const char *const %s_%zu_%zu[] = {", prefix, p, k);
  for (size_t i = 0; i < n; i++)
    lit (f, v[i]), fputs (", ", f);
  fputs ("};\n", f);
}

static void
emit_code_arrays (FILE *f, size_t r, size_t k, const struct rc_code *c)
{
  emit_strs (f, "al", r, k, c->aliases, c->n_aliases);
  emit_strs (f, "mn", r, k, c->mnemonics, c->n_mnemonics);
  if (c->n_replies)
    {
      fprintf (f, "static const struct rc_reply_text rt_%zu_%zu[] = {", r, k);
      for (size_t i = 0; i < c->n_replies; i++)
        {
          fputs ("{", f);
          field_lit (f, "doc", c->replies[i].doc);
          field_lit (f, "text", c->replies[i].text);
          fputs (" }, ", f);
        }
      fputs ("};\n", f);
    }
  fprintf (f, "static const struct rc_ref rf_%zu_%zu[] = {", r, k);
  for (size_t i = 0; i < c->n_refs; i++)
    {
      fputs ("{", f);
      field_lit (f, "doc", c->refs[i].doc);
      field_lit (f, "section", c->refs[i].section);
      fputs (" }, ", f);
    }
  fputs ("};\n", f);
  if (c->n_related)
    {
      fprintf (f, "static const struct rc_link rl_%zu_%zu[] = {", r, k);
      for (size_t i = 0; i < c->n_related; i++)
        {
          fputs ("{", f);
          field_lit (f, "registry", c->related[i].registry);
          field_lit (f, "code", c->related[i].code);
          fputs (" }, ", f);
        }
      fputs ("};\n", f);
    }
}

/* Writes " .FIELD = PREFIX_R_K," when COND, else " .FIELD = NULL,".  */
static void
field_arr (FILE *f, const char *field, bool cond, const char *prefix,
           size_t r, size_t k)
{
  if (cond)
    fprintf (f, " .%s = %s_%zu_%zu,", field, prefix, r, k);
  else
    fprintf (f, " .%s = NULL,", field);
}

static void
emit_registry (FILE *f, size_t r, const struct rc_registry *reg)
{
  for (size_t k = 0; k < reg->n_codes; k++)
    emit_code_arrays (f, r, k, &reg->codes[k]);
  fprintf (f, "static const struct rc_code codes_%zu[] = {\n", r);
  for (size_t k = 0; k < reg->n_codes; k++)
    {
      const struct rc_code *c = &reg->codes[k];
      fputs ("  {", f);
      field_lit (f, "value", c->value);
      fputs ("\n   ", f);
      field_lit (f, "title", c->title);
      fputs ("\n   ", f);
      field_lit (f, "description", c->description);
      fputs ("\n   ", f);
      field_lit (f, "when", c->when);
      fputs ("\n   ", f);
      field_lit (f, "fix", c->fix);
      fputs ("\n   ", f);
      field_arr (f, "aliases", c->n_aliases, "al", r, k);
      field_arr (f, "mnemonics", c->n_mnemonics, "mn", r, k);
      field_arr (f, "replies", c->n_replies, "rt", r, k);
      field_arr (f, "refs", true, "rf", r, k);
      field_arr (f, "related", c->n_related, "rl", r, k);
      fprintf (f, "\n    .n_aliases = %u, .n_mnemonics = %u, .n_replies = %u,"
               " .n_refs = %u, .n_related = %u,\n    .outcome = %u,"
               " .actor = %u, .status = %u, .source = %u, .scope = %u,"
               " .method = %u },\n",
               c->n_aliases, c->n_mnemonics, c->n_replies, c->n_refs,
               c->n_related,
               c->outcome, c->actor, c->status, c->source, c->scope,
               c->method);
    }
  fputs ("};\n", f);
  fprintf (f, "static const struct rc_class classes_%zu[] = {\n", r);
  for (size_t k = 0; k < reg->n_classes; k++)
    {
      fputs ("  {", f);
      field_lit (f, "value", reg->classes[k].value);
      field_lit (f, "title", reg->classes[k].title);
      fputs ("\n   ", f);
      field_lit (f, "description", reg->classes[k].description);
      fputs (" },\n", f);
    }
  fputs ("};\n", f);
  fprintf (f, "static const struct rc_document docs_%zu[] = {\n", r);
  for (size_t k = 0; k < reg->n_docs; k++)
    {
      fputs ("  {", f);
      field_lit (f, "ref", reg->docs[k].ref);
      field_lit (f, "title", reg->docs[k].title);
      fputs (" },\n", f);
    }
  fputs ("};\n", f);
  fprintf (f, "static const struct rc_comparison cmp_%zu[] = {\n", r);
  for (size_t k = 0; k < reg->n_comparisons; k++)
    {
      const struct rc_comparison *c = &reg->comparisons[k];
      fputs ("  {", f);
      field_lit (f, "a", c->a);
      field_lit (f, "b", c->b);
      fputs ("\n   ", f);
      field_lit (f, "differences", c->differences);
      fputs ("\n   ", f);
      field_lit (f, "when_to_use", c->when_to_use);
      fputs (" },\n", f);
    }
  /* an empty initializer list is not ISO C: one zero entry, not counted */
  if (reg->n_comparisons == 0)
    fputs ("  { .a = NULL },\n", f);
  fputs ("};\n", f);
}

static void
emit_producer (FILE *f, size_t p, const struct rc_producer *pr)
{
  for (size_t k = 0; k < pr->n_replies; k++)
    {
      const struct rc_known *kr = &pr->replies[k];
      emit_strs (f, "kc", p, k, kr->codes, kr->n_codes);
      emit_strs (f, "km", p, k, kr->matches, kr->n_matches);
      emit_strs (f, "ks", p, k, kr->sources, kr->n_sources);
    }
  fprintf (f, "static const struct rc_known known_%zu[] = {\n", p);
  for (size_t k = 0; k < pr->n_replies; k++)
    {
      const struct rc_known *kr = &pr->replies[k];
      fputs ("  {", f);
      field_lit (f, "id", kr->id);
      fputs ("\n   ", f);
      field_lit (f, "name", kr->name);
      fputs ("\n   ", f);
      field_lit (f, "meaning", kr->meaning);
      fputs ("\n   ", f);
      field_lit (f, "cause", kr->cause);
      fputs ("\n   ", f);
      field_lit (f, "fix", kr->fix);
      fputs ("\n   ", f);
      field_arr (f, "codes", kr->n_codes, "kc", p, k);
      field_arr (f, "matches", kr->n_matches, "km", p, k);
      field_arr (f, "sources", kr->n_sources, "ks", p, k);
      fprintf (f, " .n_codes = %u, .n_matches = %u, .n_sources = %u },\n",
               kr->n_codes, kr->n_matches, kr->n_sources);
    }
  fputs ("};\n", f);
  fprintf (f, "static const struct rc_document pdocs_%zu[] = {\n", p);
  for (size_t k = 0; k < pr->n_docs; k++)
    {
      fputs ("  {", f);
      field_lit (f, "ref", pr->docs[k].ref);
      field_lit (f, "title", pr->docs[k].title);
      fputs ("\n   ", f);
      field_lit (f, "href", pr->docs[k].href);
      fputs (" },\n", f);
    }
  fputs ("};\n", f);
}

static int
write_catalog (FILE *f, const struct catalog *cat)
{
  fputs ("/* Generated by rcgen from the data files; do not edit.  */\n"
         "#include \"system.h\"\n#include \"catalog.h\"\n\n", f);
  for (size_t r = 0; r < cat->n_regs; r++)
    emit_registry (f, r, &cat->regs[r]);
  fputs ("static const struct rc_registry registries[] = {\n", f);
  for (size_t r = 0; r < cat->n_regs; r++)
    {
      const struct rc_registry *reg = &cat->regs[r];
      fputs ("  {", f);
      field_lit (f, "id", reg->id);
      field_lit (f, "name", reg->name);
      field_lit (f, "title", reg->title);
      field_lit (f, "protocol", reg->protocol);
      field_lit (f, "vendor", reg->vendor);
      fprintf (f, " .kind = %u,", reg->kind);
      fprintf (f, "\n    .docs = docs_%zu, .classes = classes_%zu,"
               " .codes = codes_%zu, .comparisons = cmp_%zu,\n"
               "    .n_docs = %zu, .n_classes = %zu, .n_codes = %zu,"
               " .n_comparisons = %zu },\n",
               r, r, r, r, reg->n_docs, reg->n_classes, reg->n_codes,
               reg->n_comparisons);
    }
  fputs ("};\n", f);
  for (size_t p = 0; p < cat->n_producers; p++)
    emit_producer (f, p, &cat->producers[p]);
  fputs ("static const struct rc_producer producers[] = {\n", f);
  for (size_t p = 0; p < cat->n_producers; p++)
    {
      const struct rc_producer *pr = &cat->producers[p];
      fputs ("  {", f);
      field_lit (f, "id", pr->id);
      field_lit (f, "name", pr->name);
      field_lit (f, "protocol", pr->protocol);
      fputs ("\n   ", f);
      field_lit (f, "description", pr->description);
      fprintf (f, "\n    .docs = pdocs_%zu, .replies = known_%zu,"
               " .n_docs = %zu, .n_replies = %zu, .type = %u },\n",
               p, p, pr->n_docs, pr->n_replies, pr->type);
    }
  if (cat->n_producers == 0)
    fputs ("  { .id = NULL },\n", f);
  fprintf (f, "};\n\nstatic const struct catalog builtin = "
           "{ .regs = registries, .n_regs = %zu,\n"
           "  .producers = producers, .n_producers = %zu, .arena = NULL };\n\n"
           "const struct catalog *\ncatalog_builtin (void)\n{\n"
           "  return &builtin;\n}\n", cat->n_regs, cat->n_producers);
  return ferror (f) ? -1 : 0;
}

int
main (int argc, char **argv)
{
  const struct catalog *all = NULL;
  struct catalog **files = NULL;
  struct catalog empty = { .regs = NULL, .n_regs = 0, .arena = NULL };
  char *tmp = NULL;
  FILE *f = NULL;
  int ret = EXIT_FAILURE, nfiles = 0;

  if (argc < 3)
    {
      fprintf (stderr, "usage: rcgen OUTPUT.c FILE.xml...\n");
      return EXIT_FAILURE;
    }
  /* files[0..argc): one per data file; files[argc..2*argc): the
     intermediate merged catalogs, which later merges point into.  */
  files = calloc (2 * (size_t) argc, sizeof *files);
  if (!files)
    goto out;
  all = &empty;
  for (int i = 2; i < argc; i++)
    {
      char *err = NULL;
      struct catalog *merged;
      if (loader_load_file (argv[i], &files[nfiles], &err) != 0)
        {
          fprintf (stderr, "%s\n", err ? err : argv[i]);
          free (err);
          goto out;
        }
      const struct catalog *one = files[nfiles];
      if (one->n_regs && catalog_registry (all, one->regs[0].id))
        {
          fprintf (stderr, "%s: registry %s is defined twice\n", argv[i],
                   one->regs[0].id);
          nfiles++;
          goto out;
        }
      if (one->n_producers && catalog_producer (all, one->producers[0].id))
        {
          fprintf (stderr, "%s: producer %s is defined twice\n", argv[i],
                   one->producers[0].id);
          nfiles++;
          goto out;
        }
      merged = catalog_merge (all, files[nfiles++]);
      if (!merged)
        goto out;
      if (all != &empty)
        files[argc + i] = (struct catalog *) all;
      all = merged;
    }
  size_t n = strlen (argv[1]) + 8;
  tmp = malloc (n);
  if (!tmp)
    goto out;
  snprintf (tmp, n, "%s.tmp", argv[1]);
  f = fopen (tmp, "w");
  if (!f || write_catalog (f, all) != 0 || fclose (f) != 0)
    {
      f = NULL;
      perror (tmp);
      remove (tmp);
      goto out;
    }
  f = NULL;
  if (rename (tmp, argv[1]) != 0)
    {
      perror (argv[1]);
      remove (tmp);
      goto out;
    }
  ret = EXIT_SUCCESS;
out:
  if (f)
    fclose (f);
  free (tmp);
  if (all != &empty)
    catalog_free (all);
  for (int i = 2 * argc - 1; files && i >= 0; i--)
    catalog_free (files[i]);
  free (files);
  loader_cleanup ();
  return ret;
}
