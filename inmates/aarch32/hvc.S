/* SPDX-License-Identifier: GPL-2.0-or-later OR BSD-2-Clause */
/*
 * HVC/SMC #0 from AArch32: function r0, arguments r1..r3, result r0 (the
 * AAPCS argument and result registers, so no shuffling). Typed as
 * functions so that the linker makes T32 callers switch state.
 */
	.syntax	unified
	.arm
	.arch_extension virt
	.arch_extension sec
	.text
	.global	a32_hvc
	.type	a32_hvc, %function
a32_hvc:
	hvc	#0
	bx	lr
	.global	a32_smc
	.type	a32_smc, %function
a32_smc:
	smc	#0
	bx	lr
