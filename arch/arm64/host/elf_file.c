// SPDX-License-Identifier: GPL-2.0
/* ELF reading for the build steps of warden.bin: elf_file.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "elf_file.h"

int elf_load(const char *path, struct image *img)
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

int elf_fail(const char *what, unsigned long long value)
{
	fprintf(stderr, "warden.bin: %s (0x%llx)\n", what, value);
	return 1;
}

/* Section headers, checked to lie inside the file. */
const Elf64_Shdr *elf_sections(const struct image *elf, unsigned int *n)
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

const Elf64_Shdr *elf_section(const struct image *elf, const char *name)
{
	const Elf64_Ehdr *eh = (const void *)elf->data;
	const Elf64_Shdr *sh;
	unsigned int i, n;
	const char *names;

	sh = elf_sections(elf, &n);
	if (!sh || sh[eh->e_shstrndx].sh_offset >= elf->size)
		return NULL;
	names = (const char *)elf->data + sh[eh->e_shstrndx].sh_offset;
	for (i = 0; i < n; i++)
		if (sh[i].sh_name < sh[eh->e_shstrndx].sh_size &&
		    !strcmp(names + sh[i].sh_name, name))
			return &sh[i];
	return NULL;
}

int elf_save(const char *path, const struct image *img)
{
	FILE *f = fopen(path, "wb");

	if (!f || fwrite(img->data, 1, img->size, f) != img->size) {
		if (f)
			fclose(f);
		return elf_fail("cannot write the file", 0);
	}
	return fclose(f) ? elf_fail("cannot write the file", 0) : 0;
}

/* The string at offset off of string table section s, or NULL. */
static const char *elf_string(const struct image *elf, const Elf64_Shdr *s,
			      uint64_t off)
{
	if (s->sh_offset > elf->size || s->sh_size > elf->size - s->sh_offset ||
	    off >= s->sh_size || elf->data[s->sh_offset + s->sh_size - 1])
		return NULL;
	return (const char *)elf->data + s->sh_offset + off;
}

int elf_symbol(const struct image *elf, const char *name, uint64_t *value)
{
	const Elf64_Shdr *sh, *symtab = elf_section(elf, ".symtab");
	const Elf64_Sym *sym;
	const char *s;
	unsigned int n;
	size_t i;

	sh = elf_sections(elf, &n);
	if (!sh || !symtab || symtab->sh_link >= n ||
	    symtab->sh_offset > elf->size ||
	    symtab->sh_size > elf->size - symtab->sh_offset)
		return -1;
	sym = (const void *)(elf->data + symtab->sh_offset);
	for (i = 0; i < symtab->sh_size / sizeof(*sym); i++) {
		s = elf_string(elf, &sh[symtab->sh_link], sym[i].st_name);
		if (s && !strcmp(s, name)) {
			*value = sym[i].st_value;
			return 0;
		}
	}
	return -1;
}
