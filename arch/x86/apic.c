// SPDX-License-Identifier: GPL-2.0
/*
 * The xAPIC page (0xfee00000) is not present in a cell's nested table:
 * each access is a nested page fault that Warden emulates on the CPU's
 * own APIC, so that no cell (the root included) writes the ICR itself.
 * An INIT to a CPU of its own would otherwise reset that CPU outside
 * Warden (QEMU's TCG resets at once, hardware when GIF is set again),
 * and IPIs could reach other cells' CPUs.
 *
 * ICR writes are filtered: fixed and NMI IPIs whose targets all belong
 * to the sender's cell are sent (one physical-destination IPI per
 * target, so a logical destination is resolved once, here); INIT and
 * SIPI to CPUs of the cell are emulated (wait-for-SIPI in Warden, then
 * real mode at vector << 12); the rest is dropped and reported. ICR high
 * is a per-CPU shadow; LDR and DFR are shadowed to resolve logical
 * destinations. Everything else passes through to the CPU's APIC.
 *
 * Trust: the instruction bytes, the offset and the values are the
 * guest's; the bytes may have changed since the fault (another CPU):
 * whatever they decode to still only reaches this emulation.
 */
#include <arch.h>
#include <arch/decode.h>
#include <arch/svm.h>
#include <arch/x86.h>
#include <wd/cell.h>
#include <wd/paging.h>
#include <wd/percpu.h>
#include <wd/printk.h>

#define APIC_ID 0x20
#define APIC_LDR 0xd0
#define APIC_DFR 0xe0
#define APIC_ICR 0x300
#define APIC_ICR2 0x310
#define ICR_BUSY BIT(12)
#define ICR_ASSERT BIT(14)
#define ICR_LOGICAL BIT(11)
#define ICR_DEST_BITS (ICR_LOGICAL | 3u << 18) /* mode, shorthand */
#define DM_FIXED 0
#define DM_SMI 2
#define DM_NMI 4
#define DM_INIT 5
#define DM_SIPI 6
#define APIC_BASE_ADDR 0x000ffffffffff000ull
#define APIC_BASE_EXTD BIT(10)
#define EFER_LMA BIT(10)
#define SEG_L BIT(9)

static volatile u32 *apic_reg(u32 off)
{
	return paging_ptr(wd_system_config()->platform.x86.lapic_base + off);
}

int apic_map(struct paging *hyp, const struct wd_system *sys)
{
	u64 base = sys->platform.x86.lapic_base;

	return paging_map(hyp, base, base, PAGE_SIZE, PG_RW | PG_DEVICE);
}

int apic_trap(struct cell *cell)
{
	return paging_unmap(&cell->stage2,
			    wd_system_config()->platform.x86.lapic_base,
			    PAGE_SIZE);
}

void apic_cpu_init(struct percpu *pc)
{
	pc->arch.ldr = *apic_reg(APIC_LDR);
	pc->arch.dfr = *apic_reg(APIC_DFR);
	pc->arch.icr_high = *apic_reg(APIC_ICR2);
	pc->arch.sipi = X86_RUNNING;
	pc->arch.kicks = 0;
}

/* Relocating the APIC or x2APIC mode would take its page out of reach. */
bool apic_base_write_ok(u64 value)
{
	return (value & APIC_BASE_ADDR) ==
		       wd_system_config()->platform.x86.lapic_base &&
	       !(value & APIC_BASE_EXTD);
}

/* One IPI to the CPU with this APIC ID, physical destination. */
static void send(u32 apic_id, u32 icr)
{
	unsigned int n = 0;

	*apic_reg(APIC_ICR2) = apic_id << 24;
	*apic_reg(APIC_ICR) = icr & ~ICR_DEST_BITS;
	while ((*apic_reg(APIC_ICR) & ICR_BUSY) && n++ < 100000)
		arch_cpu_relax();
}

static bool logical_match(const struct percpu *t, u32 mda)
{
	u32 id = t->arch.ldr >> 24;

	if (t->arch.dfr >> 28 == 0xf) /* flat */
		return id & mda;
	return id >> 4 == mda >> 4 && (id & mda & 0xf); /* cluster */
}

/* The CPUs (by Warden index) an ICR value names. */
static u64 targets(const struct percpu *pc, u32 lo, u32 hi)
{
	const struct wd_system *sys = wd_system_config();
	u32 ncpus = sys->platform.num_cpus;
	u64 all = ncpus < 64 ? BIT(ncpus) - 1 : ~0ull, me = BIT(pc->cpu_id),
	    set;
	u32 dest = hi >> 24;
	unsigned int i;

	switch ((lo >> 18) & 3) {
	case 1:
		return me;
	case 2:
		return all;
	case 3:
		return all & ~me;
	}
	if (dest == 0xff)
		return all;
	for (set = 0, i = 0; i < ncpus; i++)
		if (lo & ICR_LOGICAL ? logical_match(percpu_of(i), dest)
				     : sys->platform.x86.apic_id[i] == dest)
			set |= BIT(i);
	return set;
}

/* INIT: a running CPU of the cell waits for a SIPI, kicked by an NMI. */
static void init_cpu(struct percpu *pc, struct percpu *t)
{
	u32 running = X86_RUNNING;

	if (!__atomic_compare_exchange_n(&t->arch.sipi, &running, X86_WAIT_SIPI,
					 false, __ATOMIC_SEQ_CST,
					 __ATOMIC_SEQ_CST))
		return; /* waiting already */
	if (t == pc)
		return; /* apic_check_init() on the way out */
	__atomic_add_fetch(&t->arch.kicks, 1, __ATOMIC_SEQ_CST);
	send(wd_system_config()->platform.x86.apic_id[t->cpu_id],
	     DM_NMI << 8 | ICR_ASSERT);
}

/*
 * A kick (arch.h): an NMI the target takes as one of its counted kicks
 * (apic_nmi()); the exit path then looks at its requests.
 */
void arch_cpu_kick(const struct percpu *target)
{
	struct percpu *t = percpu_of(target->cpu_id);

	if (t == this_cpu())
		return; /* it looks at its requests on its way back */
	__atomic_add_fetch(&t->arch.kicks, 1, __ATOMIC_SEQ_CST);
	send(wd_system_config()->platform.x86.apic_id[t->cpu_id],
	     DM_NMI << 8 | ICR_ASSERT);
}

/* SIPI: only a waiting CPU starts; a second SIPI finds it started. */
static void sipi_cpu(struct percpu *t, u32 vector)
{
	u32 waiting = X86_WAIT_SIPI;

	__atomic_compare_exchange_n(&t->arch.sipi, &waiting, X86_SIPI | vector,
				    false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
}

static void deliver(struct percpu *pc, u64 set, u32 lo)
{
	const u32 *ids = wd_system_config()->platform.x86.apic_id;
	u32 mode = (lo >> 8) & 7;
	unsigned int i;

	for (i = 0; set >> i; i++) {
		if (!(set & BIT(i)))
			continue;
		if (mode == DM_INIT)
			init_cpu(pc, percpu_of(i));
		else if (mode == DM_SIPI)
			sipi_cpu(percpu_of(i), lo & 0xff);
		else
			send(ids[i], lo);
	}
}

/* Does pc's cell hold every CPU (the root before any cell exists)? */
static bool holds_all(const struct percpu *pc)
{
	u32 n = wd_system_config()->platform.num_cpus;

	return !(~pc->cell->cpu_set & (n < 64 ? BIT(n) - 1 : ~0ull));
}

/*
 * A cell that holds every CPU sends its fixed and NMI IPIs as written:
 * the root at enable, whose CPUs not in Warden yet have no LDR shadow.
 */
static void icr_write(struct percpu *pc, u32 lo)
{
	u32 mode = (lo >> 8) & 7;
	u64 set;

	if ((mode == DM_FIXED || mode == DM_NMI) && holds_all(pc)) {
		*apic_reg(APIC_ICR2) = pc->arch.icr_high;
		*apic_reg(APIC_ICR) = lo;
		return;
	}
	if (mode == DM_INIT && !(lo & ICR_ASSERT))
		return; /* INIT level de-assert: nothing to emulate */
	set = targets(pc, lo, pc->arch.icr_high);
	if (set && !(set & ~pc->cell->cpu_set) &&
	    (mode == DM_FIXED || mode == DM_NMI || mode == DM_INIT ||
	     mode == DM_SIPI)) {
		deliver(pc, set, lo);
		return;
	}
	if (pc->cell != &root_cell)
		cell_fail(pc->cell, "IPI outside the cell", lo);
	else if (cell_ratelimit(pc->cell, RL_REFUSED, 1))
		printk("cell '%s': IPI 0x%x to 0x%x dropped (cpu %u)\n",
		       pc->cell->name, lo, pc->arch.icr_high, pc->cpu_id);
}

static u32 apic_read(struct percpu *pc, u32 off)
{
	return off == APIC_ICR2 ? pc->arch.icr_high : *apic_reg(off);
}

/*
 * A local vector table entry (CMCI 0x2f0, timer to error 0x320-0x370)
 * with delivery mode INIT or SMI: LINT0/1 may take INIT, and the root
 * drives the lines (its PIC, its IOAPIC's ExtINT pin), which would be a
 * physical INIT of its own CPU again.
 */
static bool lvt_refused(struct percpu *pc, u32 off, u32 v)
{
	u32 mode = (v >> 8) & 7;

	if (!(off == 0x2f0 || (off >= 0x320 && off <= 0x370)) ||
	    (mode != DM_INIT && mode != DM_SMI))
		return false;
	if (cell_ratelimit(pc->cell, RL_REFUSED, 1))
		printk("cell '%s': LVT 0x%x = 0x%x refused (cpu %u)\n",
		       pc->cell->name, off, v, pc->cpu_id);
	return true;
}

/* The APIC ID is not the guest's to change (IPI targets depend on it). */
static void apic_write(struct percpu *pc, u32 off, u32 v)
{
	if (off == APIC_ICR2)
		pc->arch.icr_high = v;
	else if (off == APIC_ICR)
		icr_write(pc, v);
	else if (off != APIC_ID && !lvt_refused(pc, off, v))
		*apic_reg(off) = v;
	if (off == APIC_LDR)
		pc->arch.ldr = v;
	else if (off == APIC_DFR)
		pc->arch.dfr = v;
}

/* The guest's general register n (0 rax .. 15 r15). */
static u64 *reg(struct percpu *pc, unsigned int n)
{
	static const u8 slot[16] = {0, 1, 2, 0, 0,  5,	3,  4,
				    6, 7, 8, 9, 10, 11, 12, 13};
	void *vmcb = paging_ptr(pc->arch.vmcb_pa);

	if (n == 0)
		return vmcb_u64(vmcb, VMCB_RAX);
	if (n == 4)
		return vmcb_u64(vmcb, VMCB_RSP);
	return (u64 *)&pc->arch.regs + slot[n];
}

static bool long64(void *vmcb)
{
	const struct vmcb_seg *cs = (const void *)((u8 *)vmcb + VMCB_CS);

	return (*vmcb_u64(vmcb, VMCB_EFER) & EFER_LMA) && (cs->attrib & SEG_L);
}

static void emulate(struct percpu *pc, u32 off, const struct x86_insn *in)
{
	u64 *r = reg(pc, in->reg);
	u32 old = 0;

	if (in->op == X86_OP_LOAD || in->op == X86_OP_XCHG)
		old = apic_read(pc, off);
	if (in->op == X86_OP_STORE_IMM)
		apic_write(pc, off, in->imm);
	else if (in->op != X86_OP_LOAD)
		apic_write(pc, off, (u32)*r);
	if (in->op == X86_OP_LOAD || in->op == X86_OP_XCHG)
		*r = old; /* a 32-bit register write zero-extends */
}

bool apic_access(struct percpu *pc, u64 gpa)
{
	void *vmcb = paging_ptr(pc->arch.vmcb_pa);
	struct x86_insn in;
	u8 code[15];
	unsigned int n;

	if ((gpa & PAGE_MASK) != wd_system_config()->platform.x86.lapic_base)
		return false;
	pc->stats[WD_STAT_MMIO]++;
	n = guest_fetch_code(pc, code, sizeof(code));
	if ((gpa & 0xf) ||
	    x86_decode(code, n, long64(vmcb), &in) != X86_DECODE_OK) {
		cell_fail(pc->cell, "xAPIC access Warden cannot emulate", gpa);
		*vmcb_u64(vmcb, VMCB_EVENTINJ) = X86_GP | SVM_EVT_EXCEPTION |
						 SVM_EVT_ERROR_VALID |
						 SVM_EVT_VALID;
		return true;
	}
	emulate(pc, gpa & 0xff0, &in);
	*vmcb_u64(vmcb, VMCB_RIP) += in.len;
	return true;
}
