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
   value or NULL.  Returns false when LANG_OPT is not a language tag.  */
bool i18n_init (const char *lang_opt);

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

/* True when S is a language tag such as "ko", "pt_BR", "zh_CN", "en".  */
bool i18n_valid_tag (const char *s);

#endif
