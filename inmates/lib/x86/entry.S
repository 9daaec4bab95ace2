/* SPDX-License-Identifier: GPL-2.0 */
/*
 * x86 inmate start-up (Documentation/inmate-abi.md, x86 section). A
 * multiboot-1 loader (QEMU -kernel) or Warden enters start32 in 32-bit
 * flat protected mode, paging off, interrupts off, with EAX = the
 * multiboot magic (bare metal) or "WDEN" (Warden; EBX = the CPU's index
 * in the cell). Nothing else is trusted: no stack, no GDT, no .bss.
 * The boot CPU clears .bss, builds identity page tables for the low
 * 4 GiB (2 MiB pages, the top 32 MiB uncached: IOAPIC, LAPIC) and
 * enters 64-bit long mode on its own GDT.
 */
#include <inmate/x86.h>

#define MB_MAGIC 0x1badb002
#define MB_FLAGS (1 << 16) /* the a.out kludge: addresses below */

#define PTE_P 0x1
#define PTE_RW 0x2
#define PTE_PWT 0x8
#define PTE_PCD 0x10
#define PTE_PS 0x80
#define PD_ENTRIES_4G 2048
#define PD_FIRST_UC (0xfe000000 >> 21)

	/*
	 * Warden enters the image at its first byte (1 MiB), a multiboot
	 * loader at the header's entry address: the first bytes jump over
	 * the header, which must lie 4-byte aligned in the first 8 KiB.
	 */
	.section .multiboot, "ax"
	.code32
	.global _start
_start:
	jmp	start32
	.balign 4
mb_header:
	.long MB_MAGIC, MB_FLAGS, (-(MB_MAGIC + MB_FLAGS)) & 0xffffffff
	.long mb_header, __image_start, __image_end, __stack_top, start32

	.section .text.start32, "ax"
	.code32
	.global start32
start32:
	cli
	cld
	movl	%eax, %esi
	movl	%ebx, %ebp
	/* Other CPUs of a cell are not run by this library yet: park. */
	cmpl	$INMATE_MAGIC_WARDEN, %eax
	jne	1f
	testl	%ebx, %ebx
	jnz	park32
1:	movl	$__bss_start, %edi
	movl	$__bss_end, %ecx
	subl	%edi, %ecx
	xorl	%eax, %eax
	rep stosb

	/* PML4[0] -> PDPT, PDPT[0..3] -> the four page directories. */
	movl	$x86_pdpt + (PTE_P | PTE_RW), x86_pml4
	movl	$x86_pd + (PTE_P | PTE_RW), %eax
	xorl	%ecx, %ecx
2:	movl	%eax, x86_pdpt(, %ecx, 8)
	addl	$4096, %eax
	incl	%ecx
	cmpl	$4, %ecx
	jb	2b

	/* 2 MiB pages, identity; the MMIO window at the top uncached. */
	xorl	%ecx, %ecx
3:	movl	%ecx, %eax
	shll	$21, %eax
	orl	$(PTE_P | PTE_RW | PTE_PS), %eax
	cmpl	$PD_FIRST_UC, %ecx
	jb	4f
	orl	$(PTE_PCD | PTE_PWT), %eax
4:	movl	%eax, x86_pd(, %ecx, 8)
	incl	%ecx
	cmpl	$PD_ENTRIES_4G, %ecx
	jb	3b

	lgdt	gdt_desc
	movl	%cr4, %eax
	orl	$X86_CR4_PAE, %eax
	movl	%eax, %cr4
	movl	$x86_pml4, %eax
	movl	%eax, %cr3
	movl	$X86_MSR_EFER, %ecx
	rdmsr
	orl	$X86_EFER_LME, %eax
	wrmsr
	movl	%cr0, %eax
	orl	$(X86_CR0_PG | X86_CR0_PE), %eax
	movl	%eax, %cr0
	ljmpl	$GDT_CODE64, $start64

park32:
	cli
	hlt
	jmp	park32

	.code64
start64:
	movl	$GDT_DATA, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %ss
	movl	%eax, %fs
	movl	%eax, %gs
	movq	$__stack_top, %rsp
	movl	%esi, %edi
	movl	%ebp, %esi
	call	inmate_boot
5:	cli
	hlt
	jmp	5b

	.section .rodata.gdt, "a"
	.balign 8
gdt:
	.quad 0
	.quad 0x00af9a000000ffff /* GDT_CODE64: present, ring 0, L = 1 */
	.quad 0x00cf92000000ffff /* GDT_DATA: flat read/write */
gdt_end:
gdt_desc:
	.word gdt_end - gdt - 1
	.long gdt

	.section .bss.pgtables, "aw", @nobits
	.balign 4096
x86_pml4:
	.skip 4096
x86_pdpt:
	.skip 4096
x86_pd:
	.skip 4096 * 4
