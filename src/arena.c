/* arena.c: see arena.h.  Blocks are chained; a request larger than the
   usual block size gets a block of its own.  */
#include "system.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

#define ARENA_BLOCK 16384
#define ARENA_ALIGN 16

struct block
{
  struct block *next;
  size_t used, size;
  max_align_t data[];
};

struct arena
{
  struct block *head;
};

struct arena *
arena_new (void)
{
  return calloc (1, sizeof (struct arena));
}

void
arena_free (struct arena *a)
{
  if (!a)
    return;
  while (a->head)
    {
      struct block *next = a->head->next;
      free (a->head);
      a->head = next;
    }
  free (a);
}

void *
arena_alloc (struct arena *a, size_t n)
{
  size_t need = (n + ARENA_ALIGN - 1) & ~(size_t) (ARENA_ALIGN - 1);
  struct block *b = a->head;

  if (need < n)
    return NULL;
  if (!b || b->size - b->used < need)
    {
      size_t size = need > ARENA_BLOCK ? need : ARENA_BLOCK;
      b = malloc (sizeof *b + size);
      if (!b)
        return NULL;
      b->size = size;
      b->used = 0;
      b->next = a->head;
      a->head = b;
    }
  void *p = (char *) b->data + b->used;
  b->used += need;
  memset (p, 0, n);
  return p;
}

char *
arena_strndup (struct arena *a, const char *s, size_t len)
{
  if (len == SIZE_MAX)
    return NULL;
  char *p = arena_alloc (a, len + 1);
  if (!p)
    return NULL;
  memcpy (p, s, len);
  p[len] = '\0';
  return p;
}

char *
arena_strdup (struct arena *a, const char *s)
{
  return arena_strndup (a, s, strlen (s));
}
