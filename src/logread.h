/* logread.h: reads the lines of a log file, plain or gzip'd (zlib
   finds out which from the data, so "mail.log.2.gz" and "mail.log" read
   alike, and so does a gzip stream on standard input).  Lines are handed
   out in a buffer of the reader's, without their newline and end "\r";
   a line that holds a NUL byte (binary data) or is longer than
   LOGREAD_LINE_MAX is skipped and counted, never fatal.  Memory is the
   buffer's, whatever the input.

   Ownership: a struct logread owns its buffer and the descriptor it
   opened (logread_close releases both; standard input is read through a
   duplicate, so it stays open).  A line handed out lives until the next
   call.  */
#ifndef RC_LOGREAD_H
#define RC_LOGREAD_H

#include <stdbool.h>
#include <stddef.h>

/* Lines longer than this are skipped (and counted).  */
#define LOGREAD_LINE_MAX 8192

struct logread
{
  void *gz;                       /* zlib's gzFile */
  char *buf;
  size_t start, end;              /* the unread bytes of BUF */
  bool eof;
  bool skipping;                  /* inside an overlong line */
  unsigned long long binary, overlong;   /* lines skipped */
  long long size;                 /* the file's size when it is a regular
                                     file, else -1 (for progress) */
  bool compressed;                /* the data is gzip'd */
};

/* Opens PATH ("-": standard input) for reading.  Returns 0, or an errno
   value (the reader is then closed).  */
int logread_open (struct logread *lr, const char *path);

/* Stores the next line in *LINE and *LEN (not NUL-terminated; the byte
   after it may be read but not written).  Returns 1 for a line, 0 at
   the end of the input, -1 on a read error or corrupt data: *ERR is
   then zlib's or the system's message and *OFFSET the byte offset of
   the error in the file as it is stored (compressed).  */
int logread_next (struct logread *lr, const char **line, size_t *len,
                  const char **err, unsigned long long *offset);

/* Bytes of the file as it is stored that have been read so far (for
   progress against SIZE).  */
unsigned long long logread_position (const struct logread *lr);

void logread_close (struct logread *lr);

#endif
