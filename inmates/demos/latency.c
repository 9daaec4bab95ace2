// SPDX-License-Identifier: GPL-2.0
/*
 * latency: the measuring inmate of `make bench` (bench/, docs/bench/).
 *
 * The virtual timer is armed for deadlines a fixed period apart. For each
 * IRQ the sample is the counter value read by the IRQ vector's third
 * instruction (entry_ticks) minus the deadline that was due, in counter
 * ticks. Samples stay in memory until the run is over and are then
 * reported as "LAT ..." lines (print_report): every console character is
 * an MMIO access or a hypercall, and printing during the run would
 * disturb the samples that follow.
 *
 * Bare metal, the program can start busy loops on other CPUs (PSCI CPU_ON
 * by HVC, which is QEMU's conduit without virtualization=on): the
 * baseline for a cell whose root cell is loaded.
 *
 * The run's parameters live in latency_params, which bench/ patches in the
 * image (found by its magic), so that one image serves every case.
 */
#include <inmate/boot.h>
#include <inmate/console.h>
#include <inmate/gic.h>
#include <inmate/hypercall.h>
#include <inmate/irq.h>
#include <inmate/platform.h>
#include <inmate/printf.h>
#include <inmate/sysreg.h>
#include <inmate/timer.h>

#define LATENCY_MAX_SAMPLES 65536u
#define LATENCY_MAX_CPUS 8u
#define LATENCY_MAX_PERIOD_US 100000u

/* latency_params.flags */
#define LATENCY_BUSY_YIELD BIT(0) /* busy loops execute `yield` */
#define LATENCY_IDLE_SPIN BIT(1) /* wait for IRQs in a loop, not in WFI */

/* PSCI 0.2 function IDs */
#define PSCI_CPU_ON_64 0xc4000003u
#define PSCI_CPU_OFF 0x84000002u
#define PSCI_SYSTEM_OFF 0x84000008u

/* Console output in a cell goes into Warden's 4 KiB ring, which the root
 * reads every 100 ms: pause after each batch so it never overflows. */
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
};

/* Written by one busy CPU, read by the measuring CPU (MMU off: no
 * caches to keep coherent). */
struct busy_slot {
	volatile u64 iterations;
	u64 yield;
	volatile u64 stop;
	long psci; /* CPU_ON's result */
	u64 asked; /* CPU_ON was called for this CPU */
	u64 pad[3];
};

_Static_assert(offsetof(struct busy_slot, iterations) == 0 &&
		       offsetof(struct busy_slot, yield) == 8 &&
		       offsetof(struct busy_slot, stop) == 16,
	       "latency_busy_entry uses these offsets");

/*
 * Where a busy CPU starts (PSCI CPU_ON): MMU off, no stack, x0 = its
 * busy_slot. It counts iterations, optionally yields (so that QEMU's
 * round-robin moves on to the next vCPU) and powers itself off once the
 * measuring CPU sets stop.
 */
void latency_busy_entry(void);
asm(".pushsection .text.latency_busy, \"ax\"\n"
    ".global latency_busy_entry\n"
    "latency_busy_entry:\n"
    "	ldr	x1, [x0, #8]\n"
    "1:	ldr	x2, [x0]\n"
    "	add	x2, x2, #1\n"
    "	str	x2, [x0]\n"
    "	ldr	x2, [x0, #16]\n"
    "	cbnz	x2, 3f\n"
    "	cbz	x1, 1b\n"
    "	yield\n"
    "	b	1b\n"
    "3:	mov	x0, #0x0002\n"
    "	movk	x0, #0x8400, lsl #16\n"
    "	hvc	#0\n"
    "	b	3b\n"
    ".popsection\n");

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

static u32 samples[LATENCY_MAX_SAMPLES];
static struct busy_slot busy[LATENCY_MAX_CPUS] __attribute__((aligned(64)));
static u32 wanted;
static volatile u32 taken;
static volatile bool measuring;
static u64 period;
static u64 deadline;
static u64 first_deadline;
static u64 missed; /* periods skipped because the handler ran too late */
static u64 early; /* samples before their deadline: must stay 0 */
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
	if (!measuring) {
		timer_disarm(); /* a wake-up of wait_ticks */
		return;
	}
	record(entry_ticks);
	if (taken < wanted) {
		arm_next_deadline();
	} else {
		timer_disarm();
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

static u64 own_mpidr_base(void)
{
	/* Aff3 and Aff2..Aff1 of this CPU; Aff0 selects a sibling. */
	return cpu_mpidr() & 0xff00ffff00ull;
}

static void start_busy_cpus(unsigned int count, bool yield)
{
	unsigned int self = cpu_mpidr() & 0xff, cpu;

	for (cpu = 0; cpu < LATENCY_MAX_CPUS && count; cpu++) {
		if (cpu == self)
			continue;
		busy[cpu].yield = yield;
		busy[cpu].asked = 1;
		busy[cpu].psci =
			hypercall(PSCI_CPU_ON_64, own_mpidr_base() | cpu,
				  (u64)(uintptr_t)latency_busy_entry,
				  (u64)(uintptr_t)&busy[cpu]);
		count--;
	}
}

static void stop_busy_cpus(void)
{
	for (unsigned int cpu = 0; cpu < LATENCY_MAX_CPUS; cpu++)
		busy[cpu].stop = 1;
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

static int report(const char *fmt, ...) __printf(1, 2);
static int report(const char *fmt, ...)
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
		report("LAT hist %u %u %u\n", lo, hi, count);
	}
}

static void print_summary(const struct latency_summary *s)
{
	u64 mean_milli = s->sum * 1000 / s->n;

	report("LAT summary n=%u min=%u mode=%u mode_count=%u "
	       "mean=%lu.%03lu p50=%u p99=%u p999=%u max=%u at_floor=%u\n",
	       s->n, s->min, s->mode, s->mode_count, mean_milli / 1000,
	       mean_milli % 1000, s->p50, s->p99, s->p999, s->max, s->at_floor);
	report("LAT run missed=%lu early=%lu unexpected=%lu span=%lu\n", missed,
	       early, irq_unexpected_count(), deadline - first_deadline);
}

static void print_busy(void)
{
	for (unsigned int cpu = 0; cpu < LATENCY_MAX_CPUS; cpu++) {
		if (!busy[cpu].asked)
			continue;
		report("LAT busy cpu=%u psci=%ld iterations=%lu\n", cpu,
		       busy[cpu].psci, busy[cpu].iterations);
	}
}

static void print_begin(u32 flags, u32 busy_cpus)
{
	report("LAT begin run=%u where=%s gic=%d console=%s freq=%lu "
	       "period=%lu "
	       "samples=%u busy=%u busy_yield=%u idle=%s\n",
	       latency_params.run_id,
	       inmate_under_warden() ? "cell" : "bare-metal", gic_version(),
	       console_name(), timer_frequency(), period, wanted, busy_cpus,
	       !!(flags & LATENCY_BUSY_YIELD),
	       flags & LATENCY_IDLE_SPIN ? "spin" : "wfi");
}

static void print_report(void)
{
	struct latency_summary s;

	sort_samples(samples, taken);
	summarise(samples, taken, &s);
	print_summary(&s);
	print_busy();
	print_histogram(samples, taken);
	report("LAT end run=%u\n", latency_params.run_id);
}

/* Harness-supplied values are clamped, not trusted. */
static u32 clamp(u32 v, u32 lo, u32 hi)
{
	return v < lo ? lo : v > hi ? hi : v;
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

static void power_off_if_bare_metal(void)
{
	/* QEMU exits on SYSTEM_OFF; under Warden the cell just stops. */
	if (!inmate_under_warden())
		hypercall(PSCI_SYSTEM_OFF, 0, 0, 0);
}

void inmate_main(void)
{
	u32 flags = latency_params.flags;
	u32 busy_cpus =
		clamp(latency_params.busy_cpus, 0, LATENCY_MAX_CPUS - 1);
	int err = gic_init();

	if (!err)
		err = irq_request(PLATFORM_VTIMER_IRQ, on_timer);
	if (err) {
		printf("LAT error gic/irq set-up failed (%d)\nLAT end run=%u\n",
		       err, latency_params.run_id);
		return;
	}
	wanted = clamp(latency_params.samples, 1, LATENCY_MAX_SAMPLES);
	period = timer_ns_to_ticks(
		clamp(latency_params.period_us, 1, LATENCY_MAX_PERIOD_US) *
		1000ull);
	if (inmate_under_warden())
		busy_cpus = 0; /* the cell's CPUs are the measured ones */
	print_begin(flags, busy_cpus);
	start_busy_cpus(busy_cpus, flags & LATENCY_BUSY_YIELD);
	irq_enable();
	measure(flags);
	stop_busy_cpus();
	print_report();
	power_off_if_bare_metal();
}
