/* arena.h: bump allocator that owns every string and array of a catalog
   built at run time.  Everything allocated from an arena lives until
   arena_free; nothing is freed one by one.  */
#ifndef RC_ARENA_H
#define RC_ARENA_H

#include <stddef.h>

struct arena;

/* Returns a new empty arena, or NULL when out of memory.  */
struct arena *arena_new (void);
/* Frees the arena and everything allocated from it.  NULL is a no-op.  */
void arena_free (struct arena *a);
/* Returns N zeroed bytes aligned for any type, or NULL when out of memory
   (the arena is unchanged then).  */
void *arena_alloc (struct arena *a, size_t n);
/* Copies S (LEN bytes, then adds a NUL) into the arena; NULL when out of
   memory.  */
char *arena_strndup (struct arena *a, const char *s, size_t len);
char *arena_strdup (struct arena *a, const char *s);

#endif
