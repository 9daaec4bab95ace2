/* SPDX-License-Identifier: GPL-2.0 */
/*
 * TEST FIXTURE (x86cell), not an inmate library: the smallest x86 inmate
 * in the boot state of Documentation/inmate-abi.md (x86), for the
 * x86-cells and x86-faults scenarios until inmates/lib/x86 has hello and
 * fault demos; then those replace it and this file goes.
 *
 * Linked at 0x100000, a multiboot-1 header with the a.out-kludge address
 * fields, entered in 32-bit flat protected mode. EAX = "WDEN": in a cell,
 * output by VMMCALL (WD_HC_CONSOLE_PUTC); else (QEMU -kernel) on COM1.
 * Says hello with its CPU index (EBX), then FAULT picks what it does:
 * 0 ticks for ever; 1 reads Warden's memory; 2 writes another cell's RAM
 * (hello2's); 3 writes COM1 (a port it does not own); 4 reads an MSR it
 * does not own; 5 triple-faults (an exception with no IDT); 6 floods
 * Warden with invalid hypercalls; 7 reads the root's MMIO (the IOAPIC);
 * 8 writes and reads COM2, which its cell owns, then halts.
 * A fault Warden lets pass prints "survived" (the scenario's failure).
 */
#define WD_HC_CONSOLE_PUTC 0xc6000008
#define WDEN 0x5744454e
#define MB_MAGIC 0x1badb002
#define MB_FLAGS 0x00010000 /* bit 16: the address fields below */

	.code32
	.text
	.globl _start
_start:
	jmp	start32
	.balign 4
mb_header:
	.long	MB_MAGIC, MB_FLAGS, -(MB_MAGIC + MB_FLAGS)
	.long	mb_header, _start, _edata, _end, start32

start32:
	mov	$stack_top, %esp
	mov	%eax, mode
	mov	%eax, 0x200000	/* a mark the scenario looks for (scrub) */
	mov	$msg_hello, %esi
	call	puts
	mov	%ebx, %eax
	call	putdec
	call	newline
	call	fault
	mov	$msg_survived, %esi
	call	puts
halt:	cli
	hlt
	jmp	halt

fault:
#if FAULT == 0
	xor	%ebp, %ebp
1:	inc	%ebp
	mov	$msg_tick, %esi
	call	puts
	mov	%ebp, %eax
	call	putdec
	call	newline
	mov	$30000000, %ecx
2:	dec	%ecx
	jnz	2b
	jmp	1b
#elif FAULT == 1
	mov	0x3f800000, %eax
#elif FAULT == 2
	movl	$0xdead, 0x3c400000
#elif FAULT == 3
	mov	$0x3f8, %dx
	mov	$'x', %al
	outb	%al, %dx
#elif FAULT == 4
	mov	$0xc0010117, %ecx
	rdmsr
#elif FAULT == 5
	ud2
#elif FAULT == 6
1:	mov	$0x12345678, %eax
	vmmcall
	jmp	1b
#elif FAULT == 7
	mov	0xfec00000, %eax
#elif FAULT == 8
	mov	$0x2f8, %dx	/* COM2: the cell owns it (cells/x86/com2.c) */
	mov	$'C', %al
	outb	%al, %dx
	add	$5, %dx
	inb	%dx, %al
	mov	$msg_com2, %esi
	call	puts
	jmp	halt
#endif
	ret

/* One character in %al. */
putc:
	push	%eax
	push	%edi
	push	%edx
	cmpl	$WDEN, mode
	jne	1f
	movzbl	%al, %edi
	mov	$WD_HC_CONSOLE_PUTC, %eax
	vmmcall
	jmp	2f
1:	mov	%al, %ah
	mov	$0x3fd, %dx
3:	inb	%dx, %al
	test	$0x20, %al
	jz	3b
	mov	$0x3f8, %dx
	mov	%ah, %al
	outb	%al, %dx
2:	pop	%edx
	pop	%edi
	pop	%eax
	ret

/* The NUL-terminated string at %esi. */
puts:
	lodsb
	test	%al, %al
	jz	1f
	call	putc
	jmp	puts
1:	ret

newline:
	mov	$'\n', %al
	jmp	putc

/* %eax in decimal. */
putdec:
	mov	$10, %ecx
	xor	%edx, %edx
	div	%ecx
	push	%edx
	test	%eax, %eax
	jz	1f
	call	putdec
1:	pop	%eax
	add	$'0', %al
	jmp	putc

	.data
msg_hello:	.asciz	"inmate-min: hello from CPU "
msg_tick:	.asciz	"inmate-min: tick "
msg_survived:	.asciz	"inmate-min: survived the fault\n"
msg_com2:	.asciz	"inmate-min: COM2 written\n"

	.bss
mode:	.long	0
	.balign	16
	.space	1024
stack_top:
