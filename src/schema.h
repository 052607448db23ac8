/* schema.h: the RELAX NG schema of the data files, compiled in from
   data/replycode.rng by the build (src/schema-data.c is generated).  */
#ifndef RC_SCHEMA_H
#define RC_SCHEMA_H

#include <stddef.h>

extern const char rc_schema_rng[];
extern const size_t rc_schema_rng_len;

#endif
