// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for the config checker. The input is one or two blobs
 * back to back (the first one's header total_size says where it ends),
 * each copied into a buffer of exactly its size so that AddressSanitizer
 * catches any read past the end. Every check runs on them, including the
 * set check with the first blob as system and the second as a cell.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <config_text.h>
#include <wd/config_check.h>

static struct wd_blob copy(const uint8_t *data, size_t size)
{
	struct wd_blob b = {malloc(size ? size : 1), size};

	if (!b.data)
		abort();
	memcpy((void *)b.data, data, size);
	return b;
}

/* Where the first blob ends: its total_size when that fits, else all. */
static size_t first_size(const uint8_t *data, size_t size)
{
	struct wd_header hdr;

	if (size < sizeof(hdr))
		return size;
	memcpy(&hdr, data, sizeof(hdr));
	return hdr.total_size <= size ? hdr.total_size : size;
}

/* The result of a check must say whether it reported anything. */
static void agree(int ret, const struct wd_check_report *r, unsigned int n)
{
	if ((ret == 0) != (r->count == n))
		abort();
}

/* Every violation is formatted as the tools would: its values under ASan. */
static void format(void *ctx, const struct wd_violation *v)
{
	char reason[WD_VIOLATION_TEXT_MAX];

	(void)ctx;
	wd_violation_text(reason, sizeof(reason), v);
	if (!wd_violation_format(v->code) || strlen(reason) >= sizeof(reason))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t split = first_size(data, size);
	struct wd_blob a = copy(data, split);
	struct wd_blob b = copy(data + split, size - split);
	struct wd_blob cells[2] = {b, a};
	struct wd_check_report r = {.violation = format};
	unsigned int n;

	n = r.count;
	agree(wd_check_system(a.data, a.size, &r), &r, n);
	n = r.count;
	agree(wd_check_cell(a.data, a.size, &r), &r, n);
	n = r.count;
	agree(wd_check_cell(b.data, b.size, &r), &r, n);
	n = r.count;
	agree(wd_check_set(&a, cells, 2, &r), &r, n);
	free((void *)a.data);
	free((void *)b.data);
	return 0;
}
