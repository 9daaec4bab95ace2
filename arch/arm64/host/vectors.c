// SPDX-License-Identifier: GPL-2.0
/*
 * Build step of warden.bin (hypervisor/build.mk), after relocs: packs the
 * vector tables (warden.elf's .vectors, the file's last loaded section)
 * and writes them at __vectors_packed, where warden.bin then ends.
 * entry.S unpacks them into the zeroes the driver leaves after the file.
 * Format: records of one little-endian word, (word offset in .vectors) |
 * (number of words << 16), followed by those words; a 0 word ends it.
 * Zero words are left out (the slots' padding: exception.S pads with 0).
 *
 * Refuses (exit 1): a layout other than warden.lds.S's, a packed form
 * that would overlap the tables, or one that does not unpack to them.
 *
 * usage: vectors WARDEN_ELF WARDEN_BIN
 */
#include <elf.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "elf_file.h"

/* Packs the words of v (n of them); returns the packed words, or 0. */
static size_t pack(const uint32_t *v, size_t n, uint32_t *out, size_t max)
{
	size_t i = 0, start, len = 0;

	while (i < n) {
		for (; i < n && !v[i]; i++)
			;
		for (start = i; i < n && v[i]; i++)
			;
		if (i == start)
			break;
		if (len + 1 + (i - start) + 1 > max)
			return 0;
		out[len++] = (uint32_t)start | (uint32_t)(i - start) << 16;
		memcpy(&out[len], &v[start], (i - start) * 4);
		len += i - start;
	}
	out[len++] = 0;
	return len;
}

/* entry.S's loop, on the host: must give back the tables exactly. */
static int unpacks_to(const uint32_t *p, const uint32_t *v, size_t n)
{
	uint32_t *t = calloc(n ? n : 1, 4);
	int same;

	for (; t && *p; p += 1 + (*p >> 16)) {
		if ((*p & 0xffff) + (*p >> 16) > n) {
			free(t);
			return 0;
		}
		memcpy(&t[*p & 0xffff], p + 1, (*p >> 16) * 4);
	}
	same = t && !memcmp(t, v, n * 4);
	free(t);
	return same;
}

static int pack_vectors(const struct image *elf, struct image *bin)
{
	const Elf64_Shdr *vec = elf_section(elf, ".vectors");
	uint64_t at;
	uint32_t *v, *out;
	size_t n, len;

	if (!vec || elf_symbol(elf, "__vectors_packed", &at))
		return elf_fail("no .vectors or __vectors_packed", 0);
	n = vec->sh_size / 4;
	if (vec->sh_size % 4 || n > 0xffff || at % 4 || at > vec->sh_addr ||
	    vec->sh_addr + vec->sh_size != bin->size)
		return elf_fail(".vectors is not the file's end", vec->sh_addr);
	v = (uint32_t *)(bin->data + vec->sh_addr);
	out = malloc(vec->sh_addr - at + 4);
	if (!out)
		return elf_fail("out of memory", 0);
	len = pack(v, n, out, (vec->sh_addr - at) / 4);
	if (!len || !unpacks_to(out, v, n)) {
		free(out);
		return elf_fail("packed vectors overlap the tables", at);
	}
	memcpy(bin->data + at, out, len * 4);
	bin->size = at + len * 4;
	free(out);
	return 0;
}

int main(int argc, char **argv)
{
	struct image elf, bin;

	if (argc != 3) {
		fprintf(stderr, "usage: vectors WARDEN_ELF WARDEN_BIN\n");
		return 2;
	}
	if (elf_load(argv[1], &elf) || elf_load(argv[2], &bin))
		return elf_fail("cannot read the files", 0);
	if (pack_vectors(&elf, &bin) || elf_save(argv[2], &bin))
		return 1;
	free(elf.data);
	free(bin.data);
	return 0;
}
