// SPDX-License-Identifier: GPL-2.0
/*
 * latency: the measuring inmate of `make bench` (bench/, docs/bench/).
 *
 * The timer (arm64: the virtual timer; x86: the APIC timer against the
 * TSC) is armed for deadlines a fixed period apart. For each IRQ the
 * sample is the counter value read first thing in the IRQ vector
 * (entry_ticks; arm64: its third instruction) minus the deadline that was
 * due, in counter ticks. This file is portable; latency.h names what each
 * arch gives (latency_arm64.c, x86/latency_x86.c). Samples stay in memory until the run is over and are then
 * reported as "LAT ..." lines (print_report): every console character is
 * an MMIO access or a hypercall, and printing during the run would
 * disturb the samples that follow.
 *
 * Bare metal, the program can start busy loops on other CPUs (arm64:
 * PSCI CPU_ON by HVC, which is QEMU's conduit without virtualization=on):
 * the baseline for a cell whose root cell is loaded. Or those CPUs tick
 * instead, like an idle root's: a timer IRQ at tick_hz, tick_work
 * instructions in the handler, then WFI (the baseline for an idle root).
 *
 * In a cell the program can wait before the first deadline (the root
 * goes quiet after `cell start`) and before the report (the root starts
 * reading Warden's console only after the measurement, so that an idle
 * root stays idle while samples are taken).
 *
 * The run's parameters live in latency_params, which bench/ patches in the
 * image (found by its magic), so that one image serves every case.
 */
#include <inmate/boot.h>
#include <inmate/console.h>
#include <inmate/irq.h>
#include <inmate/printf.h>
#include <inmate/sysreg.h>
#include <inmate/timer.h>

#include "latency.h"

#define LATENCY_MAX_SAMPLES 65536u
#define LATENCY_MAX_PERIOD_US 100000u
#define LATENCY_MAX_DELAY_MS 10000u
#define LATENCY_MAX_TICK_HZ 10000u
#define LATENCY_MAX_TICK_WORK 10000000u

/* Console output in a cell goes into Warden's 4 KiB ring, which the root
 * reads every 100 ms: pause after each batch so it never overflows.
 * Warden also cuts a cell's lines at 120 characters: every LAT line stays
 * under 100. */
#define REPORT_BATCH_BYTES 1024
#define REPORT_PAUSE_NS 250000000ull

/* Histogram: one bucket per tick below this, then 16 per power of two. */
#define HIST_EXACT_BELOW 256u
#define HIST_SUB_BITS 4

struct latency_params {
	char magic[8]; /* "WDLATPRM": how bench/ finds this block */
	u32 samples; /* IRQs to measure, 1..LATENCY_MAX_SAMPLES */
	u32 period_us; /* distance between deadlines */
	u32 busy_cpus; /* bare metal: other CPUs running busy loops */
	u32 flags; /* LATENCY_* */
	u32 run_id; /* echoed in the report: tells runs apart in a log */
	u32 settle_ms; /* before the first deadline: the root settles */
	u32 report_delay_ms; /* before the report: the root starts reading */
	u32 tick_hz; /* LATENCY_BUSY_TICK: each other CPU's timer IRQ rate */
	u32 tick_work; /* LATENCY_BUSY_TICK: instructions per tick, about */
};

/* volatile: the values in the image are not the ones the run uses. */
static volatile struct latency_params latency_params
	__attribute__((used, aligned(8))) = {
		.magic = "WDLATPRM",
		.samples = 10000,
		.period_us = 100,
		.busy_cpus = 0,
		.flags = LATENCY_BUSY_YIELD,
		.run_id = 0,
		.settle_ms = 0,
		.report_delay_ms = 0,
		.tick_hz = 250,
		.tick_work = 3000,
};

struct latency_summary {
	u32 n;
	u32 min;
	u32 max;
	u32 mode;
	u32 mode_count;
	u32 p50;
	u32 p99;
	u32 p999;
	u32 at_floor; /* samples within FLOOR_SLACK ticks of min */
	u64 sum;
};

/* "At the floor" tolerates the 1-2 tick jitter of an idle run. */
#define FLOOR_SLACK 2u
#define MAX_OUTLIERS_SHOWN 8u

static u32 samples[LATENCY_MAX_SAMPLES];
static u32 wanted;
static volatile u32 taken;
static volatile bool measuring;
static u64 period;
static u64 deadline;
static u64 first_deadline;
static u64 missed; /* periods skipped because the handler ran too late */
static u64 early; /* samples before their deadline: must stay 0 */
static unsigned int measuring_cpu; /* the CPU that takes the samples */
static u32 run_flags, run_busy_cpus; /* of the measuring CPU's run */
static u64 tick_period; /* a ticking CPU's, in counter ticks */
static u32 tick_work;
static unsigned int batch_bytes;

static void record(u64 entry_ticks)
{
	s64 late = (s64)(entry_ticks - deadline);

	if (late < 0) {
		early++;
		late = 0;
	}
	samples[taken] = late > (s64)UINT32_MAX ? UINT32_MAX : (u32)late;
	taken = taken + 1;
}

/* Never program a deadline that has passed: that IRQ would measure the
 * backlog, not the delivery. */
static void arm_next_deadline(void)
{
	deadline += period;
	while ((s64)(timer_now() - deadline) >= 0) {
		deadline += period;
		missed++;
	}
	timer_arm(deadline);
}

static void on_timer(unsigned int intid, u64 entry_ticks)
{
	(void)intid;
	if (latency_arch_cpu() != measuring_cpu) {
		latency_arch_on_tick();
		return;
	}
	if (!measuring) {
		latency_arch_timer_idle(); /* a wake-up of wait_ticks */
		return;
	}
	record(entry_ticks);
	if (taken < wanted) {
		arm_next_deadline();
	} else {
		latency_arch_timer_idle();
		measuring = false;
	}
}

/* Sleeps in WFI: a polling loop would cost virtual time under icount. */
static void wait_ticks(u64 ticks)
{
	u64 until = timer_now() + ticks;

	timer_arm(until);
	while ((s64)(timer_now() - until) < 0)
		wait_for_interrupt();
}

static void swap(u32 *a, size_t i, size_t j)
{
	u32 t = a[i];

	a[i] = a[j];
	a[j] = t;
}

static void sift_down(u32 *a, size_t root, size_t n)
{
	for (;;) {
		size_t child = 2 * root + 1;

		if (child >= n)
			return;
		if (child + 1 < n && a[child + 1] > a[child])
			child++;
		if (a[root] >= a[child])
			return;
		swap(a, root, child);
		root = child;
	}
}

/* Heap sort: in place, no recursion, O(n log n) for any input. */
static void sort_samples(u32 *a, size_t n)
{
	size_t i;

	for (i = n / 2; i-- > 0;)
		sift_down(a, i, n);
	for (i = n; i-- > 1;) {
		swap(a, 0, i);
		sift_down(a, 0, i);
	}
}

/* Nearest-rank percentile of sorted a[n], per_100k = 99000 for p99. */
static u32 percentile(const u32 *a, u32 n, u64 per_100k)
{
	u64 rank = ((u64)n * per_100k + 99999) / 100000;

	return a[rank ? rank - 1 : 0];
}

static void find_mode(const u32 *a, u32 n, struct latency_summary *s)
{
	u32 i = 0, run;

	s->mode = a[0];
	s->mode_count = 0;
	while (i < n) {
		for (run = 1; i + run < n && a[i + run] == a[i]; run++)
			;
		if (run > s->mode_count) {
			s->mode = a[i];
			s->mode_count = run;
		}
		i += run;
	}
}

static void summarise(const u32 *a, u32 n, struct latency_summary *s)
{
	u32 i;

	s->n = n;
	s->min = a[0];
	s->max = a[n - 1];
	s->p50 = percentile(a, n, 50000);
	s->p99 = percentile(a, n, 99000);
	s->p999 = percentile(a, n, 99900);
	find_mode(a, n, s);
	s->sum = 0;
	s->at_floor = 0;
	for (i = 0; i < n; i++) {
		s->sum += a[i];
		if (a[i] - s->min <= FLOOR_SLACK)
			s->at_floor++;
	}
}

int latency_report(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintf(fmt, ap);
	va_end(ap);
	batch_bytes += n;
	if (inmate_under_warden() && batch_bytes >= REPORT_BATCH_BYTES) {
		wait_ticks(timer_ns_to_ticks(REPORT_PAUSE_NS));
		batch_bytes = 0;
	}
	return n;
}

static u32 bucket_width(u32 v)
{
	if (v < HIST_EXACT_BELOW)
		return 1;
	return 1u << (31 - __builtin_clz(v) - HIST_SUB_BITS);
}

/* One line per non-empty bucket: LAT hist <first tick> <last> <count>. */
static void print_histogram(const u32 *a, u32 n)
{
	u32 i = 0, lo, hi, count;

	while (i < n) {
		lo = a[i] - a[i] % bucket_width(a[i]);
		hi = lo + (bucket_width(a[i]) - 1);
		for (count = 0; i < n && a[i] <= hi; i++)
			count++;
		latency_report("LAT hist %u %u %u\n", lo, hi, count);
	}
}

static void print_summary(const struct latency_summary *s)
{
	u64 mean_milli = s->sum * 1000 / s->n;

	latency_report(
		"LAT summary n=%u min=%u mode=%u mean=%lu.%03lu max=%u\n", s->n,
		s->min, s->mode, mean_milli / 1000, mean_milli % 1000, s->max);
	latency_report(
		"LAT tail mode_count=%u at_floor=%u p50=%u p99=%u p999=%u\n",
		s->mode_count, s->at_floor, s->p50, s->p99, s->p999);
	latency_report("LAT run missed=%lu early=%lu unexpected=%lu span=%lu\n",
		       missed, early, irq_unexpected_count(),
		       deadline - first_deadline);
}

static void print_begin(u32 flags, u32 busy_cpus)
{
	latency_report("LAT begin run=%u where=%s %s console=%s cpu=%u\n",
		       latency_params.run_id,
		       inmate_under_warden() ? "cell" : "bare-metal",
		       latency_arch_irqchip(), console_name(), measuring_cpu);
	latency_report("LAT config freq=%lu period=%lu samples=%u busy=%u "
		       "busy_yield=%u idle=%s\n",
		       timer_frequency(), period, wanted, busy_cpus,
		       !!(flags & LATENCY_BUSY_YIELD),
		       flags & LATENCY_IDLE_SPIN ? "spin" : "wfi");
	if (busy_cpus && (flags & LATENCY_BUSY_TICK))
		latency_report("LAT ticking every=%lu work=%u stagger=%u\n",
			       tick_period, tick_work,
			       !!(flags & LATENCY_TICK_STAGGER));
}

static u32 smallest(const u32 *a, u32 n)
{
	u32 min = a[0];

	for (u32 i = 1; i < n; i++)
		if (a[i] < min)
			min = a[i];
	return min;
}

/* Where in the run the first samples above the floor fell (before the
 * sort loses the order): tells a warm-up from a periodic disturbance. */
static void print_outliers(const u32 *a, u32 n)
{
	u32 floor = smallest(a, n) + FLOOR_SLACK, shown = 0;

	for (u32 i = 0; i < n && shown < MAX_OUTLIERS_SHOWN; i++) {
		if (a[i] <= floor)
			continue;
		latency_report("LAT outlier index=%u ticks=%u\n", i, a[i]);
		shown++;
	}
}

static void print_report(void)
{
	struct latency_summary s;

	print_outliers(samples, taken);
	sort_samples(samples, taken);
	summarise(samples, taken, &s);
	print_summary(&s);
	latency_arch_print_busy();
	print_histogram(samples, taken);
	latency_report("LAT end run=%u\n", latency_params.run_id);
}

/* Harness-supplied values are clamped, not trusted. */
static u32 clamp(u32 v, u32 lo, u32 hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static void wait_ms(u32 ms)
{
	ms = clamp(ms, 0, LATENCY_MAX_DELAY_MS);
	if (ms)
		wait_ticks(timer_ns_to_ticks(ms * 1000000ull));
}

static void measure(u32 flags)
{
	first_deadline = timer_now() + period;
	deadline = first_deadline;
	measuring = true;
	timer_arm(deadline);
	while (measuring) {
		if (flags & LATENCY_IDLE_SPIN)
			cpu_relax();
		else
			wait_for_interrupt();
	}
}

/*
 * Ticking CPUs tick at the same instants (Linux ticks every CPU at once
 * unless skew_tick=1), but their period is longer than 1/tick_hz by the
 * sample period over the run's ticks: the tick's phase against the
 * deadlines moves through one whole sample period during the run. A
 * root's phase is an accident of its boot; this way every phase counts.
 */
static void set_tick_period(void)
{
	u64 ticks;

	tick_work = clamp(latency_params.tick_work, 0, LATENCY_MAX_TICK_WORK);
	tick_period = timer_frequency() /
		      clamp(latency_params.tick_hz, 1, LATENCY_MAX_TICK_HZ);
	ticks = wanted * period / tick_period;
	tick_period += period / (ticks ? ticks : 1);
}

/* On the measuring CPU: the whole run, from its parameters to power-off. */
static void run(void)
{
	set_tick_period();
	print_begin(run_flags, run_busy_cpus);
	latency_arch_start_busy(run_busy_cpus, run_flags, tick_period,
				tick_work);
	irq_enable();
	wait_ms(latency_params.settle_ms);
	measure(run_flags);
	latency_arch_stop_busy();
	wait_ms(latency_params.report_delay_ms);
	print_report();
	latency_arch_power_off();
}

/* The measuring CPU when it is not the boot CPU (hand_over). */
static void run_handed_over(int err)
{
	if (!err)
		run();
	printf("LAT error irq set-up failed on CPU %u\nLAT end run=%u\n",
	       measuring_cpu, latency_params.run_id);
	latency_arch_power_off();
}

/*
 * Bare metal, QEMU boots CPU 0, which its round-robin runs first; a
 * cell's CPU 3 runs after the root's three. LATENCY_MEASURE_LAST makes
 * the last CPU measure and the boot CPU one of the busy or ticking ones,
 * so that the baseline waits in the same order as the cell.
 */
static void hand_over(unsigned int boot_cpu)
{
	measuring_cpu = run_busy_cpus;
	if (latency_arch_hand_over(measuring_cpu, run_flags, run_handed_over))
		measuring_cpu = boot_cpu; /* measure here after all */
}

void inmate_main(void)
{
	u32 flags = latency_params.flags;
	u32 busy_cpus =
		clamp(latency_params.busy_cpus, 0, LATENCY_MAX_CPUS - 1);
	int err = latency_arch_init(on_timer);

	if (err) {
		printf("LAT error irq set-up failed (%d)\nLAT end run=%u\n",
		       err, latency_params.run_id);
		return;
	}
	wanted = clamp(latency_params.samples, 1, LATENCY_MAX_SAMPLES);
	period = timer_ns_to_ticks(
		clamp(latency_params.period_us, 1, LATENCY_MAX_PERIOD_US) *
		1000ull);
	if (inmate_under_warden())
		busy_cpus = 0; /* the cell's CPUs are the measured ones */
	run_flags = flags;
	run_busy_cpus = busy_cpus;
	measuring_cpu = latency_arch_cpu();
	if (busy_cpus && (flags & LATENCY_MEASURE_LAST) && measuring_cpu == 0)
		hand_over(measuring_cpu);
	run();
}
