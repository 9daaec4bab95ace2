// SPDX-License-Identifier: GPL-2.0
/*
 * The IDT: 256 interrupt gates (IF cleared on entry) to the stubs of
 * vectors.S, all on the one stack (no IST: an inmate that overflows its
 * stack is lost, as on arm64).
 */
#include <inmate/exception.h>
#include <inmate/x86.h>

#define IDT_ENTRIES 256
#define GATE_INTERRUPT64 0x8e /* present, DPL 0, 64-bit interrupt gate */

struct idt_gate {
	u16 offset_low;
	u16 selector;
	u8 ist;
	u8 type;
	u16 offset_mid;
	u32 offset_high;
	u32 reserved;
};

extern const char x86_exception_stubs[], x86_irq_stubs[];
static struct idt_gate idt[IDT_ENTRIES] __attribute__((aligned(16)));

void idt_set_gate(unsigned int vector, uintptr_t handler)
{
	idt[vector] = (struct idt_gate){
		.offset_low = (u16)handler,
		.selector = GDT_CODE64,
		.type = GATE_INTERRUPT64,
		.offset_mid = (u16)(handler >> 16),
		.offset_high = (u32)(handler >> 32),
	};
}

void idt_init(void)
{
	struct {
		u16 limit;
		u64 base;
	} __attribute__((packed)) desc = {sizeof(idt) - 1, (uintptr_t)idt};
	unsigned int v;

	for (v = 0; v < X86_NUM_EXCEPTIONS; v++)
		idt_set_gate(v, (uintptr_t)x86_exception_stubs +
					v * X86_STUB_SIZE);
	for (; v < IDT_ENTRIES; v++)
		idt_set_gate(v, (uintptr_t)x86_irq_stubs +
					(v - X86_FIRST_IRQ_VECTOR) *
						X86_STUB_SIZE);
	asm volatile("lidt %0" : : "m"(desc));
}
