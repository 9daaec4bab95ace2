/* SPDX-License-Identifier: GPL-2.0 */
/*
 * warden.bin layout. Linked at 0 as a position-independent executable;
 * entry.S applies the R_AARCH64_RELATIVE relocations for the load address
 * (the hypervisor range start), after which EL2 runs identity mapped.
 *
 *   header, relocations, data | text, rodata | bss | console ring page |
 *   system config | per-CPU areas            (then the page pool)
 *
 * Text and rodata come last in the file, on their own 4 KiB pages
 * (mapped read and execute only; the rest is read-write, never
 * executable): the writable data fits the page the header starts, and
 * the file ends where the rodata does, with no padding before the first
 * NOLOAD section. Rodata shares the text's pages (read-only, though
 * executable) because a page of its own, or the data's second, would
 * cost 4 KiB of warden.bin for at most a page of constants (issue 17).
 */
#include <warden/hv_image.h>
#include <wd/layout.h>

OUTPUT_FORMAT("elf64-littleaarch64")
OUTPUT_ARCH(aarch64)
ENTRY(wd_entry)

SECTIONS
{
	. = 0;
	__image_start = .;
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
	.rela.dyn : {
		__rela_start = .;
		*(.rela .rela.*)
		__rela_end = .;
	}
	.dynamic : { *(.dynamic) }
	.got : { *(.got .got.*) }
	.data : { *(.data .data.*) }
	. = ALIGN(4096);
	__text_start = .;
	/*
	 * The vector tables (exception.S) are 2 KiB aligned: first on the
	 * text's page they need no padding before them.
	 */
	.text : {
		*exception.o(.text)
		*(.text.entry)
		*(.text .text.*)
	}
	.rodata : { *(.rodata .rodata.*) }
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
