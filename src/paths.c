/* paths.c: see paths.h.  */
#include "system.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "paths.h"

bool
rc_self_dir (struct dbuf *out)
{
  char buf[PATH_MAX];
  ssize_t n = readlink ("/proc/self/exe", buf, sizeof buf);
  char *slash;
  if (n <= 0 || (size_t) n >= sizeof buf)
    return false;
  buf[n] = '\0';
  slash = strrchr (buf, '/');
  if (!slash)
    return false;
  return dbuf_addn (out, buf, (size_t) (slash - buf));
}

bool
rc_helper_path (struct dbuf *out)
{
  const char *env = getenv ("REPLYCODE_XML_HELPER");
  struct dbuf self = DBUF_INIT;
  bool ok;

  if (env && *env)
    return dbuf_add (out, env);
  if (rc_self_dir (&self) && dbuf_add (&self, "/replycode-xml")
      && access (dbuf_str (&self), X_OK) == 0)
    ok = dbuf_add (out, dbuf_str (&self));
  else
    ok = dbuf_add (out, PKGLIBEXECDIR "/replycode-xml");
  dbuf_free (&self);
  return ok;
}

const char *
rc_locale_dir (void)
{
  const char *env = getenv ("REPLYCODE_LOCALEDIR");
  struct dbuf self = DBUF_INIT;
  const char *dir = LOCALEDIR;

  if (env && *env)
    return env;
#ifdef RC_BUILD_DIR
  /* running from the build tree: its catalogs (tests/locale, made by
     make) and not whatever an older installation left */
  if (rc_self_dir (&self) && strcmp (dbuf_str (&self), RC_BUILD_DIR "/src")
      == 0)
    dir = RC_BUILD_DIR "/tests/locale";
#endif
  dbuf_free (&self);
  return dir;
}
