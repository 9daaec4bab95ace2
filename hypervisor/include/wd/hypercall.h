/* SPDX-License-Identifier: GPL-2.0 */
/* Hypercall dispatch (Documentation/hypercalls.md). */
#ifndef WD_HYPERCALL_H
#define WD_HYPERCALL_H

#include <core.h>

#include <wd/types.h>

struct percpu;

/* True if id is in Warden's hypercall range (else: the arch's calls). */
bool hypercall_is_warden(u64 id);
long hypercall_dispatch(struct percpu *pc, u64 id, u64 a1, u64 a2, u64 a3);

#endif
