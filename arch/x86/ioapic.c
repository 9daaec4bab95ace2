// SPDX-License-Identifier: GPL-2.0
/*
 * The root's IOAPICs (platform.x86.ioapic[]) are not present in its
 * nested table: each access is emulated (mmio.c) so that no redirection
 * entry sends INIT, NMI, SMI or ExtINT. An INIT to a root CPU would
 * reset it outside Warden (as the xAPIC's ICR did before apic.c), an
 * NMI or SMI would reach a CPU behind Warden's back (SMM is not Warden's).
 *
 * IOREGSEL (0x00) is a shadow per IOAPIC; an IOWIN (0x10) access writes
 * the shadow to the IOAPIC and reads or writes the window under one lock,
 * so that the index checked is the index written: two root CPUs may race
 * on IOREGSEL and IOWIN (Linux serialises them; Warden does not trust
 * that). A redirection entry's low word (index 0x10 + 2n) whose delivery
 * mode is not fixed or lowest priority is refused: the entry keeps its
 * old value, reported rate-limited. The EOI register (0x40) passes
 * through; other offsets read 0, writes are dropped (hardware may alias
 * them onto IOREGSEL/IOWIN). Only the root reaches this: a cell's CPUs
 * never map an IOAPIC; when cells own pins, ioapic_window() is
 * where the root's writes to a cell's pins would be refused.
 *
 * Trust: the offset, the index and every value are the root's.
 */
#include <arch.h>
#include <arch/x86.h>
#include <wd/cell.h>
#include <wd/paging.h>
#include <wd/percpu.h>
#include <wd/printk.h>
#include <wd/spinlock.h>

#define IOREGSEL 0x00
#define IOWIN 0x10
#define IOAPIC_EOI 0x40
#define RTE_BASE 0x10
#define DM_LOWEST 1

static spinlock_t ioapic_lock;
static u32 ioregsel[WD_X86_MAX_IOAPICS]; /* under ioapic_lock */

static const struct wd_x86_ioapic *ioapic(unsigned int i)
{
	return &wd_system_config()->platform.x86.ioapic[i];
}

static volatile u32 *ioapic_reg(unsigned int i, u32 off)
{
	return paging_ptr(ioapic(i)->base + off);
}

int ioapic_map(struct paging *hyp, const struct wd_system *sys)
{
	const struct wd_x86_ioapic *io = sys->platform.x86.ioapic;
	unsigned int i;
	int err = 0;

	for (i = 0; i < WD_X86_MAX_IOAPICS && !err; i++)
		if (io[i].base)
			err = paging_map(hyp, io[i].base, io[i].base, PAGE_SIZE,
					 PG_RW | PG_DEVICE);
	return err;
}

int ioapic_trap(struct cell *cell)
{
	unsigned int i;
	int err = 0;

	for (i = 0; i < WD_X86_MAX_IOAPICS && !err; i++)
		if (ioapic(i)->base)
			err = paging_unmap(&cell->stage2, ioapic(i)->base,
					   PAGE_SIZE);
	return err;
}

/* Which IOAPIC's page gpa is in; WD_X86_MAX_IOAPICS if none. */
static unsigned int ioapic_at(u64 gpa)
{
	unsigned int i;

	for (i = 0; i < WD_X86_MAX_IOAPICS; i++)
		if (ioapic(i)->base && ioapic(i)->base == (gpa & PAGE_MASK))
			break;
	return i;
}

/* A redirection entry's low word that delivers INIT, NMI, SMI, ExtINT. */
static bool rte_refused(struct percpu *pc, unsigned int i, u32 index, u32 v)
{
	if (index < RTE_BASE || (index & 1) || ((v >> 8) & 7) <= DM_LOWEST)
		return false;
	if (cell_ratelimit(pc->cell, RL_REFUSED, 1))
		printk("cell '%s': IOAPIC %u RTE %u = 0x%x refused (cpu %u)\n",
		       pc->cell->name, i, (index - RTE_BASE) / 2, v,
		       pc->cpu_id);
	return true;
}

/* Index and window together under the lock: the index checked is used. */
static u32 ioapic_window(struct percpu *pc, unsigned int i, bool write, u32 v)
{
	u32 index;

	spin_lock(&ioapic_lock);
	index = ioregsel[i];
	*ioapic_reg(i, IOREGSEL) = index;
	if (!write)
		v = *ioapic_reg(i, IOWIN);
	else if (!rte_refused(pc, i, index, v))
		*ioapic_reg(i, IOWIN) = v;
	spin_unlock(&ioapic_lock);
	return v;
}

static u32 ioapic_read(struct percpu *pc, u64 gpa)
{
	unsigned int i = ioapic_at(gpa);
	u32 off = gpa & 0xff, v;

	if (off == IOREGSEL) {
		spin_lock(&ioapic_lock);
		v = ioregsel[i];
		spin_unlock(&ioapic_lock);
		return v;
	}
	if (off == IOWIN)
		return ioapic_window(pc, i, false, 0);
	return off == IOAPIC_EOI && !(gpa & 0xf00) ? *ioapic_reg(i, off) : 0;
}

static void ioapic_write(struct percpu *pc, u64 gpa, u32 v)
{
	unsigned int i = ioapic_at(gpa);
	u32 off = gpa & 0xff;

	if (off == IOREGSEL) {
		spin_lock(&ioapic_lock);
		ioregsel[i] = v & 0xff; /* IOREGSEL is 8 bits wide */
		spin_unlock(&ioapic_lock);
	} else if (off == IOWIN) {
		ioapic_window(pc, i, true, v);
	} else if (off == IOAPIC_EOI && !(gpa & 0xf00)) {
		*ioapic_reg(i, off) = v;
	}
}

static const struct x86_mmio ioapic_mmio = {
	.read = ioapic_read,
	.write = ioapic_write,
	.cannot = "IOAPIC access Warden cannot emulate",
};

/* Only the root maps IOAPICs: a cell's access is memory it does not own. */
bool ioapic_access(struct percpu *pc, u64 gpa)
{
	if (pc->cell != &root_cell || ioapic_at(gpa) == WD_X86_MAX_IOAPICS)
		return false;
	x86_mmio_emulate(pc, gpa, &ioapic_mmio);
	return true;
}
