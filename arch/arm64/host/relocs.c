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
#include <elf.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct image {
	unsigned char *data;
	size_t size;
};

static int load(const char *path, struct image *img)
{
	FILE *f = fopen(path, "rb");
	long n;

	if (!f)
		return -1;
	if (fseek(f, 0, SEEK_END) || (n = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET)) {
		fclose(f);
		return -1;
	}
	img->size = (size_t)n;
	img->data = malloc(img->size + 1);
	if (!img->data || fread(img->data, 1, img->size, f) != img->size) {
		fclose(f);
		return -1;
	}
	return fclose(f);
}

static int fail(const char *what, unsigned long long value)
{
	fprintf(stderr, "relocs: %s (0x%llx)\n", what, value);
	return 1;
}

/* Section headers, checked to lie inside the file. */
static const Elf64_Shdr *sections(const struct image *elf, unsigned int *n)
{
	const Elf64_Ehdr *eh = (const void *)elf->data;

	if (elf->size < sizeof(*eh) || memcmp(eh->e_ident, ELFMAG, SELFMAG) ||
	    eh->e_ident[EI_CLASS] != ELFCLASS64 ||
	    eh->e_machine != EM_AARCH64 ||
	    eh->e_shentsize != sizeof(Elf64_Shdr) || eh->e_shoff > elf->size ||
	    (elf->size - eh->e_shoff) / sizeof(Elf64_Shdr) < eh->e_shnum ||
	    eh->e_shstrndx >= eh->e_shnum)
		return NULL;
	*n = eh->e_shnum;
	return (const void *)(elf->data + eh->e_shoff);
}

static const Elf64_Shdr *find(const struct image *elf, const char *name)
{
	const Elf64_Ehdr *eh = (const void *)elf->data;
	const Elf64_Shdr *sh;
	unsigned int i, n;
	const char *names;

	sh = sections(elf, &n);
	if (!sh || sh[eh->e_shstrndx].sh_offset >= elf->size)
		return NULL;
	names = (const char *)elf->data + sh[eh->e_shstrndx].sh_offset;
	for (i = 0; i < n; i++)
		if (sh[i].sh_name < sh[eh->e_shstrndx].sh_size &&
		    !strcmp(names + sh[i].sh_name, name))
			return &sh[i];
	return NULL;
}

static int other_rel_sections(const struct image *elf, const Elf64_Shdr *rela)
{
	const Elf64_Shdr *sh;
	unsigned int i, n;

	sh = sections(elf, &n);
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
		return fail("relocation not R_AARCH64_RELATIVE", r->r_info);
	if (r->r_offset % 8 || bit >= bitmap_size * 8)
		return fail("relocation not in the bitmap's reach",
			    r->r_offset);
	if (r->r_offset + 8 > bin->size)
		return fail("relocation beyond warden.bin", r->r_offset);
	memcpy(&word, bin->data + r->r_offset, 8);
	if (word != (uint64_t)r->r_addend)
		return fail("word does not hold its link-time value",
			    r->r_offset);
	bitmap[bit / 8] |= (unsigned char)(1u << (bit % 8));
	return 0;
}

static int make_bitmap(const struct image *elf, const struct image *bin)
{
	const Elf64_Shdr *rela = find(elf, ".rela.dyn");
	const Elf64_Shdr *out = find(elf, ".relocs");
	const Elf64_Rela *r;
	size_t i, n;

	if (!rela || !out)
		return fail("no .rela.dyn or .relocs section", 0);
	if (other_rel_sections(elf, rela))
		return fail("a relocation section besides .rela.dyn", 0);
	if (rela->sh_offset > elf->size ||
	    rela->sh_size > elf->size - rela->sh_offset ||
	    out->sh_addr + out->sh_size > bin->size)
		return fail("section outside its file", rela->sh_offset);
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
	FILE *f;

	if (argc != 3) {
		fprintf(stderr, "usage: relocs WARDEN_ELF WARDEN_BIN\n");
		return 2;
	}
	if (load(argv[1], &elf) || load(argv[2], &bin))
		return fail("cannot read the files", 0);
	if (make_bitmap(&elf, &bin))
		return 1;
	f = fopen(argv[2], "wb");
	if (!f || fwrite(bin.data, 1, bin.size, f) != bin.size || fclose(f))
		return fail("cannot write warden.bin", 0);
	free(elf.data);
	free(bin.data);
	return 0;
}
