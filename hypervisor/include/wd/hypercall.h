/* SPDX-License-Identifier: GPL-2.0 */
/* Hypercall dispatch (Documentation/hypercalls.md). */
#ifndef WD_HYPERCALL_H
#define WD_HYPERCALL_H

#include <core.h>

#include <wd/types.h>

struct percpu;

/* True if id is in Warden's hypercall range (else: the arch's calls). */
/* Declared in core.h: hypercall_is_warden(), hypercall_dispatch(). */

#endif
