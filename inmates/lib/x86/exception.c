// SPDX-License-Identifier: GPL-2.0
/*
 * Exceptions are fatal for an inmate: print what happened (the fault
 * demos and the tests read these lines) and halt. In a cell the
 * exception went to the cell's IDT, never to Warden: the library tells
 * Warden with WD_HC_CELL_FAULT (x1 = vector | error code << 32, x2 =
 * RIP), which fails the cell, as the arm64 library does.
 */
#include <inmate/boot.h>
#include <inmate/console.h>
#include <inmate/exception.h>
#include <inmate/hypercall.h>
#include <inmate/printf.h>

static const char *const names[X86_NUM_EXCEPTIONS] = {
	[0] = "#DE divide error",
	[1] = "#DB debug",
	[2] = "NMI",
	[3] = "#BP breakpoint",
	[4] = "#OF overflow",
	[5] = "#BR bound range",
	[6] = "#UD invalid opcode",
	[7] = "#NM device not available",
	[8] = "#DF double fault",
	[10] = "#TS invalid TSS",
	[11] = "#NP segment not present",
	[12] = "#SS stack fault",
	[13] = "#GP general protection",
	[14] = "#PF page fault",
	[16] = "#MF x87 error",
	[17] = "#AC alignment check",
	[18] = "#MC machine check",
	[19] = "#XM SIMD error",
	[21] = "#CP control protection",
};

static u64 read_cr2(void)
{
	u64 v;

	asm volatile("mov %%cr2, %0" : "=r"(v));
	return v;
}

void __noreturn exception_fatal(struct exception_frame *f)
{
	const char *name = f->vector < X86_NUM_EXCEPTIONS && names[f->vector]
				   ? names[f->vector]
				   : "reserved";

	printf("\n*** inmate: exception %lu (%s), error 0x%lx at RIP "
	       "0x%lx\n",
	       f->vector, name, f->error, f->rip);
	printf("*** RSP 0x%lx RFLAGS 0x%lx CR2 0x%lx RAX 0x%lx RCX 0x%lx\n",
	       f->rsp, f->rflags, read_cr2(), f->rax, f->rcx);
	printf("*** inmate: halted\n");
	if (inmate_under_warden()) {
		console_flush();
		hypercall(WD_HC_CELL_FAULT, f->vector | f->error << 32, f->rip,
			  0);
	}
	inmate_halt();
}
