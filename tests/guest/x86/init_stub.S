/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The code wd-x86-attack init (attack.c) starts a CPU in with INIT and SIPI,
 * copied to STUB_BASE (below 1 MiB, which Linux 6.1 reserves and leaves
 * alone). Real mode at STUB_BASE: flat 32-bit protected mode, then one
 * read of the address in `probe` (Warden's memory). flag: 1 started,
 * 2 the read went through (value has it: the CPU runs outside Warden),
 * 3 the read faulted (#GP: refused by Warden's nested tables). Then it
 * halts with interrupts off: only an INIT gets it out.
 */
#define STUB_BASE 0x70000
#define ABS(x) (STUB_BASE + (x) - stub_start)

	.section .rodata, "a"
	.global stub_start, stub_end
	.code16
stub_start:
	cli
	mov	%cs, %ax
	mov	%ax, %ds
	movl	$1, flag - stub_start
	lgdtl	gdt_ptr - stub_start
	lidtl	idt_ptr - stub_start
	mov	%cr0, %eax
	or	$1, %eax
	mov	%eax, %cr0
	ljmpl	$0x08, $ABS(pm)
	.code32
pm:
	mov	$0x10, %ax
	mov	%ax, %ds
	mov	%ax, %es
	mov	%ax, %ss
	mov	$ABS(stack_top), %esp
	mov	ABS(probe), %ebx
	mov	(%ebx), %eax
	mov	%eax, ABS(value)
	movl	$2, ABS(flag)
1:	hlt
	jmp	1b
gp:
	movl	$3, ABS(flag)
2:	hlt
	jmp	2b

	.balign 8
gdt:
	.quad	0
	.quad	0x00cf9a000000ffff	/* 0x08: code, flat 32-bit */
	.quad	0x00cf92000000ffff	/* 0x10: data, flat */
gdt_ptr:
	.word	gdt_ptr - gdt - 1
	.long	ABS(gdt)
	.balign 8
idt:	/* vectors 0..13, only #GP (13) present */
	.fill	13, 8, 0
	.word	ABS(gp) & 0xffff
	.word	0x08
	.word	0x8e00
	.word	ABS(gp) >> 16
idt_ptr:
	.word	idt_ptr - idt - 1
	.long	ABS(idt)
	.balign 16
	.global stub_flag, stub_value, stub_probe
flag:	.long	0
value:	.long	0
probe:	.long	0
	.fill	64, 4, 0
stack_top:
stub_end:
	.set	stub_flag, flag - stub_start
	.set	stub_value, value - stub_start
	.set	stub_probe, probe - stub_start
	.section .note.GNU-stack, "", @progbits
