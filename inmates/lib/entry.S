/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Inmate entry. Warden (or a bare-metal loader) jumps here at EL1h with the
 * MMU off and x0 = guest-physical address of the cell's comm region (0 when
 * there is no hypervisor). Nothing else about the register file or memory
 * beyond the loaded image is assumed: the stack and .bss are ours to set up.
 */
	.section .text.entry, "ax"
	.global _start
_start:
	/* Whoever started us should have masked DAIF; make sure of it. */
	msr	daifset, #0xf
	mov	x19, x0

	adr	x1, exception_vectors
	msr	vbar_el1, x1
	isb

	adrp	x1, __stack_top
	add	x1, x1, :lo12:__stack_top
	mov	sp, x1

	/* .bss is 16-byte aligned and sized by the linker script. */
	adrp	x1, __bss_start
	add	x1, x1, :lo12:__bss_start
	adrp	x2, __bss_end
	add	x2, x2, :lo12:__bss_end
1:	cmp	x1, x2
	b.hs	2f
	stp	xzr, xzr, [x1], #16
	b	1b
2:
	mov	x0, x19
	bl	inmate_boot
	/* inmate_boot does not return; stay put if it ever does. */
3:	wfi
	b	3b
