/* SPDX-License-Identifier: GPL-2.0 */
/*
 * AMD SVM: the VMCB fields Warden uses (AMD64 APM vol. 2, appendix B),
 * by offset, intercept bits, exit codes and MSRs.
 */
#ifndef ARCH_SVM_H
#define ARCH_SVM_H

#include <wd/types.h>

#define MSR_EFER 0xc0000080u
#define MSR_VM_CR 0xc0010114u
#define MSR_VM_HSAVE_PA 0xc0010117u
#define MSR_PAT 0x277u
#define MSR_APIC_BASE 0x1bu
#define EFER_SCE BIT(0)
#define EFER_LME BIT(8)
#define EFER_LMA BIT(10)
#define EFER_NXE BIT(11)
#define EFER_SVME BIT(12)
#define VM_CR_LOCK BIT(3)
#define VM_CR_SVMDIS BIT(4)
#define CR4_LA57 BIT(12)

/* Control area. */
#define VMCB_INTERCEPT_MISC1 0x00c
#define VMCB_INTERCEPT_MISC2 0x010
#define VMCB_IOPM_PA 0x040
#define VMCB_MSRPM_PA 0x048
#define VMCB_ASID 0x058
#define VMCB_TLB_CONTROL 0x05c
#define VMCB_EXITCODE 0x070
#define VMCB_EXITINFO1 0x078
#define VMCB_EXITINFO2 0x080
#define VMCB_NP_ENABLE 0x090
#define VMCB_EVENTINJ 0x0a8
#define VMCB_N_CR3 0x0b0
/* State save area. */
#define VMCB_ES 0x400
#define VMCB_CS 0x410
#define VMCB_SS 0x420
#define VMCB_DS 0x430
#define VMCB_FS 0x440
#define VMCB_GS 0x450
#define VMCB_GDTR 0x460
#define VMCB_IDTR 0x480
#define VMCB_CPL 0x4cb
#define VMCB_EFER 0x4d0
#define VMCB_CR4 0x548
#define VMCB_CR3 0x550
#define VMCB_CR0 0x558
#define VMCB_DR7 0x560
#define VMCB_DR6 0x568
#define VMCB_RFLAGS 0x570
#define VMCB_RIP 0x578
#define VMCB_RSP 0x5d8
#define VMCB_RAX 0x5f8
#define VMCB_CR2 0x640
#define VMCB_G_PAT 0x668

/* A segment in the state save area: selector, attributes, limit, base. */
struct vmcb_seg {
	u16 sel, attrib;
	u32 limit;
	u64 base;
};

/* INTERCEPT_MISC1 */
#define SVM_I_NMI BIT(1)
#define SVM_I_INIT BIT(3)
#define SVM_I_INVLPGA BIT(26)
#define SVM_I_IOIO_PROT BIT(27)
#define SVM_I_MSR_PROT BIT(28)
#define SVM_I_SHUTDOWN BIT(31)
/* INTERCEPT_MISC2: VMRUN, VMMCALL, VMLOAD, VMSAVE, STGI, CLGI, SKINIT */
#define SVM_I_VMRUN BIT(0)
#define SVM_I_VMMCALL BIT(1)
#define SVM_I_SVM_INSNS 0x7f

#define SVM_EXIT_NMI 0x061
#define SVM_EXIT_INIT 0x063
#define SVM_EXIT_IOIO 0x07b
#define SVM_EXIT_MSR 0x07c
#define SVM_EXIT_SHUTDOWN 0x07f
#define SVM_EXIT_VMRUN 0x080
#define SVM_EXIT_VMMCALL 0x081
#define SVM_EXIT_SKINIT 0x086
#define SVM_EXIT_NPF 0x400
/* EXITINFO1 of a nested page fault: a fetch, a guest table walk */
#define NPF_FETCH BIT(4)
#define NPF_IN_WALK BIT(33)
#define SVM_EXIT_INVALID (~0ull)

/* EVENTINJ: vector, type 3 (exception), error code valid, valid. */
#define SVM_EVT_NMI (2ull << 8)
#define SVM_EVT_EXCEPTION (3ull << 8)
#define SVM_EVT_ERROR_VALID BIT(11)
#define SVM_EVT_VALID BIT(31)
#define X86_NMI 2
#define X86_UD 6
#define X86_GP 13

#define TLB_CONTROL_FLUSH_ASID 3

/* IOIO EXITINFO1: the access; EXITINFO2 holds the next RIP. */
#define IOIO_IN BIT(0)
#define IOIO_STRING BIT(2)
#define IOIO_SIZE(info) (((info) >> 4) & 7) /* 1, 2 or 4 bytes */
#define IOIO_PORT(info) ((u16)((info) >> 16))

/* One VMCB page, and the I/O permission map (12 KiB: ports 0..0xffff
 * and the bits an access past 0xffff reads). */
#define IOPM_SIZE 12288

static inline u64 *vmcb_u64(void *vmcb, unsigned int off)
{
	return (u64 *)((u8 *)vmcb + off);
}

static inline u64 rdmsr(u32 msr)
{
	u32 lo, hi;

	asm volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return lo | (u64)hi << 32;
}

static inline void wrmsr(u32 msr, u64 v)
{
	asm volatile("wrmsr"
		     :
		     : "c"(msr), "a"((u32)v), "d"((u32)(v >> 32))
		     : "memory");
}

static inline void write_cr3(u64 v)
{
	asm volatile("mov %0, %%cr3" : : "r"(v) : "memory");
}

#define read_cr(n)                                             \
	({                                                     \
		u64 v_;                                        \
		asm volatile("mov %%cr" #n ", %0" : "=r"(v_)); \
		v_;                                            \
	})

#endif
