/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Enable entry. Linux's hyp stub (HVC_SOFT_RESTART) branches here at EL2
 * with the MMU off, VBAR_EL2 still the stub's, and ELR_EL2/SPSR_EL2 still
 * returning to the driver's hvc at EL1:
 *   x0 = logical CPU index, x1 = WD_ENTRY_COOKIE, x2 = hypervisor size.
 * The stub clobbered x0..x4; x5..x30 are the caller's and must survive.
 * We return to EL1 with x0 = 0 (now running under Warden) or -errno
 * (EL2 left as the stub had it).
 */
#include <warden/hv_image.h>
#include <wd/layout.h>
#include <arch/macros.inc>

#define EINVAL 22

	.section .text.entry, "ax"
	.global wd_entry
wd_entry:
	mov_q	x3, WD_ENTRY_COOKIE
	cmp	x1, x3
	b.ne	bad_call
	cmp	x0, #WD_MAX_CPUS_HV
	b.hs	bad_call

	/* This CPU's area: data at the bottom, the stack from the top. */
	adrp	x3, wd_percpu_area
	add	x3, x3, :lo12:wd_percpu_area
	mov	x4, #WD_PERCPU_SIZE
	madd	x3, x0, x4, x3
	msr	tpidr_el2, x3
	add	x3, x3, x4
	mov	sp, x3
	save_frame

	mov	x19, x0
	mov	x20, x2
	ic	iallu
	dsb	nsh
	isb
	bl	relocate_once
	adrp	x0, __image_start
	mov	x1, x20
	bl	boot_tables
	bl	mmu_enable

	mov	x0, x19
	bl	wd_enable_cpu
	str	x0, [sp]
	cbz	x0, guest_return
	/* Failed: restore the caller, EL2 MMU off again, stub vectors kept. */
	restore_frame_x2_up
	ldr	x0, [sp]
	add	sp, sp, #WD_FRAME_SIZE
	mov_q	x1, SCTLR_EL2_RES1_ASM
	msr	sctlr_el2, x1
	isb
	eret

bad_call:
	mov	x0, #-EINVAL
	eret

/*
 * warden.bin is linked at 0 as a PIE: add the load address to every
 * R_AARCH64_RELATIVE slot, once per image copy (the driver copies a
 * fresh image for every enable). Runs with the MMU off.
 */
#define R_AARCH64_RELATIVE 1027
relocate_once:
	adrp	x0, wd_relocated
	add	x0, x0, :lo12:wd_relocated
	ldr	w1, [x0]
	cbnz	w1, 2f
	mov	w1, #1
	str	w1, [x0]
	adrp	x0, __image_start
	adrp	x1, __rela_start
	add	x1, x1, :lo12:__rela_start
	adrp	x2, __rela_end
	add	x2, x2, :lo12:__rela_end
1:	cmp	x1, x2
	b.hs	2f
	ldp	x3, x4, [x1], #16
	ldr	x5, [x1], #8
	cmp	x4, #R_AARCH64_RELATIVE
	b.ne	1b
	add	x5, x5, x0
	str	x5, [x0, x3]
	b	1b
2:	ret

	.data
	.balign 4
wd_relocated:
	.word	0
