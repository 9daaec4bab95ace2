// SPDX-License-Identifier: GPL-2.0
/*
 * Fatal exception report: what was taken, the syndrome decoded enough to
 * read (class, abort type, read or write, address), and all registers.
 * The inmate then halts; nothing is retried.
 */
#include <inmate/boot.h>
#include <inmate/console.h>
#include <inmate/exception.h>
#include <inmate/hypercall.h>
#include <inmate/printf.h>
#include <inmate/sysreg.h>

#define ESR_EC(esr) (((esr) >> 26) & 0x3f)
#define ESR_ISS(esr) ((esr)&0x1ffffff)
#define ESR_DA_WNR (1u << 6) /* data abort: write, not read */
#define ESR_FSC(esr) ((esr)&0x3f)
#define EC_INSN_ABORT_SAME 0x21
#define EC_DATA_ABORT_SAME 0x25

static const char *const kind_names[] = {
	[EXC_SYNC] = "synchronous exception",
	[EXC_IRQ] = "IRQ",
	[EXC_FIQ] = "FIQ",
	[EXC_SERROR] = "SError",
	[EXC_BAD_MODE] = "exception from an unused mode (EL1t or EL0)",
};

static const char *ec_name(unsigned int ec)
{
	switch (ec) {
	case 0x00:
		return "unknown reason / undefined instruction";
	case 0x01:
		return "trapped WFI/WFE";
	case 0x07:
		return "FP/SIMD access trapped";
	case 0x0e:
		return "illegal execution state";
	case 0x15:
		return "SVC";
	case 0x16:
		return "HVC";
	case 0x17:
		return "SMC";
	case 0x18:
		return "trapped MSR/MRS/system instruction";
	case 0x20:
	case EC_INSN_ABORT_SAME:
		return "instruction abort";
	case 0x22:
		return "PC alignment fault";
	case 0x24:
	case EC_DATA_ABORT_SAME:
		return "data abort";
	case 0x26:
		return "SP alignment fault";
	case 0x2f:
		return "SError";
	case 0x3c:
		return "BRK instruction";
	default:
		return "other";
	}
}

/* Fault status code of an abort (DFSC/IFSC). */
static const char *fsc_name(unsigned int fsc)
{
	switch (fsc & 0x3c) {
	case 0x00:
		return "address size fault";
	case 0x04:
		return "translation fault";
	case 0x08:
		return "access flag fault";
	case 0x0c:
		return "permission fault";
	}
	if (fsc == 0x10)
		return "synchronous external abort";
	if (fsc == 0x21)
		return "alignment fault";
	if (fsc == 0x30)
		return "TLB conflict";
	return "other fault";
}

static void report_abort(u64 esr, u64 far)
{
	bool data = ESR_EC(esr) == EC_DATA_ABORT_SAME || ESR_EC(esr) == 0x24;
	unsigned int fsc = ESR_FSC(esr);

	printf("  %s %s at 0x%016lx: %s (FSC 0x%02x)\n",
	       data ? "data" : "instruction",
	       data ? (esr & ESR_DA_WNR ? "write" : "read") : "fetch", far,
	       fsc_name(fsc), fsc);
}

static void report_syndrome(u64 esr, u64 far)
{
	unsigned int ec = ESR_EC(esr);

	printf("  ESR_EL1 0x%08lx: EC 0x%02x (%s), ISS 0x%07lx\n", esr, ec,
	       ec_name(ec), ESR_ISS(esr));
	if ((ec & ~1u) == 0x20 || (ec & ~1u) == 0x24)
		report_abort(esr, far);
	else
		printf("  FAR_EL1 0x%016lx\n", far);
}

static void report_registers(const struct exception_frame *frame)
{
	for (int i = 0; i < 31; i++)
		printf("  x%-2d %016lx%s", i, frame->x[i],
		       i % 4 == 3 || i == 30 ? "\n" : "");
	printf("  sp  %016lx  elr %016lx  spsr %08lx\n",
	       (u64)(uintptr_t)(frame + 1), frame->elr, frame->spsr);
}

static bool reporting;

void exception_fatal(struct exception_frame *frame)
{
	u64 esr = read_sysreg(esr_el1);
	u64 far = read_sysreg(far_el1);
	u64 kind = frame->kind < ARRAY_SIZE(kind_names) ? frame->kind
							: EXC_BAD_MODE;

	/* A fault while reporting (say the console faults): stop quietly. */
	if (reporting)
		inmate_halt();
	reporting = true;
	printf("\n*** inmate: unhandled %s at pc 0x%016lx\n", kind_names[kind],
	       frame->elr);
	/* ESR and FAR describe synchronous exceptions and SErrors only. */
	if (kind != EXC_IRQ && kind != EXC_FIQ)
		report_syndrome(esr, far);
	report_registers(frame);
	printf("*** inmate: halted\n");
	console_flush();
	/* Warden never sees an EL1 exception: tell it, so the cell fails. */
	if (inmate_under_warden())
		hypercall(WD_HC_CELL_FAULT, esr, frame->elr, 0);
	inmate_halt();
}
