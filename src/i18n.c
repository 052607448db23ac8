/* i18n.c: see i18n.h.  glibc ignores LANGUAGE while LC_MESSAGES is "C",
   and setlocale fails for locales that are not installed, so a language
   is chosen by setting LC_MESSAGES to C.UTF-8 (always present) and
   naming the wanted catalog in LANGUAGE.  */
#include "system.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dbuf.h"
#include "i18n.h"
#include "paths.h"

static char lang_code[16] = "en";
static bool lang_known;
static const char *unavailable;   /* asked for but not shipped: points
                                      into argv or the environment */

/* Splits TAG ("ko", "ko_KR", "zh-Hans-CN", "pt-BR") into its language,
   script and region subtags.  False when TAG is not of that form.  */
static bool
split_tag (const char *s, char lang[4], char script[5], char region[4])
{
  size_t n = 0;
  lang[0] = script[0] = region[0] = '\0';
  while ((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z'))
    n++;
  if (n < 2 || n > 3)
    return false;
  for (size_t i = 0; i < n; i++)
    lang[i] = (char) (s[i] | 0x20);
  lang[n] = '\0';
  s += n;
  while (*s)
    {
      if (*s != '_' && *s != '-')
        return false;
      s++;
      n = 0;
      while ((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z')
             || (s[n] >= '0' && s[n] <= '9'))
        n++;
      if (n == 4 && !script[0] && !region[0])
        {
          script[0] = (char) (s[0] & ~0x20);
          for (size_t i = 1; i < 4; i++)
            script[i] = (char) (s[i] | 0x20);
          script[4] = '\0';
        }
      else if ((n == 2 || n == 3) && !region[0])
        {
          for (size_t i = 0; i < n; i++)
            region[i] = (char) (s[i] >= 'a' ? s[i] & ~0x20 : s[i]);
          region[n] = '\0';
        }
      else
        return false;
      s += n;
    }
  return true;
}

bool
i18n_valid_tag (const char *s)
{
  char l[4], sc[5], r[4];
  return split_tag (s, l, sc, r);
}

/* True when TAG names English ("en", "en_US"): the msgids are shown.  */
static bool
is_english (const char *tag)
{
  return tag[0] == 'e' && tag[1] == 'n' && (tag[2] == '\0' || tag[2] == '_'
                                            || tag[2] == '-' || tag[2] == '.');
}

/* True when NAME is one of the shipped languages (RC_LANGUAGES).  */
static bool
shipped (const char *name)
{
  const char *p = RC_LANGUAGES;
  size_t n = strlen (name);
  while (*p)
    {
      size_t k = strcspn (p, ",");
      if (k == n && strncmp (p, name, n) == 0)
        return true;
      p += k + (p[k] == ',');
    }
  return false;
}

bool
i18n_resolve (const char *tag, char *out, size_t size)
{
  char lang[4], script[5], region[4], name[16];
  if (!split_tag (tag, lang, script, region) || size < sizeof name
      || strcmp (lang, "en") == 0)   /* the msgids: no catalog */
    return false;
  /* Chinese: the script decides, then the region; plain zh is the
     Simplified Chinese of the mainland, as browsers and glibc take it */
  if (strcmp (lang, "zh") == 0)
    {
      bool hant = strcmp (script, "Hant") == 0
        || (!script[0] && (strcmp (region, "TW") == 0
                           || strcmp (region, "HK") == 0
                           || strcmp (region, "MO") == 0));
      snprintf (name, sizeof name, "zh_%s", hant ? "TW" : "CN");
      if (!shipped (name))
        return false;
      snprintf (out, size, "%s", name);
      return true;
    }
  if (region[0])
    {
      snprintf (name, sizeof name, "%s_%s", lang, region);
      if (shipped (name))
        {
          snprintf (out, size, "%s", name);
          return true;
        }
    }
  if (!shipped (lang))
    return false;
  snprintf (out, size, "%s", lang);
  return true;
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

/* True when LANGUAGE (a colon-separated list) names no shipped language
   and no English: what it asks for cannot be given.  */
static bool
language_var_unavailable (const char *v)
{
  char name[16];
  while (*v)
    {
      size_t n = strcspn (v, ":");
      char item[64];
      if (n > 0 && n < sizeof item)
        {
          memcpy (item, v, n);
          item[n] = '\0';
          item[strcspn (item, ".@")] = '\0';
          if (is_english (item) || i18n_resolve (item, name, sizeof name))
            return false;
        }
      v += n + (v[n] == ':');
    }
  return true;
}

bool
i18n_init (const char *lang_opt)
{
  const char *msgs, *language;
  char name[16];

  unavailable = NULL;
  if (lang_opt && !i18n_valid_tag (lang_opt))
    return false;
  /* Only LC_MESSAGES is set: every other category would cost start-up
     time for nothing.  Output is always UTF-8 (bind_textdomain_codeset
     below, libunistring with an explicit "UTF-8"), whatever LC_CTYPE.  */
  if (lang_opt && is_english (lang_opt))
    msgs = setlocale (LC_MESSAGES, "C");
  else if (lang_opt && !i18n_resolve (lang_opt, name, sizeof name))
    {
      unavailable = lang_opt;
      msgs = setlocale (LC_MESSAGES, "C");
    }
  else if (lang_opt)
    {
      msgs = setlocale (LC_MESSAGES, "C.UTF-8");
      setenv ("LANGUAGE", name, 1);
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
  else if (!is_c_locale (msgs) && (language = getenv ("LANGUAGE"))
           && *language && language_var_unavailable (language))
    unavailable = language;
  bindtextdomain (PACKAGE, rc_locale_dir ());
  bind_textdomain_codeset (PACKAGE, "UTF-8");
  /* glibc's own messages (strerror) are converted to LC_CTYPE's charset,
     ASCII here, which turns Korean into question marks: ask for UTF-8,
     as for ours, without paying for LC_CTYPE at start-up.  */
  bind_textdomain_codeset ("libc", "UTF-8");
  textdomain (PACKAGE);
  /* In the C locale gettext shows the msgids and ignores LANGUAGE.
     Otherwise the catalog is opened on first use (i18n_lang), not here:
     options may still change the language.  */
  memcpy (lang_code, "en", 3);
  lang_known = is_c_locale (msgs);
  return true;
}

const char *
i18n_unavailable (void)
{
  return unavailable;
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
  /* the context names a registry, a code and a field: short, but user
     data may make it long, and a cut context would find another text */
  char stack[128];
  const char *res = msgid;
  struct dbuf heap = DBUF_INIT;
  int n = value ? snprintf (stack, sizeof stack, "%s %s %s", registry,
                            value, field)
    : snprintf (stack, sizeof stack, "%s %s", registry, field);
  if (translated)
    *translated = false;
  if (n >= 0 && (size_t) n < sizeof stack)
    return ctx_lookup (stack, msgid, translated);
  if (value ? dbuf_printf (&heap, "%s %s %s", registry, value, field)
      : dbuf_printf (&heap, "%s %s", registry, field))
    res = ctx_lookup (dbuf_str (&heap), msgid, translated);
  dbuf_free (&heap);
  return res;
}

const char *
i18n_pgettext (const char *ctx, const char *msgid)
{
  return ctx_lookup (ctx, msgid, NULL);
}
