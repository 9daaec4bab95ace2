/* SPDX-License-Identifier: GPL-2.0 */
/*
 * x86: the frame vectors.S builds for an exception, and the entry points
 * it calls. Stands in for the arm64 inmate/exception.h on x86 builds.
 */
#ifndef INMATE_EXCEPTION_H
#define INMATE_EXCEPTION_H

#define X86_NUM_EXCEPTIONS 32
#define X86_FIRST_IRQ_VECTOR 32
#define X86_STUB_SIZE 16 /* vectors.S: .balign 16 per stub */

#ifndef __ASSEMBLER__
#include <inmate/types.h>

struct exception_frame {
	u64 rax, rbx, rcx, rdx, rsi, rdi, rbp;
	u64 r8, r9, r10, r11, r12, r13, r14, r15;
	u64 entry_ticks; /* an IRQ's TSC at entry (the RTOS); 0 for faults */
	u64 vector, error;
	u64 rip, cs, rflags, rsp, ss; /* pushed by the CPU */
};

/* Installs the IDT (idt.c): every exception reports and halts. */
void idt_init(void);
/* Points vector at handler (an interrupt gate; IF cleared on entry). */
void idt_set_gate(unsigned int vector, uintptr_t handler);
void __noreturn exception_fatal(struct exception_frame *frame);
void irq_dispatch(u64 vector, u64 entry_ticks);
#endif

#endif
