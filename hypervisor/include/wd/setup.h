/* SPDX-License-Identifier: GPL-2.0 */
/* Enable and disable orchestration (setup.c). */
#ifndef WD_SETUP_H
#define WD_SETUP_H

#include <core.h>

#include <wd/config_check.h>
#include <wd/types.h>

struct percpu;

/* Called on each CPU by the arch entry, EL2 MMU on: 0 or -errno. */
/* Declared in core.h: wd_enable_cpu(). */
/* WD_HC_DISABLE on one CPU: marks it leaving; 0 or -errno. */
long wd_disable_cpu(struct percpu *pc);
/* The validated system config (valid once the first CPU entered). */
/* Declared in core.h: wd_system_config(). */
/* The whole system config blob (for wd_check_set()). */
struct wd_blob wd_system_blob(void);
/* Maps [pa, pa + size) at EL2 (VA == PA) until wd_hyp_unmap(). */
int wd_hyp_map(u64 pa, u64 size, u32 flags);
void wd_hyp_unmap(u64 pa, u64 size);

#endif
