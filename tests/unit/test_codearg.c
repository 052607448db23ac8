/* Table-driven tests of code argument parsing (src/codearg.c).  */
#include "system.h"

#include <string.h>
#include <criterion/criterion.h>

#include "codearg.h"

struct good
{
  const char *in;
  enum code_kind kind;
  const char *proto, *value;
  char digit;
};

static const struct good goods[] = {
  { "220", CODE_BASIC, "", "220", '2' },
  { "550", CODE_BASIC, "", "550", '5' },
  { "smtp:421", CODE_BASIC, "smtp", "421", '4' },
  { "SMTP:421", CODE_BASIC, "smtp", "421", '4' },
  { "5.7.1", CODE_ENHANCED, "", "X.7.1", '5' },
  { "4.2.2", CODE_ENHANCED, "", "X.2.2", '4' },
  { "2.0.0", CODE_ENHANCED, "", "X.0.0", '2' },
  { "5.7.30", CODE_ENHANCED, "", "X.7.30", '5' },
  { "X.7.1", CODE_DETAIL, "", "X.7.1", 0 },
  { "x.1.10", CODE_DETAIL, "", "X.1.10", 0 },
  { "5xx", CODE_CLASS, "", "5xx", '5' },
  { "2XX", CODE_CLASS, "", "2xx", '2' },
  { "ftp:550", CODE_BASIC, "ftp", "550", '5' },
  /* numbers of number registries (DNS 3, EDE 18), kept as typed */
  { "3", CODE_NUMBER, "", "3", 0 },
  { "dns-ede:18", CODE_NUMBER, "dns-ede", "18", 0 },
  { "720", CODE_NUMBER, "", "720", 0 },
  { "022", CODE_NUMBER, "", "022", 0 },
  { "65535", CODE_NUMBER, "", "65535", 0 },
  /* words: IMAP and POP3 response codes, DNS mnemonics */
  { "trycreate", CODE_WORD, "", "trycreate", 0 },
  { "pop3:SYS/TEMP", CODE_WORD, "pop3", "SYS/TEMP", 0 },
  { "IN-USE", CODE_WORD, "", "IN-USE", 0 },
  { "NXDomain", CODE_WORD, "", "NXDomain", 0 },
};

static const char *const bads[] = {
  "", "123456", "5.7", "5.7.", "3.7.1", "5..1", "a b", "a_b", "é",
  "1abc", "abcdefghijklmnopqrstuvwxyzabcdefg",
  "5.7.1.1", "5.07.1", "5.7.1000", ":220", "smtp:", "Sm tp:220", "2x0",
  "-220", "220 ", "smtp:smtp:220", "toolongprotocolname:220", "5.7.x",
};

Test (codearg, well_formed)
{
  for (size_t i = 0; i < RC_COUNT_OF (goods); i++)
    {
      struct code_arg a;
      cr_assert (code_arg_parse (goods[i].in, &a), "rejected %s", goods[i].in);
      cr_expect_eq (a.kind, goods[i].kind, "%s: kind", goods[i].in);
      cr_expect_str_eq (a.proto, goods[i].proto, "%s: proto", goods[i].in);
      cr_expect_str_eq (a.value, goods[i].value, "%s: value", goods[i].in);
      cr_expect_eq (a.digit, goods[i].digit, "%s: digit", goods[i].in);
    }
}

Test (codearg, malformed)
{
  for (size_t i = 0; i < RC_COUNT_OF (bads); i++)
    {
      struct code_arg a;
      cr_expect_not (code_arg_parse (bads[i], &a), "accepted \"%s\"", bads[i]);
    }
}

Test (codearg, protocol_words)
{
  cr_expect (code_arg_is_proto ("smtp"));
  cr_expect (code_arg_is_proto ("smtp-enhanced"));
  cr_expect_not (code_arg_is_proto ("220"));
  cr_expect_not (code_arg_is_proto ("SMTP"));
  cr_expect_not (code_arg_is_proto (""));
  cr_expect_not (code_arg_is_proto ("a-very-long-protocol-name"));
}
