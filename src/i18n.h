/* i18n.h: language selection and translation lookups.

   Owns the process's locale and gettext setup.  i18n_init chooses the
   display language from --lang or the environment so that Korean works
   with no Korean locale installed (C.UTF-8 plus LANGUAGE).  Strings
   returned here are either the caller's msgid or gettext's, never to be
   freed.  */
#ifndef RC_I18N_H
#define RC_I18N_H

#include <stdbool.h>

/* Sets the locale and binds the text domain.  LANG_OPT is the --lang
   value or NULL (the environment decides).  Returns false when LANG_OPT
   is not a language tag.  A tag that names no shipped language gives
   English, and i18n_unavailable then says so.  */
bool i18n_init (const char *lang_opt);

/* The language the last i18n_init was asked for (--lang, or the
   LANGUAGE variable) when no shipped catalog serves it; NULL otherwise.
   The caller tells the user.  */
const char *i18n_unavailable (void);

/* The shipped catalog for TAG into OUT (at least 16 bytes): BCP 47 and
   POSIX forms are both taken ("ko-KR" and "ko_KR" give "ko"; "zh",
   "zh-CN", "zh-Hans" and "zh_SG" give "zh_CN").  False when TAG is not a
   tag or no shipped catalog serves it; English is not a catalog.  */
bool i18n_resolve (const char *tag, char *out, size_t size);

/* The language of the message catalog in use ("ko"), or "en" when the
   English source is shown.  */
const char *i18n_lang (void);

/* True when the display language is not English.  */
bool i18n_translating (void);

/* Looks up a data text: MSGID in context "REGISTRY VALUE FIELD" (as the
   ITS rules extract it).  Returns the translation, or MSGID itself when
   there is none; *TRANSLATED (if not NULL) tells which.  Can't fail.  */
const char *i18n_data (const char *registry, const char *value,
                       const char *field, const char *msgid,
                       bool *translated);

/* pgettext for UI strings with a context.  */
const char *i18n_pgettext (const char *ctx, const char *msgid);

/* True when S is a language tag such as "ko", "pt_BR", "zh-Hans-CN":
   a language of 2 or 3 letters, then optionally a script of 4 letters
   and a region of 2 letters or 3 digits, joined by '-' or '_'.  */
bool i18n_valid_tag (const char *s);

#endif
