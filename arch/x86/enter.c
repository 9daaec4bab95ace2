// SPDX-License-Identifier: GPL-2.0
/*
 * The C side of wd_entry (entry.S has recorded where Linux goes on):
 * relocate the image once, then the core's per-CPU enable.
 */
#include <arch.h>
#include <warden/hypercall.h>
#include <wd/percpu.h>
#include <wd/printk.h>

void x86_relocate_once(void);

/*
 * wd_entry runs natively: a CPU under Warden cannot get here (its jump to
 * the range's physical address faults in the root's nested tables). So a
 * CPU Warden still counts as active was reset behind its back: an INIT
 * that QEMU's TCG delivers right after the #VMEXIT(INIT), before Warden
 * runs (exit.c). It left: say so as a disable would, then enter anew.
 */
static void forget_reset_cpu(struct percpu *pc)
{
	if (!pc->active)
		return;
	printk("CPU %u: reset by INIT, entering again\n", pc->cpu_id);
	hypercall_dispatch(pc, WD_HC_DISABLE, 0, 0, 0);
	pc->leaving = false;
}

long x86_enter(u64 index)
{
	struct percpu *pc;
	long err;

	x86_relocate_once();
	pc = percpu_of((unsigned int)index);
	pc->arch.regs = (struct x86_regs){0};
	forget_reset_cpu(pc);
	err = wd_enable_cpu((unsigned int)index);
	pc->arch.ret.rax = (u64)err;
	return err;
}
