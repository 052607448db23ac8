/* cli.c: options, language, output set-up and dispatch (see cli.h).
   Two programs are built from this file.  The lookup program (replycode)
   does not link libxml2, whose start-up alone costs more than a lookup:
   it reads the shipped catalog compiled into it.  When XML must be read
   (user data directories, validate), it hands over to the XML-capable
   build of the same code (replycode-xml, compiled with RC_WITH_XML).  */
#include "system.h"

#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <stdio_ext.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "catalog.h"
#include "cli.h"
#include "codearg.h"
#include "commands.h"
#include "diag.h"
#include "i18n.h"
#include "docs.h"
#include "help.h"
#include "overlay.h"
#include "paths.h"
#include "wrap.h"
#ifdef RC_WITH_XML
# include "bounce.h"
# include "loader.h"
#endif

enum
{
  OPT_DATA_DIR = CHAR_MAX + 1,
  OPT_COLOR,
  OPT_LAYOUT,
  OPT_HELP,
  OPT_VERSION,
  OPT_OUT,
  OPT_PROTOCOL,
  OPT_BASE_URL,
  OPT_ALL,
  OPT_VERBOSE
};

static const struct option long_options[] = {
  { "lang", required_argument, NULL, 'L' },
  { "format", required_argument, NULL, 'f' },
  { "width", required_argument, NULL, 'w' },
  { "data-dir", required_argument, NULL, OPT_DATA_DIR },
  { "color", required_argument, NULL, OPT_COLOR },
  { "colour", required_argument, NULL, OPT_COLOR },
  { "layout", required_argument, NULL, OPT_LAYOUT },
  { "out", required_argument, NULL, OPT_OUT },
  { "protocol", required_argument, NULL, OPT_PROTOCOL },
  { "base-url", required_argument, NULL, OPT_BASE_URL },
  { "all", no_argument, NULL, OPT_ALL },
  { "verbose", no_argument, NULL, 'v' },
  { "help", no_argument, NULL, OPT_HELP },
  { "version", no_argument, NULL, OPT_VERSION },
  { NULL, 0, NULL, 0 }
};

enum tri { TRI_AUTO, TRI_YES, TRI_NO };

struct options
{
  const char *lang;
  enum format format;
  int width;              /* 0: not given */
  enum tri color;
  enum tri columns;
  char *data_dirs[OVERLAY_MAX_DIRS];
  int n_data_dirs;
  bool all;
  bool verbose;
  struct docs_request docs;   /* the docs command's own options */
};

static void
try_help (void)
{
  fprintf (stderr, _("Try '%s --help' for more information.\n"), PACKAGE);
}

static void
version (void)
{
  printf ("%s %s\n", PACKAGE, PACKAGE_VERSION);
  fputs ("Copyright (C) 2026 The replycode authors.\n", stdout);
  /* TRANSLATORS: license notice; keep the URL.  no-wrap */
  fputs (_("License GPLv3+: GNU GPL version 3 or later "
           "<https://gnu.org/licenses/gpl.html>.\n"
           "This is free software: you are free to change and redistribute "
           "it.\n"
           "There is NO WARRANTY, to the extent permitted by law.\n"), stdout);
}

static bool
parse_tri (const char *arg, const char *yes, const char *no,
           enum tri *out)
{
  if (strcmp (arg, "auto") == 0)
    *out = TRI_AUTO;
  else if (strcmp (arg, yes) == 0)
    *out = TRI_YES;
  else if (strcmp (arg, no) == 0)
    *out = TRI_NO;
  else
    return false;
  return true;
}

static bool
parse_width (const char *arg, int *out)
{
  char *end;
  errno = 0;
  long v = strtol (arg, &end, 10);
  if (errno || end == arg || *end || v < 20 || v > 1000)
    return false;
  *out = (int) v;
  return true;
}

/* Says when the language asked for is not shipped (English is used).  */
static void
warn_language (void)
{
  const char *want = i18n_unavailable ();
  if (want)
    /* TRANSLATORS: %1$s a language asked for, %2$s the list of languages
       that are available, such as "en,ko,ja,zh_CN".  */
    rc_warn (_("language '%1$s' is not available; using English "
               "(available: %2$s)"), want, RC_LANGUAGES);
}

/* Checks the options that only the docs command takes, or that it takes
   in its own form (lists in --lang and --format).  */
static bool
docs_options (bool docs, const char *lang, const char *format,
              struct options *o)
{
  const char *only = o->docs.out ? "--out" : o->docs.protocol ? "--protocol"
    : o->docs.base_url ? "--base-url" : NULL;
  if (docs)
    {
      o->docs.langs = lang;
      o->docs.formats = format;
      if (!o->docs.out)
        {
          rc_error (_("docs needs --out DIR"));
          return false;
        }
      return true;
    }
  if (only)
    {
      rc_error (_("option %s is only for the docs command"), only);
      return false;
    }
  if (format && strcmp (format, "text") == 0)
    o->format = FORMAT_TEXT;
  else if (format && strcmp (format, "json") == 0)
    o->format = FORMAT_JSON;
  else if (format)
    {
      rc_error (_("invalid format '%s' (use text or json)"), format);
      return false;
    }
  if (lang && !i18n_init (lang))
    {
      rc_error (_("invalid language '%s' (use a code such as en or ko)"),
                lang);
      return false;
    }
  o->lang = lang;
  return true;
}

/* Returns -1 to go on, or the exit status.  */
static int
parse_options (int argc, char **argv, struct options *o)
{
  int c;
  const char *lang = NULL, *format = NULL;
  bool help = false, show_version = false;

  memset (o, 0, sizeof *o);
  opterr = 0;
  while ((c = getopt_long (argc, argv, "L:f:w:v", long_options, NULL)) != -1)
    switch (c)
      {
      case 'L':
        lang = optarg;
        break;
      case 'f':
        format = optarg;
        break;
      case 'w':
        if (!parse_width (optarg, &o->width))
          {
            rc_error (_("invalid width '%s' (use 20 to 1000)"), optarg);
            goto usage_error;
          }
        break;
      case OPT_DATA_DIR:
        if (o->n_data_dirs >= OVERLAY_MAX_DIRS - 2)
          {
            rc_error (_("too many --data-dir options"));
            goto usage_error;
          }
        o->data_dirs[o->n_data_dirs++] = optarg;
        break;
      case OPT_COLOR:
        if (!parse_tri (optarg, "always", "never", &o->color))
          {
            rc_error (_("invalid --color '%s' (use auto, always or never)"),
                      optarg);
            goto usage_error;
          }
        break;
      case OPT_LAYOUT:
        if (!parse_tri (optarg, "columns", "stacked", &o->columns))
          {
            rc_error (_("invalid --layout '%s' (use auto, columns or "
                        "stacked)"), optarg);
            goto usage_error;
          }
        break;
      case OPT_OUT:
        o->docs.out = optarg;
        break;
      case OPT_PROTOCOL:
        o->docs.protocol = optarg;
        break;
      case OPT_BASE_URL:
        o->docs.base_url = optarg;
        break;
      case OPT_ALL:
        o->all = true;
        break;
      case 'v':
        o->verbose = true;
        break;
      case OPT_HELP:
        help = true;
        break;
      case OPT_VERSION:
        show_version = true;
        break;
      default:
        if (optopt && optopt < CHAR_MAX)
          rc_error (_("invalid option -- '%c'"), optopt);
        else
          rc_error (_("unrecognized option '%s'"), argv[optind - 1]);
        goto usage_error;
      }
  if (help || show_version)
    {
      /* in the language asked for, whatever the order of the options */
      if (lang && !i18n_init (lang))
        {
          rc_error (_("invalid language '%s' (use a code such as en or ko)"),
                    lang);
          goto usage_error;
        }
      warn_language ();
      if (help)
        rc_help (stdout);
      else
        version ();
      return RC_EXIT_OK;
    }
  if (!docs_options (optind < argc && strcmp (argv[optind], "docs") == 0,
                     lang, format, o))
    goto usage_error;
  return -1;

usage_error:
  try_help ();
  return RC_EXIT_USAGE;
}

static int
terminal_width (void)
{
  struct winsize ws;
  const char *cols = getenv ("COLUMNS");
  int w;
  if (ioctl (STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
    return ws.ws_col;
  if (cols && parse_width (cols, &w))
    return w;
  return 80;
}

static void
setup_output (const struct options *o, struct out *out)
{
  bool tty = isatty (STDOUT_FILENO);
  const char *no_color = getenv ("NO_COLOR");
  const char *term = getenv ("TERM");

  out->fp = stdout;
  out->width = o->width ? o->width : tty ? terminal_width () : 80;
  if (o->color == TRI_AUTO)
    out->color = tty && !(no_color && *no_color)
      && !(term && strcmp (term, "dumb") == 0);
  else
    out->color = o->color == TRI_YES;
  if (o->columns == TRI_AUTO)
    out->columns = tty && out->width >= 100;
  else
    out->columns = o->columns == TRI_YES && out->width >= 40;
}

/* Flushes and closes standard output; exit status 4 on a write error.
   As gnulib's close_stdout: a standard output that was closed before
   the program started (EBADF) is an error only if something was to be
   written to it, so `replycode --width=5 220 >&-` stays a usage error.  */
static int
close_stdout (int status)
{
  bool pending = __fpending (stdout) > 0;
  bool failed = ferror (stdout) != 0;
  int e = 0;
  if (fclose (stdout) != 0)
    {
      e = errno;
      failed |= pending || e != EBADF;
    }
  else if (failed)
    e = EIO;
  if (failed)
    {
      if (e != EPIPE)
        rc_error ("%s: %s", _("write error"), strerror (e ? e : EIO));
      return status > RC_EXIT_OUTPUT ? status : RC_EXIT_OUTPUT;
    }
  return status;
}

#ifdef RC_WITH_XML
static int
cmd_validate (int argc, char **argv)
{
  int ret = 0;
  if (argc == 0)
    {
      rc_error (_("missing file operand"));
      try_help ();
      return RC_EXIT_USAGE;
    }
  for (int i = 0; i < argc; i++)
    {
      struct catalog *cat = NULL;
      char *err = NULL;
      struct loader_warning *warns = NULL;
      size_t n_warns = 0;
      /* RC_EXIT_USAGE: cannot be read; RC_EXIT_DATA: invalid contents,
         which wins when both happen */
      int st = loader_load_file_warn (argv[i], &cat, &err, &warns, &n_warns);
      if (st != 0)
        {
          /* the message names the file and may quote its contents */
          rc_report_plain (err ? err : argv[i]);
          ret = st > ret ? st : ret;
        }
      else
        {
          for (size_t k = 0; k < n_warns; k++)
            {
              struct dbuf msg = DBUF_INIT;
              /* TRANSLATORS: %1$s file, %2$ld line, %3$04X a Unicode code
                 point such as 009B (a C1 control or a bidirectional
                 formatting character); the file is still valid.  */
              if (dbuf_printf (&msg, _("%1$s:%2$ld: warning: text contains"
                                       " a terminal control character"
                                       " (U+%3$04X)"), argv[i],
                               warns[k].line, warns[k].cp))
                rc_report_plain (dbuf_str (&msg));
              dbuf_free (&msg);
            }
          if (cat->n_regs)
            /* TRANSLATORS: %1$s file, %2$s registry id, %3$zu number of
               codes.  */
            printf (_("%1$s: valid (registry %2$s, %3$zu codes)\n"), argv[i],
                    cat->regs[0].id, cat->regs[0].n_codes);
          else
            /* TRANSLATORS: %1$s file, %2$s producer id (gmail, postfix),
               %3$zu number of known replies.  */
            printf (_("%1$s: valid (producer %2$s, %3$zu known replies)\n"),
                    argv[i], cat->producers[0].id,
                    cat->producers[0].n_replies);
        }
      free (warns);
      free (err);
      catalog_free (cat);
    }
  /* validate loads no user data: the schema is no longer needed */
  loader_cleanup ();
  return ret;
}
#else
/* Runs the XML-capable program with the same arguments.  Returns only
   when it cannot be started: 127 when it is not there, 126 otherwise, as
   env(1) and the shell do.  */
static int
hand_over (char **argv)
{
  struct dbuf helper = DBUF_INIT;
  int e;
  if (!rc_helper_path (&helper))
    return RC_EXIT_OUTPUT;
  fflush (stdout);
  execv (dbuf_str (&helper), argv);
  e = errno;
  rc_error (_("cannot run the XML helper %s: %s"), dbuf_str (&helper),
            strerror (e));
  dbuf_free (&helper);
  return e == ENOENT ? RC_EXIT_NO_HELPER : RC_EXIT_BAD_HELPER;
}
#endif

#ifndef RC_WITH_XML
/* The arguments the program was started with, for hand_over_input.  */
static char **start_argv;

/* Writes the N bytes at P to FD, through EINTR and short writes.  */
static bool
write_all (int fd, const char *p, size_t n)
{
  while (n > 0)
    {
      ssize_t k = write (fd, p, n);
      if (k < 0 && errno == EINTR)
        continue;
      if (k <= 0)
        return false;
      p += k;
      n -= (size_t) k;
    }
  return true;
}

/* Runs the helper with the program's arguments on an input of which
   PREFIX (LEN bytes) has been read: the helper's standard input is a
   pipe that gets PREFIX, then the rest of standard input.  Returns the
   helper's exit status (128 + N when signal N ended it).  */
static int
hand_over_input (const char *prefix, size_t len)
{
  struct dbuf helper = DBUF_INIT;
  int fd[2], status = 0, ret = RC_EXIT_OUTPUT;
  pid_t pid;
  char buf[65536];
  size_t n;
  struct sigaction ign = { .sa_handler = SIG_IGN }, old;

  if (!rc_helper_path (&helper))
    return RC_EXIT_OUTPUT;
  if (pipe (fd) != 0)
    {
      rc_error (_("cannot run the XML helper %s: %s"), dbuf_str (&helper),
                strerror (errno));
      dbuf_free (&helper);
      return RC_EXIT_BAD_HELPER;
    }
  fflush (stdout);
  pid = fork ();
  if (pid == 0)
    {
      int e;
      dup2 (fd[0], STDIN_FILENO);
      close (fd[0]);
      close (fd[1]);
      execv (dbuf_str (&helper), start_argv);
      e = errno;
      rc_error (_("cannot run the XML helper %s: %s"), dbuf_str (&helper),
                strerror (e));
      _exit (e == ENOENT ? RC_EXIT_NO_HELPER : RC_EXIT_BAD_HELPER);
    }
  close (fd[0]);
  dbuf_free (&helper);
  if (pid < 0)
    {
      rc_error (_("cannot start a process: %s"), strerror (errno));
      close (fd[1]);
      return RC_EXIT_BAD_HELPER;
    }
  /* a helper that stops reading must not kill us: the write fails */
  sigaction (SIGPIPE, &ign, &old);
  bool ok = write_all (fd[1], prefix, len);
  while (ok && (n = fread (buf, 1, sizeof buf, stdin)) > 0)
    ok = write_all (fd[1], buf, n);
  close (fd[1]);
  sigaction (SIGPIPE, &old, NULL);
  while (waitpid (pid, &status, 0) < 0)
    if (errno != EINTR)
      return RC_EXIT_BAD_HELPER;
  if (WIFEXITED (status))
    ret = WEXITSTATUS (status);
  else if (WIFSIGNALED (status))
    ret = 128 + WTERMSIG (status);
  if (ferror (stdin))
    {
      rc_error (_("read error on standard input"));
      ret = max_status (ret, RC_EXIT_USAGE);
    }
  return ret;
}
#endif

static int
dispatch (struct ctx *c, int argc, char **argv)
{
  if (argc == 0)
    {
      rc_error (_("missing code"));
      try_help ();
      return RC_EXIT_USAGE;
    }
  if (strcmp (argv[0], "show") == 0)
    return cmd_show (c, argc - 1, argv + 1);
  if (strcmp (argv[0], "compare") == 0)
    return cmd_compare (c, argc - 1, argv + 1);
  if (strcmp (argv[0], "list") == 0)
    return cmd_list (c, argc - 1, argv + 1);
  if (strcmp (argv[0], "search") == 0)
    return cmd_search (c, argc - 1, argv + 1);
  if (strcmp (argv[0], "known") == 0)
    return cmd_known (c, argc - 1, argv + 1);
  if (strcmp (argv[0], "explain") == 0)
    return cmd_explain (c, argc - 1, argv + 1);
  if (strcmp (argv[0], "summary") == 0)
    return cmd_summary (c, argc - 1, argv + 1);
  /* CODE1 vs CODE2, with or without a protocol first; a "vs" anywhere
     else is a comparison missing a code, not a code.  */
  for (int i = 0; i < argc; i++)
    if (strcmp (argv[i], "vs") == 0)
      {
        if ((argc == 3 && i == 1) || (argc == 4 && i == 2))
          return cmd_compare (c, argc, argv);
        rc_error (_("'vs' must stand between two codes: CODE1 vs CODE2"));
        try_help ();
        return RC_EXIT_USAGE;
      }
  return cmd_show (c, argc, argv);
}

/* Lays the user's data files over the shipped catalog: from the cache,
   or (the XML-capable program) by loading them.  Returns -1 to go on with
   *CAT, or an exit status; HAND_OVER is set when the lookup program must
   run the helper instead.  */
static int
user_data (const struct options *o, struct overlay *ov,
           const struct catalog **cat, bool *hand_over_needed)
{
  struct overlay_dirs dirs = { NULL, 0 };
  struct overlay_scan scan = { NULL, 0 };
  int ret = overlay_dirs_collect (&dirs, o->data_dirs, o->n_data_dirs);

  *hand_over_needed = false;
  if (!ret)
    ret = overlay_scan (&dirs, &scan);
  if (!ret && scan.n > 0)
    {
#ifdef RC_WITH_XML
      ret = overlay_load (&scan, *cat, ov, cat);
#else
      const struct catalog *c = overlay_from_cache (&scan, *cat, ov);
      if (c)
        *cat = c;
      else
        *hand_over_needed = true;
#endif
    }
  if (ret == RC_EXIT_OUTPUT)
    rc_error (_("out of memory"));
  overlay_scan_free (&scan);
  overlay_dirs_free (&dirs);
  return ret ? ret : -1;
}

int
cli_main (int argc, char **argv)
{
  struct options o;
  struct overlay ov = { NULL, NULL };
  struct ctx c;
  bool xml_needed = false;
  int ret;

  i18n_init (NULL);
  ret = parse_options (argc, argv, &o);
  if (ret >= 0)
    return close_stdout (ret);
  warn_language ();
  argc -= optind;
  argv += optind;

  memset (&c, 0, sizeof c);
  c.cat = catalog_builtin ();
  c.format = o.format;
  c.all = o.all;
  c.verbose = o.verbose;
#ifdef RC_WITH_XML
  c.read_message = bounce_parse;
#else
  start_argv = argv - optind;
  c.hand_over_input = hand_over_input;
#endif
  setup_output (&o, &c.out);

  if (argc > 0 && strcmp (argv[0], "validate") == 0)
#ifdef RC_WITH_XML
    ret = cmd_validate (argc - 1, argv + 1);
#else
    return hand_over (argv - optind);
#endif
  else
    {
      bool docs = argc > 0 && strcmp (argv[0], "docs") == 0;
#ifndef RC_WITH_XML
      if (docs)
        return hand_over (argv - optind);
#endif
      ret = user_data (&o, &ov, &c.cat, &xml_needed);
#ifndef RC_WITH_XML
      if (xml_needed)
        return hand_over (argv - optind);
#endif
      if (ret >= 0)
        ;
      else if (docs && argc > 1)
        {
          rc_error (_("extra operand '%s'"), argv[1]);
          try_help ();
          ret = RC_EXIT_USAGE;
        }
#ifdef RC_WITH_XML
      else if (docs)
        ret = docs_generate (c.cat, &o.docs, isatty (STDERR_FILENO));
#endif
      else
        ret = dispatch (&c, argc, argv);
    }
  overlay_release (&ov);
#ifdef RC_WITH_XML
  loader_cleanup ();
#endif
  return close_stdout (ret);
}
