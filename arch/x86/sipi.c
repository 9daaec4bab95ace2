// SPDX-License-Identifier: GPL-2.0
/*
 * The target side of an emulated INIT (apic.c): the CPU, kicked by an
 * NMI, waits in Warden for a SIPI, then starts as the cell's guest in
 * real mode at vector << 12 with the state an INIT leaves (AMD64 APM
 * vol. 2, "Processor Initialization State"), as Linux's wakeup
 * trampoline expects. Its physical CPU never leaves Warden.
 */
#include <arch.h>
#include <arch/svm.h>
#include <arch/x86.h>
#include <wd/paging.h>
#include <wd/percpu.h>
#include <wd/string.h>

#define VMCB_FS 0x440
#define VMCB_GS 0x450
#define VMCB_LDTR 0x470
#define VMCB_TR 0x490
#define VMCB_INT_STATE 0x068
#define VMCB_V_INTR 0x060
#define SEG_CODE16 0x9b /* present, code, readable, accessed */
#define SEG_DATA16 0x93
#define SEG_LDT 0x82
#define SEG_TSS16 0x8b
#define SVM_EVT_NMI (2ull << 8)
#define X86_NMI 2

static void seg(u8 *vmcb, unsigned int off, u16 sel, u16 attrib, u64 base)
{
	*(struct vmcb_seg *)(vmcb + off) =
		(struct vmcb_seg){sel, attrib, 0xffff, base};
}

static u32 cpu_signature(void)
{
	u32 a, b, c, d;

	asm volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(1));
	return a;
}

/* The post-INIT state, RIP 0 in the SIPI's segment. */
static void real_mode(struct percpu *pc, u8 *vmcb, u32 vector)
{
	static const unsigned int data[] = {VMCB_DS, VMCB_ES, VMCB_SS, VMCB_FS,
					    VMCB_GS};
	unsigned int i;

	seg(vmcb, VMCB_CS, (u16)(vector << 8), SEG_CODE16, vector << 12);
	for (i = 0; i < ARRAY_SIZE(data); i++)
		seg(vmcb, data[i], 0, SEG_DATA16, 0);
	seg(vmcb, VMCB_GDTR, 0, 0, 0);
	seg(vmcb, VMCB_IDTR, 0, 0, 0);
	seg(vmcb, VMCB_LDTR, 0, SEG_LDT, 0);
	seg(vmcb, VMCB_TR, 0, SEG_TSS16, 0);
	*vmcb_u64(vmcb, VMCB_CR0) = 0x60000010; /* CD, NW, ET */
	*vmcb_u64(vmcb, VMCB_CR2) = 0;
	*vmcb_u64(vmcb, VMCB_CR3) = 0;
	*vmcb_u64(vmcb, VMCB_CR4) = 0;
	*vmcb_u64(vmcb, VMCB_EFER) = EFER_SVME; /* VMRUN needs it */
	*vmcb_u64(vmcb, VMCB_DR6) = 0xffff0ff0;
	*vmcb_u64(vmcb, VMCB_DR7) = 0x400;
	*vmcb_u64(vmcb, VMCB_RFLAGS) = 2;
	*vmcb_u64(vmcb, VMCB_RIP) = 0;
	*vmcb_u64(vmcb, VMCB_RSP) = 0;
	*vmcb_u64(vmcb, VMCB_RAX) = 0;
	*vmcb_u64(vmcb, VMCB_G_PAT) = 0x0007040600070406ull;
	*vmcb_u64(vmcb, VMCB_INT_STATE) = 0;
	*vmcb_u64(vmcb, VMCB_V_INTR) = 0;
	*vmcb_u64(vmcb, VMCB_EVENTINJ) = 0;
	vmcb[VMCB_CPL] = 0;
	memset(&pc->arch.regs, 0, sizeof(pc->arch.regs));
	pc->arch.regs.rdx = cpu_signature();
}

/*
 * FS, GS, LDTR, TR and the syscall MSRs are not VMRUN's: VMLOAD puts the
 * VMCB's (reset) values into this CPU, the guest's from now on.
 */
static void start(struct percpu *pc, u32 vector)
{
	u8 *vmcb = paging_ptr(pc->arch.vmcb_pa);

#ifdef WD_X86_FAULT_TEST
	/* The fault-test build only (x86-hostfault): Warden itself faults. */
	if (pc->cpu_id == 1)
		(void)*(volatile u32 *)WD_X86_FAULT_TEST;
#endif
	real_mode(pc, vmcb, vector);
	asm volatile("vmload %%rax" : : "a"(pc->arch.vmcb_pa) : "memory");
}

void apic_check_init(struct percpu *pc)
{
	u32 s;

	if (READ_ONCE(pc->arch.sipi) == X86_RUNNING)
		return;
	while ((s = READ_ONCE(pc->arch.sipi)) == X86_WAIT_SIPI) {
		/* A cell stopped meanwhile: park (arch_cpu_enter resets). */
		if (READ_ONCE(pc->request) & CPU_REQ_PARK)
			return;
		arch_cpu_relax();
	}
	start(pc, s & 0xff);
	WRITE_ONCE(pc->arch.sipi, X86_RUNNING);
}

/*
 * The NMI stays pending after its #VMEXIT: the host takes it (idt.c).
 * One counted kick per NMI Warden sent (apic.c); any other is the
 * guest's and goes back to it.
 */
void apic_nmi(struct percpu *pc)
{
	pc->stats[WD_STAT_IRQ]++;
	host_take_nmi();
	if (READ_ONCE(pc->arch.kicks)) {
		__atomic_sub_fetch(&pc->arch.kicks, 1, __ATOMIC_SEQ_CST);
		return;
	}
	*vmcb_u64(paging_ptr(pc->arch.vmcb_pa), VMCB_EVENTINJ) =
		X86_NMI | SVM_EVT_NMI | SVM_EVT_VALID;
}
