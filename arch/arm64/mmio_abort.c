// SPDX-License-Identifier: GPL-2.0
/*
 * Stage-2 data aborts: decode the access from the syndrome and hand it to
 * the cell's emulated MMIO ranges. Accesses the syndrome does not
 * describe (ISV = 0) and unclaimed addresses are faults: the root gets
 * an external data abort, any other cell fails.
 */
#include <arch/sysreg.h>
#include <arch/traps.h>
#include <wd/cell.h>
#include <wd/mmio.h>
#include <wd/percpu.h>
#include <wd/printk.h>

#define ISS_ISV BIT(24)
#define ISS_SAS(iss) (((iss) >> 22) & 3)
#define ISS_SSE BIT(21)
#define ISS_SRT(iss) (((iss) >> 16) & 0x1f)
#define ISS_SF BIT(15)
#define ISS_WNR BIT(6)

static u64 fault_ipa(void)
{
	return ((read_sysreg(hpfar_el2) >> 4) << 12) |
	       (read_sysreg(far_el2) & 0xfff);
}

static u64 size_mask(unsigned int size)
{
	return size >= 8 ? ~0ull : (1ull << (size * 8)) - 1;
}

static u64 extend_read(u64 value, u64 iss, unsigned int size)
{
	unsigned int bits = size * 8;

	if (bits < 64)
		value &= (1ull << bits) - 1;
	if ((iss & ISS_SSE) && bits < 64 && (value & (1ull << (bits - 1))))
		value |= ~0ull << bits;
	if (!(iss & ISS_SF))
		value &= 0xffffffffull;
	return value;
}

/*
 * The root's IPAs are its physical addresses in the shipped configs: if
 * a cell owns the address (a device it took), say so. Linux may retry
 * the access forever (a probe loop, memory it was wrongly given): the
 * message is rate-limited, the abort is injected every time.
 */
static void report_root_fault(const struct percpu *pc, u64 ipa, bool write)
{
	const char *what = write ? "write" : "read";
	const struct cell *owner;

	if (!cell_ratelimit(&root_cell, RL_REFUSED, 1))
		return;
	cell_mgmt_lock();
	owner = cell_owning(ipa);
	if (owner)
		printk("root: %s of 0x%llx refused: it belongs to cell '%s' "
		       "(cpu %u, pc 0x%llx)\n",
		       what, ipa, owner->name, pc->cpu_id,
		       read_sysreg(elr_el2));
	else
		printk("CPU %u: %s of unassigned address %llx at %llx\n",
		       pc->cpu_id, what, ipa, read_sysreg(elr_el2));
	cell_mgmt_unlock();
}

/*
 * Root: an external abort, as real hardware would give (Linux kills a
 * user process with SIGBUS, oopses in the kernel). Other cells fail.
 */
static void fault_to_cell(struct percpu *pc, u64 ipa, bool write)
{
	if (pc->cell != &root_cell) {
		cell_fail(pc->cell,
			  write ? "stage-2 write abort" : "stage-2 read abort",
			  ipa);
		return;
	}
	report_root_fault(pc, ipa, write);
	inject_data_abort(read_sysreg(far_el2), write);
}

void handle_data_abort(struct percpu *pc, struct trap_frame *f, u64 esr)
{
	u64 iss = ESR_ISS(esr);
	struct mmio_access acc = {.addr = fault_ipa()};
	unsigned int rt = ISS_SRT(iss);

	pc->stats[WD_STAT_MMIO]++;
	acc.write = iss & ISS_WNR;
	if (!(iss & ISS_ISV)) {
		fault_to_cell(pc, acc.addr, acc.write);
		return;
	}
	acc.size = (u8)(1u << ISS_SAS(iss));
	if (acc.write)
		acc.value = frame_reg(f, rt) & size_mask(acc.size);
	if (mmio_dispatch(pc->cell, &acc)) {
		fault_to_cell(pc, acc.addr, acc.write);
		return;
	}
	if (!acc.write)
		frame_set_reg(f, rt, extend_read(acc.value, iss, acc.size));
	skip_instruction();
}
