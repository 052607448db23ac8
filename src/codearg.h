/* codearg.h: parses what a user types as a code ("220", "5.7.1",
   "smtp:220", "5xx", "X.7.1", "trycreate", "dns:3", "nxdomain", "404.13") into a
   struct code_arg.  Which registry holds the code, and how its value is
   matched there, is the catalog's business (registry_match).  Pure functions over
   the argument text; nothing is allocated, no catalog is needed.  */
#ifndef RC_CODEARG_H
#define RC_CODEARG_H

#include <stdbool.h>

enum code_kind
{
  CODE_BASIC,      /* three digits: 220 */
  CODE_ENHANCED,   /* class.subject.detail: 5.7.1 */
  CODE_DETAIL,     /* X.7.1: an enhanced detail without class */
  CODE_CLASS,      /* 5xx */
  CODE_NUMBER,     /* other numbers, up to 5 digits: DNS 3, EDE 18 */
  CODE_WORD,       /* a word: IMAP TRYCREATE, POP3 SYS/TEMP, DNS NXDomain */
  CODE_SUBSTATUS   /* three digits and a substatus: IIS 404.13 */
};

struct code_arg
{
  enum code_kind kind;
  char proto[17];   /* "smtp" when given as smtp:220, else "" */
  char value[40];   /* "220", "X.7.1" (detail of 5.7.1), "5xx"; numbers
                       and words as typed */
  char typed[40];   /* the code as typed, without "PROTOCOL:" */
  char digit;       /* class digit: '5' for 550, 5.7.1 and 5xx; 0 for X.7.1 */
};

/* Parses S.  Returns true and fills *OUT when S is a well-formed code;
   false otherwise (*OUT is then unspecified).  Can't fail otherwise.  */
bool code_arg_parse (const char *s, struct code_arg *out);

/* True when S looks like a protocol id: 1-16 of [a-z0-9-], starting with
   a letter.  */
bool code_arg_is_proto (const char *s);

#endif
