// SPDX-License-Identifier: GPL-2.0
/* Whole-file loading with a size limit: see blob.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "blob.h"
#include "warden.h"

/* Appends what remains of f to b, up to max bytes; -1 with errno set. */
static int read_all(FILE *f, size_t max, struct blob *b)
{
	size_t cap = 4096, n;
	void *bigger;

	for (;;) {
		bigger = realloc(b->data, cap);
		if (!bigger)
			return -1;
		b->data = bigger;
		n = fread((char *)b->data + b->size, 1, cap - b->size, f);
		b->size += n;
		if (b->size < cap)
			return ferror(f) ? -1 : 0;
		if (cap > max) {
			errno = EFBIG;
			return -1;
		}
		cap *= 2;
	}
}

int blob_load(const char *path, size_t max, struct blob *b)
{
	FILE *f = fopen(path, "rb");
	int ret;

	b->data = NULL;
	b->size = 0;
	if (!f) {
		fail("%s: %s", path, strerror(errno));
		return -1;
	}
	ret = read_all(f, max, b);
	if (!ret && b->size > max) {
		errno = EFBIG;
		ret = -1;
	}
	if (ret && errno == EFBIG)
		fail("%s: larger than %zu bytes", path, max);
	else if (ret)
		fail("%s: %s", path, strerror(errno));
	if (ret)
		blob_free(b);
	fclose(f);
	return ret;
}

void blob_free(struct blob *b)
{
	free(b->data);
	b->data = NULL;
	b->size = 0;
}
