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
 * warden.bin is linked at 0 as a PIE: add the load address to every word
 * the relocation bitmap names (bit i of the bitmap, in 64-bit words
 * from the image start: the word at offset 8 * i; warden.lds.S), once
 * per image copy (the driver copies a fresh image, with a zeroed .bss,
 * for every enable). Runs with the MMU off, on the first CPU only: the
 * driver enters the CPUs one after the other.
 */
relocate_once:
	adrp	x0, wd_relocated
	add	x0, x0, :lo12:wd_relocated
	ldr	w1, [x0]
	cbnz	w1, 5f
	mov	w1, #1
	str	w1, [x0]
	adrp	x0, __image_start
	adrp	x1, __relocs_start
	add	x1, x1, :lo12:__relocs_start
	adrp	x2, __relocs_end
	add	x2, x2, :lo12:__relocs_end
	mov	x4, x0
1:	cmp	x1, x2
	b.hs	4f
	ldr	x3, [x1], #8
	mov	x6, x4
2:	tbz	x3, #0, 3f
	ldr	x5, [x6]
	add	x5, x5, x0
	str	x5, [x6]
3:	add	x6, x6, #8
	lsr	x3, x3, #1
	cbnz	x3, 2b
	add	x4, x4, #64 * 8
	b	1b
4:	b	unpack_vectors
5:	ret

/*
 * The vector tables from their packed form (arch/arm64/host/vectors.c):
 * records of one word, (word offset from wd_vectors) | (words << 16),
 * followed by the words; 0 ends. The rest of the tables is the driver's
 * zeroes. Runs with the MMU off, after the relocations: the code written
 * here runs only after the instruction cache forgot what it held.
 */
unpack_vectors:
	adrp	x1, __vectors_packed
	add	x1, x1, :lo12:__vectors_packed
	adrp	x2, wd_vectors
	add	x2, x2, :lo12:wd_vectors
1:	ldr	w3, [x1], #4
	lsr	w4, w3, #16
	cbz	w4, 3f
	and	w3, w3, #0xffff
	add	x5, x2, x3, lsl #2
2:	ldr	w6, [x1], #4
	str	w6, [x5], #4
	subs	w4, w4, #1
	b.ne	2b
	b	1b
3:	ic	iallu
	dsb	nsh
	isb
	ret

	.bss
	.balign 4
wd_relocated:
	.skip	4
