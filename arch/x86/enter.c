// SPDX-License-Identifier: GPL-2.0
/*
 * The C side of wd_entry (entry.S has recorded where Linux goes on):
 * relocate the image once, then the core's per-CPU enable.
 */
#include <arch.h>
#include <warden/hypercall.h>
#include <wd/errno.h>
#include <wd/percpu.h>
#include <wd/printk.h>

void x86_relocate_once(void);

/*
 * wd_entry runs natively: a CPU under Warden cannot get here (its jump to
 * the range's physical address faults in the root's nested tables). So a
 * CPU Warden still counts as active was reset behind its back: an INIT
 * that QEMU's TCG delivers right after the #VMEXIT(INIT), before Warden
 * runs (exit.c), or to a CPU parked in Warden (GIF clear does not hold it
 * off there either). A root CPU that ran: it left, say so as a disable
 * would, then enter anew (1). A parked root CPU: Linux onlined it, it
 * runs the root again on a new VMCB (0). A cell's CPU: refused.
 */
static int forget_reset_cpu(struct percpu *pc)
{
	if (!pc->active)
		return 1;
	if (pc->parked) {
		if (!cell_cpu_unpark_root(pc)) {
			printk("CPU %u: reset while in a cell: refused\n",
			       pc->cpu_id);
			return -EBUSY;
		}
		printk("CPU %u: onlined by Linux, leaves the park\n",
		       pc->cpu_id);
		return 0;
	}
	printk("CPU %u: reset by INIT, entering again\n", pc->cpu_id);
	hypercall_dispatch(pc, WD_HC_DISABLE, 0, 0, 0);
	pc->leaving = false;
	return 1;
}

long x86_enter(u64 index)
{
	struct percpu *pc;
	long err;

	x86_relocate_once();
	pc = percpu_of((unsigned int)index);
	pc->arch.regs = (struct x86_regs){0};
	err = forget_reset_cpu(pc);
	if (err == 1)
		err = wd_enable_cpu((unsigned int)index);
	else if (!err)
		err = arch_cpu_init(pc);
	pc->arch.ret.rax = (u64)err;
	return err;
}
