/* logread.c: see logread.h.  */
#include "system.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <zlib.h>

#include "logread.h"

/* The read buffer: room for a whole line of LOGREAD_LINE_MAX bytes and
   plenty more, so that most reads hand out many lines.  */
#define BUF_SIZE (256 * 1024)

int
logread_open (struct logread *lr, const char *path)
{
  struct stat st;
  int fd;

  memset (lr, 0, sizeof *lr);
  lr->size = -1;
  if (strcmp (path, "-") == 0)
    fd = dup (STDIN_FILENO);
  else
    fd = open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0)
    return errno;
  if (fstat (fd, &st) == 0)
    {
      if (S_ISDIR (st.st_mode))
        {
          close (fd);
          return EISDIR;
        }
      if (S_ISREG (st.st_mode))
        lr->size = (long long) st.st_size;
    }
  lr->buf = malloc (BUF_SIZE + 1);
  lr->gz = lr->buf ? gzdopen (fd, "rb") : NULL;
  if (!lr->gz)
    {
      int e = errno ? errno : ENOMEM;
      close (fd);
      free (lr->buf);
      lr->buf = NULL;
      return e;
    }
  gzbuffer (lr->gz, 128 * 1024);
  return 0;
}

unsigned long long
logread_position (const struct logread *lr)
{
  z_off_t o = lr->gz ? gzoffset (lr->gz) : 0;
  return o > 0 ? (unsigned long long) o : 0;
}

/* Reads more input after the unread bytes.  Returns 1 when bytes came,
   0 at the end, -1 on an error.  */
static int
fill (struct logread *lr, const char **err, unsigned long long *offset)
{
  int n;

  if (lr->start > 0)
    {
      memmove (lr->buf, lr->buf + lr->start, lr->end - lr->start);
      lr->end -= lr->start;
      lr->start = 0;
    }
  if (lr->eof || lr->end == BUF_SIZE)
    return 0;
  n = gzread (lr->gz, lr->buf + lr->end, (unsigned) (BUF_SIZE - lr->end));
  int zerr = Z_OK;
  lr->compressed = !gzdirect (lr->gz);
  if (n == 0)
    /* a truncated stream ends without an error from gzread */
    gzerror (lr->gz, &zerr);
  if (n < 0 || (zerr != Z_OK && zerr != Z_STREAM_END))
    {
      const char *m = gzerror (lr->gz, &zerr);
      /* zlib names the file "<fd:N>: "; the caller names it better */
      if (strncmp (m, "<fd:", 4) == 0 && strstr (m, ": "))
        m = strstr (m, ": ") + 2;
      *err = zerr == Z_ERRNO ? strerror (errno) : m;
      *offset = logread_position (lr);
      lr->eof = true;
      return -1;
    }
  if (n == 0)
    {
      lr->eof = true;
      return 0;
    }
  lr->end += (size_t) n;
  return 1;
}

int
logread_next (struct logread *lr, const char **line, size_t *len,
              const char **err, unsigned long long *offset)
{
  for (;;)
    {
      char *p = lr->buf + lr->start;
      size_t avail = lr->end - lr->start;
      char *nl = avail ? memchr (p, '\n', avail) : NULL;
      size_t n;

      if (!nl)
        {
          if (avail > LOGREAD_LINE_MAX || (lr->skipping && avail))
            {
              /* an overlong line: dropped as it comes */
              if (!lr->skipping)
                lr->overlong++;
              lr->skipping = true;
              lr->start = lr->end;
            }
          int f = fill (lr, err, offset);
          if (f < 0)
            return -1;
          if (f > 0)
            continue;
          if (lr->start == lr->end)
            {
              lr->skipping = false;
              return 0;
            }
          /* the last line has no newline */
          nl = lr->buf + lr->end;
          p = lr->buf + lr->start;
        }
      n = (size_t) (nl - p);
      lr->start += n + (nl < lr->buf + lr->end);
      if (lr->skipping)
        {
          lr->skipping = false;
          continue;
        }
      if (n > LOGREAD_LINE_MAX)
        {
          lr->overlong++;
          continue;
        }
      if (memchr (p, '\0', n))
        {
          lr->binary++;
          continue;
        }
      while (n > 0 && p[n - 1] == '\r')
        n--;
      *line = p;
      *len = n;
      return 1;
    }
}

void
logread_close (struct logread *lr)
{
  if (lr->gz)
    gzclose (lr->gz);
  free (lr->buf);
  memset (lr, 0, sizeof *lr);
}
