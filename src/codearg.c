/* codearg.c: see codearg.h.  */
#include "system.h"

#include <string.h>

#include "codearg.h"

static bool
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

bool
code_arg_is_proto (const char *s)
{
  size_t n = strlen (s);
  if (n == 0 || n > 16 || !(s[0] >= 'a' && s[0] <= 'z'))
    return false;
  for (size_t i = 0; i < n; i++)
    if (!((s[i] >= 'a' && s[i] <= 'z') || is_digit (s[i]) || s[i] == '-'))
      return false;
  return true;
}

/* Reads 1-3 digits at *P without leading zeros (except "0"); advances.  */
static bool
number (const char **p)
{
  const char *s = *p;
  size_t n = 0;
  while (is_digit (s[n]))
    n++;
  if (n == 0 || n > 3 || (n > 1 && s[0] == '0'))
    return false;
  *p = s + n;
  return true;
}

static bool
parse_enhanced (const char *s, struct code_arg *out)
{
  const char *p = s;
  char cls = s[0];

  if (cls == 'X' || cls == 'x')
    out->kind = CODE_DETAIL, out->digit = 0;
  else if (cls == '2' || cls == '4' || cls == '5')
    out->kind = CODE_ENHANCED, out->digit = cls;
  else
    return false;
  p++;
  if (*p++ != '.')
    return false;
  const char *subject = p;
  if (!number (&p) || *p++ != '.')
    return false;
  if (!number (&p) || *p)
    return false;
  size_t n = strlen (subject);
  if (n + 3 > sizeof out->value)
    return false;
  out->value[0] = 'X';
  out->value[1] = '.';
  memcpy (out->value + 2, subject, n + 1);
  return true;
}

/* A number of 1 to 5 digits, or a word: a letter, then up to 31 letters,
   digits, '-' or '/'.  */
static bool
parse_other (const char *s, struct code_arg *out)
{
  size_t n = strlen (s);
  bool digits = n > 0 && n <= 5, word = n > 0 && n <= 32
    && ((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z'));
  for (size_t i = 0; i < n; i++)
    {
      char c = s[i];
      bool alnum = is_digit (c) || (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z');
      digits = digits && is_digit (c);
      word = word && (alnum || c == '-' || c == '/');
    }
  if (!digits && !word)
    return false;
  out->kind = digits ? CODE_NUMBER : CODE_WORD;
  memcpy (out->value, s, n + 1);
  return true;
}

bool
code_arg_parse (const char *s, struct code_arg *out)
{
  const char *colon = strchr (s, ':');

  memset (out, 0, sizeof *out);
  if (colon)
    {
      size_t n = (size_t) (colon - s);
      if (n == 0 || n >= sizeof out->proto)
        return false;
      memcpy (out->proto, s, n);
      for (size_t i = 0; i < n; i++)
        if (out->proto[i] >= 'A' && out->proto[i] <= 'Z')
          out->proto[i] += 'a' - 'A';
      if (!code_arg_is_proto (out->proto))
        return false;
      s = colon + 1;
    }
  if (strlen (s) >= sizeof out->typed)
    return false;
  memcpy (out->typed, s, strlen (s) + 1);
  if (strlen (s) == 3 && s[0] >= '1' && s[0] <= '6')
    {
      if ((s[1] == 'x' || s[1] == 'X') && (s[2] == 'x' || s[2] == 'X'))
        {
          out->kind = CODE_CLASS;
          out->digit = s[0];
          memcpy (out->value, s, 1);
          memcpy (out->value + 1, "xx", 3);
          return true;
        }
      if (is_digit (s[1]) && is_digit (s[2]))
        {
          out->kind = CODE_BASIC;
          out->digit = s[0];
          memcpy (out->value, s, 4);
          return true;
        }
      return false;
    }
  if (strlen (s) >= 5 && strlen (s) <= 7 && s[0] >= '1' && s[0] <= '5'
      && is_digit (s[1]) && is_digit (s[2]) && s[3] == '.')
    {
      /* 404.13: an IIS substatus */
      for (const char *p = s + 4; *p; p++)
        if (!is_digit (*p))
          return false;
      out->kind = CODE_SUBSTATUS;
      out->digit = s[0];
      memcpy (out->value, s, strlen (s) + 1);
      return true;
    }
  if (strchr (s, '.'))
    return parse_enhanced (s, out);
  return parse_other (s, out);
}
