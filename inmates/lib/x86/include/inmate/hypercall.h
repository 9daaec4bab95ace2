/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Calls from a cell into Warden on x86: VMMCALL, function ID in rax,
 * arguments in rdi, rsi, rdx, result in rax (Documentation/hypercalls.md).
 * Bare metal (SVM off) VMMCALL raises #UD: call only under Warden.
 */
#ifndef INMATE_HYPERCALL_H
#define INMATE_HYPERCALL_H

#include <inmate/types.h>
#include <warden/hypercall.h>

static inline long hypercall(u64 id, u64 arg1, u64 arg2, u64 arg3)
{
	long ret;

	asm volatile("vmmcall"
		     : "=a"(ret), "+D"(arg1), "+S"(arg2), "+d"(arg3)
		     : "a"(id)
		     : "memory");
	return ret;
}

#endif
