/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Bare-metal start of an AArch32 image for `make bench` (bench/rtos.sh):
 * QEMU virt with virtualization=on enters this ELF at EL2 in AArch64; it
 * leaves EL2 for the image at 0x40000000 (loaded raw beside it) in
 * AArch32 SVC mode, A/I/F masked, r0 = 0 ("no comm region": the AArch32
 * library drives the board itself, inmates/aarch32/bare.c). EL2 keeps
 * nothing: no traps, no stage 2, the counters and timers the EL1's, so
 * what the image measures is the bare machine. QEMU cannot load a 32-bit
 * ELF for an AArch64 CPU, hence the shim.
 */
#define IMAGE 0x40000000
#define GICD_PIDR2_V2 0x08000fe8 /* GICv3: reserved, RAZ */
#define SPSR_SVC_MASKED 0x1d3 /* AArch32, SVC mode, A, I, F masked */

	.section .text.entry, "ax"
	.global	_start
_start:
	mov	x0, #3			/* CNTHCTL_EL2: EL1PCTEN, EL1PCEN */
	msr	cnthctl_el2, x0
	msr	cntvoff_el2, xzr
	msr	hcr_el2, xzr		/* RW = 0: EL1 is AArch32; no traps */
	ldr	x1, =GICD_PIDR2_V2	/* GICv3: let EL1 use ICC_* (SRE) */
	ldr	w0, [x1]
	ubfx	w0, w0, #4, #4
	cmp	w0, #2
	b.eq	1f
	mov	x0, #0xf		/* ICC_SRE_EL2: SRE, DFB, DIB, Enable */
	msr	S3_4_C12_C9_5, x0
	isb
1:	mov	x0, #SPSR_SVC_MASKED
	msr	spsr_el2, x0
	ldr	x0, =IMAGE
	msr	elr_el2, x0
	mov	x0, #0
	isb
	eret
	.pool
