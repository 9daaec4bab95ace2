/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The little ELF reading the build steps of warden.bin need (relocs.c,
 * vectors.c): whole files in memory, every offset checked against the
 * file before use.
 */
#ifndef ELF_FILE_H
#define ELF_FILE_H

#include <elf.h>
#include <stddef.h>
#include <stdint.h>

struct image {
	unsigned char *data;
	size_t size;
};

int elf_load(const char *path, struct image *img);
int elf_save(const char *path, const struct image *img);
/* Prints "what (0xvalue)" on stderr; returns 1. */
int elf_fail(const char *what, unsigned long long value);
/* An AArch64 ELF64's section headers, or NULL. */
const Elf64_Shdr *elf_sections(const struct image *elf, unsigned int *n);
const Elf64_Shdr *elf_section(const struct image *elf, const char *name);
/* 0 and *value for a symbol of .symtab, else -1. */
int elf_symbol(const struct image *elf, const char *name, uint64_t *value);

#endif
