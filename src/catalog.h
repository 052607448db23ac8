/* catalog.h: the immutable in-memory catalog of reply codes.

   Ownership: a struct catalog owns every registry, code and string it
   points to.  The shipped catalog is compiled into the program
   (catalog_builtin, static storage, never freed); a catalog made by
   catalog_merge owns an arena and is released with catalog_free.  Nothing
   handed out by the lookup functions may be modified or freed by the
   caller, and all of it stays valid until the catalog is freed.
   This module knows nothing about XML or libxml2.  */
#ifndef RC_CATALOG_H
#define RC_CATALOG_H

#include <stdbool.h>
#include <stddef.h>

enum rc_outcome
{
  RC_OUT_SUCCESS,
  RC_OUT_INTERMEDIATE,
  RC_OUT_TRANSIENT,
  RC_OUT_PERMANENT,
  RC_OUT_DEPENDS,
  RC_OUT_INTERIM,       /* informational: the final response follows */
  RC_OUT_REDIRECT,      /* final: repeat the request elsewhere */
  RC_OUT_FAILURE,       /* a failure the code calls neither temporary nor
                           permanent (HTTP 404, 421) */
  RC_OUT_COUNT
};

enum rc_actor
{
  RC_ACT_NONE,
  RC_ACT_CLIENT,
  RC_ACT_SENDER,
  RC_ACT_RECIPIENT_ADMIN,
  RC_ACT_SERVER_OPERATOR,
  RC_ACT_USER,
  RC_ACT_COUNT
};

enum rc_status
{
  RC_ST_CURRENT,
  RC_ST_DEPRECATED,
  RC_ST_OBSOLETE,
  RC_ST_UNUSED,
  RC_ST_COUNT
};

enum rc_source
{
  RC_SRC_RFC,
  RC_SRC_IANA,
  RC_SRC_VENDOR,
  RC_SRC_COMMUNITY,
  RC_SRC_COUNT
};

/* What a reply refuses or reports on: the deciding fact between many
   failures of one protocol (a whole connection, one mail transaction,
   one recipient, one command, a data connection, one file).  Optional:
   RC_SCOPE_NONE where the data does not say.  */
enum rc_scope
{
  RC_SCOPE_NONE,
  RC_SCOPE_CONNECTION,      /* the connection or session as a whole */
  RC_SCOPE_TRANSACTION,     /* the mail transaction (MAIL FROM onwards) */
  RC_SCOPE_RECIPIENT,       /* one recipient (RCPT TO) */
  RC_SCOPE_MESSAGE,         /* the message content (after DATA) */
  RC_SCOPE_COMMAND,         /* this one command only */
  RC_SCOPE_DATA_CONNECTION, /* an FTP data connection */
  RC_SCOPE_FILE,            /* one file or directory */
  RC_SCOPE_COUNT
};

/* What a client does with the request method when it follows an HTTP
   redirection.  RC_METHOD_NONE: not a redirection, or the data does not
   say.  */
enum rc_method
{
  RC_METHOD_NONE,
  RC_METHOD_KEPT,           /* method and body are kept (307, 308) */
  RC_METHOD_MAY_CHANGE,     /* a POST may become a GET (301, 302) */
  RC_METHOD_GET,            /* the client is to use GET (303) */
  RC_METHOD_COUNT
};

/* The shape of a registry's codes: how a typed code is matched.  */
enum rc_kind
{
  RC_KIND_THREE_DIGIT,      /* 220, 404, 486 */
  RC_KIND_ENHANCED,         /* class.subject.detail; stored as X.7.1 */
  RC_KIND_WORD,             /* TRYCREATE, SYS/TEMP; matched in any case */
  RC_KIND_NUMBER,           /* 3, with mnemonics (NXDomain) matched in any
                               case */
  RC_KIND_SUBSTATUS,        /* three digits and a substatus: IIS 404.13 */
  RC_KIND_COUNT
};

struct rc_ref
{
  const char *doc;        /* "RFC 5321" */
  const char *section;    /* "4.2.3", or NULL */
};

struct rc_reply_text
{
  const char *doc;        /* defining document, or NULL */
  const char *text;       /* the reply text on the wire */
};

struct rc_link
{
  const char *registry;   /* registry id, or NULL for the same registry */
  const char *code;
};

struct rc_code
{
  const char *value;      /* "220", "X.7.1" */
  const char *title;      /* English texts: the gettext msgids */
  const char *description;
  const char *when;
  const char *fix;
  const char *const *aliases;
  const char *const *mnemonics;  /* number registries: "NXDomain" */
  const struct rc_reply_text *replies;
  const struct rc_ref *refs;
  const struct rc_link *related;
  unsigned short n_aliases, n_mnemonics, n_replies, n_refs, n_related;
  unsigned char outcome, actor, status, source;
  unsigned char scope, method;   /* enum rc_scope, enum rc_method */
};

struct rc_class
{
  const char *value;      /* "2xx", "x5x", "5.X.X", "X.7.X" */
  const char *title;
  const char *description;
};

struct rc_document
{
  const char *ref;        /* "RFC 5321" */
  const char *title;
  const char *href;       /* producers' sources: an https:// address;
                             NULL for a registry's documents */
};

/* The written comparison of two codes of one registry: what tells them
   apart, and how to tell which one applies.  A comes before B in value
   order.  */
struct rc_comparison
{
  const char *a, *b;          /* code values */
  const char *differences;    /* English texts: the gettext msgids */
  const char *when_to_use;
};

struct rc_registry
{
  const char *id;         /* "smtp" */
  const char *name;       /* "SMTP" */
  const char *title;      /* "SMTP reply codes" */
  const char *protocol;   /* "smtp" for smtp and smtp-enhanced */
  const char *vendor;     /* the vendor of non-standard codes ("nginx",
                             "Cloudflare"), or NULL: a standard registry */
  const struct rc_document *docs;
  const struct rc_class *classes;
  const struct rc_code *codes;   /* sorted by rc_value_cmp, no duplicates */
  const struct rc_comparison *comparisons;   /* sorted by (a, b) */
  size_t n_docs, n_classes, n_codes, n_comparisons;
  unsigned char kind;     /* enum rc_kind */
};

/* A known reply: what one producer really sends, recognised by fragments
   of its text.  */
struct rc_known
{
  const char *id;              /* "5.7.26-unauthenticated", unique within
                                  its producer */
  const char *name;            /* English texts: the gettext msgids */
  const char *meaning;
  const char *cause;
  const char *fix;
  const char *const *codes;    /* "550", "5.7.26", "500.19" */
  const char *const *matches;  /* fragments as written; '*' stands for a
                                  variable part */
  const char *const *sources;  /* refs of the producer's documents */
  unsigned short n_codes, n_matches, n_sources;
};

enum rc_producer_type
{
  RC_PROD_SOFTWARE,          /* Postfix, vsftpd */
  RC_PROD_PROVIDER,          /* Gmail, Microsoft 365 */
  RC_PROD_COUNT
};

/* The producer of known replies: one piece of software or one provider.  */
struct rc_producer
{
  const char *id;            /* "gmail" */
  const char *name;          /* "Gmail": a name, never translated */
  const char *protocol;      /* "smtp" */
  const char *description;   /* msgid */
  const struct rc_document *docs;   /* its sources, with href */
  const struct rc_known *replies;   /* in the order of the file */
  size_t n_docs, n_replies;
  unsigned char type;        /* enum rc_producer_type */
};

struct catalog
{
  const struct rc_registry *regs;
  size_t n_regs;
  const struct rc_producer *producers;   /* in order of first definition */
  size_t n_producers;
  struct arena *arena;    /* NULL for the builtin catalog */
};

/* The catalog compiled from the shipped data files.  Can't fail.  */
const struct catalog *catalog_builtin (void);

/* Returns a new catalog holding BASE with every registry of ADD merged in:
   a code or class of ADD replaces the one with the same value, new ones
   are added, a registry unknown to BASE is added whole.  BASE and ADD must
   outlive the result.  NULL when out of memory.  Caller frees.  */
struct catalog *catalog_merge (const struct catalog *base,
                               const struct catalog *add);

/* Returns a new catalog holding every registry of PARTS[0..N), later
   parts winning: a code, class or document of a later part replaces the
   one with the same value in an earlier part, new ones are added, and a
   registry keeps the name of its first definition; a producer of a later
   part replaces an earlier one of the same id whole.  Work and memory are
   O(T log T) in the total number of items, whatever N.  The parts must
   outlive the result (it points at their strings).  NULL when out of
   memory.  Caller frees.  */
struct catalog *catalog_combine (const struct catalog *const *parts,
                                 size_t n);

/* Releases a catalog made by catalog_merge or the loader.  NULL and the
   builtin catalog are no-ops.  */
void catalog_free (const struct catalog *c);

/* Producer by id ("gmail"), or NULL.  */
const struct rc_producer *catalog_producer (const struct catalog *c,
                                            const char *id);

/* Registry by id ("smtp"), or NULL.  */
const struct rc_registry *catalog_registry (const struct catalog *c,
                                            const char *id);

/* True when registry R belongs to PROTO, given as a protocol ("smtp":
   smtp and smtp-enhanced, which declare protocol="smtp") or as a
   registry id ("smtp-enhanced", "dns-ede").  */
bool registry_in_protocol (const struct rc_registry *r, const char *proto);
/* True when some registry of C belongs to protocol PROTO.  */
bool catalog_has_protocol (const struct catalog *c, const char *proto);

/* The code that TYPED names in R, matched by R's kind: three digits
   ("550"); an enhanced code with its class or as a detail ("5.7.1",
   "X.7.1": both find X.7.1); a word in any case ("trycreate"); a number
   ("3", "03") or one of its mnemonics in any case ("nxdomain").  NULL
   when R has no such code.  *FITS (unless NULL) is set to whether TYPED
   has the shape of R's codes at all, found or not.  The one matcher that
   show, compare, explain and docs use.  */
const struct rc_code *registry_match (const struct rc_registry *r,
                                      const char *typed, bool *fits);

/* True when the codes of R are digit codes whose classes go by their
   first digit ("2xx") and, where R defines them, their second ("x5x").
   Word and number registries have no classes; enhanced codes have
   their own ("5.X.X", "X.7.X").  */
bool registry_has_digit_classes (const struct rc_registry *r);

/* Code by exact value in one registry (binary search), or NULL.  */
const struct rc_code *registry_code (const struct rc_registry *r,
                                     const char *value);

/* The written comparison of codes X and Y (in either order) of registry
   R, or NULL.  */
const struct rc_comparison *registry_comparison (const struct rc_registry *r,
                                                 const char *x,
                                                 const char *y);

/* Orders comparisons by (a, b) in value order.  */
int rc_comparison_cmp (const struct rc_comparison *x,
                       const struct rc_comparison *y);

/* Class by value ("2xx", "x5x"), or NULL.  */
const struct rc_class *registry_class (const struct rc_registry *r,
                                       const char *value);

/* Orders code values: dot-separated parts, numeric parts by number,
   others bytewise.  "X.7.2" < "X.7.10"; "220" < "221".  */
int rc_value_cmp (const char *a, const char *b);

/* Sorts CODES in place by value.  */
void rc_codes_sort (struct rc_code *codes, size_t n);

/* Names of the enumerations as written in the data files; NULL when out
   of range.  */
const char *rc_outcome_name (unsigned v);
const char *rc_actor_name (unsigned v);
const char *rc_status_name (unsigned v);
const char *rc_source_name (unsigned v);
const char *rc_scope_name (unsigned v);
const char *rc_method_name (unsigned v);
const char *rc_kind_name (unsigned v);
const char *rc_producer_type_name (unsigned v);
/* Parses a data-file name back into its value; -1 when unknown.  */
int rc_enum_parse (const char *(*name) (unsigned), const char *s);

#endif
