// SPDX-License-Identifier: GPL-2.0
/*
 * The checker's message texts (lib/config_text/): the checker reports
 * codes, the driver prints the text. Compiled alone like config_check.c.
 */
#include "../lib/config_text/config_text.c"
