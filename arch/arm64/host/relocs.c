// SPDX-License-Identifier: GPL-2.0
/*
 * Build step of warden.bin (hypervisor/build.mk): turns the linker's
 * .rela.dyn of warden.elf into the relocation bitmap that entry.S
 * applies (warden.lds.S: bit i = the 64-bit word at image offset 8 * i
 * gets the load address added), and writes it into warden.bin's .relocs.
 * 24 bytes a relocation become one bit; .rela.dyn stays out of the bin.
 *
 * Refuses (exit 1) anything the bitmap cannot say: a relocation of
 * another type or with a symbol, an unaligned one, one outside the
 * bitmap's reach, one whose word in the file does not already hold its
 * link-time value (ld applies them; the bitmap relies on it), or a
 * second relocation section.
 *
 * usage: relocs WARDEN_ELF WARDEN_BIN
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "elf_file.h"

static int other_rel_sections(const struct image *elf, const Elf64_Shdr *rela)
{
	const Elf64_Shdr *sh;
	unsigned int i, n;

	sh = elf_sections(elf, &n);
	for (i = 0; sh && i < n; i++)
		if ((sh[i].sh_type == SHT_RELA || sh[i].sh_type == SHT_REL) &&
		    &sh[i] != rela)
			return 1;
	return 0;
}

/* Marks one relocation in the bitmap, after checking what it says. */
static int mark(const Elf64_Rela *r, const struct image *bin,
		unsigned char *bitmap, size_t bitmap_size)
{
	uint64_t word, bit = r->r_offset / 8;

	if (ELF64_R_TYPE(r->r_info) != R_AARCH64_RELATIVE ||
	    ELF64_R_SYM(r->r_info))
		return elf_fail("relocation not R_AARCH64_RELATIVE", r->r_info);
	if (r->r_offset % 8 || bit >= bitmap_size * 8)
		return elf_fail("relocation not in the bitmap's reach",
				r->r_offset);
	if (r->r_offset + 8 > bin->size)
		return elf_fail("relocation beyond warden.bin", r->r_offset);
	memcpy(&word, bin->data + r->r_offset, 8);
	if (word != (uint64_t)r->r_addend)
		return elf_fail("word does not hold its link-time value",
				r->r_offset);
	bitmap[bit / 8] |= (unsigned char)(1u << (bit % 8));
	return 0;
}

static int make_bitmap(const struct image *elf, const struct image *bin)
{
	const Elf64_Shdr *rela = elf_section(elf, ".rela.dyn");
	const Elf64_Shdr *out = elf_section(elf, ".relocs");
	const Elf64_Rela *r;
	size_t i, n;

	if (!rela || !out)
		return elf_fail("no .rela.dyn or .relocs section", 0);
	if (other_rel_sections(elf, rela))
		return elf_fail("a relocation section besides .rela.dyn", 0);
	if (rela->sh_offset > elf->size ||
	    rela->sh_size > elf->size - rela->sh_offset ||
	    out->sh_addr + out->sh_size > bin->size)
		return elf_fail("section outside its file", rela->sh_offset);
	memset(bin->data + out->sh_addr, 0, out->sh_size);
	r = (const void *)(elf->data + rela->sh_offset);
	n = rela->sh_size / sizeof(*r);
	for (i = 0; i < n; i++)
		if (mark(&r[i], bin, bin->data + out->sh_addr, out->sh_size))
			return 1;
	printf("relocs: %zu relocations in a %llu-byte bitmap\n", n,
	       (unsigned long long)out->sh_size);
	return 0;
}

int main(int argc, char **argv)
{
	struct image elf, bin;

	if (argc != 3) {
		fprintf(stderr, "usage: relocs WARDEN_ELF WARDEN_BIN\n");
		return 2;
	}
	if (elf_load(argv[1], &elf) || elf_load(argv[2], &bin))
		return elf_fail("cannot read the files", 0);
	if (make_bitmap(&elf, &bin))
		return 1;
	if (elf_save(argv[2], &bin))
		return 1;
	free(elf.data);
	free(bin.data);
	return 0;
}
