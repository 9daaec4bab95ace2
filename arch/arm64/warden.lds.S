/* SPDX-License-Identifier: GPL-2.0 */
/*
 * warden.bin layout. Linked at 0 as a position-independent executable;
 * entry.S adds the load address (the hypervisor range start) to the
 * words the relocation bitmap names, after which EL2 runs identity
 * mapped.
 *
 *   header, pointer tables, relocation bitmap, entry code | vectors,
 *   text, rodata | bss | console ring page | system config | per-CPU areas
 *                                             (then the page pool)
 *
 * Everything in the file is mapped read and execute only (no page is
 * writable and executable: W^X): the pointer tables and the bitmap are
 * written once, by relocate_once() with the MMU off, before any mapping
 * exists, and never again, so they share the text's pages. Writable
 * data is zero-initialised (.bss, after the file, its own pages). The
 * file ends with the rodata, with no page padding anywhere; the only gap
 * is before the 2 KiB aligned vectors, filled with the entry code.
 * The ELF's .rela.dyn and .dynamic stay out of warden.bin: the bitmap
 * that arch/arm64/host/relocs.c writes after the link says the same in
 * 32 bytes.
 */
#include <warden/hv_image.h>
#include <wd/layout.h>

/* Bit i: the word at 8 * i; 32 bytes cover all before the vectors. */
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
	.relocs : {
		__relocs_start = .;
		QUAD(0)
		. = __relocs_start + WD_RELOC_BITMAP_BYTES;
		__relocs_end = .;
	}
	/* Entry code fills the gap before the 2 KiB aligned vectors. */
	.text.lead : {
		*(.text.entry)
		*enter.o(.text)
		*irq_fast.o(.text)
		*hvc_fast.o(.text)
	}
	ASSERT(ALIGNOF(.text) == 2048 && ADDR(.text) == 2048,
	       "data and entry code overflow the 2 KiB before the vectors")
	.text : {
		*exception.o(.text)
		*(.text .text.*)
	}
	.rodata : { *(.rodata .rodata.*) }
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
