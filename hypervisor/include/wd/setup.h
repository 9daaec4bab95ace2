/* SPDX-License-Identifier: GPL-2.0 */
/* Enable and disable orchestration (setup.c). */
#ifndef WD_SETUP_H
#define WD_SETUP_H

#include <wd/types.h>

struct percpu;

/* Called on each CPU by the arch entry, EL2 MMU on: 0 or -errno. */
long wd_enable_cpu(unsigned int cpu_id);
/* WD_HC_DISABLE on one CPU: marks it leaving; 0 or -errno. */
long wd_disable_cpu(struct percpu *pc);
/* The validated system config (valid once the first CPU entered). */
const struct wd_system *wd_system_config(void);

#endif
