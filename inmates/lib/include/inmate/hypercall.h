/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Calls from a cell into Warden: `hvc #0`, function ID in x0, arguments in
 * x1..x3, result in x0 (include/warden/hypercall.h). The SMCCC 1.0 rules
 * let the callee clobber x0..x17, so the wrapper tells the compiler so.
 */
#ifndef INMATE_HYPERCALL_H
#define INMATE_HYPERCALL_H

#include <inmate/types.h>
#include <warden/hypercall.h>

static inline long hypercall(u64 id, u64 arg1, u64 arg2, u64 arg3)
{
	register u64 x0 asm("x0") = id;
	register u64 x1 asm("x1") = arg1;
	register u64 x2 asm("x2") = arg2;
	register u64 x3 asm("x3") = arg3;

	asm volatile("hvc #0"
		     : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3)
		     :
		     : "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11", "x12",
		       "x13", "x14", "x15", "x16", "x17", "memory");
	return (long)x0;
}

#endif
