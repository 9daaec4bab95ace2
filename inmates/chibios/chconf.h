/* SPDX-License-Identifier: GPL-2.0-or-later OR BSD-2-Clause */
/*
 * ChibiOS/RT configuration for a Warden AArch32 cell (inmates/chibios).
 * Written here, not taken from the upstream template: every option the
 * kernel requires, set so that the RT and OS-library test suites run all
 * their sequences. Choices:
 * - A periodic 1 kHz tick (CH_CFG_ST_TIMEDELTA 0) from the EL1 virtual
 *   timer: one IRQ exit per tick in a trapping cell.
 * - CH_CFG_USE_TM and CH_DBG_STATISTICS off: both read the PMU cycle
 *   counter (CP15 c9), which Warden traps and does not give AArch32 cells.
 * - Checks and assertions on; a halt fails the cell with its reason.
 */
#ifndef CHCONF_H
#define CHCONF_H

#define _CHIBIOS_RT_CONF_
#define _CHIBIOS_RT_CONF_VER_7_0_

#define CH_CFG_SMP_MODE FALSE
#define CH_CFG_ST_RESOLUTION 32
#define CH_CFG_ST_FREQUENCY 1000
#define CH_CFG_INTERVALS_SIZE 32
#define CH_CFG_TIME_TYPES_SIZE 32
#define CH_CFG_ST_TIMEDELTA 0
#define CH_CFG_TIME_QUANTUM 0
#define CH_CFG_NO_IDLE_THREAD FALSE
#define CH_CFG_OPTIMIZE_SPEED TRUE

#define CH_CFG_USE_TM FALSE
#define CH_CFG_USE_TIMESTAMP TRUE
#define CH_CFG_USE_REGISTRY TRUE
#define CH_CFG_USE_WAITEXIT TRUE
#define CH_CFG_USE_SEMAPHORES TRUE
#define CH_CFG_USE_SEMAPHORES_PRIORITY FALSE
#define CH_CFG_USE_MUTEXES TRUE
#define CH_CFG_USE_MUTEXES_RECURSIVE FALSE
#define CH_CFG_USE_CONDVARS TRUE
#define CH_CFG_USE_CONDVARS_TIMEOUT TRUE
#define CH_CFG_USE_EVENTS TRUE
#define CH_CFG_USE_EVENTS_TIMEOUT TRUE
#define CH_CFG_USE_MESSAGES TRUE
#define CH_CFG_USE_MESSAGES_PRIORITY FALSE
#define CH_CFG_USE_DYNAMIC TRUE

#define CH_CFG_USE_MAILBOXES TRUE
#define CH_CFG_USE_MEMCORE TRUE
#define CH_CFG_MEMCORE_SIZE 0 /* __heap_base__ .. __heap_end__ */
#define CH_CFG_USE_HEAP TRUE
#define CH_CFG_USE_MEMPOOLS TRUE
#define CH_CFG_USE_OBJ_FIFOS TRUE
#define CH_CFG_USE_PIPES TRUE
#define CH_CFG_USE_OBJ_CACHES TRUE
#define CH_CFG_USE_DELEGATES TRUE
#define CH_CFG_USE_JOBS TRUE
#define CH_CFG_USE_FACTORY TRUE
#define CH_CFG_FACTORY_MAX_NAMES_LENGTH 8
#define CH_CFG_FACTORY_OBJECTS_REGISTRY TRUE
#define CH_CFG_FACTORY_GENERIC_BUFFERS TRUE
#define CH_CFG_FACTORY_SEMAPHORES TRUE
#define CH_CFG_FACTORY_MAILBOXES TRUE
#define CH_CFG_FACTORY_OBJ_FIFOS TRUE
#define CH_CFG_FACTORY_PIPES TRUE

#define CH_DBG_STATISTICS FALSE
#define CH_DBG_SYSTEM_STATE_CHECK TRUE
#define CH_DBG_ENABLE_CHECKS TRUE
#define CH_DBG_ENABLE_ASSERTS TRUE
#define CH_DBG_TRACE_MASK CH_DBG_TRACE_MASK_DISABLED
#define CH_DBG_TRACE_BUFFER_SIZE 128
#define CH_DBG_ENABLE_STACK_CHECK FALSE
#define CH_DBG_FILL_THREADS TRUE
#define CH_DBG_THREADS_PROFILING FALSE

#define CH_CFG_SYSTEM_EXTRA_FIELDS
#define CH_CFG_SYSTEM_INIT_HOOK()
#define CH_CFG_OS_INSTANCE_EXTRA_FIELDS
#define CH_CFG_OS_INSTANCE_INIT_HOOK(oip)
#ifdef CHIBIOS_DEMO
/* demo.c: CPU time per thread, counted at every switch. */
#define CH_CFG_THREAD_EXTRA_FIELDS uint64_t run_ticks;
#else
#define CH_CFG_THREAD_EXTRA_FIELDS
#endif
#define CH_CFG_THREAD_INIT_HOOK(tp)
#define CH_CFG_THREAD_EXIT_HOOK(tp)
#ifdef CHIBIOS_DEMO
#define CH_CFG_CONTEXT_SWITCH_HOOK(ntp, otp) bsp_switch_hook(ntp, otp)
#else
#define CH_CFG_CONTEXT_SWITCH_HOOK(ntp, otp)
#endif
#define CH_CFG_IRQ_PROLOGUE_HOOK()
#define CH_CFG_IRQ_EPILOGUE_HOOK()
#define CH_CFG_IDLE_ENTER_HOOK()
#define CH_CFG_IDLE_LEAVE_HOOK()
#define CH_CFG_IDLE_LOOP_HOOK()
#define CH_CFG_SYSTEM_TICK_HOOK()
#define CH_CFG_TRACE_HOOK(tep)
#define CH_CFG_RUNTIME_FAULTS_HOOK(mask)

#if !defined(_FROM_ASM_)
void bsp_halt(const char *reason) __attribute__((noreturn));
struct ch_thread;
void bsp_switch_hook(struct ch_thread *ntp, struct ch_thread *otp);
#endif
#define CH_CFG_SYSTEM_HALT_HOOK(reason) bsp_halt(reason)

#endif
