/* SPDX-License-Identifier: GPL-2.0 */
/*
 * warden.bin (x86-64) layout. Linked at 0 as a position-independent
 * executable; early.c applies the R_X86_64_RELATIVE relocations for the
 * load address (the hypervisor range start), after which the host runs
 * identity mapped. Same order as arm64's (its warden.lds.S): header,
 * rodata, relocations, data | text | bss | console | config | per-CPU
 * areas, each of these WD_PERCPU_SIZE aligned (arch/percpu.h).
 */
#include <warden/hv_image.h>
#include <wd/layout.h>

OUTPUT_FORMAT("elf64-x86-64")
OUTPUT_ARCH(i386:x86-64)
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
		QUAD(x86_early_pool)
		. = 128;
	}
	.rodata : { *(.rodata .rodata.*) }
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
	.text : {
		*(.text.entry)
		*(.text .text.*)
	}
	. = ALIGN(4096);
	__text_end = .;
	.bss (NOLOAD) : ALIGN(4096) {
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
	.percpu (NOLOAD) : ALIGN(WD_PERCPU_SIZE) {
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
