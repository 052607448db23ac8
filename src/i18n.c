/* i18n.c: see i18n.h.  Language choice follows TOOLCHAIN.md section 4:
   glibc ignores LANGUAGE while LC_MESSAGES is "C", and setlocale fails
   for locales that are not installed, so we fall back to C.UTF-8 (always
   present) and name the wanted language in LANGUAGE.  */
#include "system.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "paths.h"

static char lang_code[16] = "en";
static bool lang_known;

bool
i18n_valid_tag (const char *s)
{
  size_t n = 0;
  while (s[n] >= 'a' && s[n] <= 'z')
    n++;
  if (n < 2 || n > 3)
    return false;
  if (s[n] == '\0')
    return true;
  if (s[n] != '_' && s[n] != '-')
    return false;
  s += n + 1;
  n = 0;
  while ((s[n] >= 'A' && s[n] <= 'Z') || (s[n] >= 'a' && s[n] <= 'z'))
    n++;
  return (n == 2 || n == 4) && s[n] == '\0';
}

static bool
is_c_locale (const char *name)
{
  return !name || !*name || strcmp (name, "C") == 0
    || strcmp (name, "POSIX") == 0;
}

/* First non-empty of LC_ALL, LC_MESSAGES, LANG; NULL when none.  */
static const char *
env_locale (void)
{
  static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
  for (size_t i = 0; i < RC_COUNT_OF (vars); i++)
    {
      const char *v = getenv (vars[i]);
      if (v && *v)
        return v;
    }
  return NULL;
}

/* Reads "Language: xx" from the header of the catalog gettext found.  */
static void
detect_lang (void)
{
  const char *hdr = gettext ("");
  const char *p = hdr && *hdr ? strstr (hdr, "Language: ") : NULL;
  size_t n = 0;

  memcpy (lang_code, "en", 3);
  if (!p)
    return;
  p += strlen ("Language: ");
  while (n < sizeof lang_code - 1 && p[n] && p[n] != '\n' && p[n] != ' ')
    n++;
  if (n > 0)
    {
      memcpy (lang_code, p, n);
      lang_code[n] = '\0';
    }
}

/* True when TAG names English ("en", "en_US"): the msgids are shown.  */
static bool
is_english (const char *tag)
{
  return tag[0] == 'e' && tag[1] == 'n' && (tag[2] == '\0' || tag[2] == '_'
                                            || tag[2] == '-' || tag[2] == '.');
}

bool
i18n_init (const char *lang_opt)
{
  const char *msgs;

  if (lang_opt && !i18n_valid_tag (lang_opt))
    return false;
  /* Only LC_MESSAGES is set: every other category would cost start-up
     time for nothing.  Output is always UTF-8 (bind_textdomain_codeset
     below, libunistring with an explicit "UTF-8"), whatever LC_CTYPE.  */
  if (lang_opt && is_english (lang_opt))
    msgs = setlocale (LC_MESSAGES, "C");
  else if (lang_opt)
    {
      msgs = setlocale (LC_MESSAGES, "C.UTF-8");
      setenv ("LANGUAGE", lang_opt, 1);
    }
  else if (!(msgs = setlocale (LC_MESSAGES, "")))
    {
      /* The named locale is not installed (say LANG=ko_KR.UTF-8): keep
         its language through LANGUAGE on top of C.UTF-8.  */
      const char *want = env_locale ();
      msgs = setlocale (LC_MESSAGES, "C.UTF-8");
      if (want && !is_c_locale (want) && !getenv ("LANGUAGE"))
        {
          char tag[32];
          size_t n = strcspn (want, ".@");
          if (n < sizeof tag)
            {
              memcpy (tag, want, n);
              tag[n] = '\0';
              setenv ("LANGUAGE", tag, 1);
            }
        }
    }
  bindtextdomain (PACKAGE, rc_locale_dir ());
  bind_textdomain_codeset (PACKAGE, "UTF-8");
  textdomain (PACKAGE);
  /* In the C locale gettext shows the msgids and ignores LANGUAGE.
     Otherwise the catalog is opened on first use (i18n_lang), not here:
     options may still change the language.  */
  memcpy (lang_code, "en", 3);
  lang_known = is_c_locale (msgs);
  return true;
}

const char *
i18n_lang (void)
{
  if (!lang_known)
    {
      detect_lang ();
      lang_known = true;
    }
  return lang_code;
}

bool
i18n_translating (void)
{
  return strcmp (i18n_lang (), "en") != 0;
}

/* gettext of "CTX\004MSGID"; MSGID when untranslated.  */
static const char *
ctx_lookup (const char *ctx, const char *msgid, bool *translated)
{
  char stack[512];
  size_t lc = strlen (ctx), lm = strlen (msgid);
  char *key = lc + lm + 2 <= sizeof stack ? stack : malloc (lc + lm + 2);
  const char *res = msgid;

  if (translated)
    *translated = false;
  if (!key || !i18n_translating ())
    goto out;
  memcpy (key, ctx, lc);
  key[lc] = '\004';
  memcpy (key + lc + 1, msgid, lm + 1);
  const char *t = dgettext (PACKAGE, key);
  if (t != key)
    {
      res = t;
      if (translated)
        *translated = true;
    }
out:
  if (key != stack)
    free (key);
  return res;
}

const char *
i18n_data (const char *registry, const char *value, const char *field,
           const char *msgid, bool *translated)
{
  char ctx[96];
  if (value)
    snprintf (ctx, sizeof ctx, "%s %s %s", registry, value, field);
  else
    snprintf (ctx, sizeof ctx, "%s %s", registry, field);
  return ctx_lookup (ctx, msgid, translated);
}

const char *
i18n_pgettext (const char *ctx, const char *msgid)
{
  return ctx_lookup (ctx, msgid, NULL);
}
