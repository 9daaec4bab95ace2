// SPDX-License-Identifier: GPL-2.0
/*
 * One trapped MMIO access of a guest (the xAPIC page, the root's IOAPIC):
 * the instruction at its RIP fetched (guest_mem.c) and decoded
 * (decode.c), the access done by the device's read/write, RIP advanced.
 * The address comes from the nested page fault, not the operand.
 *
 * Trust: the bytes, the offset and the values are the guest's; the bytes
 * may have changed since the fault (another CPU): whatever they decode
 * to still only reaches the device's own read/write, which filter.
 */
#include <arch.h>
#include <arch/decode.h>
#include <arch/svm.h>
#include <arch/x86.h>
#include <wd/cell.h>
#include <wd/paging.h>
#include <wd/percpu.h>

#define EFER_LMA BIT(10)
#define SEG_L BIT(9)

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

static void emulate(struct percpu *pc, u64 gpa, const struct x86_insn *in,
		    const struct x86_mmio *dev)
{
	u64 *r = reg(pc, in->reg);
	u32 old = 0;

	if (in->op == X86_OP_LOAD || in->op == X86_OP_XCHG)
		old = dev->read(pc, gpa);
	if (in->op == X86_OP_STORE_IMM)
		dev->write(pc, gpa, in->imm);
	else if (in->op != X86_OP_LOAD)
		dev->write(pc, gpa, (u32)*r);
	if (in->op == X86_OP_LOAD || in->op == X86_OP_XCHG)
		*r = old; /* a 32-bit register write zero-extends */
}

/* 32-bit, 16-byte aligned accesses only: both devices' registers are. */
void x86_mmio_emulate(struct percpu *pc, u64 gpa, const struct x86_mmio *dev)
{
	void *vmcb = paging_ptr(pc->arch.vmcb_pa);
	struct x86_insn in;
	u8 code[15];
	unsigned int n;

	pc->stats[WD_STAT_MMIO]++;
	n = guest_fetch_code(pc, code, sizeof(code));
	if ((gpa & 0xf) ||
	    x86_decode(code, n, long64(vmcb), &in) != X86_DECODE_OK) {
		cell_fail(pc->cell, dev->cannot, gpa);
		*vmcb_u64(vmcb, VMCB_EVENTINJ) = X86_GP | SVM_EVT_EXCEPTION |
						 SVM_EVT_ERROR_VALID |
						 SVM_EVT_VALID;
		return;
	}
	emulate(pc, gpa, &in, dev);
	*vmcb_u64(vmcb, VMCB_RIP) += in.len;
}
