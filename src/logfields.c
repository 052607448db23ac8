/* logfields.c: see logfields.h.  */
#include "system.h"

#include <string.h>

#include "logfields.h"

#define REMOTE_MAX 64

static bool
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

static bool
is_alpha (char c)
{
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* True when P matches the picture PIC: 'd' a digit, 'a' a letter, 's' a
   digit or a space, anything else itself.  */
static bool
shape (const char *p, const char *pic)
{
  for (; *pic; p++, pic++)
    if (!*p || (*pic == 'd' ? !is_digit (*p)
                : *pic == 'a' ? !is_alpha (*p)
                : *pic == 's' ? !(is_digit (*p) || *p == ' ')
                : *p != *pic))
      return false;
  return true;
}

size_t
log_time (const char *line, const char **start)
{
  const char *b;
  *start = line;
  if (shape (line, "dddd-dd-ddTdd:dd:dd"))
    return strcspn (line, " ");
  if (shape (line, "dddd-dd-dd dd:dd:dd"))
    return 19;
  if (shape (line, "aaa ad dd:dd:dd") || shape (line, "aaa dd dd:dd:dd")
      || shape (line, "aaa sd dd:dd:dd"))
    return 15;
  if (shape (line, "aaa aaa sd dd:dd:dd dddd"))
    return 24;
  /* an access log: [05/Dec/2026:10:00:01 +0000] */
  if ((b = strchr (line, '[')) && shape (b + 1, "dd/aaa/dddd:dd:dd:dd"))
    {
      *start = b + 1;
      return strcspn (b + 1, "]");
    }
  return 0;
}

/* The domain of the address at P (after '@', up to '>', ',', a space or
   the end), or 0.  */
static size_t
domain_of (const char *p, const char **start)
{
  size_t n = strcspn (p, "@>, \"");
  if (p[n] != '@')
    return 0;
  *start = p + n + 1;
  return strcspn (*start, ">, \"]");
}

/* A host written "name[addr]" or "name [addr]" at P: the name, or the
   address when the name is "unknown" or "(helo)".  */
static size_t
host_at (const char *p, const char **start)
{
  size_t n = strcspn (p, "[ ,:\"");
  const char *b = p + n;
  if (*b == ' ' && b[1] == '[')
    b++;
  if ((n == 0 || p[0] == '(' || (n == 7 && strncmp (p, "unknown", 7) == 0))
      && *b == '[')
    {
      *start = b + 1;
      return strcspn (b + 1, "]");
    }
  *start = p;
  return n;
}

static size_t
cap (size_t n)
{
  return n > REMOTE_MAX ? REMOTE_MAX : n;
}

size_t
log_remote (const char *line, const char **start)
{
  const char *p;
  size_t n = 0;

  /* a rejected command: the client */
  if (strstr (line, "reject: ") && (p = strstr (line, " from ")))
    n = host_at (p + 6, start);
  else if (strstr (line, ", reject=") && (p = strstr (line, ", relay=")))
    n = host_at (p + 8, start);
  if (n)
    return cap (n);
  /* a recipient */
  if ((p = strstr (line, "to=<")) && (n = domain_of (p + 4, start)))
    return cap (n);
  for (const char *m = line; (m = strpbrk (m, "*=")); m++)
    if ((m[0] == '*' || m[0] == '=') && (m[1] == m[0] || m[1] == '>')
        && m[2] == ' ' && (m == line || m[-1] == ' ')
        && (n = domain_of (m + 3, start)))
      return cap (n);
  /* the remote host */
  if ((p = strstr (line, " H=")) && (n = host_at (p + 3, start)))
    return cap (n);
  if ((p = strstr (line, "relay=")) && (n = host_at (p + 6 + (p[6] == '"'),
                                                     start)))
    return cap (n);
  return 0;
}
