// SPDX-License-Identifier: GPL-2.0
/* Number parsing and all-or-nothing output for `warden config create`. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../warden.h"
#include "create.h"

int parse_size(const char *s, wd_u64 *v)
{
	char *end;
	unsigned int shift = 0;

	errno = 0;
	*v = strtoull(s, &end, 0);
	if (end == s || errno)
		return -1;
	if (*end == 'K' || *end == 'k')
		shift = 10;
	else if (*end == 'M' || *end == 'm')
		shift = 20;
	else if (*end == 'G' || *end == 'g')
		shift = 30;
	if (shift)
		end++;
	if (*end || *v > (~0ull >> shift))
		return -1;
	*v <<= shift;
	return 0;
}

int parse_range(const char *s, struct range *r)
{
	const char *comma = strchr(s, ',');
	char base[32];

	if (!comma || comma - s >= (long)sizeof(base))
		return -1;
	snprintf(base, sizeof(base), "%.*s", (int)(comma - s), s);
	if (parse_size(base, &r->base) || parse_size(comma + 1, &r->size) ||
	    !r->size || r->base + r->size < r->base)
		return -1;
	return 0;
}

int write_atomically(const char *path, int (*emit)(FILE *f, void *ctx),
		     void *ctx)
{
	char tmp[4096];
	FILE *f;
	int bad;

	snprintf(tmp, sizeof(tmp), "%s.tmp%ld", path, (long)getpid());
	f = fopen(tmp, "w");
	if (!f)
		return fail("%s: %s", tmp, strerror(errno));
	bad = emit(f, ctx);
	bad |= ferror(f);
	bad |= fclose(f) != 0;
	if (!bad && !rename(tmp, path))
		return 0;
	remove(tmp);
	return bad ? WARDEN_FAIL : fail("%s: %s", path, strerror(errno));
}
