/* The user-data cache: a round trip gives the same catalog; a cache made
   from other files, or corrupt, truncated or hostile in any byte, is
   refused; and combining many parts keeps the last definition.  */
#include "system.h"

#include <stdlib.h>
#include <string.h>
#include <criterion/criterion.h>

#include "catalog.h"
#include "loader.h"
#include "testutil.h"
#include "ucache.h"

static struct ucache_file files[2] = {
  { (char *) "/home/u/.local/share/replycode/a.xml", 1, 2, 300, 1700000000,
    5 },
  { (char *) "/tmp/b.xml", 1, 3, 40, 1700000001, 0 },
};

static struct catalog *
load (const char *rel)
{
  char path[4096];
  struct catalog *c = NULL;
  char *err = NULL;
  int ret = loader_load_file (test_path (path, sizeof path, rel), &c, &err);
  cr_assert_eq (ret, 0, "%s", err ? err : "");
  free (err);
  return c;
}

static void
expect_same_code (const struct rc_code *a, const struct rc_code *b)
{
  cr_expect_str_eq (a->value, b->value);
  cr_expect_str_eq (a->title, b->title);
  cr_expect_str_eq (a->description, b->description);
  cr_expect_str_eq (a->when, b->when);
  cr_expect_str_eq (a->fix, b->fix);
  cr_expect_eq (a->outcome, b->outcome);
  cr_expect_eq (a->actor, b->actor);
  cr_expect_eq (a->n_refs, b->n_refs);
  cr_expect_eq (a->n_related, b->n_related);
  cr_expect_eq (a->n_replies, b->n_replies);
  cr_expect_eq (a->n_aliases, b->n_aliases);
  for (size_t i = 0; i < a->n_refs && i < b->n_refs; i++)
    {
      cr_expect_str_eq (a->refs[i].doc, b->refs[i].doc);
      cr_expect_eq (!a->refs[i].section, !b->refs[i].section);
    }
}

Test (ucache, round_trip)
{
  struct catalog *user = load ("tests/data/good-override.xml");
  struct dbuf bytes = DBUF_INIT;
  cr_assert (ucache_serialize (user, files, 2, &bytes));
  struct catalog *back = ucache_parse (dbuf_str (&bytes), dbuf_len (&bytes),
                                       files, 2);
  cr_assert_not_null (back);
  cr_assert_eq (back->n_regs, user->n_regs);
  for (size_t k = 0; k < user->n_regs; k++)
    {
      const struct rc_registry *a = &user->regs[k], *b = &back->regs[k];
      cr_expect_str_eq (a->id, b->id);
      cr_expect_str_eq (a->title, b->title);
      cr_assert_eq (a->n_codes, b->n_codes);
      cr_expect_eq (a->n_classes, b->n_classes);
      cr_expect_eq (a->n_docs, b->n_docs);
      for (size_t i = 0; i < a->n_codes; i++)
        expect_same_code (&a->codes[i], &b->codes[i]);
    }
  const struct rc_registry *ur = catalog_registry (user, "smtp");
  const struct rc_registry *br = catalog_registry (back, "smtp");
  cr_assert_eq (br->n_comparisons, 1);
  cr_expect_eq (ur->n_comparisons, 1);
  cr_expect_str_eq (registry_comparison (br, "599", "552")->when_to_use,
                    ur->comparisons[0].when_to_use);
  /* the parsed catalog owns its bytes: the buffer may go */
  dbuf_free (&bytes);
  cr_expect_str_eq (registry_code (catalog_registry (back, "smtp"), "599")
                    ->title, "Relay Quota Exceeded");
  catalog_free (back);
  catalog_free (user);
}

Test (ucache, stale_files_refused)
{
  struct catalog *user = load ("tests/data/good-override.xml");
  struct dbuf bytes = DBUF_INIT;
  struct ucache_file other[2];
  cr_assert (ucache_serialize (user, files, 2, &bytes));
  /* fewer files, another size, another mtime, another path */
  cr_expect_null (ucache_parse (dbuf_str (&bytes), dbuf_len (&bytes), files,
                                1));
  for (int change = 0; change < 5; change++)
    {
      memcpy (other, files, sizeof other);
      switch (change)
        {
        case 0: other[1].size++; break;
        case 1: other[0].mtime_nsec++; break;
        case 2: other[1].ino++; break;
        case 3: other[0].mtime_sec--; break;
        default: other[1].path = (char *) "/tmp/c.xml"; break;
        }
      cr_expect_null (ucache_parse (dbuf_str (&bytes), dbuf_len (&bytes),
                                    other, 2), "change %d", change);
    }
  dbuf_free (&bytes);
  catalog_free (user);
}

/* Every single-byte change and every truncation is refused: nothing in a
   damaged cache is trusted.  */
Test (ucache, damage_refused)
{
  struct catalog *user = load ("tests/data/good-override.xml");
  struct dbuf bytes = DBUF_INIT;
  cr_assert (ucache_serialize (user, files, 2, &bytes));
  size_t n = dbuf_len (&bytes);
  char *copy = malloc (n);
  cr_assert (copy);
  for (size_t i = 0; i < n; i++)
    {
      memcpy (copy, dbuf_str (&bytes), n);
      copy[i] ^= 0x41;
      cr_expect_null (ucache_parse (copy, n, files, 2), "byte %zu", i);
    }
  for (size_t len = 0; len < n; len += 7)
    cr_expect_null (ucache_parse (dbuf_str (&bytes), len, files, 2),
                    "length %zu", len);
  free (copy);
  dbuf_free (&bytes);
  catalog_free (user);
}

Test (ucache, write_is_atomic_and_readable)
{
  char dir[] = "/tmp/rc-ucache.XXXXXX";
  cr_assert (mkdtemp (dir));
  struct dbuf path = DBUF_INIT, bytes = DBUF_INIT;
  struct catalog *user = load ("tests/data/good-override.xml");
  cr_assert (dbuf_printf (&path, "%s/sub/dir/c.cache", dir));
  cr_assert (ucache_serialize (user, files, 2, &bytes));
  cr_assert (ucache_write (dbuf_str (&path), dbuf_str (&bytes),
                           dbuf_len (&bytes)));
  struct catalog *back = ucache_load (dbuf_str (&path), files, 2);
  cr_expect_not_null (back);
  catalog_free (back);
  /* a directory in the way: false, and nothing left behind */
  struct dbuf bad = DBUF_INIT;
  cr_assert (dbuf_printf (&bad, "%s/sub/dir/c.cache/x", dir));
  cr_expect_not (ucache_write (dbuf_str (&bad), "x", 1));
  char cmd[256];
  snprintf (cmd, sizeof cmd, "test $(ls -A %s/sub/dir | wc -l) -eq 1 "
            "&& rm -r %s", dir, dir);
  cr_expect_eq (system (cmd), 0, "temporary files left behind");
  dbuf_free (&bad);
  dbuf_free (&path);
  dbuf_free (&bytes);
  catalog_free (user);
}

/* Combining N parts keeps each key's last definition, the base's order
   of classes, and sorted codes.  */
Test (ucache, combine_many_parts)
{
  enum { N = 300 };
  struct catalog *parts[N + 1];
  parts[0] = (struct catalog *) catalog_builtin ();
  for (int i = 1; i <= N; i++)
    parts[i] = load ("tests/data/good-override.xml");
  struct catalog *all = catalog_combine ((const struct catalog *const *) parts,
                                         N + 1);
  cr_assert_not_null (all);
  const struct rc_registry *r = catalog_registry (all, "smtp");
  const struct rc_registry *b = catalog_registry (parts[0], "smtp");
  cr_expect_eq (all->n_regs, parts[0]->n_regs);
  cr_expect_eq (r->n_codes, b->n_codes + 1);
  /* the last part's definition wins (its strings, not a copy) */
  cr_expect_eq (registry_code (r, "220")->title,
                registry_code (&parts[N]->regs[0], "220")->title);
  cr_expect_eq (r->n_classes, b->n_classes);
  cr_expect_eq (r->n_comparisons, b->n_comparisons + 1);
  cr_expect_not_null (registry_comparison (r, "552", "599"));
  cr_expect_str_eq (r->classes[0].value, b->classes[0].value);
  for (size_t i = 1; i < r->n_codes; i++)
    cr_expect_lt (rc_value_cmp (r->codes[i - 1].value, r->codes[i].value), 0);
  catalog_free (all);
  for (int i = 1; i <= N; i++)
    catalog_free (parts[i]);
}
