/* SPDX-License-Identifier: GPL-2.0 */
/*
 * warden.bin layout. Linked at 0 as a position-independent executable;
 * entry.S adds the load address (the hypervisor range start) to the
 * words the relocation bitmap names, after which EL2 runs identity
 * mapped.
 *
 *   header, pointer tables, relocation bitmap, text, rodata, the packed
 *   vectors | (vectors) | bss | console ring page | system config |
 *   per-CPU areas                             (then the page pool)
 *
 * Everything up to __text_end, the vectors included, is mapped read and
 * execute only (no page is writable and executable: W^X): the pointer
 * tables and the vectors are written once, by relocate_once() with the
 * MMU off, before any mapping exists, and never again, so they share the
 * text's pages.
 * Writable data is zero-initialised (.bss, after them, its own pages).
 * The file ends with the packed vectors, with no page padding anywhere.
 * The ELF's .rela.dyn and .dynamic stay out of warden.bin: the bitmap
 * that arch/arm64/host/relocs.c writes after the link says the same in
 * 32 bytes.
 */
#include <warden/hv_image.h>
#include <wd/layout.h>

#define WD_RELOC_BITMAP_BYTES 32

OUTPUT_FORMAT("elf64-littleaarch64")
OUTPUT_ARCH(aarch64)
ENTRY(wd_entry)

SECTIONS
{
	. = 0;
	__image_start = .;
	__text_start = .; /* all of the file is read-only */
	.header : {
		QUAD(WD_IMAGE_MAGIC)
		LONG(WD_IMAGE_ABI)
		LONG(WD_MAX_CPUS_HV)
		QUAD(__image_end)
		QUAD(wd_entry)
		QUAD(__config_start)
		QUAD(WD_CONFIG_MAX)
		QUAD(__console_start)
		QUAD(wd_percpu_area)
		QUAD(WD_PERCPU_SIZE)
		. = 128;
	}
	.data.rel.ro : { *(.data.rel.ro .data.rel.ro.*) }
	.got : { *(.got .got.*) }
	/* Initialised writable data would be read-only here: none allowed. */
	.data : { *(.data .data.*) }
	ASSERT(SIZEOF(.data) == 0, "EL2 data must be const or zero-initialised")
	/* Bit i: the word at 8 * i; 32 bytes cover the first 2 KiB. */
	.relocs : {
		__relocs_start = .;
		QUAD(0)
		. = __relocs_start + WD_RELOC_BITMAP_BYTES;
		__relocs_end = .;
	}
	.text : {
		*(.text.entry)
		*(EXCLUDE_FILE(*exception.o) .text .text.*)
	}
	.rodata : { *(.rodata .rodata.*) }
	/*
	 * The vector tables (exception.S, 2 KiB aligned) are mostly the
	 * padding of their 128-byte slots: warden.bin carries them packed
	 * (arch/arm64/host/vectors.c) from __vectors_packed on, and the
	 * first CPU unpacks them to their place with the MMU off (entry.S),
	 * into the driver's zeroes after the file. The packed form is at
	 * most 2 KiB: it never overlaps the tables it becomes.
	 */
	. = ALIGN(4);
	__vectors_packed = .;
	. = ALIGN(. + 2048, 2048);
	.vectors : { *exception.o(.text) }
	/* Not loaded: objcopy leaves them out of warden.bin. */
	.rela.dyn : { *(.rela .rela.*) }
	.dynamic : { *(.dynamic) }
	. = ALIGN(4096);
	__text_end = .;
	.bss (NOLOAD) : ALIGN(16) {
		*(.bss .bss.*)
		*(COMMON)
	}
	.console (NOLOAD) : ALIGN(4096) {
		__console_start = .;
		*(.console)
	}
	.config (NOLOAD) : ALIGN(4096) {
		__config_start = .;
		. += WD_CONFIG_MAX;
	}
	.percpu (NOLOAD) : ALIGN(4096) {
		wd_percpu_area = .;
		. += WD_PERCPU_SIZE * WD_MAX_CPUS_HV;
	}
	. = ALIGN(4096);
	__image_end = .;

	/DISCARD/ : {
		*(.interp) *(.dynsym) *(.dynstr) *(.hash) *(.gnu.hash)
		*(.comment) *(.note*) *(.eh_frame*)
	}
}
