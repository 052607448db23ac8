/* help.h: the program's --help text.  Owns nothing.  */
#ifndef RC_HELP_H
#define RC_HELP_H

#include <stdio.h>

/* Writes the --help text, in the current language, to OUT.  Write errors
   are left in OUT.  */
void rc_help (FILE *out);

#endif
