// SPDX-License-Identifier: GPL-2.0-or-later OR BSD-2-Clause
/*
 * chibios-demo: the cell config's real-time task set (WD_CELL_RT_TASKSET,
 * copied by Warden into the comm page) as ChibiOS threads, one per task,
 * priorities by deadline (rate/deadline monotonic: ChibiOS schedules by
 * fixed priority; an EDF set runs the same way). Each job executes its
 * exec_us of CPU time, or runs until its budget (wcet_us) is used when
 * the task overruns on purpose; the jobs, misses, overruns and worst
 * response go to the comm page's statistics block, which the root reads
 * with `warden cell stats` (include/warden/rtos.h).
 * CPU time is counted per thread by the context-switch hook (chconf.h,
 * CHIBIOS_DEMO); interrupt time is charged to the interrupted thread.
 */
#include <warden/rtos_stats.h>

#include "bsp.h"

#define STACK 1024

struct rt_thread {
	const struct wd_rt_task *cfg;
	struct wd_rt_task_stats *st;
	uint64_t period, deadline, budget, exec; /* counter ticks */
	systime_t period_sys;
};

static struct rt_thread rt[WD_RT_MAX_TASKS];
static struct {
	THD_WORKING_AREA(wa, STACK);
} stacks[WD_RT_MAX_TASKS];
static volatile struct wd_rt_stats *stats;
static uint64_t last_switch, switches, freq;
static systime_t first_release;

/* Called by the kernel with the lock held, on every switch. */
void bsp_switch_hook(thread_t *ntp, thread_t *otp)
{
	uint64_t now = a32_counter();

	(void)ntp;
	otp->run_ticks += now - last_switch;
	last_switch = now;
	switches++;
}

static uint64_t run_ticks(void)
{
	uint64_t t;

	chSysLock();
	t = chThdGetSelfX()->run_ticks + (a32_counter() - last_switch);
	chSysUnlock();
	return t;
}

static uint64_t us_to_ticks(uint64_t us)
{
	return us * freq / 1000000u;
}

/* The seqlock of rtos.h: odd while the block changes. */
static void publish(void (*update)(struct rt_thread *, uint64_t),
		    struct rt_thread *r, uint64_t arg)
{
	chSysLock();
	wd_rt_stats_begin(stats);
	update(r, arg);
	stats->now = a32_counter();
	stats->switches = switches;
	wd_rt_stats_end(stats);
	chSysUnlock();
}

static void count_release(struct rt_thread *r, uint64_t unused)
{
	(void)unused;
	r->st->released++;
}

/* arg: response in ticks, bit 63 set when the budget stopped the job. */
static void count_end(struct rt_thread *r, uint64_t arg)
{
	uint64_t response = arg & ~(1ull << 63);

	if (arg >> 63)
		r->st->overruns++;
	else
		r->st->completed++;
	if (response > r->deadline)
		r->st->deadline_misses++;
	if (!(arg >> 63) && response > r->st->worst_response)
		r->st->worst_response = response;
}

/* Runs until exec (or, overrunning, the budget) of CPU time is used. */
static bool job(struct rt_thread *r, bool overrun)
{
	uint64_t start = run_ticks(), used;

	for (;;) {
		used = run_ticks() - start;
		if (used >= r->budget)
			return false;
		if (!overrun && used >= r->exec)
			return true;
	}
}

static THD_FUNCTION(rt_thread_fn, arg)
{
	struct rt_thread *r = arg;
	systime_t prev = chVTGetSystemTime(), release = first_release;
	uint32_t n = 0, every = r->cfg->overrun_every;
	uint64_t end;
	bool done;

	/* Sleeps only when the release is still ahead: a late job starts. */
	for (;; n++, prev = release, release += r->period_sys) {
		chThdSleepUntilWindowed(prev, release);
		publish(count_release, r, 0);
		done = job(r, every && (n + 1) % every == 0);
		end = a32_counter() - bsp_tick_counter(release);
		publish(count_end, r, end | (done ? 0 : 1ull << 63));
	}
}

static void setup(const struct wd_rt_taskset *set, unsigned int i)
{
	struct rt_thread *r = &rt[i];

	r->cfg = &set->task[i];
	r->st = (struct wd_rt_task_stats *)&stats->task[i];
	r->period = us_to_ticks(r->cfg->period_us);
	r->deadline = us_to_ticks(r->cfg->deadline_us);
	r->budget = us_to_ticks(r->cfg->wcet_us);
	r->exec = us_to_ticks(r->cfg->exec_us);
	r->period_sys = TIME_US2I(r->cfg->period_us);
}

/* Shorter deadline, higher priority (ties: config order). */
static tprio_t priority(const struct wd_rt_taskset *set, unsigned int i)
{
	tprio_t p = NORMALPRIO + 1 + WD_RT_MAX_TASKS;

	for (unsigned int k = 0; k < set->count; k++)
		if (set->task[k].deadline_us < set->task[i].deadline_us ||
		    (set->task[k].deadline_us == set->task[i].deadline_us &&
		     k < i))
			p--;
	return p;
}

static const struct wd_rt_taskset *taskset(void)
{
	const struct wd_rt_taskset *set =
		(const void *)((uintptr_t)a32_comm + WD_COMM_RT_TASKSET_OFFSET);

	if (set->magic != WD_RT_TASKSET_MAGIC || set->count < 1 ||
	    set->count > WD_RT_MAX_TASKS)
		return NULL;
	return set;
}

/*
 * Totals every second of the run, printed by the lowest-priority thread:
 * the scenario reads them from the console, so that nothing the root
 * does to read them (processes) falls into the measured window.
 */
static void report(unsigned int s, unsigned int count)
{
	uint32_t rel = 0, done = 0, miss = 0, over = 0;

	chSysLock();
	for (unsigned int i = 0; i < count; i++) {
		rel += (uint32_t)stats->task[i].released;
		done += (uint32_t)stats->task[i].completed;
		miss += (uint32_t)stats->task[i].deadline_misses;
		over += (uint32_t)stats->task[i].overruns;
	}
	chSysUnlock();
	a32_printf("chibios: t=%us total released %u completed %u misses %u "
		   "overruns %u\n",
		   s, (unsigned int)rel, (unsigned int)done, (unsigned int)miss,
		   (unsigned int)over);
}

int main(void)
{
	const struct wd_rt_taskset *set = taskset();

	freq = a32_counter_freq();
	if (!set || bsp_init()) {
		a32_printf(
			"chibios: no task set in the comm page, or no GIC\n");
		return 1;
	}
	chSysInit();
	stats = (volatile struct wd_rt_stats *)((uintptr_t)a32_comm +
						WD_RT_STATS_OFFSET);
	last_switch = a32_counter();
	first_release = chVTGetSystemTime() + TIME_MS2I(10);
	/* the admission was `warden config check`'s, not this image's */
	wd_rt_stats_fill(stats, set, WD_RT_NOT_ANALYSED, freq);
	for (unsigned int i = 0; i < set->count; i++)
		setup(set, i);
	wd_rt_stats_publish(stats, bsp_tick_counter(first_release));
	for (unsigned int i = 0; i < set->count; i++)
		chThdCreateStatic(stacks[i].wa, sizeof(stacks[i].wa),
				  priority(set, i), rt_thread_fn, &rt[i]);
	a32_printf("chibios: %u tasks (%s set) released at t=%u ms\n",
		   (unsigned int)set->count,
		   set->policy == WD_RT_RM ? "RM" : "EDF",
		   (unsigned int)first_release);
	for (unsigned int s = 1;; s++) {
		chThdSleepUntil(first_release + TIME_MS2I(1000 * s));
		report(s, set->count);
	}
}
