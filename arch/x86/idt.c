// SPDX-License-Identifier: GPL-2.0
/*
 * Warden's own GDT and IDT on each CPU (loaded at entry, Linux's back
 * when the CPU leaves): a fault in Warden prints its registers and stops
 * that CPU instead of a triple fault resetting the machine, and an NMI
 * Warden lets in (host_take_nmi) has a handler. Linux's tables are at
 * Linux addresses, which Warden's page tables do not map.
 *
 * The selectors are Linux's: #VMEXIT restores the host's CS and SS as
 * they were at enable (__KERNEL_CS 0x10, __KERNEL_DS 0x18), and the NMI
 * handler's IRETQ reloads them from this GDT.
 */
#include <arch.h>
#include <arch/svm.h>
#include <arch/x86.h>
#include <wd/percpu.h>
#include <wd/printk.h>

#define GDT_CODE64 0x00af9b000000ffffull
#define GDT_DATA 0x00cf93000000ffffull
#define KERNEL_CS 0x10
#define GATE_INTR 0x8e00 /* present, DPL 0, 64-bit interrupt gate */

struct __attribute__((packed)) desc_ptr {
	u16 limit;
	u64 base;
};

struct frame { /* idt.S: pushed registers, vector, error, CPU frame */
	u64 r15, r14, r13, r12, r11, r10, r9, r8, rbp, rdi, rsi, rdx, rcx, rbx,
		rax, vector, error, rip, cs, rflags, rsp, ss;
};

extern u8 x86_idt_stubs[];
static const u64 gdt[4] = {0, GDT_CODE64, GDT_CODE64, GDT_DATA};
static u64 idt[32][2] __attribute__((aligned(16)));

static void load(u64 gdt_base, u16 gdt_limit, u64 idt_base, u16 idt_limit)
{
	struct desc_ptr g = {gdt_limit, gdt_base}, i = {idt_limit, idt_base};

	asm volatile("lgdt %0; lidt %1" : : "m"(g), "m"(i) : "memory");
}

void host_tables_load(void)
{
	u64 stub;
	unsigned int v;

	for (v = 0; v < 32; v++) {
		stub = (u64)x86_idt_stubs + 16 * v;
		idt[v][0] = (stub & 0xffff) | (u64)KERNEL_CS << 16 |
			    (u64)GATE_INTR << 32 | (stub >> 16 & 0xffff) << 48;
		idt[v][1] = stub >> 32;
	}
	load((u64)gdt, sizeof(gdt) - 1, (u64)idt, sizeof(idt) - 1);
}

void host_tables_restore(u64 gdt_base, u16 gdt_limit, u64 idt_base,
			 u16 idt_limit)
{
	load(gdt_base, gdt_limit, idt_base, idt_limit);
}

/* GIF opens for one instruction: only an NMI (IF is clear) comes in. */
void host_take_nmi(void)
{
	asm volatile("stgi; nop; clgi" : : : "memory");
}

__attribute__((noreturn)) void x86_host_fault(const struct frame *f);
__attribute__((noreturn)) void x86_host_fault(const struct frame *f)
{
	static const char *const names[] = {"r15", "r14", "r13", "r12", "r11",
					    "r10", "r9",  "r8",	 "rbp", "rdi",
					    "rsi", "rdx", "rcx", "rbx", "rax"};
	const u64 *r = &f->r15;
	unsigned int i, cpu = this_cpu()->cpu_id;

	printk("CPU %u: fault in Warden: vector %llu error 0x%llx at rip "
	       "0x%llx (cs 0x%llx rflags 0x%llx rsp 0x%llx cr2 0x%llx)\n",
	       cpu, f->vector, f->error, f->rip, f->cs, f->rflags, f->rsp,
	       read_cr(2));
	for (i = 0; i < ARRAY_SIZE(names); i++)
		printk("  %s 0x%llx\n", names[i], r[i]);
	printk("CPU %u stopped\n", cpu);
	for (;;)
		asm volatile("cli; hlt");
}
